/**
 * Train/test split when the person gives no test file: stratified (each class keeps its
 * share in both splits, so a rare class is not left out of the test set by chance) and
 * seeded (the same seed gives the same split, so a shared link reproduces a run).
 */
import { mulberry32, shuffleInPlace } from '../model/rng';

export interface SplitIndices {
  /** Row indices of each split, ascending (file order), shape [rows of the split]. */
  train: Int32Array;
  test: Int32Array;
}

/**
 * Split the rows whose `ids[r] >= 0` (rows with a missing label, -1, are left out).
 * Each class sends round(count * testFraction) rows to the test split, but always
 * keeps at least one in the training split. `testFraction` is clamped to [0, 0.9].
 */
export function stratifiedSplit(ids: Int32Array, classCount: number, testFraction: number, seed: number): SplitIndices {
  const fraction = Math.min(0.9, Math.max(0, Number.isFinite(testFraction) ? testFraction : 0));
  const byClass: number[][] = Array.from({ length: classCount }, () => []);
  for (let r = 0; r < ids.length; r++) if (ids[r] >= 0 && ids[r] < classCount) byClass[ids[r]].push(r);
  const random = mulberry32(seed);
  const isTest = new Uint8Array(ids.length);
  let testRows = 0;
  for (const rows of byClass) {
    const take = Math.min(rows.length - 1, Math.round(rows.length * fraction));
    if (take <= 0) continue;
    const shuffled = shuffleInPlace(Int32Array.from(rows), random);
    for (let k = 0; k < take; k++) isTest[shuffled[k]] = 1;
    testRows += take;
  }
  let trainRows = 0;
  for (let r = 0; r < ids.length; r++) if (ids[r] >= 0 && ids[r] < classCount) trainRows++;
  trainRows -= testRows;
  const train = new Int32Array(trainRows);
  const test = new Int32Array(testRows);
  let a = 0;
  let b = 0;
  for (let r = 0; r < ids.length; r++) {
    if (!(ids[r] >= 0 && ids[r] < classCount)) continue;
    if (isTest[r] === 1) test[b++] = r;
    else train[a++] = r;
  }
  return { train, test };
}

/** Every labelled row, in file order (a test file's rows, or a training file used whole). */
export function labelledRows(ids: Int32Array): Int32Array {
  let n = 0;
  for (let r = 0; r < ids.length; r++) if (ids[r] >= 0) n++;
  const out = new Int32Array(n);
  let k = 0;
  for (let r = 0; r < ids.length; r++) if (ids[r] >= 0) out[k++] = r;
  return out;
}

/**
 * A validation split carved from the training rows (Keras' validation_split, but
 * stratified and seeded): what early stopping watches, so no choice is made on the test
 * rows. `train` indexes `ids`; the result splits it the way stratifiedSplit splits a
 * file (each class keeps at least one training row), both ascending.
 */
export function carveValidation(ids: Int32Array, train: Int32Array, classCount: number, fraction: number, seed: number): { train: Int32Array; validation: Int32Array } {
  const only = new Int32Array(ids.length).fill(-1);
  for (const r of train) only[r] = ids[r];
  // Another stream than the test split's, so the validation rows are not the test rows' neighbours in the shuffle.
  const { train: kept, test: validation } = stratifiedSplit(only, classCount, fraction, (seed ^ 0x5bd1e995) >>> 0);
  return { train: kept, validation };
}
