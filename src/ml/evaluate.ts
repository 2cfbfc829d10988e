/**
 * evaluate() and predict() as tf.estimator reports them. Both run the forward pass
 * on the backend and read back once; the bookkeeping happens in plain numbers.
 */
import * as tf from '@tensorflow/tfjs';
import type { Evaluation, Prediction, Split } from '../shared/protocol';
import type { SplitTensors } from './trainer';

/** The evaluation input_fn's batch size (numpy_input_fn's default), which defines `loss`. */
export const EVAL_BATCH = 128;

/**
 * Accuracy, mean loss per example and the TF1 head's `loss` (the summed loss of each
 * evaluation batch, averaged over batches) of `model` on one split.
 */
export async function evaluate(
  model: tf.LayersModel,
  data: SplitTensors,
  split: Split,
  globalStep: number,
): Promise<Evaluation> {
  const classes = model.outputs[0].shape[1] as number;
  // [2 * rows]: per-example losses, then predicted class ids, read back in one go.
  const packed = tf.tidy(() => {
    const logits = model.predict(data.x) as tf.Tensor2D; // [rows, classes]
    const onehot = tf.oneHot(data.y, classes);
    const losses = tf.losses.softmaxCrossEntropy(onehot, logits, undefined, undefined, tf.Reduction.NONE);
    return tf.concat([losses.flatten(), logits.argMax(1).toFloat()]);
  });
  const values = await packed.data();
  packed.dispose();
  const labels = await data.y.data();
  const n = data.rows;
  let total = 0;
  let correct = 0;
  let batches = 0;
  for (let start = 0; start < n; start += EVAL_BATCH) {
    let sum = 0;
    for (let i = start; i < Math.min(n, start + EVAL_BATCH); i++) {
      sum += values[i];
      if (values[n + i] === labels[i]) correct++;
    }
    total += sum;
    batches++;
  }
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

/** Class probabilities and logits for one row of features (already encoded). */
export async function predictRow(model: tf.LayersModel, features: number[], classNames: string[]): Promise<Prediction> {
  const out = tf.tidy(() => {
    const logits = model.predict(tf.tensor2d([features])) as tf.Tensor2D; // [1, classes]
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
