/**
 * k-fold cross-validation's arithmetic, pure: which test fold each row falls in, and the
 * mean and standard deviation of a metric over folds.
 *
 * Assignment is Weka's and scikit-learn's stratified k-fold: each class's rows are shuffled
 * with a seeded mulberry32, then the classes are laid end to end and dealt round-robin to the
 * folds (one counter running through all classes), so
 *   - every labelled row is in exactly one test fold,
 *   - each class's count per fold differs by at most 1 between folds,
 *   - fold sizes differ by at most 1,
 * and the same seed gives the same folds.
 */
import { msg } from '../../shared/message';
import type { MeanSd } from '../../shared/cv';
import type { ParseResult } from '../../shared/result';
import { mulberry32, shuffleInPlace } from '../model/rng';

/** The folds the page offers; Weka's default is 10. */
export const FOLD_CHOICES = [5, 10] as const;

/**
 * Test fold of each row, in [0, k), or -1 for a row without a class (a label outside
 * [0, classCount)). `labels`: class id per row, shape [rows]. Refuses k < 2 or k above
 * the labelled rows (a fold with no test row has no accuracy). A class with fewer rows
 * than folds is allowed, as in scikit-learn (which warns): some folds test none of it;
 * `smallClasses` lists them so the caller can say so.
 */
export function stratifiedFolds(
  labels: ArrayLike<number>,
  classCount: number,
  k: number,
  seed: number,
): ParseResult<{ fold: Int32Array; smallClasses: { classId: number; rows: number }[] }> {
  const byClass: number[][] = Array.from({ length: classCount }, () => []);
  for (let r = 0; r < labels.length; r++) {
    const c = labels[r];
    if (c >= 0 && c < classCount) byClass[c].push(r);
  }
  const labelled = byClass.reduce((n, rows) => n + rows.length, 0);
  if (!Number.isInteger(k) || k < 2 || k > labelled) return { ok: false, reason: msg('cv.bad-folds', { folds: k, rows: labelled }) };
  const random = mulberry32(seed);
  const fold = new Int32Array(labels.length).fill(-1);
  let next = 0;
  const smallClasses: { classId: number; rows: number }[] = [];
  byClass.forEach((rows, classId) => {
    if (rows.length > 0 && rows.length < k) smallClasses.push({ classId, rows: rows.length });
    for (const r of shuffleInPlace(Int32Array.from(rows), random)) {
      fold[r] = next;
      next = (next + 1) % k;
    }
  });
  return { ok: true, value: { fold, smallClasses } };
}

/**
 * Mean and sample standard deviation (divided by n - 1, as Weka's Experimenter and R's sd()
 * report it; scikit-learn users' `scores.std()` divides by n and reads ~5 % lower at k = 10).
 * One value: sd 0. No values: NaN for both.
 */
export function meanSd(values: readonly number[]): MeanSd {
  const n = values.length;
  if (n === 0) return { mean: NaN, sd: NaN };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, sd: 0 };
  const squares = values.reduce((a, v) => a + (v - mean) * (v - mean), 0);
  return { mean, sd: Math.sqrt(squares / (n - 1)) };
}

/**
 * Macro F1 from confusion[actual][predicted]: the unweighted mean of the F1 of every class
 * with test rows (a class absent from them is left out, not counted 0), a zero precision
 * or recall giving F1 0 (scikit-learn's zero_division=0); 0 without any rows. As
 * src/client/metrics.ts's classMetrics computes it for the page's table.
 */
export function macroF1(confusion: readonly (readonly number[])[]): number {
  const classes = confusion.length;
  if (classes === 0) return NaN;
  let sum = 0;
  let present = 0;
  for (let c = 0; c < classes; c++) {
    const tp = confusion[c][c];
    let actual = 0;
    let predicted = 0;
    for (let o = 0; o < classes; o++) {
      actual += confusion[c][o];
      predicted += confusion[o][c];
    }
    // Over the classes present in the test rows, as the page's per-class table: an absent class has no F1 to average.
    if (actual === 0) continue;
    present++;
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = tp / actual;
    sum += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return present > 0 ? sum / present : 0;
}
