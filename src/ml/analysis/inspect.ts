/**
 * What the analysis views ask of a trained model besides the boundary map: the test rows
 * behind one confusion-matrix cell (Orange's and Weka's "show the instances") and the
 * network's shape and weights for its picture. Pure functions over plain arrays.
 */
import { msg } from '../../shared/message';
import type { ConfusionRows, NetworkPicture } from '../../shared/analysis';
import type { Activation } from '../../shared/types';
import type { LabelledSplit } from '../datasets/data';
import type { PerExample } from '../model/metrics';
import type { InputView } from './inputView';
import type { ParseResult } from '../../shared/result';

/** Most rows one cell lists. */
export const MAX_CELL_ROWS = 500;
/** Networks with more weights than this are drawn without their edges. */
export const MAX_DRAWN_WEIGHTS = 5000;

/** The features of `indices` rows of a split, shape [indices.length, width]. */
export function gatherRows(split: LabelledSplit, indices: readonly number[]): Float32Array {
  const width = split.rows > 0 ? split.features.length / split.rows : 0;
  const out = new Float32Array(indices.length * width);
  indices.forEach((r, k) => out.set(split.features.subarray(r * width, (r + 1) * width), k * width));
  return out;
}

export interface CellRequest {
  actual: number;
  predicted: number;
  limit: number;
}

/**
 * The test rows whose class is `actual` and which the newest evaluation read as
 * `predicted`, in test-split order, at most `limit` of them. `probabilities` classifies
 * encoded rows ([k, width] -> [k, classes]): the probability listed is the model's for
 * the predicted class when this is called, which is the evaluation's model unless
 * training went on since (the result carries the evaluation's step). `digits`: also the
 * rows' pixels as bytes (MNIST, features in [0, 1]).
 */
export async function confusionRows(
  view: InputView,
  test: LabelledSplit,
  results: { globalStep: number; rows: PerExample },
  request: CellRequest,
  classCount: number,
  probabilities: (features: Float32Array, rows: number) => Promise<Float32Array>,
  digits = false,
): Promise<ParseResult<ConfusionRows>> {
  const { actual, predicted } = request;
  for (const c of [actual, predicted]) {
    if (!Number.isInteger(c) || c < 0 || c >= classCount) return { ok: false, reason: msg('app.no-class', { classId: c }) };
  }
  const limit = Math.max(0, Math.min(MAX_CELL_ROWS, Math.floor(request.limit)));
  const listed: number[] = [];
  let total = 0;
  for (let r = 0; r < test.rows; r++) {
    if (test.labels[r] !== actual || results.rows.predictions[r] !== predicted) continue;
    total++;
    if (listed.length < limit) listed.push(r);
  }
  const features = gatherRows(test, listed);
  const probs = listed.length > 0 ? await probabilities(features, listed.length) : new Float32Array();
  const rows = listed.map((r, k) => ({ index: r + 1, cells: view.testCells(r), probability: probs[k * classCount + predicted] }));
  const result: ConfusionRows = { globalStep: results.globalStep, actual, predicted, total, columns: view.columns.slice(), rows };
  if (digits) result.digits = Uint8Array.from(features, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
  return { ok: true, value: result };
}

/** Weights between consecutive layers of a dense stack of `widths`. */
export function kernelCount(widths: readonly number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < widths.length; l++) n += widths[l] * widths[l + 1];
  return n;
}

/**
 * The picture's data. `kernels[l]` is layer l's kernel [widths[l], widths[l + 1]]
 * row-major (tfjs's Dense layout), or null: then, and whenever there are more than
 * MAX_DRAWN_WEIGHTS weights, only the shape is sent.
 */
export function networkPicture(
  widths: number[],
  inputNames: string[],
  classNames: string[],
  activation: Activation,
  kernels: Float32Array[] | null,
  globalStep: number,
): NetworkPicture {
  const drawable = kernels !== null && kernels.length === widths.length - 1 && kernelCount(widths) <= MAX_DRAWN_WEIGHTS && kernels.every((k, l) => k.length === widths[l] * widths[l + 1]);
  return { globalStep, widths: widths.slice(), inputNames: inputNames.slice(), classNames: classNames.slice(), activation, kernels: drawable ? kernels : null };
}
