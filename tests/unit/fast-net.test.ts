/**
 * What a run on the fused path relies on besides step parity (fast-parity.test.ts):
 * it learns Iris, its predictions and per-example losses are the tfjs model's, the
 * learning rate can change mid-run, the other hidden activations match tfjs, weights
 * cross to and from the tfjs model, and bad input is refused with a reason.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelConfig, OptimizerName } from '../../src/shared/types';
import { BatchStream } from '../../src/ml/train/batches';
import type { LabelledSplit } from '../../src/ml/datasets/data';
import { buildClassifier, makeOptimizer } from '../../src/ml/model/model';
import { parseTensorFlowCsv } from '../../src/ml/datasets/tfCsv';
import { activationBackward, type Activation } from '../../src/ml/fast/activations';
import { evaluateNet, gatherBatch } from '../../src/ml/fast/batch';
import { FastDenseNet } from '../../src/ml/fast/net';
import { makeFastOptimizer } from '../../src/ml/fast/optimizers';
import { copyModelToNet, copyNetToModel, denseShapeOf } from '../../bench/tfBridge';
import { TfjsReferenceStep } from '../../src/ml/engines/reference';
import { reasonError } from '../../src/shared/result';

function split(file: string): LabelledSplit {
  const parsed = parseTensorFlowCsv(readFileSync(`public/data/${file}`, 'utf8'), file);
  if (!parsed.ok) throw reasonError(parsed.reason);
  return parsed.value;
}

const irisConfig = (optimizer: OptimizerName, learningRate: number): ModelConfig => ({
  hiddenUnits: [10, 20, 10],
  optimizer,
  learningRate,
  batchSize: 32,
  seed: 5,
  initializer: 'glorot-uniform',
  reduction: 'sum',
  activation: 'relu',
  dropout: 0,
  l2: 0,
  classWeight: 'none',
});

/** A FastDenseNet with the initial weights of buildClassifier's model for `config`, and that model. */
function irisPair(config: ModelConfig) {
  const model = buildClassifier(4, 3, config);
  const net = new FastDenseNet({
    widths: [4, ...config.hiddenUnits, 3],
    optimizer: makeFastOptimizer(config.optimizer, config.learningRate),
    reduction: config.reduction,
  });
  copyModelToNet(model, net);
  return { model, net };
}

function maxDiff(a: Float32Array[], b: Float32Array[]): number {
  let d = 0;
  a.forEach((w, i) => w.forEach((v, k) => (d = Math.max(d, Math.abs(v - b[i][k])))));
  return d;
}

interface Batch {
  indices: Int32Array;
  x: Float32Array;
  y: Int32Array;
}

/** Batches of the given sizes (one per step), each size drawn from its own BatchStream. */
function batches(data: LabelledSplit, sizes: number[], seed: number): Batch[] {
  const inputs = data.features.length / data.rows;
  const streams = new Map(sizes.map((b) => [b, new BatchStream(data.rows, b, seed + b)]));
  return sizes.map((b) => {
    const indices = streams.get(b)!.next();
    const x = new Float32Array(b * inputs);
    const y = new Int32Array(b);
    gatherBatch(data.features, data.labels, inputs, indices, x, y);
    return { indices, x, y };
  });
}

