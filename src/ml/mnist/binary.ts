/**
 * Reader for public/data/mnist-10k.bin.gz, the 10,000 real MNIST digits the app ships
 * (written by scripts/build-mnist.mjs, which documents where they come from), and its
 * split into read_data_sets' train / validation / test.
 *
 * Format, integers big-endian as in IDX:
 *   0..3 magic "MNB1" (0x4d4e4231) | 4..7 count | 8..11 rows | 12..15 cols
 *   then count * rows * cols pixel bytes (0 = background, 255 = full ink), then count label bytes.
 * The file is stored gzipped; a server may inflate it on the way (Content-Encoding: gzip),
 * so both forms are accepted.
 */
import { msg } from '../../shared/message';
import type { ParseResult } from '../../shared/result';
import { checkSize, findBadLabel, MNIST_CLASS_NAMES, toSplit, plainView, type MnistData, type MnistImages } from './dataset';
import { gunzipIfNeeded } from './gzip';

export const MNIST_BINARY_MAGIC = 0x4d4e4231;
export const MNIST_BINARY_FILE = 'mnist-10k.bin.gz';
const HEADER_BYTES = 16;

/**
 * Parse the (already inflated) bytes. `images` and `labels` are views into `bytes`, not copies.
 * Checks the magic, that the size is exactly header + count * (rows * cols + 1), and labels 0..9.
 */
export function parseMnistBinary(bytes: Uint8Array, fileName = MNIST_BINARY_FILE): ParseResult<MnistImages> {
  if (bytes.length < HEADER_BYTES) {
    return { ok: false, reason: msg('mnist.short-header', { file: fileName, bytes: bytes.length, header: HEADER_BYTES, format: 'binary' }) };
  }
  const header = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = header.getUint32(0);
  if (magic !== MNIST_BINARY_MAGIC) {
    return { ok: false, reason: msg('mnist.bin-bad-magic', { file: fileName, found: magic, expected: MNIST_BINARY_MAGIC }) };
  }
  const count = header.getUint32(4);
  const rows = header.getUint32(8);
  const cols = header.getUint32(12);
  if (rows === 0 || cols === 0) return { ok: false, reason: msg('mnist.no-pixels', { file: fileName, rows, cols }) };
  // Up to 2^96: inexact beyond 2^53, but then far larger than any real file, so still unequal.
  const expected = HEADER_BYTES + count * (rows * cols + 1);
  if (bytes.length !== expected) {
    return { ok: false, reason: msg('mnist.bin-size', { file: fileName, count, rows, cols, expected, bytes: bytes.length }) };
  }
  const pixelBytes = count * rows * cols;
  const images = plainView(bytes, HEADER_BYTES, pixelBytes);
  const labels = plainView(bytes, HEADER_BYTES + pixelBytes, count);
  const bad = findBadLabel(labels);
  if (bad >= 0) return { ok: false, reason: msg('mnist.bad-label', { file: fileName, label: labels[bad], index: bad, at: 'image' }) };
  return { ok: true, value: { images, labels, count, rows, cols } };
}

/** parseMnistBinary on the file's bytes as fetched or read: gzipped or already inflated. */
export async function decodeMnistBinary(bytes: Uint8Array, fileName = MNIST_BINARY_FILE): Promise<ParseResult<MnistImages>> {
  const inflated = await gunzipIfNeeded(bytes, fileName);
  return inflated.ok ? parseMnistBinary(inflated.value, fileName) : inflated;
}

export interface MnistSplitSizes {
  /** Images for validation, taken first (default a tenth of the file: 1,000 of 10,000). */
  validation?: number;
  /** Images for test, taken last (default a tenth of the file: 1,000 of 10,000). */
  test?: number;
}

/**
 * read_data_sets' split, applied to one file. With the defaults and 10,000 digits:
 *   validation = images [0, 1000), train = [1000, 9000), test = [9000, 10000).
 * The first `count - test` images play the role of the training file, whose first
 * `validation` images read_data_sets holds out, and the last `test` images the role of
 * t10k. The shipped file is in a fixed shuffled order, so every split holds every class.
 */
export function splitMnist(set: MnistImages, sizes: MnistSplitSizes = {}, name = 'MNIST (10,000 digits)'): ParseResult<MnistData> {
  const tenth = Math.floor(set.count / 10);
  const test = checkSize('test', sizes.test ?? tenth, set.count);
  if (!test.ok) return test;
  const validation = checkSize('validation', sizes.validation ?? tenth, set.count - test.value);
  if (!validation.ok) return validation;
  const trainEnd = set.count - test.value;
  return {
    ok: true,
    value: {
      name,
      rows: set.rows,
      cols: set.cols,
      classNames: MNIST_CLASS_NAMES,
      validation: toSplit(set, 0, validation.value),
      train: toSplit(set, validation.value, trainEnd),
      test: toSplit(set, trainEnd, set.count),
    },
  };
}
