/**
 * The one plain-tfjs training step: gather the batch, one-hot, optimizer.minimize over
 * model.ts's trainingLoss (cross-entropy plus the layers' L2 penalties). TfjsEngine runs
 * it, and the parity tests and the bench compare the fused loops against it, so there is
 * no second copy to drift. It owns the model, the optimizer and the uploaded training
 * split, and frees them all in dispose().
 */
import * as tf from '@tensorflow/tfjs';
import { requireTargets, type LabelledSplit } from '../datasets/data';
import { disposeOptimizer, trainingLoss } from '../model/model';
import type { LossReduction } from '../fast/softmax';
import type { Head } from '../fast/net';

export class TfjsReferenceStep {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor1D;
  /** Regression: the standardised targets [rows, 1]; null for a classifier. */
  readonly targets: tf.Tensor2D | null;
  private readonly variables: tf.Variable[];
  private readonly classes: number;
  /** Class weights [classes] (balanced), or null: unweighted. */
  private readonly classWeights: tf.Tensor1D | null;

  /** Takes ownership of `model` and `optimizer`. split: features [rows, inputs], labels [rows]; classWeights [classes] or null (model/classWeights.ts). */
  constructor(
    readonly model: tf.LayersModel,
    private optimizer: tf.Optimizer,
    split: LabelledSplit,
    private readonly reduction: LossReduction,
    classWeights: Float32Array | null = null,
    private readonly head: Head = 'softmax',
  ) {
    const inputs = split.features.length / split.rows;
    this.x = tf.tensor2d(split.features, [split.rows, inputs], 'float32');
    this.y = tf.tensor1d(split.labels, 'int32');
    this.targets = head === 'squared-error' ? tf.tensor2d(requireTargets(split), [split.rows, 1], 'float32') : null;
    this.classes = model.outputs[0].shape[1] as number;
    this.classWeights = classWeights === null ? null : tf.tensor1d(classWeights, 'float32');
    // LayerVariable.read() is the tf.Variable the optimizer updates.
    this.variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  }

  /** One step on the rows `indices`; returns the loss scalar (the caller disposes it). */
  step(indices: Int32Array): tf.Scalar {
    return tf.tidy(() => {
      const idx = tf.tensor1d(indices, 'int32');
      const xb = tf.gather(this.x, idx) as tf.Tensor2D; // [batch, inputs]
      const labels = tf.gather(this.y, idx); // [batch]
      // [batch, classes] one-hot, or a regression's [batch, 1] targets
      const yb = this.targets !== null ? (tf.gather(this.targets, idx) as tf.Tensor2D) : (tf.oneHot(labels, this.classes) as tf.Tensor2D);
      const wb = this.classWeights === null || this.targets !== null ? undefined : (tf.gather(this.classWeights, labels) as tf.Tensor1D); // [batch]
      const cost = this.optimizer.minimize(() => trainingLoss(this.model, xb, yb, this.reduction, wb, this.head), true, this.variables);
      if (cost === null) throw new Error('The optimizer returned no loss.');
      return cost;
    });
  }

  /** A new optimizer from the next step on (fresh slots); the old one is disposed. */
  replaceOptimizer(optimizer: tf.Optimizer): void {
    disposeOptimizer(this.optimizer);
    this.optimizer = optimizer;
  }

  /** The variables the optimizer updates, in getWeights() order. */
  get trainable(): readonly tf.Variable[] {
    return this.variables;
  }

  /**
   * tfjs has setLearningRate() only on SGD (and Momentum, its subclass, which keep
   * -lr as a tensor); the others read their protected `learningRate` at each update.
   */
  setLearningRate(learningRate: number): void {
    // Not instanceof: tfjs's Optimizer[Symbol.hasInstance] is duck-typed, so every
    // optimizer is an `instanceof tf.SGDOptimizer`.
    const name = this.optimizer.getClassName();
    if (name === 'SGD' || name === 'Momentum') (this.optimizer as tf.SGDOptimizer).setLearningRate(learningRate);
    else (this.optimizer as unknown as { learningRate: number }).learningRate = learningRate;
  }

  /** Copies of the weights, in model.getWeights() order. */
  weights(): Float32Array[] {
    return this.model.getWeights().map((w) => w.dataSync() as Float32Array).map((w) => w.slice());
  }

  dispose(): void {
    disposeOptimizer(this.optimizer);
    this.model.dispose();
    this.x.dispose();
    this.y.dispose();
    this.targets?.dispose();
    this.classWeights?.dispose();
  }
}
