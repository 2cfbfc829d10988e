/**
 * The decision-boundary map (TensorFlow Playground's main picture) for any data set with
 * two numeric inputs: the model's class over a grid of those two inputs, the others held
 * at their training mean (numeric) or most frequent value (categorical).
 *
 * The grid is built in the units the person knows (centimetres, not standardised
 * z-scores) and every cell goes through the data set's own `encodeInput`, exactly as a
 * row typed into the form does, so the map is the model the form consults. Pure: the
 * model comes in as a `predict` callback, so tests can hand it a rule.
 */
import type { RegressionTarget } from '../../shared/types';
import { unstandardize } from '../model/regression';
import { msg } from '../../shared/message';
import type { BoundaryMap, NeuronGrid } from '../../shared/analysis';
import type { InputView } from './inputView';
import type { ParseResult } from '../../shared/result';

/** Share of the training range added on each side of an axis. */
export const BOUNDARY_PADDING = 0.05;
/** Most rows drawn on the map (evenly sampled beyond that). */
export const MAX_BOUNDARY_POINTS = 2000;
export const MIN_RESOLUTION = 2;
export const MAX_RESOLUTION = 200;

/** Class probabilities of encoded rows: features [rows, featureCount] -> [rows, classes], row-major. */
export type PredictProbabilities = (features: Float32Array, rows: number) => Promise<Float32Array>;

/** The hidden units' activations over the same encoded grid, `resolution` cells per side (neurons.ts); null without hidden layers. */
export type HiddenGrid = (features: Float32Array, resolution: number) => Promise<NeuronGrid | null>;

export interface BoundarySource {
  view: InputView;
  /** The data set's encoding of one row as typed (one string per input). */
  encode: (values: string[]) => ParseResult<Float32Array>;
  featureCount: number;
  classCount: number;
  trainLabels: ArrayLike<number>;
  testLabels: ArrayLike<number>;
  globalStep: number;
  /** A regression: `predict` then gives each row's number in the label's units [rows]; the splits' targets (standardised) colour the points. */
  regression?: { target: RegressionTarget; train: Float32Array; test: Float32Array };
}

/** Why inputs x and y cannot be the map's axes, or ok. */
export function checkAxes(view: InputView, x: number, y: number): ParseResult<undefined> {
  const numeric = view.inputs.filter((i) => i.kind === 'numeric').length;
  if (numeric < 2) {
    return {
      ok: false,
      reason: view.inputs.length === 0 ? msg('app.map-no-inputs') : msg('app.map-two-numeric', { numeric }),
    };
  }
  for (const i of [x, y]) {
    if (!Number.isInteger(i) || i < 0 || i >= view.inputs.length) return { ok: false, reason: msg('app.map-no-input', { input: i }) };
    if (view.inputs[i].kind !== 'numeric') return { ok: false, reason: msg('app.map-categorical', { input: view.inputs[i].name }) };
  }
  if (x === y) return { ok: false, reason: msg('app.map-same-axes') };
  return { ok: true, value: undefined };
}

/**
 * The finite values' range, widened by `padding` of it on each side. A constant input
 * gets +-0.5 (or +-5% of its value) so the axis still has a width.
 */
export function paddedRange(values: Float64Array, padding = BOUNDARY_PADDING): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [-1, 1];
  const span = hi - lo;
  const pad = span > 0 ? span * padding : Math.max(0.5, Math.abs(lo) * padding);
  return [lo - pad, hi + pad];
}

/** Axes value that asks the worker to choose (separatingAxes). */
export const CHOOSE_AXIS = -1;

/**
 * The two numeric inputs that best separate the classes on the training split, by
 * Fisher's ratio: the variance of the class means over the mean within-class variance.
 * Holding the others at their mean, a map over two weak inputs is one flat colour
 * (Iris's sepals with the petals at their mean are all versicolor); over the two
 * strongest it shows the boundaries. Ties keep input order. Null with < 2 numeric inputs.
 */
