/**
 * Plain-JS counterparts of the tfjs calls around a step: gathering a batch of rows
 * (tf.gather on the uploaded split) and evaluating a split (model.predict, per-example
 * softmax cross-entropy, argMax), so a whole run can stay out of tfjs.
 */
import type { FastDenseNet } from './net';
import { logSoftmaxRow, rowLoss } from './softmax';
import { squaredErrors } from './squaredError';

/**
 * Copies the rows `indices` of a split into preallocated batch buffers:
 * x[b, :] = features[indices[b], :] and y[b] = labels[indices[b]] (and t[b] = targets[indices[b]] for a regression).
 * features [rows, featureCount], labels [rows]; x [indices.length, featureCount], y [indices.length].
 */
export function gatherBatch(
  features: Float32Array,
  labels: Int32Array,
  featureCount: number,
  indices: ArrayLike<number>,
  x: Float32Array,
  y: Int32Array,
  targets?: Float32Array,
  t?: Float32Array,
): void {
  const n = indices.length;
  if (x.length < n * featureCount || y.length < n) {
    throw new Error(`Batch buffers hold ${y.length} rows; ${n} were asked for.`);
  }
  const rows = labels.length;
  for (let b = 0; b < n; b++) {
    const r = indices[b];
    if (!(r >= 0 && r < rows)) throw new Error(`Row index ${r} is outside [0, ${rows}).`);
    // A plain loop: subarray() would allocate a view per row.
    const from = r * featureCount;
    const to = b * featureCount;
    for (let f = 0; f < featureCount; f++) x[to + f] = features[from + f];
    y[b] = labels[r];
    if (targets !== undefined && t !== undefined) t[b] = targets[r];
  }
}

/** A regressor's rows: each one's squared error (standardised units) and its output, both [rows]. */
export function evaluateRegressionNet(net: FastDenseNet, features: Float32Array, targets: Float32Array, rows: number): { losses: Float32Array; predictions: Float32Array } {
  const predictions = net.predict(features, rows); // [rows, 1]
  return { losses: squaredErrors(predictions, targets, rows), predictions };
}

export interface FastEvaluation {
  /** Softmax cross-entropy of each row, [rows] (tf.Reduction.NONE). */
  losses: Float32Array;
  /** argmax of each row's logits, [rows]; the first of equal maxima, as tf.argMax. */
  predictions: Int32Array;
  /** Rows whose prediction equals their label. */
  correct: number;
}

/** Class probabilities of `net` on features [rows, inputs]: softmax of the logits, [rows, classes] (a new array). */
export function probabilitiesNet(net: FastDenseNet, features: Float32Array, rows: number): Float32Array {
  const classes = net.classes;
  const out = net.predict(features, rows);
  for (let r = 0; r < rows; r++) {
    logSoftmaxRow(out, out, r * classes, classes);
    for (let j = 0; j < classes; j++) out[r * classes + j] = Math.exp(out[r * classes + j]);
  }
  return out;
}

/** Per-row losses and predicted classes of `net` on features [rows, inputs] with labels [rows]. */
export function evaluateNet(net: FastDenseNet, features: Float32Array, labels: Int32Array, rows: number): FastEvaluation {
  const classes = net.classes;
  const logits = net.predict(features, rows);
  const predictions = new Int32Array(rows);
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * classes;
    let best = 0;
    for (let j = 1; j < classes; j++) if (logits[o + j] > logits[o + best]) best = j;
    predictions[r] = best;
    if (best === labels[r]) correct++;
  }
  const losses = new Float32Array(rows);
  // The logits are no longer needed: turn each row into its log-softmax in place.
  for (let r = 0; r < rows; r++) {
    logSoftmaxRow(logits, logits, r * classes, classes);
    losses[r] = rowLoss(logits, r * classes, classes, labels[r]);
  }
  return { losses, predictions, correct };
}
