/**
 * The colour scale of a regression's decision map (TensorFlow Playground's regression
 * picture): the predicted number per cell and each row's actual number on one diverging
 * scale over the training targets' [min, max], orange at min, white at the middle, blue at
 * max: the neuron maps' ends (NEURON_NEGATIVE, NEURON_POSITIVE; both at least 5:1 against
 * white), so "orange low, blue high" means the same in every picture of the page. Pure.
 */
import { neuronColour } from './neuronDraw';

export type Rgb = [number, number, number];

/**
 * The colour of `value` on the scale over `range` ([min, max], label units). Values
 * outside the range take the end colour; a range of one value (or a value that is not
 * finite) is the middle's white.
 */
export function valueColour(value: number, range: readonly [number, number]): Rgb {
  const [lo, hi] = range;
  const half = (hi - lo) / 2;
  if (!(half > 0) || !Number.isFinite(half)) return [255, 255, 255];
  return neuronColour(value - (lo + half), half);
}

/** `valueColour` as CSS text, for canvas fills. */
export function valueCss(value: number, range: readonly [number, number]): string {
  const [r, g, b] = valueColour(value, range);
  return `rgb(${r}, ${g}, ${b})`;
}

/** The colour bar's CSS gradient, left = range min, right = max: the same three stops as valueColour. */
export function valueGradient(): string {
  const stop = (c: Rgb) => `rgb(${c.join(', ')})`;
  return `linear-gradient(to right, ${stop(valueColour(0, [0, 2]))}, ${stop(valueColour(1, [0, 2]))}, ${stop(valueColour(2, [0, 2]))})`;
}

/** The smallest and largest finite number of `values` ([NaN, NaN] when there is none). */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}
