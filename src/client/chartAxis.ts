/**
 * The x axis of the learning curves: global step, or training time. A point's time is
 * MetricPoint.seconds (seconds of training since the model was built, summed over its
 * runs); points made before the worker recorded time have none and are left out of the
 * time view rather than drawn at a made-up time.
 */
import { assertNever } from '../shared/protocol';
import { type MetricPoint } from '../shared/types';

export type XAxis = 'step' | 'time';
export const X_AXES: readonly XAxis[] = ['step', 'time'];

/** One value of a curve, with where it was made. */
export interface CurvePoint {
  step: number;
  /** Training seconds since the model was built; absent when not recorded. */
  seconds?: number;
  value: number;
}

/** A curve point placed on the chosen axis: `x` is its step or its seconds. */
export interface PlotPoint extends CurvePoint {
  x: number;
}

/** The x of a point on `axis`, or undefined when the point cannot be placed there. */
export function xOf(point: CurvePoint, axis: XAxis): number | undefined {
  switch (axis) {
    case 'step':
      return point.step;
    case 'time':
      return point.seconds !== undefined && Number.isFinite(point.seconds) ? point.seconds : undefined;
    default:
      return assertNever(axis);
  }
}

/** The points of a curve on `axis`, in their order; those without an x there are skipped. */
export function onAxis(points: readonly CurvePoint[], axis: XAxis): PlotPoint[] {
  const out: PlotPoint[] = [];
  for (const p of points) {
    const x = xOf(p, axis);
    if (x !== undefined) out.push({ ...p, x });
  }
  return out;
}

/** The curves the two charts draw, split out of the flat list of points the worker sends. */
export interface Curves {
  /** Loss of each training batch (points without accuracy). */
  batchLoss: CurvePoint[];
  testLoss: CurvePoint[];
  trainAcc: CurvePoint[];
  testAcc: CurvePoint[];
  /** Empty when the data set has no validation split. */
  validationLoss: CurvePoint[];
  validationAcc: CurvePoint[];
}

export function curves(points: readonly MetricPoint[]): Curves {
  const out: Curves = { batchLoss: [], testLoss: [], trainAcc: [], testAcc: [], validationLoss: [], validationAcc: [] };
  const at = (p: MetricPoint, value: number): CurvePoint => (p.seconds === undefined ? { step: p.step, value } : { step: p.step, seconds: p.seconds, value });
  for (const p of points) {
    // The second chart's number: accuracy, or a regression's mean absolute error; absent for the training batches.
    const metric = p.accuracy ?? p.mae;
    if (p.split === 'train') {
      if (metric === undefined) out.batchLoss.push(at(p, p.loss));
      else out.trainAcc.push(at(p, metric));
    } else if (p.split === 'test') {
      out.testLoss.push(at(p, p.loss));
      if (metric !== undefined) out.testAcc.push(at(p, metric));
    } else {
      out.validationLoss.push(at(p, p.loss));
      if (metric !== undefined) out.validationAcc.push(at(p, metric));
    }
  }
  return out;
}


/**
 * Decimals for the x ticks so that neighbouring ticks read differently: a run of a third
 * of a second needs hundredths (0.22, 0.24…), one of minutes none. `ticks` is how many
 * ticks the axis draws over [min, max]; steps never need decimals.
 */
export function tickDigits(axis: XAxis, min: number, max: number, ticks: number): number {
  if (axis === 'step') return 0;
  const gap = (max - min) / Math.max(1, ticks - 1);
  if (!(gap > 0) || !Number.isFinite(gap)) return 2;
  return Math.min(4, Math.max(0, Math.ceil(-Math.log10(gap))));
}

/**
 * Round ticks over [min, max] for the x axis, as a person writes them (0, 500, 1,000 …): the
 * step between ticks is 1, 2 or 5 times a power of ten, chosen so that at most `most` ticks
 * cover the range; the first tick is at or below min, the last at or above max. A range
 * that starts near zero (a step axis) starts at 0. Shapes: returns ascending numbers, at
 * least two; [min] when min == max; [] for a range that is not finite.
 */
export function niceTicks(min: number, max: number, most = 6): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) return [];
  if (max === min) return [min];
  const lo = min >= 0 && min <= (max - min) * 0.25 ? 0 : min;
  const raw = (max - lo) / Math.max(1, most - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = power * 10;
  for (const m of [1, 2, 5, 10]) {
    const s = m * power;
    if (Math.ceil(max / s - 1e-9) - Math.floor(lo / s + 1e-9) + 1 <= most) {
      step = s;
      break;
    }
  }
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const ticks: number[] = [];
  // Multiplied, not added up: 0.1 + 0.2 would print as 0.30000000000000004.
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}
