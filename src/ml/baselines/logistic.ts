/**
 * Multinomial logistic regression (softmax regression): the project's own fused network
 * (src/ml/fast) with no hidden layer, widths [features, classes], so the baseline is the
 * same code path the network trains on, minus the hidden layers. A fair fit, close to
 * scikit-learn's LogisticRegression(C=1): features standardised on the training split,
 * zero initial weights (the loss is convex), mean cross-entropy plus an L2 penalty of
 * 1 / (2 n) on the kernel (C = 1), Adam with a learning rate decaying linearly to a tenth,
 * full batch up to FULL_BATCH rows, else minibatches in a seeded order. A fixed budget
 * of steps keeps it well under a second on 10,000 rows x 20 features; MNIST's 784 inputs
 * get a few epochs from the same budget of multiply-adds.
 */
import type { LabelledSplit } from '../datasets/data';
import { AdamOptimizer, FastDenseNet, evaluateNet, gatherBatch } from '../fast';
import { BatchStream } from '../train/batches';
import type { Pace } from './pace';
import { applyScale, featureScale, scaleInPlace } from './standardize';

export interface LogisticBaseline {
  /** Test accuracy, in [0, 1]. */
  accuracy: number;
  /** Optimizer steps taken and the passes over the training rows they make. */
  steps: number;
  epochs: number;
}

/** Up to this many training rows, every step sees all of them. */
export const FULL_BATCH = 1024;
const MINIBATCH = 256;
/** Wide inputs x classes (MNIST's 784 x 10) cost per row, not per step: smaller batches give more steps of the same work. */
const WIDE = 2000;
const WIDE_MINIBATCH = 64;
/** Full-batch steps (each one an epoch). */
const FULL_BATCH_STEPS = 500;
const MAX_STEPS = 1000;
const MAX_EPOCHS = 40;
/** Multiply-adds for the whole fit (forward and the two backward products per step). */
const WORK = 6e8;
/** Multiply-adds between two pauses: a few milliseconds. */
const WORK_PER_PAUSE = 2e7;
/** Steps between two pauses at most: a small net's step costs its overhead, not its multiply-adds. */
const STEPS_PER_PAUSE = 50;
const LEARNING_RATE = 0.05;
/** Test rows scored at a time: a scaled copy of MNIST's 10,000 digits would be 31 MB. */
const SCORE_CHUNK = 4096;

/** Steps and batch size for `rows` rows of `inputs` features and `classes` classes. */
export function logisticBudget(rows: number, inputs: number, classes: number): { batch: number; steps: number } {
  const batch = rows <= FULL_BATCH ? rows : inputs * classes >= WIDE ? WIDE_MINIBATCH : MINIBATCH;
  const stepWork = 3 * batch * inputs * classes;
  const byEpochs = batch === rows ? FULL_BATCH_STEPS : Math.min(MAX_STEPS, Math.ceil((MAX_EPOCHS * rows) / batch));
  const steps = Math.max(1, Math.min(byEpochs, Math.floor(WORK / stepWork)));
  return { batch, steps };
}

/** Fits on `train`, scores on `test` (at least one row). Deterministic for a seed. */
export async function logisticBaseline(train: LabelledSplit, test: LabelledSplit, inputs: number, classes: number, seed: number, pace: Pace): Promise<LogisticBaseline> {
  const scale = featureScale(train.features, train.rows, inputs);
  const { batch, steps } = logisticBudget(train.rows, inputs, classes);
  // Full batch: the split scaled once. Minibatches are scaled as they are gathered (no
  // scaled copy of a large split: MNIST's 55,000 digits would be 172 MB).
  const x = batch === train.rows ? applyScale(train.features, train.rows, inputs, scale) : null;
  const optimizer = new AdamOptimizer(LEARNING_RATE);
  const net = new FastDenseNet({ widths: [inputs, classes], activations: [], optimizer, reduction: 'mean', l2: 0.5 / train.rows, seed });
  const stream = new BatchStream(train.rows, batch, seed);
  const bx = new Float32Array(batch * inputs);
  const by = new Int32Array(batch);
  const indices = new Int32Array(batch);
  const stepsPerPause = Math.max(1, Math.min(STEPS_PER_PAUSE, Math.floor(WORK_PER_PAUSE / (3 * batch * inputs * classes))));
  for (let s = 0; s < steps; s++) {
    net.setLearningRate(LEARNING_RATE * (1 - (0.9 * s) / steps));
    if (x) {
      net.step(x, train.labels, batch);
    } else {
      gatherBatch(train.features, train.labels, inputs, stream.next(indices), bx, by);
      net.step(scaleInPlace(bx, batch, inputs, scale), by, batch);
    }
    if ((s + 1) % stepsPerPause === 0) await pace.pause();
  }
  let correct = 0;
  for (let from = 0; from < test.rows; from += SCORE_CHUNK) {
    const rows = Math.min(SCORE_CHUNK, test.rows - from);
    const chunk = applyScale(test.features.subarray(from * inputs), rows, inputs, scale);
    correct += evaluateNet(net, chunk, test.labels.subarray(from, from + rows), rows).correct;
  }
  return { accuracy: correct / test.rows, steps, epochs: (steps * batch) / train.rows };
}