/** Steps both sides on the same batches; returns the largest weight difference. */
function stepBoth(reference: TfjsReferenceStep, net: FastDenseNet, list: Batch[]): number {
  for (const b of list) {
    reference.step(b.indices).dispose();
    net.step(b.x, b.y, b.y.length);
  }
  return maxDiff(net.getWeights(), reference.weights());
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('FastDenseNet on Iris', () => {
  it('learns: the loss falls and the test accuracy reaches 90%', () => {
    const train = split('iris_training.csv');
    const test = split('iris_test.csv');
    const { model, net } = irisPair({ ...irisConfig('adagrad', 0.1), batchSize: 128 });
    model.dispose();
    const stream = new BatchStream(train.rows, 128, 1);
    const x = new Float32Array(128 * 4);
    const y = new Int32Array(128);
    const losses: number[] = [];
    for (let s = 0; s < 1000; s++) {
      gatherBatch(train.features, train.labels, 4, stream.next(), x, y);
      losses.push(net.step(x, y, 128));
    }
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(losses.slice(-10))).toBeLessThan(0.2 * mean(losses.slice(0, 10)));
    const evaluation = evaluateNet(net, test.features, test.labels, test.rows);
    expect(evaluation.correct / test.rows).toBeGreaterThanOrEqual(0.9);
  });

  it('predicts and evaluates as the tfjs model does', () => {
    const train = split('iris_training.csv');
    const test = split('iris_test.csv');
    const config = irisConfig('adam', 0.01);
    const reference = new TfjsReferenceStep(buildClassifier(4, 3, config), makeOptimizer('adam', 0.01), train, 'sum');
    const net = new FastDenseNet({ widths: [4, 10, 20, 10, 3], optimizer: makeFastOptimizer('adam', 0.01) });
    copyModelToNet(reference.model, net);
    stepBoth(reference, net, batches(train, Array(40).fill(32), 9));

    const ours = evaluateNet(net, test.features, test.labels, test.rows);
    const [logits, losses, argMax] = tf.tidy(() => {
      const out = reference.model.predict(tf.tensor2d(test.features, [test.rows, 4])) as tf.Tensor2D;
      const onehot = tf.oneHot(tf.tensor1d(test.labels, 'int32'), 3);
      const perRow = tf.losses.softmaxCrossEntropy(onehot, out, undefined, undefined, tf.Reduction.NONE);
      return [out.dataSync(), perRow.dataSync(), out.argMax(1).dataSync()];
    });
    expect(maxDiff([net.predict(test.features, test.rows)], [logits as Float32Array])).toBeLessThanOrEqual(1e-6);
    expect(maxDiff([ours.losses], [losses as Float32Array])).toBeLessThanOrEqual(1e-6);
    expect(Array.from(ours.predictions)).toEqual(Array.from(argMax));
    reference.dispose();
  });

  it.each<[OptimizerName, number]>([
    ['adagrad', 0.1],
    ['sgd', 0.005],
    ['momentum', 0.005],
    ['adam', 0.01],
    ['rmsprop', 0.005],
  ])('%s: a learning rate changed mid-run changes both sides alike', (optimizer, learningRate) => {
    const train = split('iris_training.csv');
    const config = irisConfig(optimizer, learningRate);
    const reference = new TfjsReferenceStep(buildClassifier(4, 3, config), makeOptimizer(optimizer, learningRate), train, 'sum');
    const net = new FastDenseNet({ widths: [4, 10, 20, 10, 3], optimizer: makeFastOptimizer(optimizer, learningRate) });
    copyModelToNet(reference.model, net);
    // A control that keeps the first rate, to show that the change took effect.
    const control = new FastDenseNet({ widths: [4, 10, 20, 10, 3], optimizer: makeFastOptimizer(optimizer, learningRate) });
    copyModelToNet(reference.model, control);
    const first = batches(train, Array(30).fill(32), 1);
    const then = batches(train, Array(30).fill(31), 2);
    stepBoth(reference, net, first);
    reference.setLearningRate(learningRate / 3);
    net.setLearningRate(learningRate / 3);
    expect(stepBoth(reference, net, then)).toBeLessThanOrEqual(1e-5);
    [...first, ...then].forEach((b) => control.step(b.x, b.y, b.y.length));
    expect(maxDiff(control.getWeights(), net.getWeights())).toBeGreaterThan(1e-4);
    reference.dispose();
  });

  it('batch sizes may change from step to step', () => {
    const train = split('iris_training.csv');
    const config = irisConfig('momentum', 0.01);
    const reference = new TfjsReferenceStep(buildClassifier(4, 3, config), makeOptimizer('momentum', 0.01), train, 'sum');
    const net = new FastDenseNet({ widths: [4, 10, 20, 10, 3], optimizer: makeFastOptimizer('momentum', 0.01) });
    copyModelToNet(reference.model, net);
    expect(stepBoth(reference, net, batches(train, [5, 50, 5, 120, 1, 50, 5], 3))).toBeLessThanOrEqual(1e-5);
    reference.dispose();
  });
});

