/**
 * evaluate() and predict() as tf.estimator reports them. An engine produces each
 * row's loss and predicted class (on the backend, or in the fused loops) and a row's
 * logits; the bookkeeping that turns them into evaluate()'s and predict()'s numbers is
 * plain arithmetic here, with no tfjs.
 */
import type { Evaluation, Prediction, Split } from '../../shared/types';

/** The evaluation input_fn's batch size (numpy_input_fn's default), which defines `loss`. */
export const EVAL_BATCH = 128;

/** Each row's softmax cross-entropy [rows] and predicted class id [rows]; a regressor's squared error and output (standardised units). */
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

/**
 * What predict() yields for one row, from its logits [classes] (and their softmax): the
 * class with the largest logit (the first of equal maxima, as argMax), its name, both arrays.
 */
export function predictionOf(logits: ArrayLike<number>, classNames: readonly string[]): Prediction {
  const c = classNames.length;
  const values = Array.from({ length: c }, (_, i) => logits[i]);
  let classId = 0;
  for (let i = 1; i < c; i++) if (values[i] > values[classId]) classId = i;
  // Softmax in float64 from the largest logit, so large logits do not overflow.
  const top = values[classId];
  const exps = values.map((v) => Math.exp(v - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return { classId, className: classNames[classId], probabilities: exps.map((e) => e / sum), logits: values };
}
