/** The digit pad's preprocessing: a drawing becomes an MNIST-like 28 x 28 digit, boxed and centred. */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMnistBinary } from '../../src/ml/mnist/binary';
import { centreOfMass, preprocessDigit, type Digit } from '../../src/ml/mnist/preprocess';
import { reasonError } from '../../src/shared/result';
import { english } from './words';

await tf.setBackend('cpu');

type Shape = (x: number, y: number) => number;

/** A width x height canvas with ink(x, y) in [0, 1] at each pixel centre. */
function draw(width: number, height: number, ink: Shape): Float32Array {
  const canvas = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) canvas[y * width + x] = ink(x + 0.5, y + 0.5);
  return canvas;
}

/** Shapes in a unit square, placed at (left, top) and scaled by `size` canvas pixels. */
const place = (shape: Shape, left: number, top: number, size: number): Shape => (x, y) =>
  shape((x - left) / size, (y - top) / size);
const stroke: Shape = (x, y) => (Math.abs(x - 0.5) < 0.05 && y > 0 && y < 1 ? 1 : 0);
const ring: Shape = (x, y) => (Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.42) < 0.06 ? 1 : 0);
/** A seven: a bar along the top and a slanted stem. */
const seven: Shape = (x, y) =>
  (y > 0 && y < 0.12 && x > 0.1 && x < 0.9) || (y > 0 && y < 1 && Math.abs(x - (0.9 - 0.45 * y)) < 0.07) ? 1 : 0;

function run(canvas: Float32Array, width: number, height: number): Digit {
  const result = preprocessDigit(canvas, width, height);
  if (!result.ok) throw reasonError(result.reason);
  return result.value;
}

/** Bounding box of the ink in a 28 x 28 digit. */
function inkBox(pixels: Float32Array) {
  let x0 = 28;
  let y0 = 28;
  let x1 = -1;
  let y1 = -1;
  pixels.forEach((v, i) => {
    if (v <= 0) return;
    const x = i % 28;
    const y = Math.floor(i / 28);
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  });
  return { width: x1 - x0 + 1, height: y1 - y0 + 1, x0, y0, x1, y1 };
}