export function separatingAxes(view: InputView, labels: ArrayLike<number>, classCount: number): [number, number] | null {
  const scored: { input: number; score: number }[] = [];
  view.inputs.forEach((input, i) => {
    const values = input.kind === 'numeric' ? view.numbers('train', i) : null;
    if (values) scored.push({ input: i, score: fisherRatio(values, labels, classCount) });
  });
  if (scored.length < 2) return null;
  const best = scored.sort((a, b) => b.score - a.score || a.input - b.input).slice(0, 2).map((s) => s.input);
  return [Math.min(best[0], best[1]), Math.max(best[0], best[1])];
}

/** Between-class over within-class variance of one input (unknown values skipped); 0 when undefined. */
function fisherRatio(values: Float64Array, labels: ArrayLike<number>, classCount: number): number {
  const n = new Float64Array(classCount);
  const sum = new Float64Array(classCount);
  const squares = new Float64Array(classCount);
  let count = 0;
  let total = 0;
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    const c = labels[r];
    if (!Number.isFinite(v) || c === undefined || c < 0 || c >= classCount) continue;
    n[c]++;
    sum[c] += v;
    squares[c] += v * v;
    count++;
    total += v;
  }
  if (count === 0) return 0;
  const mean = total / count;
  let between = 0;
  let within = 0;
  for (let c = 0; c < classCount; c++) {
    if (n[c] === 0) continue;
    const m = sum[c] / n[c];
    between += n[c] * (m - mean) ** 2;
    within += squares[c] - n[c] * m * m;
  }
  if (between <= 0) return 0;
  return within > 0 ? between / within : Number.MAX_VALUE;
}

/** Centre of cell `k` of `n` over [lo, hi]. */
const centre = (lo: number, hi: number, k: number, n: number) => lo + ((k + 0.5) * (hi - lo)) / n;

/** A number as a caption shows it: four significant digits. */
const shown = (v: number) => String(Number(v.toPrecision(4)));

/**
 * Up to `cap` of the train then test rows, evenly spaced through them, in the two
 * inputs' units; rows with an unknown coordinate are left out. A regression's points also
 * carry their actual number in the label's units (`values`, [shown]).
 */
export function mapPoints(source: BoundarySource, x: number, y: number, cap = MAX_BOUNDARY_POINTS): BoundaryMap['points'] & { values?: Float32Array } {
  const xs = [source.view.numbers('train', x), source.view.numbers('test', x)];
  const ys = [source.view.numbers('train', y), source.view.numbers('test', y)];
  const nTrain = source.trainLabels.length;
  const total = nTrain + source.testLabels.length;
  const take = Math.min(total, cap);
  const px = new Float32Array(take);
  const py = new Float32Array(take);
  const labels = new Uint8Array(take);
  const test = new Uint8Array(take);
  const regression = source.regression;
  const values = regression ? new Float32Array(take) : null;
  let n = 0;
  for (let k = 0; k < take; k++) {
    const i = take === total ? k : Math.floor((k * total) / take);
    const t = i >= nTrain ? 1 : 0;
    const r = t ? i - nTrain : i;
    const vx = xs[t]?.[r] ?? NaN;
    const vy = ys[t]?.[r] ?? NaN;
    if (!Number.isFinite(vx) || !Number.isFinite(vy)) continue;
    px[n] = vx;
    py[n] = vy;
    labels[n] = t ? source.testLabels[r] : source.trainLabels[r];
    if (values && regression) values[n] = unstandardize((t ? regression.test : regression.train)[r], regression.target);
    test[n] = t;
    n++;
  }
  const points = { x: px.slice(0, n), y: py.slice(0, n), labels: labels.slice(0, n), test: test.slice(0, n), shown: n, total };
  return values ? { ...points, values: values.slice(0, n) } : points;
}

/**
 * The map over inputs `x` (horizontal) and `y` (vertical) at `resolution` cells per
 * side, all cells predicted in one call of `predict` ([resolution^2, featureCount] in).
 * x = y = CHOOSE_AXIS takes separatingAxes(); the map says which it took. `hidden`, when
 * given, gets the same grid's features for the per-neuron pictures.
 */
