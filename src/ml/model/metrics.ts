/**
 * evaluate() and predict() as tf.estimator reports them. An engine produces each
 * row's loss and predicted class (on the backend, or in the fused loops); the
 * bookkeeping that turns them into evaluate()'s numbers is plain arithmetic here.
 */
import * as tf from '@tensorflow/tfjs';
import type { Evaluation, Prediction, Split } from '../../shared/types';
import type { SplitTensors } from './splits';

/** The evaluation input_fn's batch size (numpy_input_fn's default), which defines `loss`. */
export const EVAL_BATCH = 128;

/** Each row's softmax cross-entropy [rows] and predicted class id [rows]. */
export interface PerExample {
  losses: ArrayLike<number>;
  predictions: ArrayLike<number>;
}

/**
 * Accuracy, mean loss per example, and the TF1 head's `loss`: the summed loss of each
 * evaluation batch of EVAL_BATCH rows, averaged over batches.
 */
export function summarize(rows: PerExample, labels: ArrayLike<number>, split: Split, globalStep: number): Evaluation {
  const n = labels.length;
  let total = 0;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    total += rows.losses[i];
    if (rows.predictions[i] === labels[i]) correct++;
  }
  const batches = Math.ceil(n / EVAL_BATCH);
  return {
    split,
    accuracy: n > 0 ? correct / n : 0,
    averageLoss: n > 0 ? total / n : 0,
    loss: batches > 0 ? total / batches : 0,
    globalStep,
    examples: n,
    correct,
  };
}

/** confusion[actual][predicted]: how many rows of each class were read as each class. */
export function confusionMatrix(predictions: ArrayLike<number>, labels: ArrayLike<number>, classes: number): number[][] {
  const matrix = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < labels.length; i++) matrix[labels[i]][predictions[i]]++;
  return matrix;
}

/** Per-row losses and predictions of a tfjs model on a split already on the backend, read back once. */
export async function perExampleTfjs(model: tf.LayersModel, data: SplitTensors): Promise<PerExample> {
  const classes = model.outputs[0].shape[1] as number;
  // [2 * rows]: per-example losses, then predicted class ids.
  const packed = tf.tidy(() => {
    const logits = model.predict(data.x) as tf.Tensor2D; // [rows, classes]
    const losses = tf.losses.softmaxCrossEntropy(tf.oneHot(data.y, classes), logits, undefined, undefined, tf.Reduction.NONE);
    return tf.concat([losses.flatten(), logits.argMax(1).toFloat()]);
  });
  const values = await packed.data();
  packed.dispose();
  return { losses: values.subarray(0, data.rows), predictions: values.subarray(data.rows) };
}

/** Class probabilities and logits for one row of features (already encoded). */
export async function predictRow(model: tf.LayersModel, features: Float32Array, classNames: string[]): Promise<Prediction> {
  const out = tf.tidy(() => {
    const logits = model.predict(tf.tensor2d(features, [1, features.length])) as tf.Tensor2D; // [1, classes]
    return tf.concat([logits, tf.softmax(logits)], 1); // [1, 2 * classes]
  });
  const values = Array.from(await out.data());
  out.dispose();
  const c = classNames.length;
  const logits = values.slice(0, c);
  const probabilities = values.slice(c);
  let classId = 0;
  for (let i = 1; i < c; i++) if (logits[i] > logits[classId]) classId = i;
  return { classId, className: classNames[classId], probabilities, logits };
}

/**
 * Softmax of the model's logits for `rows` encoded rows: features [rows, width] ->
 * probabilities [rows, classes] row-major, read back once; every tensor is disposed.
 */
export async function modelProbabilities(model: tf.LayersModel, features: Float32Array, rows: number): Promise<Float32Array> {
  const width = rows > 0 ? features.length / rows : 0;
  const out = tf.tidy(() => tf.softmax(model.predict(tf.tensor2d(features, [rows, width])) as tf.Tensor2D)); // [rows, classes]
  try {
    return (await out.data()) as Float32Array;
  } finally {
    out.dispose();
  }
}
