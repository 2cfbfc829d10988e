/** The IDX reader for the original MNIST files: good files gzipped or not, and every way a file can be wrong. */
import * as tf from '@tensorflow/tfjs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fromIdx, IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, parseIdxImages, parseIdxLabels } from '../../src/ml/mnist/idx';
import { reasonError } from '../../src/shared/result';
import { english } from './words';

await tf.setBackend('cpu');

/** An IDX file: big-endian magic, dims, then `body` (default: byte i is i % 251). */
function idx(magic: number, dims: number[], body?: ArrayLike<number>): Uint8Array {
  const size = dims.reduce((a, b) => a * b, 1);
  const bytes = new Uint8Array(4 + 4 * dims.length + (body?.length ?? size));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  const start = 4 + 4 * dims.length;
  if (body) bytes.set(body, start);
  else for (let i = 0; i < size; i++) bytes[start + i] = i % 251;
  return bytes;
}
const images = (count: number, rows = 2, cols = 3) => idx(IDX_IMAGES_MAGIC, [count, rows, cols]);
const labels = (values: number[]) => idx(IDX_LABELS_MAGIC, [values.length], values);
const digits = (n: number) => Array.from({ length: n }, (_, i) => i % 10);
const gz = (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes));

/** A tiny good set: 8 training and 3 test images of 2 x 3 pixels. */
function tinyFiles() {
  return {
    trainImages: images(8),
    trainLabels: labels(digits(8)),
    testImages: images(3),
    testLabels: labels([9, 8, 7]),
  };
}

describe('parseIdxImages and parseIdxLabels', () => {
  it('read the header and give the data after it', () => {
    const result = parseIdxImages(images(2, 2, 3));
    if (!result.ok) throw reasonError(result.reason);
    expect([result.value.count, result.value.rows, result.value.cols]).toEqual([2, 2, 3]);
    expect(Array.from(result.value.images)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const l = parseIdxLabels(labels([3, 1, 4]));
    expect(l.ok && Array.from(l.value)).toEqual([3, 1, 4]);
  });

  it.each([
    ['an empty file', new Uint8Array(0), '0 bytes is too short to be an IDX file'],
    ['a text file', new TextEncoder().encode('label,pixel0\n5,0\n'), 'is not an IDX file (magic 0x6c616265, expected 0x00000803)'],
    ['a labels file', labels([1, 2]), 'holds labels, not images (magic 0x00000801'],
    ['a float IDX array', idx(0x00000d03, [1, 1, 1], [0, 0, 0, 0]), 'holds another IDX array, not images'],
    ['a cut header', images(1).subarray(0, 12), '12 bytes is too short for the 16-byte IDX header'],
    ['a truncated body', images(4).subarray(0, 30), 'the header declares images of shape [4, 2, 3] (40 bytes) but the file has 30 bytes'],
    ['a trailing byte', idx(IDX_IMAGES_MAGIC, [1, 2, 3], [0, 0, 0, 0, 0, 0, 0]), 'but the file has 23 bytes'],
    ['10^9 images in 1 KB', idx(IDX_IMAGES_MAGIC, [1e9, 28, 28], new Uint8Array(1008)), 'declares images of shape [1000000000, 28, 28] (784000000016 bytes) but the file has 1024 bytes'],
    ['0 x 3 images', idx(IDX_IMAGES_MAGIC, [5, 0, 3], []), 'the header declares 0 x 3 images'],
  ])('parseIdxImages rejects %s', (_, bytes, reason) => {
    const result = parseIdxImages(bytes, 'train-images-idx3-ubyte');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(english(result.reason).startsWith('train-images-idx3-ubyte')).toBe(true);
      expect(english(result.reason)).toContain(reason);
    }
  });

  it.each([
    ['an images file', images(1), 'holds images, not labels (magic 0x00000803, expected 0x00000801)'],
    ['a label of 10', labels([1, 10, 2]), 'label 10 at index 1 is not a digit 0-9'],
    ['a label of 255', labels([255]), 'label 255 at index 0 is not a digit 0-9'],
    ['a missing label', labels([1, 2, 3]).subarray(0, 10), 'the header declares labels of shape [3] (11 bytes) but the file has 10 bytes'],
  ])('parseIdxLabels rejects %s', (_, bytes, reason) => {
    const result = parseIdxLabels(bytes, 'train-labels-idx1-ubyte');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(english(result.reason).startsWith('train-labels-idx1-ubyte')).toBe(true);
      expect(english(result.reason)).toContain(reason);
    }
  });
});

