/**
 * The axes of the regression fit's two plots, pure. Predicted against actual shares one
 * scale on both axes (the diagonal y = x is then at 45°): the training targets' range,
 * widened to the shown rows' numbers (a prediction may fall outside it), on round ticks.
 * The residual plot's x is the same scale (predicted); its y is symmetric about zero, so
 * a bias up or down shows as points off the zero line's middle.
 */
import { niceTicks } from '../../client/chartAxis';
import { extent } from './valueScale';

export interface FitAxes {
  /** The shared scale of actual and predicted: [lo, hi] and its round ticks. */
  domain: [number, number];
  ticks: number[];
  /** Residual (actual - predicted) axis: [-m, m] and its ticks. */
  residualDomain: [number, number];
  residualTicks: number[];
}

const TICKS = 5;

/** Round ticks over [lo, hi] with a span: a single value widens by one either side. */
function spanTicks(lo: number, hi: number): number[] {
  if (!(hi > lo)) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    return niceTicks(lo - pad, hi + pad, TICKS);
  }
  return niceTicks(lo, hi, TICKS);
}

/**
 * Axes for a fit: `range` is the training targets' [min, max], `actual` and `predicted`
 * the shown test rows [rows] in the label's units.
 */
export function fitAxes(range: readonly [number, number], actual: ArrayLike<number>, predicted: ArrayLike<number>): FitAxes {
  const [a0, a1] = extent(actual);
  const [p0, p1] = extent(predicted);
  const finite = [range[0], range[1], a0, a1, p0, p1].filter(Number.isFinite);
  const lo = finite.length > 0 ? Math.min(...finite) : 0;
  const hi = finite.length > 0 ? Math.max(...finite) : 1;
  const ticks = spanTicks(lo, hi);
  let most = 0;
  for (let i = 0; i < Math.min(actual.length, predicted.length); i++) {
    const r = Math.abs(actual[i] - predicted[i]);
    if (Number.isFinite(r) && r > most) most = r;
  }
  const residualTicks = spanTicks(-most, most);
  return {
    domain: [ticks[0], ticks[ticks.length - 1]],
    ticks,
    residualDomain: [residualTicks[0], residualTicks[residualTicks.length - 1]],
    residualTicks,
  };
}

/**
 * Decimals to write a number of the label with, from the span of its values (the
 * training targets' max - min): about three significant digits of the span, so a price
 * of thousands prints whole and a ratio of 0.01 to 0.05 prints 0.0123. In [0, 6]. Given
 * an error itself (RMSE, MAE), about three significant digits of it: 1.73, 0.0412.
 */
export function labelDigits(span: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 2;
  return Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(span))));
}

/** Decimals of round ticks a `step` apart (0.25 -> 2, 5 -> 0). */
export function tickStepDigits(ticks: readonly number[]): number {
  if (ticks.length < 2) return 2;
  const step = Math.abs(ticks[1] - ticks[0]);
  if (!(step > 0)) return 2;
  for (let d = 0; d <= 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 6;
}
