/** The shipped 10k digits file: its reader, its failure messages, and read_data_sets' split. */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeMnistBinary, MNIST_BINARY_MAGIC, parseMnistBinary, splitMnist } from '../../src/ml/mnist/binary';
import type { MnistImages } from '../../src/ml/mnist/dataset';
import { reasonError } from '../../src/shared/result';
import { english } from './words';

await tf.setBackend('cpu');

const FILE = new URL('../../public/data/mnist-10k.bin.gz', import.meta.url);

/** A file in the shipped format with the given header and body. */
function binary(count: number, rows: number, cols: number, labels: number[], magic = MNIST_BINARY_MAGIC): Uint8Array {
  const bytes = new Uint8Array(16 + count * rows * cols + labels.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  view.setUint32(4, count);
  view.setUint32(8, rows);
  view.setUint32(12, cols);
  for (let i = 0; i < count * rows * cols; i++) bytes[16 + i] = i % 256;
  bytes.set(labels, 16 + count * rows * cols);
  return bytes;
}

function mustParse(bytes: Uint8Array): MnistImages {
  const result = parseMnistBinary(bytes);
  if (!result.ok) throw reasonError(result.reason);
  return result.value;
}

describe('public/data/mnist-10k.bin.gz', () => {
  let set: MnistImages;
  beforeAll(async () => {
    const result = await decodeMnistBinary(readFileSync(FILE));
    if (!result.ok) throw reasonError(result.reason);
    set = result.value;
  });

  it('holds 10,000 28 x 28 digits of every class, a few MB on disk', () => {
    expect(readFileSync(FILE).length).toBeLessThan(3_000_000);
    expect([set.count, set.rows, set.cols]).toEqual([10_000, 28, 28]);
    expect(set.images.length).toBe(10_000 * 784);
    const perClass = new Array<number>(10).fill(0);
    for (const label of set.labels) perClass[label]++;
    // The mnist package's per-digit counts.
    expect(perClass).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
  });

  it('holds real MNIST digits: background 0, full ink 255, centred in the field', () => {
    const first = set.images.subarray(0, 784);
    expect(first[0]).toBe(0);
    expect(Math.max(...first)).toBe(255);
    let sx = 0;
    let sy = 0;
    let sum = 0;
    for (let i = 0; i < 784; i++) {
      sum += first[i];
      sx += first[i] * (i % 28);
      sy += first[i] * Math.floor(i / 28);
    }
    expect(Math.abs(sx / sum - 14)).toBeLessThanOrEqual(1);
    expect(Math.abs(sy / sum - 14)).toBeLessThanOrEqual(1);
  });

  it('reads the same whether served gzipped or already inflated (Content-Encoding: gzip)', async () => {
    const inflated = await decodeMnistBinary(gunzipSync(readFileSync(FILE)));
    expect(inflated.ok && inflated.value.labels).toEqual(set.labels);
  });

  it('splits 1,000 validation / 8,000 train / 1,000 test like read_data_sets, scaled to [0, 1]', () => {
    const result = splitMnist(set);
    if (!result.ok) throw reasonError(result.reason);
    const { train, validation, test } = result.value;
    expect([train.rows, validation.rows, test.rows]).toEqual([8000, 1000, 1000]);
    expect(train.features.length).toBe(8000 * 784);
    // validation = [0, 1000), train = [1000, 9000), test = [9000, 10000).
    expect(validation.labels[0]).toBe(set.labels[0]);
    expect(train.labels[0]).toBe(set.labels[1000]);
    expect(test.labels[999]).toBe(set.labels[9999]);
    for (let p = 0; p < 784; p++) expect(train.features[p]).toBeCloseTo(set.images[1000 * 784 + p] / 255, 6);
    expect(test.features.reduce((a, b) => Math.min(a, b))).toBe(0);
    expect(test.features.reduce((a, b) => Math.max(a, b))).toBe(1);
    for (const split of [train, validation, test]) expect(new Set(split.labels).size).toBe(10);
  });
});

describe('parseMnistBinary', () => {
  it('reads a small good file, images then labels', () => {
    const set = mustParse(binary(3, 2, 2, [7, 0, 9]));
    expect([set.count, set.rows, set.cols]).toEqual([3, 2, 2]);
    expect(Array.from(set.images)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(Array.from(set.labels)).toEqual([7, 0, 9]);
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'too short'],
    ['a short header', binary(1, 2, 2, [1]).subarray(0, 10), 'too short'],
    ['another magic', binary(1, 2, 2, [1], 0x00000803), 'not an MNIST digits file (magic 0x00000803'],
    ['a missing label', binary(2, 2, 2, [1]), 'declares 2 images of 2 x 2 (26 bytes) but the file has 25 bytes'],
    ['a byte too many', binary(1, 2, 2, [1, 1]), 'but the file has 22 bytes'],
    ['0 x 0 images', binary(1e9, 0, 0, []).slice(0, 16), 'declares 0 x 0 images'],
    ['label 10', binary(2, 2, 2, [3, 10]), 'label 10 of image 1 is not a digit'],
  ])('rejects %s', (_, bytes, reason) => {
    const result = parseMnistBinary(bytes, 'digits.bin');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(english(result.reason)).toContain('digits.bin');
      expect(english(result.reason)).toContain(reason);
    }
  });

  it('rejects a header claiming 10^9 images in a 1 KB file without allocating them', () => {
    const bytes = new Uint8Array(1024);
    bytes.set(binary(0, 28, 28, []));
    new DataView(bytes.buffer).setUint32(4, 1e9);
    const result = parseMnistBinary(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toContain('1000000000 images of 28 x 28 (785000000016 bytes) but the file has 1024 bytes');
  });

  it('rejects corrupt gzip with a reason, without throwing', async () => {
    const gz = gzipSync(binary(2, 2, 2, [1, 2]));
    const result = await decodeMnistBinary(gz.subarray(0, gz.length - 6));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toMatch(/mnist-10k\.bin\.gz: the gzip data is corrupt/);
  });
});

describe('splitMnist', () => {
  const set = mustParse(binary(10, 1, 2, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));

  it.each([
    [{ validation: 2, test: 3 }, [5, 2, 3], [2, 0, 7]],
    [{ validation: 0, test: 0 }, [10, 0, 0], [0, undefined, undefined]],
    [{ validation: 5, test: 5 }, [0, 5, 5], [undefined, 0, 5]],
  ])('with sizes %j gives train / validation / test rows %j', (sizes, rows, firstLabels) => {
    const result = splitMnist(set, sizes);
    if (!result.ok) throw reasonError(result.reason);
    const { train, validation, test } = result.value;
    expect([train.rows, validation.rows, test.rows]).toEqual(rows);
    expect([train.labels[0], validation.labels[0], test.labels[0]]).toEqual(firstLabels);
  });

  it.each([
    [{ test: 11 }, 'test size must be a whole number from 0 to 10, not 11'],
    [{ test: 5, validation: 6 }, 'validation size must be a whole number from 0 to 5, not 6'],
    [{ validation: -1 }, 'not -1'],
    [{ validation: 1.5 }, 'not 1.5'],
  ])('rejects sizes %j', (sizes, reason) => {
    const result = splitMnist(set, sizes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toContain(reason);
  });
});
