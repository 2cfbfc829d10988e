/**
 * The frame of a learning-curve chart, pure: its x and y ranges on round ticks, and which
 * drawn point a pointer or an arrow key is nearest to. The chart draws on a canvas
 * (components/charts/curveDraw.ts); this is the arithmetic it shares with its tests.
 */
import { niceTicks, tickDigits, type PlotPoint, type XAxis } from './chartAxis';

const X_TICKS = 6;
const Y_TICKS = 6;

export interface PlotFrame {
  xDomain: [number, number];
  xTicks: number[];
  /** Decimals of the x tick labels. */
  xDigits: number;
  yDomain: [number, number];
  yTicks: number[];
  /** Decimals of the y tick labels, from the gap between two ticks. */
  yDigits: number;
}

/** Ticks over [lo, hi] with a span: a single value widens either side, so a lone point sits mid-chart. */
function spanTicks(lo: number, hi: number, most: number): number[] {
  if (hi > lo) return niceTicks(lo, hi, most);
  const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
  return niceTicks(lo - pad, hi + pad, most);
}

/** Decimals of round ticks a gap apart (0.25 -> 2, 500 -> 0). */
function gapDigits(ticks: readonly number[]): number {
  if (ticks.length < 2) return 2;
  const gap = Math.abs(ticks[1] - ticks[0]);
  for (let d = 0; d <= 6; d++) if (Math.abs(Math.round(gap * 10 ** d) - gap * 10 ** d) < 1e-6 * 10 ** d) return d;
  return 6;
}

/**
 * The frame for `lines` (each a series' drawn points, x ascending) on `axis`. `fixedY`
 * pins the y range (accuracy is always [0, 1]); else it covers every value and every
 * reference line (a baseline above the curves still shows). Null when nothing is drawn.
 */
export function plotFrame(lines: readonly (readonly PlotPoint[])[], axis: XAxis, references: readonly number[] = [], fixedY?: readonly [number, number]): PlotFrame | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const points of lines) {
    for (const p of points) {
      if (p.x < x0) x0 = p.x;
      if (p.x > x1) x1 = p.x;
      if (Number.isFinite(p.value)) {
        if (p.value < y0) y0 = p.value;
        if (p.value > y1) y1 = p.value;
      }
    }
  }
  if (!(x1 >= x0)) return null;
  for (const r of references) {
    if (!Number.isFinite(r)) continue;
    y0 = Math.min(y0, r);
    y1 = Math.max(y1, r);
  }
  if (!(y1 >= y0)) {
    y0 = 0;
    y1 = 1;
  }
  const xTicks = spanTicks(x0, x1, X_TICKS);
  const yTicks = fixedY ? niceTicks(Math.min(fixedY[0], y0), Math.max(fixedY[1], y1), Y_TICKS) : spanTicks(y0, y1, Y_TICKS);
  const xDomain: [number, number] = [xTicks[0], xTicks[xTicks.length - 1]];
  return {
    xDomain,
    xTicks,
    xDigits: tickDigits(axis, xDomain[0], xDomain[1], xTicks.length),
    yDomain: [yTicks[0], yTicks[yTicks.length - 1]],
    yTicks,
    yDigits: gapDigits(yTicks),
  };
}

/** The index i in [0, n) whose xAt(i) (ascending in i) is nearest to `x`, ties to the left; -1 when n is 0. */
function nearestBy(n: number, xAt: (i: number) => number, x: number): number {
  if (n === 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xAt(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && x - xAt(lo - 1) <= xAt(lo) - x ? lo - 1 : lo;
}

/** The index of the point of `points` (x ascending) nearest to `x`; -1 when there are none. */
export function nearestIndex(points: readonly PlotPoint[], x: number): number {
  return nearestBy(points.length, (i) => points[i].x, x);
}

/** The index of the value of `xs` (ascending) nearest to `x`; -1 when there are none. */
export function nearestStop(xs: readonly number[], x: number): number {
  return nearestBy(xs.length, (i) => xs[i], x);
}

/** Every x that some line has a point at, ascending and once each: where the arrow keys stop. */
export function stops(lines: readonly (readonly PlotPoint[])[]): number[] {
  const xs = new Set<number>();
  for (const points of lines) for (const p of points) xs.add(p.x);
  return [...xs].sort((a, b) => a - b);
}

/** The readout at `x`: each line's point nearest to it, or null for a line with no point within `reach`. */
export function readout(lines: readonly (readonly PlotPoint[])[], x: number, reach: number): (PlotPoint | null)[] {
  return lines.map((points) => {
    const i = nearestIndex(points, x);
    return i >= 0 && Math.abs(points[i].x - x) <= reach ? points[i] : null;
  });
}
