/**
 * For `npm run bench`: MNIST-sized IDX files (60,000 training digits, of which the app keeps
 * 5,000 for validation as read_data_sets does, and 10,000 test digits) made from the 10,000
 * real digits the app ships, for machines without the original files (no download here).
 * The training file is the shipped digits six times over, shifted by 0 or 1 pixel
 * ((0,0), (1,0), (-1,0), (0,1), (0,-1), (1,1)); the test file is the same digits shifted by
 * (-1,-1). A timing aid only: the test digits are shifted copies of training digits, so
 * the precision it reaches is no held-out number.
 *
 * Reads public/data/mnist-10k.bin.gz (format: scripts/build-mnist.mjs). Writes the four
 * files under `dir` with the names the app's IDX drop expects, ungzipped; returns their paths.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const TRAIN_SHIFTS = [
  [0, 0],
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [1, 1],
];
const TEST_SHIFT = [-1, -1];

/** The shipped digits: pixels [count * 784] bytes and labels [count]. */
function shippedDigits(root) {
  const bytes = gunzipSync(readFileSync(join(root, 'public/data/mnist-10k.bin.gz')));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== 0x4d4e4231) throw new Error('public/data/mnist-10k.bin.gz is not an MNB1 file; run npm run data.');
  const count = view.getUint32(4);
  const pixels = bytes.subarray(16, 16 + count * PIXELS);
  const labels = bytes.subarray(16 + count * PIXELS, 16 + count * PIXELS + count);
  return { count, pixels, labels };
}

/** Digit `i` of `pixels` moved by (dx, dy) pixels into `out` at `at`; what moves in is background. */
function shifted(pixels, i, dx, dy, out, at) {
  for (let y = 0; y < SIDE; y++) {
    const sy = y - dy;
    for (let x = 0; x < SIDE; x++) {
      const sx = x - dx;
      out[at + y * SIDE + x] = sx >= 0 && sx < SIDE && sy >= 0 && sy < SIDE ? pixels[i * PIXELS + sy * SIDE + sx] : 0;
    }
  }
}

/** IDX3 images (magic 2051) and IDX1 labels (magic 2049) of the digits under `shifts`, shift after shift. */
function idxFiles(digits, shifts) {
  const n = digits.count * shifts.length;
  const images = Buffer.alloc(16 + n * PIXELS);
  images.writeUInt32BE(2051, 0);
  images.writeUInt32BE(n, 4);
  images.writeUInt32BE(SIDE, 8);
  images.writeUInt32BE(SIDE, 12);
  const labels = Buffer.alloc(8 + n);
  labels.writeUInt32BE(2049, 0);
  labels.writeUInt32BE(n, 4);
  shifts.forEach(([dx, dy], s) => {
    for (let i = 0; i < digits.count; i++) {
      const k = s * digits.count + i;
      shifted(digits.pixels, i, dx, dy, images, 16 + k * PIXELS);
      labels[8 + k] = digits.labels[i];
    }
  });
  return { images, labels };
}

export function writeFullSizeMnist(root, dir) {
  const digits = shippedDigits(root);
  mkdirSync(dir, { recursive: true });
  const train = idxFiles(digits, TRAIN_SHIFTS);
  const test = idxFiles(digits, [TEST_SHIFT]);
  const files = {
    'train-images-idx3-ubyte': train.images,
    'train-labels-idx1-ubyte': train.labels,
    't10k-images-idx3-ubyte': test.images,
    't10k-labels-idx1-ubyte': test.labels,
  };
  return Object.entries(files).map(([name, body]) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  });
}
