/**
 * Reader for the original MNIST files in Yann LeCun's IDX format, gzipped or not, so a
 * user can load the full 70,000 digits from disk (the app ships only 10,000):
 *   train-images-idx3-ubyte  train-labels-idx1-ubyte  t10k-images-idx3-ubyte  t10k-labels-idx1-ubyte
 *
 * IDX: a big-endian magic 0x0000TTNN (TT = 0x08 for unsigned bytes, NN = number of
 * dimensions), NN big-endian uint32 sizes, then the data. Images are 0x00000803
 * [count, rows, cols], labels 0x00000801 [count]. Every size is checked against the byte
 * length before anything is allocated, and bad files give a reason naming the file.
 */
import { msg } from '../../shared/message';
import type { MnistArray } from '../../shared/messages/mnist';
import type { ParseResult } from '../../shared/result';
import { checkSize, findBadLabel, MNIST_CLASS_NAMES, toSplit, plainView, type MnistData, type MnistImages } from './dataset';
import { gunzipIfNeeded, MAX_INFLATED_BYTES } from './gzip';

export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;

/** The file names of the MNIST distribution, used in error messages. */
export const IDX_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** read_data_sets' VALIDATION_SIZE: the first 5,000 training images. */
export const IDX_VALIDATION_SIZE = 5000;

/** A checked IDX ubyte array: `dims` as declared, `data` a view into the file's bytes. */
interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

/** Header and size checks shared by both kinds of file. */
function parseIdx(bytes: Uint8Array, fileName: string, magic: number, what: MnistArray): ParseResult<IdxArray> {
  const ndims = magic & 0xff;
  const headerBytes = 4 + 4 * ndims;
  if (bytes.length < 4) return { ok: false, reason: msg('mnist.idx-too-short', { file: fileName, bytes: bytes.length }) };
  const header = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = header.getUint32(0);
  if (found !== magic) {
    const isIdx = found >>> 16 === 0 && ((found >>> 8) & 0xff) >= 0x08 && ((found >>> 8) & 0xff) <= 0x0e;
    const holds = found === IDX_IMAGES_MAGIC ? 'images' : found === IDX_LABELS_MAGIC ? 'labels' : isIdx ? 'other' : 'none';
    return { ok: false, reason: msg('mnist.bad-magic', { file: fileName, found, expected: magic, holds, want: what }) };
  }
  if (bytes.length < headerBytes) {
    return { ok: false, reason: msg('mnist.short-header', { file: fileName, bytes: bytes.length, header: headerBytes, format: 'idx' }) };
  }
  const dims = Array.from({ length: ndims }, (_, i) => header.getUint32(4 + 4 * i));
  // A product of uint32s: inexact beyond 2^53, but then it is far larger than any file anyway.
  const expected = headerBytes + dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== expected) {
    return { ok: false, reason: msg('mnist.idx-size', { file: fileName, what, dims, expected, bytes: bytes.length }) };
  }
  return { ok: true, value: { dims, data: plainView(bytes, headerBytes, bytes.length - headerBytes) } };
}

/** An images file (magic 0x00000803), already inflated. `images` is a view into `bytes`. */
export function parseIdxImages(
  bytes: Uint8Array,
  fileName: string = IDX_FILES.trainImages,
): ParseResult<{ images: Uint8Array; count: number; rows: number; cols: number }> {
  const idx = parseIdx(bytes, fileName, IDX_IMAGES_MAGIC, 'images');
  if (!idx.ok) return idx;
  const [count, rows, cols] = idx.value.dims;
  if (rows === 0 || cols === 0) return { ok: false, reason: msg('mnist.no-pixels', { file: fileName, rows, cols }) };
  return { ok: true, value: { images: idx.value.data, count, rows, cols } };
}

/** A labels file (magic 0x00000801), already inflated; every label must be 0..9. */
export function parseIdxLabels(bytes: Uint8Array, fileName: string = IDX_FILES.trainLabels): ParseResult<Uint8Array> {
  const idx = parseIdx(bytes, fileName, IDX_LABELS_MAGIC, 'labels');
  if (!idx.ok) return idx;
  const labels = idx.value.data;
  const bad = findBadLabel(labels);
  if (bad >= 0) return { ok: false, reason: msg('mnist.bad-label', { file: fileName, label: labels[bad], index: bad, at: 'index' }) };
  return { ok: true, value: labels };
}

/** One images file and its labels file, gzipped or not, checked to have the same count. */
export async function readIdxPair(
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  imagesName: string,
  labelsName: string,
  maxBytes = MAX_INFLATED_BYTES,
): Promise<ParseResult<MnistImages>> {
  const rawImages = await gunzipIfNeeded(imageBytes, imagesName, maxBytes);
  if (!rawImages.ok) return rawImages;
  const images = parseIdxImages(rawImages.value, imagesName);
  if (!images.ok) return images;
  const rawLabels = await gunzipIfNeeded(labelBytes, labelsName, maxBytes);
  if (!rawLabels.ok) return rawLabels;
  const labels = parseIdxLabels(rawLabels.value, labelsName);
  if (!labels.ok) return labels;
  if (labels.value.length !== images.value.count) {
    const params = { images: imagesName, labels: labelsName, imageCount: images.value.count, labelCount: labels.value.length };
    return { ok: false, reason: msg('mnist.count-mismatch', params) };
  }
  return { ok: true, value: { ...images.value, labels: labels.value } };
}

export interface FromIdxOptions {
  /** Training images held out for validation, taken first (read_data_sets: 5,000). */
  validationSize?: number;
  /** Cap on each inflated file, in bytes. */
  maxBytes?: number;
  /** Names for error messages, when the user's files are called something else. */
  names?: Partial<Record<keyof typeof IDX_FILES, string>>;
}

/**
 * read_data_sets on the four files: validation = training images [0, 5000),
 * train = [5000, 60000), test = all of t10k: 55,000 / 5,000 / 10,000 for real MNIST.
 * Allocates 4 bytes per pixel of the result (about 220 MB for all 70,000 digits).
 */
export async function fromIdx(
  trainImages: Uint8Array,
  trainLabels: Uint8Array,
  testImages: Uint8Array,
  testLabels: Uint8Array,
  options: FromIdxOptions = {},
): Promise<ParseResult<MnistData>> {
  const names = { ...IDX_FILES, ...options.names };
  const train = await readIdxPair(trainImages, trainLabels, names.trainImages, names.trainLabels, options.maxBytes);
  if (!train.ok) return train;
  const test = await readIdxPair(testImages, testLabels, names.testImages, names.testLabels, options.maxBytes);
  if (!test.ok) return test;
  const t = train.value;
  if (t.rows !== test.value.rows || t.cols !== test.value.cols) {
    const params = { train: names.trainImages, test: names.testImages, trainRows: t.rows, trainCols: t.cols, testRows: test.value.rows, testCols: test.value.cols };
    return { ok: false, reason: msg('mnist.size-mismatch', params) };
  }
  const validationSize = checkSize('validation', options.validationSize ?? IDX_VALIDATION_SIZE, t.count);
  if (!validationSize.ok) return validationSize;
  return {
    ok: true,
    value: {
      name: `MNIST (${t.count + test.value.count} digits)`,
      rows: t.rows,
      cols: t.cols,
      classNames: MNIST_CLASS_NAMES,
      validation: toSplit(t, 0, validationSize.value),
      train: toSplit(t, validationSize.value, t.count),
      test: toSplit(test.value, 0, test.value.count),
    },
  };
}