export async function boundaryMap(
  source: BoundarySource,
  xAsked: number,
  yAsked: number,
  resolution: number,
  predict: PredictProbabilities,
  hidden?: HiddenGrid,
): Promise<ParseResult<BoundaryMap>> {
  const auto = xAsked === CHOOSE_AXIS && yAsked === CHOOSE_AXIS;
  const chosen = !auto ? null : source.regression ? correlatedAxes(source.view, source.regression.train) : separatingAxes(source.view, source.trainLabels, source.classCount);
  const [x, y] = chosen ?? [xAsked, yAsked];
  const axes = checkAxes(source.view, x, y);
  if (!axes.ok) return axes;
  if (!Number.isInteger(resolution) || resolution < MIN_RESOLUTION || resolution > MAX_RESOLUTION) {
    return { ok: false, reason: msg('app.map-resolution', { min: MIN_RESOLUTION, max: MAX_RESOLUTION, resolution }) };
  }
  const { view, featureCount, classCount } = source;
  const xRange = paddedRange(view.numbers('train', x) ?? new Float64Array());
  const yRange = paddedRange(view.numbers('train', y) ?? new Float64Array());
  const cells = resolution * resolution;
  const features = new Float32Array(cells * featureCount);
  const values = view.typical.slice();
  for (let row = 0; row < resolution; row++) {
    // Row 0 is the top of the picture: the largest y.
    values[y] = String(centre(yRange[1], yRange[0], row, resolution));
    for (let col = 0; col < resolution; col++) {
      values[x] = String(centre(xRange[0], xRange[1], col, resolution));
      const encoded = source.encode(values);
      if (!encoded.ok) return encoded;
      features.set(encoded.value, (row * resolution + col) * featureCount);
    }
  }
  const probabilities = await predict(features, cells);
  const neurons = hidden ? await hidden(features, resolution) : null;
  const classes = new Uint8Array(cells);
  const confidence = new Float32Array(cells);
  const { values: pointNumbers, ...points } = mapPoints(source, x, y);
  const regression = source.regression;
  for (let cell = 0; cell < cells && !regression; cell++) {
    let best = 0;
    for (let c = 1; c < classCount; c++) if (probabilities[cell * classCount + c] > probabilities[cell * classCount + best]) best = c;
    classes[cell] = best;
    confidence[cell] = probabilities[cell * classCount + best];
  }
  const held = view.inputs.flatMap((input, i) =>
    i === x || i === y ? [] : [{ name: input.name, value: input.kind === 'numeric' ? shown(Number(view.typical[i])) : view.typical[i] }],
  );
  return {
    ok: true,
    value: {
      globalStep: source.globalStep,
      x,
      y,
      xRange,
      yRange,
      resolution,
      classes,
      confidence,
      held,
      points,
      ...(neurons ? { neurons } : {}),
      ...(regression && pointNumbers ? { values: { cells: probabilities.slice(0, cells), points: pointNumbers, range: [regression.target.min, regression.target.max] } } : {}),
    },
  };
}

/**
 * A regression map's axes: the two numeric inputs whose training values correlate most
 * with the target (|Pearson r|), in input order; null with fewer than two.
 */
export function correlatedAxes(view: InputView, targets: ArrayLike<number>): [number, number] | null {
  const scored: { input: number; score: number }[] = [];
  view.inputs.forEach((input, i) => {
    const values = input.kind === 'numeric' ? view.numbers('train', i) : null;
    if (values) scored.push({ input: i, score: Math.abs(correlation(values, targets)) });
  });
  if (scored.length < 2) return null;
  const best = scored.sort((a, b) => b.score - a.score || a.input - b.input).slice(0, 2).map((s) => s.input);
  return [Math.min(best[0], best[1]), Math.max(best[0], best[1])];
}

/** Pearson's r over the rows where the value is known; 0 when undefined. */
function correlation(values: ArrayLike<number>, targets: ArrayLike<number>): number {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let r = 0; r < values.length && r < targets.length; r++) {
    const v = values[r];
    const t = targets[r];
    if (!Number.isFinite(v) || !Number.isFinite(t)) continue;
    n++;
    sx += v;
    sy += t;
    sxx += v * v;
    syy += t * t;
    sxy += v * t;
  }
  const cov = sxy - (sx * sy) / Math.max(n, 1);
  const den = Math.sqrt((sxx - (sx * sx) / Math.max(n, 1)) * (syy - (sy * sy) / Math.max(n, 1)));
  return n > 1 && den > 0 ? cov / den : 0;
}

