/**
 * A cross-validation fold as the ClassificationData a Session trains on, assembled from the
 * data set's already-encoded splits: pool train, validation and test (row-major features
 * [rows, inputs]), then gather the fold's training and test rows.
 *
 * The features are reused as they were encoded. For Iris and MNIST that is exact (no
 * fitted scaling: Iris's raw measurements, MNIST's pixels / 255). A CSV's numeric columns
 * were standardised with its training split's mean and std, which include rows a fold tests;
 * `standardized` names those slots and each fold re-standardises them with its own training
 * rows' mean and std. Standardising is affine, so refitting on the encoded values equals
 * refitting on the raw ones. Two things stay as the split encoded them: a missing number
 * sits at the split's training mean (not the fold's), and a category only the test split
 * had is all zeros (the one-hot vocabulary is the split's).
 */
import { requireTargets, type ClassificationData, type LabelledSplit } from '../datasets/data';
import { MAX_STANDARD } from '../csv/encode';
import { stratifiedFolds } from './folds';

/** Every labelled row of `data`, train then validation then test, as one split. */
export function pooledRows(data: ClassificationData): LabelledSplit {
  const parts = [data.train, ...(data.validation ? [data.validation] : []), data.test];
  const inputs = data.featureNames.length;
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const features = new Float32Array(rows * inputs);
  const labels = new Int32Array(rows);
  // A regression's standardised targets pool with its rows (the whole training split's mean and sd, an affine map: the metrics are in the label's units).
  const targets = data.target ? new Float32Array(rows) : undefined;
  let at = 0;
  for (const p of parts) {
    features.set(p.features.subarray(0, p.rows * inputs), at * inputs);
    labels.set(p.labels.subarray(0, p.rows), at);
    if (targets) targets.set(requireTargets(p).subarray(0, p.rows), at);
    at += p.rows;
  }
  return targets ? { features, labels, rows, targets } : { features, labels, rows };
}

/** The rows of `pool` whose index is in `rows` (ascending or not), in that order. */
export function gatherRows(pool: LabelledSplit, rows: ArrayLike<number>, inputs: number): LabelledSplit {
  const features = new Float32Array(rows.length * inputs);
  const labels = new Int32Array(rows.length);
  const targets = pool.targets ? new Float32Array(rows.length) : undefined;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    features.set(pool.features.subarray(r * inputs, (r + 1) * inputs), i * inputs);
    labels[i] = pool.labels[r];
    if (targets && pool.targets) targets[i] = pool.targets[r];
  }
  return targets ? { features, labels, rows: rows.length, targets } : { features, labels, rows: rows.length };
}

/** Row indices where `fold[r]` is (or, with `inside` false, is not) `k`; rows at -1 are in neither. */
function rowsWhere(fold: Int32Array, k: number, inside: boolean): Int32Array {
  const out: number[] = [];
  for (let r = 0; r < fold.length; r++) if (fold[r] >= 0 && (fold[r] === k) === inside) out.push(r);
  return Int32Array.from(out);
}

/**
 * Re-standardise slots `slots` of every split with `fit`'s population mean and std of each
 * slot (a std of 0 counts as 1, as encode.ts's fitNumeric), in place.
 */
export function restandardize(fit: LabelledSplit, splits: readonly LabelledSplit[], inputs: number, slots: readonly number[]): void {
  for (const c of slots) {
    let sum = 0;
    for (let r = 0; r < fit.rows; r++) sum += fit.features[r * inputs + c];
    const mean = fit.rows > 0 ? sum / fit.rows : 0;
    let squares = 0;
    for (let r = 0; r < fit.rows; r++) squares += (fit.features[r * inputs + c] - mean) ** 2;
    const sd = fit.rows > 0 ? Math.sqrt(squares / fit.rows) : 0;
    const std = sd > 0 && Number.isFinite(sd) ? sd : 1;
    for (const split of splits) {
      for (let r = 0; r < split.rows; r++) {
        const z = (split.features[r * inputs + c] - mean) / std;
        split.features[r * inputs + c] = Math.max(-MAX_STANDARD, Math.min(MAX_STANDARD, z));
      }
    }
  }
}

/**
 * Fold `k`'s data set: its test rows are the pool's rows of fold `k`, its training rows the
 * others. With `validationFraction` > 0 (early stopping is on), a stratified, seeded share of
 * the training rows becomes a validation split, so early stopping never watches the fold's
 * test rows (which would flatter the estimate). Validation is left out when the training rows
 * are too few to spare one per fold of the inner split. `standardized`: the encoded slots
 * the data set standardised (a CSV's numeric columns), refitted on the fold's training rows.
 */
export function foldData(
  data: ClassificationData,
  pool: LabelledSplit,
  fold: Int32Array,
  k: number,
  options: { validationFraction: number; seed: number; standardized?: readonly number[] },
): ClassificationData {
  const built = gatherFold(data, pool, fold, k, options);
  const slots = options.standardized ?? [];
  if (slots.length > 0) {
    const splits = [built.train, ...(built.validation ? [built.validation] : []), built.test];
    restandardize(built.train, splits, data.featureNames.length, slots);
  }
  return built;
}

function gatherFold(
  data: ClassificationData,
  pool: LabelledSplit,
  fold: Int32Array,
  k: number,
  options: { validationFraction: number; seed: number },
): ClassificationData {
  const inputs = data.featureNames.length;
  const test = gatherRows(pool, rowsWhere(fold, k, true), inputs);
  const trainRows = rowsWhere(fold, k, false);
  const base = { name: data.name, featureNames: data.featureNames, classNames: data.classNames, test, ...(data.target ? { target: data.target } : {}) };
  const inner = options.validationFraction > 0 ? Math.round(1 / options.validationFraction) : 0;
  if (inner < 2 || trainRows.length < inner * 2) return { ...base, train: gatherRows(pool, trainRows, inputs) };
  // The inner split: the same stratified dealing over the fold's training rows; its fold 0 validates.
  const trainLabels = Int32Array.from(trainRows, (r) => pool.labels[r]);
  const innerFolds = stratifiedFolds(trainLabels, data.classNames.length, inner, options.seed + k + 1);
  if (!innerFolds.ok) return { ...base, train: gatherRows(pool, trainRows, inputs) };
  const validation = Int32Array.from(rowsWhere(innerFolds.value.fold, 0, true), (i) => trainRows[i]);
  const train = Int32Array.from(rowsWhere(innerFolds.value.fold, 0, false), (i) => trainRows[i]);
  return { ...base, train: gatherRows(pool, train, inputs), validation: gatherRows(pool, validation, inputs) };
}