function meanAbsDiff(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

describe('preprocessDigit', () => {
  it.each<[string, number, number, Shape, [number, number]]>([
    ['a vertical stroke, centred', 280, 280, place(stroke, 40, 40, 200), [2, 20]],
    ['a vertical stroke in a corner', 280, 280, place(stroke, 0, 150, 120), [2, 20]],
    ['a ring', 280, 280, place(ring, 40, 40, 200), [20, 20]],
    ['a small ring off-centre on a wide canvas', 400, 200, place(ring, 300, 10, 60), [20, 20]],
    ['a seven', 280, 280, place(seven, 30, 30, 220), [17, 20]],
  ])('boxes %s into 20 x 20 with its centre of mass at (14, 14)', (_, width, height, shape, size) => {
    const digit = run(draw(width, height, shape), width, height);
    expect(digit.empty).toBe(false);
    expect(digit.pixels).toHaveLength(784);
    const box = inkBox(digit.pixels);
    expect([box.width, box.height]).toEqual(size);
    const com = centreOfMass(digit.pixels, 28, 28);
    expect(Math.abs(com!.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com!.y - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...digit.pixels)).toBeLessThanOrEqual(1);
    expect(Math.min(...digit.pixels)).toBeGreaterThanOrEqual(0);
  });

  it('keeps full ink for a thick stroke and grey for a thin one (area averaging, not sampling)', () => {
    const thick = run(draw(280, 280, place(stroke, 40, 40, 200)), 280, 280);
    expect(Math.max(...thick.pixels)).toBeCloseTo(1, 5);
    // A 1-pixel hairline 200 pixels long: nearest-neighbour sampling would keep or drop it whole.
    const hair = draw(280, 280, (x, y) => (Math.abs(x - 100.5) < 0.5 && Math.abs(y - 140) < 100 ? 1 : 0));
    const thin = run(hair, 280, 280);
    expect(inkBox(thin.pixels)).toMatchObject({ width: 1, height: 20 });
  });

  it('is scale- and position-invariant: the same seven drawn big or small gives the same digit', () => {
    const big = run(draw(280, 280, place(seven, 30, 30, 220)), 280, 280);
    const small = run(draw(200, 150, place(seven, 80, 20, 110)), 200, 150);
    const tiny = run(draw(100, 100, place(seven, 5, 50, 44)), 100, 100);
    expect(meanAbsDiff(big.pixels, small.pixels)).toBeLessThan(0.03);
    expect(meanAbsDiff(big.pixels, tiny.pixels)).toBeLessThan(0.05);
  });

  it('gives back real MNIST digits, pixel for pixel, from drawings 10 times larger', async () => {
    const file = await decodeMnistBinary(readFileSync(new URL('../../public/data/mnist-10k.bin.gz', import.meta.url)));
    if (!file.ok) throw reasonError(file.reason);
    for (let i = 0; i < 100; i++) {
      const original = Float32Array.from(file.value.images.subarray(i * 784, (i + 1) * 784), (v) => v / 255);
      const canvas = draw(280, 280, (x, y) => original[Math.floor(y / 10) * 28 + Math.floor(x / 10)]);
      // MNIST's own boxing and whole-pixel centring: redoing it lands on the same pixels.
      expect(meanAbsDiff(run(canvas, 280, 280).pixels, original)).toBeLessThan(1e-6);
    }
  });

  it('flags an empty canvas and returns zeros', () => {
    const result = preprocessDigit(new Float32Array(280 * 280), 280, 280);
    expect(result).toEqual({ ok: true, value: { pixels: new Float32Array(784), empty: true, box: null } });
  });

  it('ignores ink at or below the threshold', () => {
    const faint = new Float32Array(50 * 50).fill(0.02);
    expect(preprocessDigit(faint, 50, 50, { inkThreshold: 0.05 })).toMatchObject({ ok: true, value: { empty: true } });
    expect(preprocessDigit(faint, 50, 50)).toMatchObject({ ok: true, value: { empty: false } });
  });

  it.each([
    [new Float32Array(10), 4, 3, 'A 4 x 3 canvas has 12 pixels, not 10.'],
    [new Float32Array(0), 0, 0, 'A canvas of 0 x 0 pixels is not a canvas.'],
    [new Float32Array(6), 2.5, 2, 'A canvas of 2.5 x 2 pixels is not a canvas.'],
  ])('rejects %#: a canvas whose size does not fit', (ink, width, height, reason) => {
    const result = preprocessDigit(ink, width, height);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toBe(reason);
  });

  it('always gives ink in [0, 1] inside a 20 x 20 box, centred unless the box hits the edge', () => {
    const rect = fc.record({ x: fc.nat(199), y: fc.nat(149), w: fc.integer({ min: 1, max: 80 }), h: fc.integer({ min: 1, max: 80 }) });
    fc.assert(
      fc.property(fc.array(rect, { minLength: 1, maxLength: 4 }), fc.double({ min: 0.1, max: 1.5, noNaN: true }), (rects, level) => {
        const canvas = draw(200, 150, (x, y) => (rects.some((r) => x > r.x && x < r.x + r.w && y > r.y && y < r.y + r.h) ? level : 0));
        const digit = run(canvas, 200, 150);
        expect(digit.empty).toBe(false);
        for (const v of digit.pixels) expect(v >= 0 && v <= 1).toBe(true);
        const box = inkBox(digit.pixels);
        expect(Math.max(box.width, box.height)).toBe(20);
        const com = centreOfMass(digit.pixels, 28, 28)!;
        const clampedX = box.x0 === 0 || box.x1 === 27;
        const clampedY = box.y0 === 0 || box.y1 === 27;
        if (!clampedX) expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
        if (!clampedY) expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5 + 1e-9);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
