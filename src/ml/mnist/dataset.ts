/**
 * The MNIST data set as the worker holds it, and the one conversion every source
 * (the shipped 10k file, the original IDX files) goes through: grey bytes -> floats in [0, 1],
 * as read_data_sets does (`images * (1.0 / 255.0)`).
 */
import { msg } from '../../shared/message';
import type { LabelledSplit } from '../datasets/data';
import type { ParseResult } from '../../shared/result';

export const MNIST_CLASSES = 10;
export const MNIST_CLASS_NAMES: string[] = Array.from({ length: MNIST_CLASSES }, (_, i) => String(i));

/** Digits as the files store them: bytes, not yet scaled. Arrays may be views into the file's buffer. */
export interface MnistImages {
  /** Grey levels 0..255 (0 = background, 255 = full ink), shape [count, rows, cols] row-major. */
  images: Uint8Array;
  /** Class ids 0..9, shape [count]. */
  labels: Uint8Array;
  count: number;
  rows: number;
  cols: number;
}

/**
 * read_data_sets' three splits. Each split's features have shape [split.rows, rows * cols],
 * floats in [0, 1]; labels are class ids 0..9.
 */
export interface MnistData {
  name: string;
  rows: number;
  cols: number;
  classNames: string[];
  train: LabelledSplit;
  validation: LabelledSplit;
  test: LabelledSplit;
}

/** Images [start, end) of `set` as a float split. Allocates (end - start) * rows * cols floats. */
export function toSplit(set: MnistImages, start: number, end: number): LabelledSplit {
  const size = set.rows * set.cols;
  const bytes = set.images.subarray(start * size, end * size);
  const features = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) features[i] = bytes[i] / 255;
  return { features, labels: Int32Array.from(set.labels.subarray(start, end)), rows: end - start };
}

/** Checks a split size asked for by a caller: a whole number in [0, available]. */
export function checkSize(split: 'validation' | 'test', size: number, available: number): ParseResult<number> {
  if (!Number.isInteger(size) || size < 0 || size > available) {
    return { ok: false, reason: msg('mnist.bad-split-size', { split, size, available }) };
  }
  return { ok: true, value: size };
}

/**
 * bytes [start, start + length) as a plain Uint8Array view (no copy), even when `bytes`
 * is a subclass such as Node's Buffer.
 */
export function plainView(bytes: Uint8Array, start: number, length: number): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset + start, length);
}

/** Index of the first label outside 0..9, or -1 when all are class ids. */
export function findBadLabel(labels: Uint8Array): number {
  for (let i = 0; i < labels.length; i++) if (labels[i] >= MNIST_CLASSES) return i;
  return -1;
}
