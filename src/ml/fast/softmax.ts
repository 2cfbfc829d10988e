/**
 * Softmax cross-entropy from logits, written op for op as tfjs's
 * tf.losses.softmaxCrossEntropy runs on the cpu backend (log-sum-exp with the row
 * maximum subtracted, every op rounded to float32, sums in float64), so the loss and
 * its gradient match a tfjs step bit for bit.
 */

/** 'sum': tf.estimator's canned head (tf.Reduction.SUM). 'mean': Mechanics 101 (tf.Reduction.MEAN). */
export type LossReduction = 'sum' | 'mean';

const f = Math.fround;

/**
 * log softmax of one row: out[o + j] = fround(x[j] - lse), where
 * lse = fround(m + fround(log(fround(sum_j fround(exp(fround(x[j] - m))))))) and m = max_j x[j].
 * x and out may be the same array. Reads logits[o .. o + classes).
 */
export function logSoftmaxRow(logits: Float32Array, out: Float32Array, o: number, classes: number): void {
  let m = logits[o];
  for (let j = 0; j < classes; j++) {
    const v = logits[o + j];
    if (Number.isNaN(v) || v > m) m = v; // tfjs's Max kernel: NaN wins
  }
  let s = 0;
  for (let j = 0; j < classes; j++) s += f(Math.exp(f(logits[o + j] - m)));
  const lse = f(m + f(Math.log(f(s))));
  for (let j = 0; j < classes; j++) out[o + j] = f(logits[o + j] - lse);
}

/**
 * One example's loss from its log-softmax row: sum_j -(logp[j] * onehot[j]), as tfjs
 * sums the masked vector (so a label outside [0, classes) gives 0, as tf.oneHot's
 * all-zero row does, and an infinite logp gives NaN as in tfjs).
 */
export function rowLoss(logp: Float32Array, o: number, classes: number, label: number): number {
  let s = 0;
  for (let j = 0; j < classes; j++) s += -(logp[o + j] * (j === label ? 1 : 0));
  return f(s);
}

/**
 * Loss and gradient of a batch.
 * logits [batch, classes], labels [batch] (class ids) -> dLogits [batch, classes]:
 *   dLogits[b, j] = g * fround(fround(exp(logp[b, j])) - onehot[b, j]),
 *   g = 1 for 'sum', fround(1 / batch) for 'mean' (tfjs's Sum and Mean gradients).
 * Returns fround(sum_b loss_b) for 'sum', fround(sum_b fround(loss_b / batch)) for 'mean'
 * (tfjs's cpu Mean divides first, then sums). dLogits may not alias logits.
 *
 * With classWeights [classes] (balanced class weights), each example's loss is
 * fround(loss_b * w[label_b]) before the reduction and g becomes fround(g * w[label_b]):
 * Keras' class_weight, which divides a 'mean' by the batch size, not by the weights' sum.
 * An example whose label is outside [0, classes) keeps weight 1 (its loss is 0 anyway).
 */
export function softmaxCrossEntropyBackward(
  logits: Float32Array,
  labels: Int32Array,
  batch: number,
  classes: number,
  reduction: LossReduction,
  dLogits: Float32Array,
  classWeights: Float32Array | null = null,
): number {
  const g0 = reduction === 'sum' ? 1 : f(1 / batch);
  let total = 0;
  for (let b = 0; b < batch; b++) {
    const o = b * classes;
    const label = labels[b];
    const w = classWeights !== null && label >= 0 && label < classes ? classWeights[label] : 1;
    logSoftmaxRow(logits, dLogits, o, classes);
    const loss = classWeights === null ? rowLoss(dLogits, o, classes, label) : f(rowLoss(dLogits, o, classes, label) * w);
    total += reduction === 'sum' ? loss : f(loss / batch);
    const g = classWeights === null ? g0 : f(g0 * w);
    for (let j = 0; j < classes; j++) {
      dLogits[o + j] = g * f(f(Math.exp(dLogits[o + j])) - (j === label ? 1 : 0));
    }
  }
  return f(total);
}