describe('fromIdx', () => {
  it.each([
    ['plain', (b: Uint8Array) => b],
    ['gzipped', gz],
  ])('splits %s files like read_data_sets: validation first, then train; test is t10k', async (_, encode) => {
    const f = tinyFiles();
    const result = await fromIdx(encode(f.trainImages), encode(f.trainLabels), encode(f.testImages), encode(f.testLabels), {
      validationSize: 2,
    });
    if (!result.ok) throw reasonError(result.reason);
    const { train, validation, test, rows, cols } = result.value;
    expect([rows, cols]).toEqual([2, 3]);
    expect([train.rows, validation.rows, test.rows]).toEqual([6, 2, 3]);
    expect(Array.from(validation.labels)).toEqual([0, 1]);
    expect(Array.from(train.labels)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(Array.from(test.labels)).toEqual([9, 8, 7]);
    // Training image 2 starts at byte 12 of the body: 12 / 255.
    expect(train.features[0]).toBeCloseTo(12 / 255, 6);
    expect(train.features).toBeInstanceOf(Float32Array);
    expect(train.labels).toBeInstanceOf(Int32Array);
  });

  it('gives 55,000 / 5,000 / 10,000 for files the size of MNIST', async () => {
    const result = await fromIdx(
      images(60_000, 28, 28),
      labels(digits(60_000)),
      images(10_000, 28, 28),
      labels(digits(10_000)),
    );
    if (!result.ok) throw reasonError(result.reason);
    const { train, validation, test } = result.value;
    expect([train.rows, validation.rows, test.rows]).toEqual([55_000, 5_000, 10_000]);
    expect(train.features.length).toBe(55_000 * 784);
    expect(result.value.name).toBe('MNIST (70000 digits)');
  });

  type Files = ReturnType<typeof tinyFiles>;
  it.each<[string, (f: Files) => Files, string]>([
    ['more images than labels', (f) => ({ ...f, trainLabels: labels(digits(7)) }), 'train-images-idx3-ubyte has 8 images but train-labels-idx1-ubyte has 7 labels'],
    ['test images and labels swapped', (f) => ({ ...f, testImages: f.testLabels, testLabels: f.testImages }), 't10k-images-idx3-ubyte holds labels, not images'],
    ['a bad test label', (f) => ({ ...f, testLabels: labels([1, 2, 12]) }), 't10k-labels-idx1-ubyte: label 12 at index 2'],
    ['test digits of another size', (f) => ({ ...f, testImages: images(3, 3, 2) }), 'train-images-idx3-ubyte holds 2 x 3 images but t10k-images-idx3-ubyte holds 3 x 2'],
    ['corrupt gzip', (f) => ({ ...f, trainLabels: gz(f.trainLabels).subarray(0, 20) }), 'train-labels-idx1-ubyte: the gzip data is corrupt'],
    ['fewer training images than the validation size', (f) => f, 'validation size must be a whole number from 0 to 8, not 5000'],
  ])('rejects %s', async (_, change, reason) => {
    const f = change(tinyFiles());
    const result = await fromIdx(f.trainImages, f.trainLabels, f.testImages, f.testLabels);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toContain(reason);
  });

  it('refuses a gzip that inflates past the cap instead of allocating it', async () => {
    const f = tinyFiles();
    const bomb = gz(idx(IDX_IMAGES_MAGIC, [1000, 28, 28]));
    expect(bomb.length).toBeLessThan(10_000);
    const result = await fromIdx(bomb, f.trainLabels, f.testImages, f.testLabels, { maxBytes: 100_000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toBe('train-images-idx3-ubyte: inflates to more than 100000 bytes.');
  });

  it('names the files as the user called them', async () => {
    const f = tinyFiles();
    const result = await fromIdx(f.trainImages, f.trainImages, f.testImages, f.testLabels, {
      names: { trainLabels: 'my-labels.idx' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toMatch(/^my-labels\.idx holds images, not labels/);
  });
});