describe('hidden activations', () => {
  it.each<[Activation[]]>([[['tanh', 'sigmoid']], [['linear', 'relu']], [['sigmoid', 'tanh']]])(
    '%j match a tfjs Dense stack with the same activations',
    (activations) => {
      const train = split('iris_training.csv');
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 12, activation: activations[0], inputShape: [4], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
      model.add(tf.layers.dense({ units: 8, activation: activations[1], kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
      model.add(tf.layers.dense({ units: 3, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
      const shape = denseShapeOf(model);
      if (!shape.ok) throw reasonError(shape.reason);
      expect(shape.value).toEqual({ widths: [4, 12, 8, 3], activations, dropout: 0 });
      const reference = new TfjsReferenceStep(model, makeOptimizer('adam', 0.01), train, 'mean');
      const net = new FastDenseNet({ ...shape.value, optimizer: makeFastOptimizer('adam', 0.01), reduction: 'mean' });
      copyModelToNet(model, net);
      expect(stepBoth(reference, net, batches(train, Array(100).fill(16), 4))).toBeLessThanOrEqual(1e-5);
      reference.dispose();
    },
  );
});

describe('weights and optimizer state', () => {
  it('copyNetToModel puts the net weights in the model and leaves no tensor behind', () => {
    const { model, net } = irisPair(irisConfig('sgd', 0.01));
    const weights = net.getWeights().map((w) => w.map((_, i) => (i % 7) / 10 - 0.3));
    net.setWeights(weights);
    const before = tf.memory().numTensors;
    copyNetToModel(net, model);
    expect(tf.memory().numTensors).toBe(before);
    expect(maxDiff(model.getWeights().map((w) => w.dataSync() as Float32Array), weights)).toBe(0);
    model.dispose();
  });

  it('getWeights returns copies', () => {
    const { model, net } = irisPair(irisConfig('sgd', 0.01));
    model.dispose();
    net.getWeights()[0].fill(42);
    expect(net.getWeights()[0][0]).not.toBe(42);
  });

  it('optimizer.reset() gives the updates of a fresh optimizer', () => {
    const train = split('iris_training.csv');
    const list = batches(train, Array(20).fill(16), 8);
    const { model, net: used } = irisPair(irisConfig('adam', 0.01));
    const fresh = new FastDenseNet({ widths: [4, 10, 20, 10, 3], optimizer: makeFastOptimizer('adam', 0.01) });
    copyModelToNet(model, fresh);
    model.dispose();
    list.slice(0, 10).forEach((b) => used.step(b.x, b.y, 16));
    used.optimizer.reset();
    fresh.setWeights(used.getWeights());
    list.slice(10).forEach((b) => {
      used.step(b.x, b.y, 16);
      fresh.step(b.x, b.y, 16);
    });
    expect(maxDiff(used.getWeights(), fresh.getWeights())).toBe(0);
  });
});

describe('refusals', () => {
  const optimizer = makeFastOptimizer('sgd', 0.1);
  it.each<[string, () => unknown, RegExp]>([
    ['one width', () => new FastDenseNet({ widths: [4], optimizer }), /two or more positive integers/],
    ['a zero width', () => new FastDenseNet({ widths: [4, 0, 3], optimizer }), /two or more positive integers/],
    ['activations for the wrong layers', () => new FastDenseNet({ widths: [4, 5, 3], activations: [], optimizer }), /1 hidden layers need/],
    ['too few weight arrays', () => new FastDenseNet({ widths: [4, 3], optimizer }).setWeights([new Float32Array(12)]), /Expected 2 weight arrays/],
    ['a kernel of the wrong size', () => new FastDenseNet({ widths: [4, 3], optimizer }).setWeights([new Float32Array(11), new Float32Array(3)]), /Weight 0 has 11 values/],
    ['a short x', () => new FastDenseNet({ widths: [4, 3], optimizer }).step(new Float32Array(7), new Int32Array(2), 2), /x has 7 values/],
    ['short labels', () => new FastDenseNet({ widths: [4, 3], optimizer }).step(new Float32Array(8), new Int32Array(1), 2), /labels has 1 values/],
    ['a batch of 0', () => new FastDenseNet({ widths: [4, 3], optimizer }).predict(new Float32Array(8), 0), /positive integer/],
    ['a row index outside the data', () => gatherBatch(new Float32Array(8), new Int32Array(2), 4, [2], new Float32Array(4), new Int32Array(1)), /Row index 2/],
    ['batch buffers too small', () => gatherBatch(new Float32Array(8), new Int32Array(2), 4, [0, 1], new Float32Array(4), new Int32Array(1)), /hold 1 rows/],
  ])('%s', (_, act, message) => {
    expect(act).toThrow(message);
  });

  it('denseShapeOf names what the fused path cannot train', () => {
    const softmaxLogits = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4], activation: 'softmax' })] });
    const dropoutFirst = tf.sequential({
      layers: [tf.layers.dropout({ rate: 0.5, inputShape: [4] }), tf.layers.dense({ units: 3 }), tf.layers.dense({ units: 2 })],
    });
    const someDropout = tf.sequential({
      layers: [tf.layers.dense({ units: 3, inputShape: [4] }), tf.layers.dense({ units: 3 }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 2 })],
    });
    expect(denseShapeOf(softmaxLogits)).toEqual({ ok: false, reason: expect.stringMatching(/activation softmax/) });
    expect(denseShapeOf(dropoutFirst)).toEqual({ ok: false, reason: expect.stringMatching(/not a Dense layer/) });
    expect(denseShapeOf(someDropout)).toEqual({ ok: false, reason: expect.stringMatching(/rates \[0.5\] for 2 hidden layers/) });
    [softmaxLogits, dropoutFirst, someDropout].forEach((m) => m.dispose());
  });

  it('denseShapeOf reads the dropout rate of a buildClassifier model', () => {
    const model = buildClassifier(4, 3, { ...irisConfig('sgd', 0.1), activation: 'tanh', dropout: 0.3 });
    expect(denseShapeOf(model)).toEqual({ ok: true, value: { widths: [4, 10, 20, 10, 3], activations: ['tanh', 'tanh', 'tanh'], dropout: 0.3 } });
    model.dispose();
  });

  it('gatherBatch copies the asked rows in order', () => {
    const features = Float32Array.from({ length: 12 }, (_, i) => i); // 4 rows of 3
    const labels = Int32Array.from([10, 11, 12, 13]);
    const x = new Float32Array(9);
    const y = new Int32Array(3);
    gatherBatch(features, labels, 3, [3, 0, 3], x, y);
    expect(Array.from(x)).toEqual([9, 10, 11, 0, 1, 2, 9, 10, 11]);
    expect(Array.from(y)).toEqual([13, 10, 13]);
  });
});

describe('the ReLU gradient', () => {
  it('is tfjs mul(dy, step(y)) bit for bit: NaN, infinities and signed zeros included', () => {
    const y = Float32Array.of(0, 0, 1.5, NaN, 0, 2, -0, 3, NaN);
    const dy = Float32Array.of(-2, 3, -4, 5, NaN, NaN, -1, Infinity, -Infinity);
    const expected = tf.tidy(() => tf.mul(tf.tensor1d(dy), tf.step(tf.tensor1d(y))).dataSync());
    const got = dy.slice();
    activationBackward(got, y, y.length, 'relu');
    const show = (v: number) => (Object.is(v, -0) ? '-0' : String(v));
    expect(Array.from(got, show)).toEqual(Array.from(expected, show));
  });
});
