/**
 * The fused trainer's contract: from the same initial weights and the same batches it
 * reaches the same weights as the tfjs step (tfjsEngine.ts's ops), within 1e-5, for every
 * optimizer, on the Iris shape (sum) and an MNIST-like shape (mean), for every hidden
 * activation and with an L2 penalty. (Dropout draws its masks from different generators:
 * see tests/unit/regularization.test.ts.)
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activation, ModelConfig, OptimizerName } from '../../src/shared/types';
import { BatchStream } from '../../src/ml/train/batches';
import type { LabelledSplit } from '../../src/ml/datasets/data';
import { buildClassifier, makeOptimizer } from '../../src/ml/model/model';
import { mulberry32 } from '../../src/ml/model/rng';
import { parseTensorFlowCsv } from '../../src/ml/datasets/tfCsv';
import { gatherBatch } from '../../src/ml/fast/batch';
import { FastDenseNet } from '../../src/ml/fast/net';
import { makeFastOptimizer } from '../../src/ml/fast/optimizers';
import type { LossReduction } from '../../src/ml/fast/softmax';
import { copyModelToNet } from '../../bench/tfBridge';
import { TfjsReferenceStep } from '../../src/ml/engines/reference';
import { reasonError } from '../../src/shared/result';

const TOLERANCE = 1e-5;

function irisTraining(): LabelledSplit {
  const parsed = parseTensorFlowCsv(readFileSync('public/data/iris_training.csv', 'utf8'), 'iris_training.csv');
  if (!parsed.ok) throw reasonError(parsed.reason);
  return parsed.value;
}

/** MNIST-like: `rows` images of 784 values in [0, 1), about three in four exactly 0, ten classes. */
function mnistLike(rows: number, seed: number): LabelledSplit {
  const random = mulberry32(seed);
  const features = new Float32Array(rows * 784);
  for (let i = 0; i < features.length; i++) features[i] = random() < 0.75 ? 0 : random();
  const labels = Int32Array.from({ length: rows }, () => Math.floor(random() * 10));
  return { features, labels, rows };
}

interface PairRun {
  widths: number[];
  optimizer: OptimizerName;
  learningRate: number;
  batch: number;
  reduction: LossReduction;
  steps: number;
  seed: number;
  /** Hidden activation; relu when left out. */
  activation?: Activation;
  /** L2 penalty on the kernels; 0 when left out. */
  l2?: number;
}

interface PairResult {
  maxWeightDiff: number;
  /** Largest |fast - tfjs| / max(1, |tfjs|) over every step's loss. */
  maxLossDiff: number;
  losses: number[];
}

