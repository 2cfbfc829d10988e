/**
 * One model and its training state: the estimator of the tutorial. It owns every
 * tensor it makes (the model's variables, the optimizer's slots, the training split
 * kept on the backend) and frees them all in dispose().
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../shared/protocol';
import { BatchStream } from './batches';
import type { ClassificationData, LabelledSplit } from './data';
import { buildClassifier, makeOptimizer } from './model';

/** A split uploaded once to the backend: x [rows, features] float32, y [rows] int32. */
export interface SplitTensors {
  x: tf.Tensor2D;
  y: tf.Tensor1D;
  rows: number;
}

export function uploadSplit(split: LabelledSplit, featureCount: number): SplitTensors {
  return {
    x: tf.tensor2d(split.features, [split.rows, featureCount], 'float32'),
    y: tf.tensor1d(split.labels, 'int32'),
    rows: split.rows,
  };
}

/** Copies of the model's weights at a global step, to go back to after a NaN. */
export interface Snapshot {
  step: number;
  weights: tf.Tensor[];
}

export class Trainer {
  readonly model: tf.Sequential;
  readonly classCount: number;
  globalStep = 0;
  private optimizer: tf.Optimizer;
  private readonly stream: BatchStream;
  /** The training split, on the backend for the whole life of the model. */
  readonly trainSplit: SplitTensors;
  private readonly variables: tf.Variable[];

  constructor(
    data: ClassificationData,
    readonly config: ModelConfig,
  ) {
    const inputs = data.featureNames.length;
    this.classCount = data.classNames.length;
    this.model = buildClassifier(inputs, this.classCount, config);
    this.optimizer = makeOptimizer(config.optimizer, config.learningRate);
    this.stream = new BatchStream(data.train.rows, config.batchSize, config.seed);
    this.trainSplit = uploadSplit(data.train, inputs);
    // LayerVariable.read() is the tf.Variable the optimizer updates.
    this.variables = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
  }

  /**
   * One optimizer step on the next batch. Returns the batch's summed cross-entropy
   * (a scalar still on the backend: the caller reads it when it chooses and disposes it),
   * so the loop never waits for the GPU inside a step.
   */
  step(): tf.Scalar {
    const indices = this.stream.next();
    const loss = tf.tidy(() => {
      const idx = tf.tensor1d(indices, 'int32');
      const xb = tf.gather(this.trainSplit.x, idx); // [batch, features]
      const yb = tf.oneHot(tf.gather(this.trainSplit.y, idx), this.classCount); // [batch, classes]
      const cost = this.optimizer.minimize(
        () => {
          const logits = this.model.apply(xb, { training: true }) as tf.Tensor2D; // [batch, classes]
          // TF1's canned head sums the per-example losses over the batch.
          return tf.losses.softmaxCrossEntropy(yb, logits, undefined, undefined, tf.Reduction.SUM) as tf.Scalar;
        },
        true,
        this.variables,
      );
      if (cost === null) throw new Error('The optimizer returned no loss.');
      return cost;
    });
    this.globalStep++;
    return loss;
  }

  snapshot(): Snapshot {
    return { step: this.globalStep, weights: this.variables.map((v) => tf.clone(v)) };
  }

  /**
   * Go back to a snapshot's weights and step. The optimizer's slots may hold the
   * non-finite values that broke the run, so it starts afresh.
   */
  restore(snapshot: Snapshot): void {
    this.variables.forEach((v, i) => v.assign(snapshot.weights[i]));
    this.globalStep = snapshot.step;
    this.optimizer.dispose();
    this.optimizer = makeOptimizer(this.config.optimizer, this.config.learningRate);
  }

  dispose(): void {
    this.optimizer.dispose();
    this.model.dispose();
    this.trainSplit.x.dispose();
    this.trainSplit.y.dispose();
  }
}

export function disposeSnapshot(snapshot: Snapshot | null): void {
  snapshot?.weights.forEach((w) => w.dispose());
}
