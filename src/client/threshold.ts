/**
 * The 2x2 confusion matrix of a binary model at a threshold of the person's choosing:
 * a row is called positive when its score (the model's probability of the positive
 * class) is >= the threshold, the convention of the ROC curve's points (src/ml/model/roc.ts).
 */
export interface BinaryConfusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** `positives[i]` is 1 when row i is of the positive class. */
export function confusionAt(scores: ArrayLike<number>, positives: ArrayLike<number>, threshold: number): BinaryConfusion {
  const c: BinaryConfusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < scores.length; i++) {
    const called = scores[i] >= threshold;
    if (positives[i]) {
      if (called) c.tp++;
      else c.fn++;
    } else if (called) c.fp++;
    else c.tn++;
  }
  return c;
}

/** Precision and recall of the positive class at that matrix; null where nothing is called positive (or there is no positive row). */
export function rates(c: BinaryConfusion): { precision: number | null; recall: number | null } {
  return { precision: c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null, recall: c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null };
}