/** Trains the tfjs step and the fused step side by side on the same batches. */
function trainPair(split: LabelledSplit, run: PairRun): PairResult {
  const inputs = run.widths[0];
  const classes = run.widths[run.widths.length - 1];
  const config: ModelConfig = {
    hiddenUnits: run.widths.slice(1, -1),
    optimizer: run.optimizer,
    learningRate: run.learningRate,
    batchSize: run.batch,
    seed: run.seed,
    // The two tutorials' pairings: tf.estimator sums, Mechanics 101 averages.
    initializer: run.reduction === 'sum' ? 'glorot-uniform' : 'truncated-normal',
    reduction: run.reduction,
    activation: run.activation ?? 'relu',
    dropout: 0,
    l2: run.l2 ?? 0,
    classWeight: 'none',
  };
  const reference = new TfjsReferenceStep(
    buildClassifier(inputs, classes, config),
    makeOptimizer(run.optimizer, run.learningRate),
    split,
    run.reduction,
  );
  const net = new FastDenseNet({
    widths: run.widths,
    activations: config.hiddenUnits.map(() => config.activation),
    optimizer: makeFastOptimizer(run.optimizer, run.learningRate),
    reduction: run.reduction,
    l2: config.l2,
  });
  copyModelToNet(reference.model, net);
  const stream = new BatchStream(split.rows, run.batch, run.seed);
  const x = new Float32Array(run.batch * inputs);
  const y = new Int32Array(run.batch);
  let maxLossDiff = 0;
  const losses: number[] = [];
  for (let s = 0; s < run.steps; s++) {
    const indices = stream.next();
    const cost = reference.step(indices);
    const expected = cost.dataSync()[0];
    cost.dispose();
    gatherBatch(split.features, split.labels, inputs, indices, x, y);
    const loss = net.step(x, y, run.batch);
    losses.push(loss);
    maxLossDiff = Math.max(maxLossDiff, Math.abs(loss - expected) / Math.max(1, Math.abs(expected)));
  }
  const expectedWeights = reference.weights();
  const weights = net.getWeights();
  let maxWeightDiff = 0;
  expectedWeights.forEach((w, i) => {
    for (let k = 0; k < w.length; k++) maxWeightDiff = Math.max(maxWeightDiff, Math.abs(weights[i][k] - w[k]));
  });
  reference.dispose();
  return { maxWeightDiff, maxLossDiff, losses };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('FastDenseNet against the tfjs step', () => {
  // Learning rates a user of the page might pick for each optimizer with summed losses.
  it.each<[OptimizerName, number]>([
    ['adagrad', 0.1],
    ['sgd', 0.001],
    ['momentum', 0.001],
    ['adam', 0.01],
    ['rmsprop', 0.001],
  ])('Iris 4-10-20-10-3, batch 128, sum, %s %f: same weights after 200 steps', (optimizer, learningRate) => {
    const before = tf.memory().numTensors;
    const result = trainPair(irisTraining(), {
      widths: [4, 10, 20, 10, 3],
      optimizer,
      learningRate,
      batch: 128,
      reduction: 'sum',
      steps: 200,
      seed: 7,
    });
    expect(result.losses.every(Number.isFinite)).toBe(true);
    expect(result.maxLossDiff).toBeLessThanOrEqual(TOLERANCE);
    expect(result.maxWeightDiff).toBeLessThanOrEqual(TOLERANCE);
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each<[OptimizerName, number]>([
    ['sgd', 0.01],
    ['adam', 0.001],
  ])('MNIST-like 784-16-8-10, batch 20, mean, %s %f: same weights after 100 steps', (optimizer, learningRate) => {
    const result = trainPair(mnistLike(300, 3), {
      widths: [784, 16, 8, 10],
      optimizer,
      learningRate,
      batch: 20,
      reduction: 'mean',
      steps: 100,
      seed: 11,
    });
    expect(result.maxLossDiff).toBeLessThanOrEqual(TOLERANCE);
    expect(result.maxWeightDiff).toBeLessThanOrEqual(TOLERANCE);
  });

  it('a batch larger than 48 rows and a layer wider than 48 units (tfjs sums in blocks of 48)', () => {
    const result = trainPair(mnistLike(500, 5), {
      widths: [784, 100, 60, 10],
      optimizer: 'momentum',
      learningRate: 0.01,
      batch: 100,
      reduction: 'mean',
      steps: 30,
      seed: 2,
    });
    expect(result.maxLossDiff).toBeLessThanOrEqual(TOLERANCE);
    expect(result.maxWeightDiff).toBeLessThanOrEqual(TOLERANCE);
  });

  // The activations other than ReLU, on both tutorials' shapes and reductions.
  it.each<[Activation, OptimizerName, number]>([
    ['tanh', 'adagrad', 0.1],
    ['sigmoid', 'adam', 0.01],
    ['linear', 'sgd', 0.001],
  ])('Iris 4-10-20-10-3, sum, %s hidden layers, %s %f: same weights after 200 steps', (activation, optimizer, learningRate) => {
    const result = trainPair(irisTraining(), { widths: [4, 10, 20, 10, 3], optimizer, learningRate, batch: 128, reduction: 'sum', steps: 200, seed: 7, activation });
    expect(result.losses.every(Number.isFinite)).toBe(true);
    expect(result.maxLossDiff).toBeLessThanOrEqual(TOLERANCE);
    expect(result.maxWeightDiff).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each<[Activation, OptimizerName, number]>([
    ['tanh', 'momentum', 0.01],
    ['sigmoid', 'rmsprop', 0.001],
    ['linear', 'adam', 0.001],
  ])('MNIST-like 784-16-8-10, mean, %s hidden layers, %s %f: same weights after 100 steps', (activation, optimizer, learningRate) => {
    const result = trainPair(mnistLike(300, 3), { widths: [784, 16, 8, 10], optimizer, learningRate, batch: 20, reduction: 'mean', steps: 100, seed: 11, activation });
    expect(result.maxLossDiff).toBeLessThanOrEqual(TOLERANCE);
    expect(result.maxWeightDiff).toBeLessThanOrEqual(TOLERANCE);
  });

  // L2 penalties from barely felt to dominant, with each reduction (the penalty is not reduced).
  it.each<[string, Activation, OptimizerName, number, number]>([
    ['Iris sum', 'relu', 'adagrad', 0.1, 0.001],
    ['Iris sum', 'tanh', 'adam', 0.01, 0.05],
    ['Iris sum', 'sigmoid', 'momentum', 0.001, 0.5],
    ['MNIST-like mean', 'relu', 'sgd', 0.05, 0.01],
    ['MNIST-like mean', 'linear', 'rmsprop', 0.001, 0.1],
  ])('%s, %s, %s %f, l2 = %f: same loss (penalty included) and weights', (shape, activation, optimizer, learningRate, l2) => {
    const iris = shape.startsWith('Iris');
    const run: PairRun = iris
      ? { widths: [4, 10, 20, 10, 3], optimizer, learningRate, batch: 128, reduction: 'sum', steps: 200, seed: 7, activation, l2 }
      : { widths: [784, 16, 8, 10], optimizer, learningRate, batch: 20, reduction: 'mean', steps: 100, seed: 11, activation, l2 };
    const data = iris ? irisTraining() : mnistLike(300, 3);
    const withPenalty = trainPair(data, run);
    const without = trainPair(data, { ...run, l2: 0 });
    expect(withPenalty.losses.every(Number.isFinite)).toBe(true);
    expect(withPenalty.maxLossDiff).toBeLessThanOrEqual(TOLERANCE);
    expect(withPenalty.maxWeightDiff).toBeLessThanOrEqual(TOLERANCE);
    // The penalty is really there: the first step's loss (same weights, same batch) is higher.
    expect(withPenalty.losses[0]).toBeGreaterThan(without.losses[0]);
  });
});
