/**
 * Binary classification curves over per-row scores (the model's probability of the
 * positive class) and labels (1 = the row is of the positive class), as scikit-learn
 * defines them: roc_curve + auc, precision_recall_curve + average_precision_score, and
 * the curves thinned for drawing. Pure arithmetic, no tfjs. (The 2x2 matrix at a
 * threshold is counted on the page, src/client/threshold.ts, from the same scores.)
 *
 * Ties: rows with the same score move together. Each distinct score is one threshold
 * (a row is called positive when its score >= the threshold), so the curves have one
 * point per distinct score and a tie between a positive and a negative row is a
 * diagonal segment, worth half (the Mann-Whitney convention), never a staircase whose
 * area would depend on the rows' order.
 */

/** One threshold's counts: rows called positive (score >= threshold) that are (tp) or are not (fp) positive. */
export interface Operating {
  threshold: number;
  tp: number;
  fp: number;
}

/**
 * The operating points from the highest threshold down, one per distinct score:
 * cumulative true and false positives. [distinct scores] in descending order of score.
 */
export function operatingPoints(scores: ArrayLike<number>, positives: ArrayLike<number>): Operating[] {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const points: Operating[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (positives[i]) tp++;
    else fp++;
    // Only after the last row of a group of equal scores: ties are one step.
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) points.push({ threshold: scores[i], tp, fp });
  }
  return points;
}

/** The counts of each class: [positives, negatives]. */
function classCounts(positives: ArrayLike<number>): [number, number] {
  let p = 0;
  for (let i = 0; i < positives.length; i++) if (positives[i]) p++;
  return [p, positives.length - p];
}

export interface RocPoint {
  fpr: number;
  tpr: number;
  /** Rows with score >= threshold are called positive; Infinity for the (0, 0) start. */
  threshold: number;
}

/**
 * The ROC curve from (0, 0) to (1, 1), one point per distinct score; null when the rows
 * are all of one class (a rate over zero rows is undefined, as scikit-learn warns).
 */
export function rocCurve(scores: ArrayLike<number>, positives: ArrayLike<number>): RocPoint[] | null {
  const [p, n] = classCounts(positives);
  if (p === 0 || n === 0) return null;
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  for (const o of operatingPoints(scores, positives)) points.push({ fpr: o.fp / n, tpr: o.tp / p, threshold: o.threshold });
  return points;
}

/** The area under a curve of points in ascending x, by the trapezoid rule. */
export function trapezoid(xs: readonly number[], ys: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < xs.length; i++) area += ((xs[i] - xs[i - 1]) * (ys[i] + ys[i - 1])) / 2;
  return area;
}

/** ROC AUC (roc_auc_score): the trapezoid area under rocCurve; null when the rows are all of one class. */
export function rocAuc(scores: ArrayLike<number>, positives: ArrayLike<number>): number | null {
  const roc = rocCurve(scores, positives);
  if (!roc) return null;
  return trapezoid(
    roc.map((r) => r.fpr),
    roc.map((r) => r.tpr),
  );
}

export interface PrPoint {
  recall: number;
  precision: number;
  /** Rows with score >= threshold are called positive; Infinity for scikit-learn's closing (recall 0, precision 1) point. */
  threshold: number;
}

/**
 * The precision-recall curve as scikit-learn draws it: one point per distinct score, in
 * increasing threshold (so decreasing recall), from where recall first reaches 1 (lower
 * thresholds only add false positives at recall 1), closed by (recall 0, precision 1).
 * Null without positive rows.
 */
export function precisionRecallCurve(scores: ArrayLike<number>, positives: ArrayLike<number>): PrPoint[] | null {
  const [p] = classCounts(positives);
  if (p === 0) return null;
  const ops = operatingPoints(scores, positives);
  const full = ops.findIndex((o) => o.tp === p);
  const kept = ops.slice(0, full + 1).reverse();
  return [...kept.map((o) => ({ recall: o.tp / p, precision: o.tp / (o.tp + o.fp), threshold: o.threshold })), { recall: 0, precision: 1, threshold: Infinity }];
}

/**
 * average_precision_score: sum over thresholds of (R_n - R_{n-1}) * P_n, the precision at
 * each threshold weighted by the recall it adds (a step function, not interpolated).
 * Null without positive rows.
 */
export function averagePrecision(scores: ArrayLike<number>, positives: ArrayLike<number>): number | null {
  const [p] = classCounts(positives);
  if (p === 0) return null;
  let ap = 0;
  let recall = 0;
  for (const o of operatingPoints(scores, positives)) {
    const r = o.tp / p;
    ap += (r - recall) * (o.tp / (o.tp + o.fp));
    recall = r;
  }
  return ap;
}

/**
 * At most `max` points of a curve, evenly spaced by index, always keeping the first and
 * the last (the curve's ends), so a 20,000-row test split draws a few hundred points.
 */
export function thinCurve<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max || max < 2) return points.slice();
  const out: T[] = [];
  const stride = (points.length - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(points[Math.round(k * stride)]);
  return out;
}
