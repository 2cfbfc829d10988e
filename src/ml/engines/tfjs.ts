/**
 * The tfjs engine: each step is the reference step (reference.ts: gather, forward,
 * softmax cross-entropy plus any L2 penalty, gradients, optimizer update; dropout through
 * the model's Dropout layers) on the backend, and the losses stay on the backend until a
 * whole chunk of steps has run, so the loop never waits for the GPU inside a step.
 * Held-out splits are uploaded once, the first time they are evaluated. Owns every tensor
 * it makes and frees them in dispose().
 */
import * as tf from '@tensorflow/tfjs';
import { MessageError, msg } from '../../shared/message';
import type { ModelConfig } from '../../shared/types';
import { requireTargets, type ClassificationData, type LabelledSplit } from '../datasets/data';
import { classWeights } from '../model/classWeights';
import type { PerExample } from '../model/metrics';
import { buildClassifier, makeOptimizer, setWeights } from '../model/model';
import { BatchStream } from '../train/batches';
import type { Engine, Snapshot } from './engine';
import { TfjsReferenceStep } from './reference';

/** A split on the backend: x [rows, features] float32, y [rows] int32. */
interface Uploaded {
  x: tf.Tensor2D;
  y: tf.Tensor1D;
  /** Regression: the standardised targets [rows, 1]. */
  t: tf.Tensor2D | null;
  rows: number;
}

export class TfjsEngine implements Engine {
  readonly name = 'tfjs';
  readonly weightsInJs = false;
  globalStep = 0;
  private readonly model: tf.Sequential;
  private readonly reference: TfjsReferenceStep;
  private readonly stream: BatchStream;
  private readonly train: LabelledSplit;
  private readonly uploaded = new Map<LabelledSplit, Uploaded>();
  private readonly regression: boolean;

  constructor(
    data: ClassificationData,
    public config: ModelConfig,
  ) {
    this.model = buildClassifier(data.featureNames.length, data.classNames.length, config);
    const weights = classWeights(config.classWeight, data.train.labels, data.classNames.length);
    this.regression = data.target !== undefined;
    const head = this.regression ? 'squared-error' : 'softmax';
    this.reference = new TfjsReferenceStep(this.model, makeOptimizer(config.optimizer, config.learningRate), data.train, config.reduction, weights, head);
    this.stream = new BatchStream(data.train.rows, config.batchSize, config.seed);
    this.train = data.train;
  }

  async steps(count: number): Promise<Float32Array> {
    const losses: tf.Scalar[] = [];
    for (let i = 0; i < count; i++) {
      losses.push(this.reference.step(this.stream.next()));
      this.globalStep++;
    }
    // One sync for the whole chunk: stack, then data().
    const stacked = tf.stack(losses);
    losses.forEach((l) => l.dispose());
    const values = (await stacked.data()) as Float32Array;
    stacked.dispose();
    return values;
  }

  /** Per-row losses and predictions, read back once. */
  async evaluate(split: LabelledSplit): Promise<PerExample> {
    const { x, y, t, rows } = this.upload(split);
    if (t !== null) {
      // [2 * rows]: per-example squared errors (standardised units), then the outputs.
      const both = tf.tidy(() => {
        const out = this.model.predict(x) as tf.Tensor2D; // [rows, 1]
        return tf.concat([tf.squaredDifference(t, out).flatten(), out.flatten()]);
      });
      const values = (await both.data()) as Float32Array;
      both.dispose();
      return { losses: values.subarray(0, rows), predictions: values.subarray(rows) };
    }
    const classes = this.model.outputs[0].shape[1] as number;
    // [2 * rows]: per-example losses, then predicted class ids.
    const packed = tf.tidy(() => {
      const logits = this.model.predict(x) as tf.Tensor2D; // [rows, classes]
      const losses = tf.losses.softmaxCrossEntropy(tf.oneHot(y, classes), logits, undefined, undefined, tf.Reduction.NONE);
      return tf.concat([losses.flatten(), logits.argMax(1).toFloat()]);
    });
    const values = await packed.data();
    packed.dispose();
    return { losses: values.subarray(0, rows), predictions: values.subarray(rows) };
  }

  logits(features: Float32Array, rows: number): Promise<Float32Array> {
    return this.forward(features, rows, false);
  }

  probabilities(features: Float32Array, rows: number): Promise<Float32Array> {
    return this.forward(features, rows, true);
  }

  async weights(): Promise<Float32Array[]> {
    // getWeights() hands out the layers' own variables; data() may be the backend's buffer, so copy.
    return Promise.all(this.model.getWeights().map(async (w) => Float32Array.from(await w.data())));
  }

  setLearningRate(learningRate: number): void {
    this.config = { ...this.config, learningRate };
    this.reference.setLearningRate(learningRate);
  }

  load(weights: readonly Float32Array[], step: number): void {
    const fitted = setWeights(this.model, weights);
    if (!fitted.ok) throw new MessageError(msg('train.weights-misfit', { expected: this.model.getWeights().length, found: weights.length }));
    this.globalStep = step;
    this.freshOptimizer();
  }

  snapshot(): Snapshot {
    const weights = this.reference.trainable.map((v) => tf.clone(v));
    const step = this.globalStep;
    return {
      step,
      restore: () => {
        this.reference.trainable.forEach((v, i) => v.assign(weights[i]));
        this.globalStep = step;
        // The optimizer's slots may hold the non-finite values that broke the run.
        this.freshOptimizer();
      },
      dispose: () => weights.forEach((w) => w.dispose()),
    };
  }

  dispose(): void {
    // The reference step owns the model, the optimizer and the training split's tensors.
    this.reference.dispose();
    this.uploaded.forEach((u) => {
      u.x.dispose();
      u.y.dispose();
      u.t?.dispose();
    });
    this.uploaded.clear();
  }

  private freshOptimizer(): void {
    this.reference.replaceOptimizer(makeOptimizer(this.config.optimizer, this.config.learningRate));
  }

  /** The training split is already on the backend (the reference step's); others go up once. */
  private upload(split: LabelledSplit): Uploaded {
    if (split === this.train) return { x: this.reference.x, y: this.reference.y, t: this.reference.targets, rows: split.rows };
    let up = this.uploaded.get(split);
    if (!up) {
      const width = split.rows > 0 ? split.features.length / split.rows : 0;
      const t = this.regression ? tf.tensor2d(requireTargets(split), [split.rows, 1], 'float32') : null;
      up = { x: tf.tensor2d(split.features, [split.rows, width], 'float32'), y: tf.tensor1d(split.labels, 'int32'), t, rows: split.rows };
      this.uploaded.set(split, up);
    }
    return up;
  }

  /** features [rows, inputs] -> logits or probabilities [rows, classes], every tensor disposed. */
  private async forward(features: Float32Array, rows: number, softmax: boolean): Promise<Float32Array> {
    const width = rows > 0 ? features.length / rows : 0;
    const out = tf.tidy(() => {
      const logits = this.model.predict(tf.tensor2d(features, [rows, width])) as tf.Tensor2D;
      return softmax ? tf.softmax(logits) : logits;
    });
    try {
      return (await out.data()) as Float32Array;
    } finally {
      out.dispose();
    }
  }
}
