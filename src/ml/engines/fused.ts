/**
 * The fused engine: the same steps as TfjsEngine (same batches, same math, checked to
 * 1e-5 in tests/unit/fast-parity.test.ts) in Float32Array loops, with no kernel
 * dispatch and no GPU round trip. The tfjs model stays the model of record: sync()
 * copies the weights into it before anyone evaluates, predicts or exports. Dropout masks
 * come from a seeded generator here and from tfjs's unseeded one there: runs with
 * dropout match in distribution, not bit for bit.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../../shared/types';
import { BatchStream } from '../train/batches';
import type { ClassificationData, LabelledSplit } from '../datasets/data';
import type { PerExample } from '../model/metrics';
import type { Engine, Snapshot } from './engine';
import { evaluateNet, FastDenseNet, gatherBatch, makeFastOptimizer, probabilitiesNet } from '../fast';
import { copyModelToNet, copyNetToModel } from '../model/denseShape';
import { buildClassifier } from '../model/model';
import { disposeSplit, uploadSplit, type SplitTensors } from '../model/splits';

export class FusedEngine implements Engine {
  readonly name = 'fused';
  readonly model: tf.Sequential;
  readonly trainSplit: SplitTensors;
  globalStep = 0;
  private net: FastDenseNet;
  private readonly stream: BatchStream;
  private readonly features: Float32Array;
  private readonly labels: Int32Array;
  private readonly featureCount: number;
  /** Batch buffers, filled in place every step: x [batch, features], y [batch], indices [batch]. */
  private readonly x: Float32Array;
  private readonly y: Int32Array;
  private readonly indices: Int32Array;
  private dirty = false;

  constructor(
    data: ClassificationData,
    public config: ModelConfig,
  ) {
    this.featureCount = data.featureNames.length;
    this.model = buildClassifier(this.featureCount, data.classNames.length, config);
    this.trainSplit = uploadSplit(data.train, this.featureCount);
    this.stream = new BatchStream(data.train.rows, config.batchSize, config.seed);
    this.features = data.train.features;
    this.labels = data.train.labels;
    this.x = new Float32Array(config.batchSize * this.featureCount);
    this.y = new Int32Array(config.batchSize);
    this.indices = new Int32Array(config.batchSize);
    this.net = this.newNet();
    copyModelToNet(this.model, this.net);
  }

  async steps(count: number): Promise<Float32Array> {
    const losses = new Float32Array(count);
    const batch = this.config.batchSize;
    for (let i = 0; i < count; i++) {
      gatherBatch(this.features, this.labels, this.featureCount, this.stream.next(this.indices), this.x, this.y);
      losses[i] = this.net.step(this.x, this.y, batch);
      this.globalStep++;
    }
    this.dirty = count > 0;
    return losses;
  }

  sync(): void {
    if (!this.dirty) return;
    copyNetToModel(this.net, this.model);
    this.dirty = false;
  }

  /** In the fused loops too: ~10x faster than tfjs cpu on MNIST's 8,000 training rows. */
  async perExample(split: LabelledSplit): Promise<PerExample> {
    return evaluateNet(this.net, split.features, split.labels, split.rows);
  }

  /** In the fused loops: no copy into the tfjs model, no GPU round trip (a 60 x 60 map is ~1 ms on Iris). */
  async probabilities(features: Float32Array, rows: number): Promise<Float32Array> {
    return probabilitiesNet(this.net, features, rows);
  }

  setLearningRate(learningRate: number): void {
    this.config = { ...this.config, learningRate };
    this.net.setLearningRate(learningRate);
  }

  weightsInMemory(): Float32Array[] {
    return this.net.getWeights();
  }

  adopt(step: number): void {
    this.net = this.newNet();
    copyModelToNet(this.model, this.net);
    this.globalStep = step;
    this.dirty = false;
  }

  snapshot(): Snapshot {
    const weights = this.net.getWeights();
    const step = this.globalStep;
    return {
      step,
      restore: () => {
        // A fresh net: the optimizer's slots may hold the values that broke the run.
        this.net = this.newNet();
        this.net.setWeights(weights);
        this.globalStep = step;
        this.dirty = true;
        this.sync();
      },
      dispose: () => {},
    };
  }

  dispose(): void {
    this.model.dispose();
    disposeSplit(this.trainSplit);
  }

  /** A net of the config's shape, activation, dropout and L2 penalty (weights still zero). */
  private newNet(): FastDenseNet {
    const { hiddenUnits, optimizer, learningRate, reduction, activation, dropout, l2, seed } = this.config;
    return new FastDenseNet({
      widths: [this.featureCount, ...hiddenUnits, this.model.outputs[0].shape[1] as number],
      activations: hiddenUnits.map(() => activation),
      optimizer: makeFastOptimizer(optimizer, learningRate),
      reduction,
      dropout,
      l2,
      seed: dropoutSeed(seed),
    });
  }
}

/**
 * The dropout masks' seed, apart from the batch order's (BatchStream uses `seed` itself)
 * so the two draws are not the same sequence. tfjs's Dropout layer takes no such seed
 * (a fixed one would repeat one mask every step), so only the fused engine repeats its
 * masks from the seed.
 */
export function dropoutSeed(seed: number): number {
  return (Math.imul(seed, 0x9e3779b1) ^ 0x5bd1e995) >>> 0;
}
