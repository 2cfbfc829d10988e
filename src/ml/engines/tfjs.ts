/**
 * The tfjs engine: each step is tfjs kernels on the backend (gather the batch, forward,
 * softmax cross-entropy plus any L2 penalty, gradients, optimizer update; dropout
 * through the model's Dropout layers), and the losses stay on the
 * backend until a whole chunk of steps has run, so the loop never waits for the GPU
 * inside a step. Owns every tensor it makes and frees them in dispose().
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../../shared/types';
import { BatchStream } from '../train/batches';
import type { ClassificationData, LabelledSplit } from '../datasets/data';
import { modelProbabilities, perExampleTfjs, type PerExample } from '../model/metrics';
import type { Engine, Snapshot } from './engine';
import { buildClassifier, disposeOptimizer, makeOptimizer, trainingLoss } from '../model/model';
import { disposeSplit, uploadSplit, type SplitTensors } from '../model/splits';

export class TfjsEngine implements Engine {
  readonly name = 'tfjs';
  readonly model: tf.Sequential;
  readonly trainSplit: SplitTensors;
  globalStep = 0;
  private readonly classCount: number;
  private optimizer: tf.Optimizer;
  private readonly stream: BatchStream;
  private readonly variables: tf.Variable[];

  constructor(
    data: ClassificationData,
    public config: ModelConfig,
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

  async steps(count: number): Promise<Float32Array> {
    const losses: tf.Scalar[] = [];
    for (let i = 0; i < count; i++) losses.push(this.step());
    // One sync for the whole chunk: stack, then data().
    const stacked = tf.stack(losses);
    losses.forEach((l) => l.dispose());
    const values = (await stacked.data()) as Float32Array;
    stacked.dispose();
    return values;
  }

  /** One optimizer step on the next batch; returns the loss scalar (penalty included), still on the backend. */
  private step(): tf.Scalar {
    const indices = this.stream.next();
    const loss = tf.tidy(() => {
      const idx = tf.tensor1d(indices, 'int32');
      const xb = tf.gather(this.trainSplit.x, idx) as tf.Tensor2D; // [batch, features]
      const yb = tf.oneHot(tf.gather(this.trainSplit.y, idx), this.classCount) as tf.Tensor2D; // [batch, classes]
      const cost = this.optimizer.minimize(() => trainingLoss(this.model, xb, yb, this.config.reduction), true, this.variables);
      if (cost === null) throw new Error('The optimizer returned no loss.');
      return cost;
    });
    this.globalStep++;
    return loss;
  }

  sync(): void {
    // The model's variables are the ones trained: nothing to copy.
  }

  perExample(_split: LabelledSplit, tensors: SplitTensors): Promise<PerExample> {
    return perExampleTfjs(this.model, tensors);
  }

  probabilities(features: Float32Array, rows: number): Promise<Float32Array> {
    return modelProbabilities(this.model, features, rows);
  }

  setLearningRate(learningRate: number): void {
    this.config = { ...this.config, learningRate };
    // SGD and momentum cache -lr in a scalar and expose a setter; Adagrad, Adam and
    // RMSProp read their (protected) learningRate field on every update.
    const optimizer = this.optimizer as tf.Optimizer & { setLearningRate?: (lr: number) => void; learningRate?: number };
    if (optimizer.setLearningRate) optimizer.setLearningRate(learningRate);
    else optimizer.learningRate = learningRate;
  }

  weightsInMemory(): null {
    return null;
  }

  adopt(step: number): void {
    this.globalStep = step;
    disposeOptimizer(this.optimizer);
    this.optimizer = makeOptimizer(this.config.optimizer, this.config.learningRate);
  }

  snapshot(): Snapshot {
    const weights = this.variables.map((v) => tf.clone(v));
    const step = this.globalStep;
    return {
      step,
      restore: () => {
        this.variables.forEach((v, i) => v.assign(weights[i]));
        this.globalStep = step;
        // The optimizer's slots may hold the non-finite values that broke the run.
        disposeOptimizer(this.optimizer);
        this.optimizer = makeOptimizer(this.config.optimizer, this.config.learningRate);
      },
      dispose: () => weights.forEach((w) => w.dispose()),
    };
  }

  dispose(): void {
    disposeOptimizer(this.optimizer);
    this.model.dispose();
    disposeSplit(this.trainSplit);
  }
}
