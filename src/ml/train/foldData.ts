/**
 * A cross-validation fold as the ClassificationData a Session trains on, assembled from the
 * data set's already-encoded splits: pool train, validation and test (row-major features
 * [rows, inputs]), then gather the fold's training and test rows.
 *
 * The features are reused as they were encoded. For Iris and MNIST that is exact (no
 * fitted scaling: Iris's raw measurements, MNIST's pixels / 255). A CSV's numeric columns
 * were standardised with its training split's mean and std, so each fold's inputs carry a
 * little of the whole file's statistics (test-split rows included) instead of a refit on
 * the fold's training rows: the textbook refit would re-encode from the raw tables per fold.
 */
import type { ClassificationData, LabelledSplit } from '../datasets/data';
import { stratifiedFolds } from './folds';

/** Every labelled row of `data`, train then validation then test, as one split. */
export function pooledRows(data: ClassificationData): LabelledSplit {
  const parts = [data.train, ...(data.validation ? [data.validation] : []), data.test];
  const inputs = data.featureNames.length;
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const features = new Float32Array(rows * inputs);
  const labels = new Int32Array(rows);
  let at = 0;
  for (const p of parts) {
    features.set(p.features.subarray(0, p.rows * inputs), at * inputs);
    labels.set(p.labels.subarray(0, p.rows), at);
    at += p.rows;
  }
  return { features, labels, rows };
}

/** The rows of `pool` whose index is in `rows` (ascending or not), in that order. */
export function gatherRows(pool: LabelledSplit, rows: ArrayLike<number>, inputs: number): LabelledSplit {
  const features = new Float32Array(rows.length * inputs);
  const labels = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    features.set(pool.features.subarray(r * inputs, (r + 1) * inputs), i * inputs);
    labels[i] = pool.labels[r];
  }
  return { features, labels, rows: rows.length };
}

/** Row indices where `fold[r]` is (or, with `inside` false, is not) `k`; rows at -1 are in neither. */
function rowsWhere(fold: Int32Array, k: number, inside: boolean): Int32Array {
  const out: number[] = [];
  for (let r = 0; r < fold.length; r++) if (fold[r] >= 0 && (fold[r] === k) === inside) out.push(r);
  return Int32Array.from(out);
}

/**
 * Fold `k`'s data set: its test rows are the pool's rows of fold `k`, its training rows the
 * others. With `validationFraction` > 0 (early stopping is on), a stratified, seeded share of
 * the training rows becomes a validation split, so early stopping never watches the fold's
 * test rows (which would flatter the estimate). Validation is left out when the training rows
 * are too few to spare one per fold of the inner split.
 */
export function foldData(
  data: ClassificationData,
  pool: LabelledSplit,
  fold: Int32Array,
  k: number,
  options: { validationFraction: number; seed: number },
): ClassificationData {
  const inputs = data.featureNames.length;
  const test = gatherRows(pool, rowsWhere(fold, k, true), inputs);
  const trainRows = rowsWhere(fold, k, false);
  const base = { name: data.name, featureNames: data.featureNames, classNames: data.classNames, test };
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
