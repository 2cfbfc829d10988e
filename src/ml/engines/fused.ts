/**
 * The fused engine: the same steps as TfjsEngine (same batches, same math: tfjs cpu's
 * summation order, checked bit for bit through the Engine interface in
 * tests/unit/fast-parity.test.ts) in Float32Array loops, with no kernel dispatch, no GPU
 * round trip and no tfjs at all: it reads the training split from JS memory and never
 * uploads it. Dropout masks come from a seeded generator here and from tfjs's unseeded
 * one there: runs with dropout match in distribution, not bit for bit.
 */
import { MessageError, msg } from '../../shared/message';
import type { FusedLoops, ModelConfig } from '../../shared/types';
import { requireTargets, type ClassificationData, type LabelledSplit } from '../datasets/data';
import { evaluateNet, evaluateRegressionNet, FastDenseNet, gatherBatch, makeFastOptimizer, probabilitiesNet } from '../fast';
import { classWeights } from '../model/classWeights';
import type { PerExample } from '../model/metrics';
import { BatchStream } from '../train/batches';
import type { Engine, Snapshot } from './engine';

export class FusedEngine implements Engine {
  readonly name = 'fused';
  readonly weightsInJs = true;
  globalStep = 0;
  private net: FastDenseNet;
  private readonly stream: BatchStream;
  private readonly features: Float32Array;
  private readonly labels: Int32Array;
  private readonly featureCount: number;
  private readonly classCount: number;
  /** The training loss's class weights [classes] (balanced, from the training rows), or null. */
  private readonly classWeights: Float32Array | null;
  /** Batch buffers, filled in place every step: x [batch, features], y [batch], indices [batch]. */
  private readonly x: Float32Array;
  private readonly y: Int32Array;
  private readonly indices: Int32Array;
  /** Regression: the training split's standardised targets [rows] and the batch's [batch]; null for a classifier. */
  private readonly targets: Float32Array | null;
  private readonly t: Float32Array | null;

  /**
   * `initial`: the starting weights in getWeights() order (choose.ts draws them with tfjs's
   * seeded initializers). `loops`: the matrix products in WebAssembly SIMD where the engine
   * has it, or the JS loops; the same numbers either way.
   */
  constructor(
    data: ClassificationData,
    public config: ModelConfig,
    initial: readonly Float32Array[],
    private readonly loops: FusedLoops = 'simd',
  ) {
    this.featureCount = data.featureNames.length;
    this.classCount = data.classNames.length;
    this.stream = new BatchStream(data.train.rows, config.batchSize, config.seed);
    this.features = data.train.features;
    this.labels = data.train.labels;
    this.classWeights = classWeights(config.classWeight, data.train.labels, this.classCount);
    this.x = new Float32Array(config.batchSize * this.featureCount);
    this.y = new Int32Array(config.batchSize);
    this.indices = new Int32Array(config.batchSize);
    this.targets = data.target !== undefined ? (data.train.targets ?? null) : null;
    if (data.target !== undefined && this.targets === null) throw new Error('A regression data set needs its training targets.');
    this.t = this.targets === null ? null : new Float32Array(config.batchSize);
    this.net = this.newNet();
    this.setNetWeights(initial);
  }

  async steps(count: number): Promise<Float32Array> {
    const losses = new Float32Array(count);
    const batch = this.config.batchSize;
    for (let i = 0; i < count; i++) {
      gatherBatch(this.features, this.labels, this.featureCount, this.stream.next(this.indices), this.x, this.y, this.targets ?? undefined, this.t ?? undefined);
      losses[i] = this.net.step(this.x, this.y, batch, this.t ?? undefined);
      this.globalStep++;
    }
    return losses;
  }

  /** ~10x faster than tfjs cpu on MNIST's 8,000 training rows. */
  async evaluate(split: LabelledSplit): Promise<PerExample> {
    if (this.targets !== null) return evaluateRegressionNet(this.net, split.features, requireTargets(split), split.rows);
    return evaluateNet(this.net, split.features, split.labels, split.rows);
  }

  async logits(features: Float32Array, rows: number): Promise<Float32Array> {
    return this.net.predict(features, rows);
  }

  /** A 60 x 60 map is ~1 ms on Iris. */
  async probabilities(features: Float32Array, rows: number): Promise<Float32Array> {
    return probabilitiesNet(this.net, features, rows);
  }

  async weights(): Promise<Float32Array[]> {
    return this.net.getWeights();
  }

  setLearningRate(learningRate: number): void {
    this.config = { ...this.config, learningRate };
    this.net.setLearningRate(learningRate);
  }

  load(weights: readonly Float32Array[], step: number): void {
    const net = this.newNet();
    this.net = net;
    this.setNetWeights(weights);
    this.globalStep = step;
  }

  snapshot(): Snapshot {
    const weights = this.net.getWeights();
    const step = this.globalStep;
    return {
      step,
      // A fresh net: the optimizer's slots may hold the values that broke the run.
      restore: () => this.load(weights, step),
      dispose: () => {},
    };
  }

  dispose(): void {}

  private setNetWeights(weights: readonly Float32Array[]): void {
    const sizes = this.net.getWeights().map((w) => w.length);
    if (weights.length !== sizes.length || weights.some((w, i) => w.length !== sizes[i])) {
      throw new MessageError(msg('train.weights-misfit', { expected: sizes.length, found: weights.length }));
    }
    this.net.setWeights(weights);
  }

  /** A net of the config's shape, activation, dropout, L2 penalty and class weights (weights still zero). */
  private newNet(): FastDenseNet {
    const { hiddenUnits, optimizer, learningRate, reduction, activation, dropout, l2, seed } = this.config;
    const classWeights = this.classWeights;
    return new FastDenseNet({
      widths: [this.featureCount, ...hiddenUnits, this.classCount],
      activations: hiddenUnits.map(() => activation),
      optimizer: makeFastOptimizer(optimizer, learningRate),
      reduction,
      dropout,
      l2,
      seed: dropoutSeed(seed),
      kernels: this.loops,
      classWeights,
      head: this.targets === null ? 'softmax' : 'squared-error',
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
