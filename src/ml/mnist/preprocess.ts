/**
 * Turns a drawing into an MNIST-like digit the network can read, the way MNIST itself
 * was made (LeCun et al.): the ink is size-normalised into a 20 x 20 box keeping its
 * aspect ratio, with antialiasing, then placed in a 28 x 28 field so that its centre of
 * mass sits at the field's centre. Pure arithmetic on arrays: it runs in the worker.
 *
 * Coordinates are pixel indices: pixel (x, y) is at (x, y), so the centre of mass is
 * sum(v * x) / sum(v) as scipy.ndimage.center_of_mass computes it, and the target is
 * (14, 14). The real digits in public/data average (14.00, 14.00) in these coordinates.
 */
import { msg } from '../../shared/message';
import type { ParseResult } from '../../shared/result';

export const DIGIT_SIZE = 28;
export const DIGIT_BOX = 20;

export interface PreprocessOptions {
  /** Canvas pixels with ink above this count towards the bounding box (default 0: any ink). */
  inkThreshold?: number;
}

export interface Digit {
  /** Ink in [0, 1], 28 x 28 row-major, shape [784]: one row of the network's input. */
  pixels: Float32Array;
  /** True when the canvas had no ink; `pixels` is then all zeros. */
  empty: boolean;
  /** The ink's bounding box on the canvas, in canvas pixels; null when empty. */
  box: { x: number; y: number; width: number; height: number } | null;
}

/**
 * `ink` is the canvas, width x height row-major, 0 = paper and 1 = full ink (any size,
 * e.g. 280 x 280). Steps: crop to the ink's bounding box; resample it by area averaging
 * so that its longer side is 20 pixels (every canvas pixel contributes in proportion to
 * the area it covers, so thin strokes fade rather than vanish); shift it by whole pixels,
 * as MNIST did, so that its centre of mass is within half a pixel of (14, 14). The shift
 * is clamped to keep the box inside the field, so a very lopsided shape (an "L" whose
 * mass hugs one edge) can end up less centred.
 * Fails only when `ink` does not have width * height values.
 */
export function preprocessDigit(
  ink: Float32Array,
  width: number,
  height: number,
  options: PreprocessOptions = {},
): ParseResult<Digit> {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    return { ok: false, reason: msg('mnist.bad-canvas', { width, height }) };
  }
  if (ink.length !== width * height) {
    return { ok: false, reason: msg('mnist.canvas-pixels', { width, height, found: ink.length }) };
  }
  const pixels = new Float32Array(DIGIT_SIZE * DIGIT_SIZE);
  const box = inkBox(ink, width, height, options.inkThreshold ?? 0);
  if (box === null) return { ok: true, value: { pixels, empty: true, box: null } };

  const scale = DIGIT_BOX / Math.max(box.width, box.height);
  const w = Math.max(1, Math.round(box.width * scale));
  const h = Math.max(1, Math.round(box.height * scale));
  const small = resampleArea(ink, width, box, w, h); // [h, w]

  const com = centreOfMass(small, w, h);
  const centre = DIGIT_SIZE / 2;
  // com is non-null: the box holds ink above the threshold, so some area average is > 0.
  const ox = clamp(Math.round(centre - (com?.x ?? (w - 1) / 2)), 0, DIGIT_SIZE - w);
  const oy = clamp(Math.round(centre - (com?.y ?? (h - 1) / 2)), 0, DIGIT_SIZE - h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) pixels[(oy + y) * DIGIT_SIZE + ox + x] = small[y * w + x];
  }
  return { ok: true, value: { pixels, empty: false, box } };
}

/**
 * Centre of mass of a width x height grey image in pixel-index coordinates,
 * or null when it has no ink.
 */
export function centreOfMass(image: ArrayLike<number>, width: number, height: number): { x: number; y: number } | null {
  let sum = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = image[y * width + x];
      sum += v;
      sx += v * x;
      sy += v * y;
    }
  }
  return sum > 0 ? { x: sx / sum, y: sy / sum } : null;
}

/** Smallest rectangle holding every pixel with ink > threshold, or null. */
function inkBox(ink: Float32Array, width: number, height: number, threshold: number): Digit['box'] {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * For each of `to` output cells spanning `from` input cells: the input cells it covers and
 * the fraction of the output cell each one fills (weights sum to 1). Box filtering, both
 * down (averaging) and up (sharing one input pixel between outputs).
 */
function areaWeights(from: number, to: number): { index: number; weight: number }[][] {
  const span = from / to;
  return Array.from({ length: to }, (_, i) => {
    const start = i * span;
    const end = start + span;
    const cells = [];
    for (let j = Math.floor(start); j < Math.min(from, Math.ceil(end)); j++) {
      const overlap = Math.min(end, j + 1) - Math.max(start, j);
      if (overlap > 0) cells.push({ index: j, weight: overlap / span });
    }
    return cells;
  });
}

/** The `box` of the canvas resampled to w x h by area averaging: rows first, then columns. */
function resampleArea(ink: Float32Array, width: number, box: NonNullable<Digit['box']>, w: number, h: number): Float32Array {
  const across = areaWeights(box.width, w);
  const down = areaWeights(box.height, h);
  const rows = new Float32Array(box.height * w); // [box.height, w]
  for (let y = 0; y < box.height; y++) {
    const line = (box.y + y) * width + box.x;
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (const { index, weight } of across[x]) v += weight * unit(ink[line + index]);
      rows[y * w + x] = v;
    }
  }
  const out = new Float32Array(h * w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (const { index, weight } of down[y]) v += weight * rows[index * w + x];
      out[y * w + x] = unit(v);
    }
  }
  return out;
}

/** v clamped to [0, 1]; NaN counts as paper. */
function unit(v: number): number {
  return v > 0 ? (v < 1 ? v : 1) : 0;
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
