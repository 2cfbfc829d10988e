/**
 * The model controls: hidden activation, dropout and the L2 penalty, in the tfjs model
 * (buildClassifier + trainingLoss) and in the fused net. Parity of activations and L2
 * between the two is in fast-parity.test.ts; dropout draws its masks from different
 * generators in each, so here it is checked by what it does.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dropout } from '../../src/ml/fast/dropout';
import { FastDenseNet } from '../../src/ml/fast/net';
import { makeFastOptimizer } from '../../src/ml/fast/optimizers';
import { copyModelToNet } from '../../bench/tfBridge';
import { buildClassifier, parameterCount, trainingLoss } from '../../src/ml/model/model';
import { ACTIVATIONS } from '../../src/shared/modelConfig';
import { mulberry32 } from '../../src/ml/model/rng';
import type { EngineName, ModelConfig } from '../../src/shared/types';
import { IRIS_CONFIG, loadIris, makeSession, ofType, predict } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const classesOf = (model: tf.LayersModel) => model.layers.map((l) => l.getClassName());
const sumSquares = (arrays: ArrayLike<number>[]) => arrays.reduce((s, a) => s + Array.from(a).reduce((t, v) => t + v * v, 0), 0);
/** Kernels only: getWeights() is kernel0, bias0, kernel1, bias1, ... */
const kernelsOf = (weights: ArrayLike<number>[]) => weights.filter((_, i) => i % 2 === 0);

describe('buildClassifier with the model controls', () => {
  it.each(ACTIVATIONS)('%s: the hidden layers apply it, the logits stay linear', (activation) => {
    const model = buildClassifier(4, 3, { ...IRIS_CONFIG, activation });
    const activations = model.layers.map((l) => l.getConfig().activation);
    expect(activations).toEqual([activation, activation, activation, 'linear']);
    model.dispose();
  });

  it('dropout: a Dropout layer of the rate after each hidden layer, no weights, the same parameter count', () => {
    const model = buildClassifier(4, 3, { ...IRIS_CONFIG, dropout: 0.3 });
    expect(classesOf(model)).toEqual(['Dense', 'Dropout', 'Dense', 'Dropout', 'Dense', 'Dropout', 'Dense']);
    expect(model.layers.filter((l) => l.getClassName() === 'Dropout').map((l) => l.getConfig().rate)).toEqual([0.3, 0.3, 0.3]);
    expect(model.getWeights()).toHaveLength(8);
    expect(model.countParams()).toBe(parameterCount(4, [10, 20, 10], 3));
    expect(model.countParams()).toBe(513);
    model.dispose();
    const plain = buildClassifier(4, 3, IRIS_CONFIG);
    expect(classesOf(plain)).toEqual(['Dense', 'Dense', 'Dense', 'Dense']);
    plain.dispose();
  });

  it('l2: every kernel (the logits too) carries the regularizer, only when l2 > 0', () => {
    const model = buildClassifier(4, 3, { ...IRIS_CONFIG, l2: 0.01 });
    const regularizers = model.layers.map((l) => l.getConfig().kernelRegularizer as { className?: string; config?: { l2: number } } | null);
    expect(regularizers.map((r) => [r?.className, r?.config?.l2])).toEqual(Array(4).fill(['L1L2', 0.01]));
    expect(model.layers.every((l) => l.getConfig().biasRegularizer == null)).toBe(true);
    model.dispose();
    const plain = buildClassifier(4, 3, IRIS_CONFIG);
    expect(plain.layers.map((l) => l.getConfig().kernelRegularizer ?? null)).toEqual([null, null, null, null]);
    plain.dispose();
  });
});

describe('trainingLoss', () => {
  it.each([0.001, 0.01, 0.5])('adds l2 * sum(kernel^2) exactly once (l2 = %f), whatever the reduction', (l2) => {
    const data = loadIris();
    const rows = 32;
    const x = tf.tensor2d(data.train.features.subarray(0, rows * 4), [rows, 4]);
    const y = tf.oneHot(tf.tensor1d(data.train.labels.subarray(0, rows), 'int32'), 3) as tf.Tensor2D;
    // The same seed: the same initial weights, with and without the penalty.
    const withPenalty = buildClassifier(4, 3, { ...IRIS_CONFIG, l2 });
    const without = buildClassifier(4, 3, IRIS_CONFIG);
    const expected = l2 * sumSquares(kernelsOf(without.getWeights().map((w) => w.dataSync())));
    for (const reduction of ['sum', 'mean'] as const) {
      const a = tf.tidy(() => trainingLoss(withPenalty, x, y, reduction).dataSync()[0]);
      const b = tf.tidy(() => trainingLoss(without, x, y, reduction).dataSync()[0]);
      expect(a - b).toBeCloseTo(expected, 4);
      expect(expected).toBeGreaterThan(0);
    }
    [withPenalty, without, x, y].forEach((t) => t.dispose());
  });
});

describe('dropout in the fused net', () => {
  it.each([0.1, 0.5, 0.9])('rate %f: drops that fraction, scales the kept units by 1 / (1 - rate), keeps the mean', (rate) => {
    const n = 200_000;
    const y = Float32Array.from({ length: n }, (_, i) => 1 + (i % 7));
    const mask = new Float32Array(n);
    const out = new Float32Array(n);
    dropout(y, mask, out, n, rate, mulberry32(3));
    const scale = Math.fround(1 / Math.fround(1 - rate));
    let dropped = 0;
    let wrong = 0;
    for (let i = 0; i < n; i++) {
      if (mask[i] === 0) dropped++;
      const ok = mask[i] === 0 ? out[i] === 0 : mask[i] === scale && out[i] === Math.fround(y[i] * scale);
      if (!ok) wrong++;
    }
    expect(wrong).toBe(0);
    expect(Math.abs(dropped / n - rate)).toBeLessThan(0.005);
    const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / n;
    expect(mean(out) / mean(y)).toBeCloseTo(1, 1);
  });

  const irisNet = (config: { dropout?: number; l2?: number; seed?: number }) => {
    const model = buildClassifier(4, 3, IRIS_CONFIG);
    const net = new FastDenseNet({ widths: [4, 10, 20, 10, 3], optimizer: makeFastOptimizer('adagrad', 0.1), ...config });
    copyModelToNet(model, net);
    model.dispose();
    return net;
  };
  const batch = () => {
    const data = loadIris();
    return { x: data.train.features.slice(0, 64 * 4), y: data.train.labels.slice(0, 64) };
  };

  it('predict() never drops: the same logits as a net without dropout, every time', () => {
    const { x } = batch();
    const dropping = irisNet({ dropout: 0.5, seed: 1 });
    const plain = irisNet({});
    const first = dropping.predict(x, 64);
    expect(dropping.predict(x, 64)).toEqual(first);
    expect(plain.predict(x, 64)).toEqual(first);
  });

  it('step() drops: the training loss differs from the undropped one on the same weights and batch', () => {
    const { x, y } = batch();
    expect(irisNet({ dropout: 0.5, seed: 1 }).step(x, y, 64)).not.toBe(irisNet({}).step(x, y, 64));
  });

  it('a seed repeats the masks: the same weights after 50 steps; another seed, other weights', () => {
    const { x, y } = batch();
    const train = (seed: number) => {
      const net = irisNet({ dropout: 0.3, seed });
      for (let s = 0; s < 50; s++) net.step(x, y, 64);
      return net.getWeights();
    };
    expect(train(9)).toEqual(train(9));
    expect(train(9)).not.toEqual(train(10));
  });

  it.each([
    [{ dropout: 1 }, /dropout rate must be in \[0, 1\)/],
    [{ dropout: -0.1 }, /dropout rate/],
    [{ l2: -1 }, /L2 penalty/],
    [{ l2: Number.NaN }, /L2 penalty/],
  ])('refuses %j', (config, message) => {
    expect(() => new FastDenseNet({ widths: [4, 3], optimizer: makeFastOptimizer('sgd', 0.1), ...config })).toThrow(message);
  });
});

describe('the tfjs model drops units only in training', () => {
  it('a Dropout layer of buildClassifier: ~rate zeros with training: true, the identity without', () => {
    const model = buildClassifier(4, 3, { ...IRIS_CONFIG, dropout: 0.4 });
    const layer = model.layers[1];
    const ones = tf.ones([400, 250]);
    const trained = layer.apply(ones, { training: true }) as tf.Tensor;
    const values = trained.dataSync();
    const zeros = values.filter((v) => v === 0).length / values.length;
    expect(Math.abs(zeros - 0.4)).toBeLessThan(0.02);
    expect(values.every((v) => v === 0 || Math.abs(v - 1 / 0.6) < 1e-6)).toBe(true);
    const inference = layer.apply(ones, { training: false }) as tf.Tensor;
    expect(Array.from(inference.dataSync()).every((v) => v === 1)).toBe(true);
    [ones, trained, inference].forEach((t) => t.dispose());
    model.dispose();
  });
});

const testAccuracy = (events: Parameters<typeof ofType>[0]) =>
  ofType(events, 'progress')
    .flatMap((e) => e.evaluations)
    .filter((e) => e.split === 'test')
    .pop();

describe('training Iris with the controls', () => {
  it('dropout 0.2 (fused, seeded) still learns Iris to >= 0.9 test accuracy, and the seed repeats the run', async () => {
    const config: ModelConfig = { ...IRIS_CONFIG, dropout: 0.2 };
    const a = makeSession(config, 'fused');
    const b = makeSession(config, 'fused');
    await a.session.train(1, 2000, 100);
    await b.session.train(1, 2000, 100);
    const final = testAccuracy(a.events);
    expect(final?.globalStep).toBe(2000);
    expect(final?.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(testAccuracy(b.events)).toEqual(final);
    const row = ['5.8', '3.1', '5.0', '1.7'];
    expect((await predict(a.session, row)).probabilities).toEqual((await predict(b.session, row)).probabilities);
    a.session.dispose();
    b.session.dispose();
  });

  it('the tfjs engine trains with dropout and l2, predicts deterministically and leaks no tensors', async () => {
    const config: ModelConfig = { ...IRIS_CONFIG, activation: 'tanh', dropout: 0.2, l2: 0.001 };
    const { session, events } = makeSession(config, 'tfjs');
    const start = tf.memory().numTensors;
    await session.train(1, 300, 100);
    const afterFirst = tf.memory().numTensors; // + the optimizer's slots
    await session.train(2, 300, 100);
    expect(tf.memory().numTensors).toBe(afterFirst);
    expect(ofType(events, 'run-end').map((e) => e.end)).toEqual(['done', 'done']);
    const losses = ofType(events, 'progress').flatMap((e) => e.points).filter((p) => p.split === 'train' && p.accuracy === undefined);
    expect(losses[losses.length - 1].loss).toBeLessThan(losses[0].loss);
    const row = ['6.4', '3.2', '4.5', '1.5'];
    expect((await predict(session, row)).probabilities).toEqual((await predict(session, row)).probabilities);
    session.reset(config);
    expect(tf.memory().numTensors).toBe(start);
    session.dispose();
  });

  it.each<EngineName>(['fused', 'tfjs'])('l2 shrinks the kernels (%s engine)', async (engine) => {
    const squares = async (l2: number) => {
      const { session } = makeSession({ ...IRIS_CONFIG, l2 }, engine);
      await session.train(1, 500, 500);
      const total = sumSquares(kernelsOf(await session.weights()));
      session.dispose();
      return total;
    };
    const [plain, penalised] = [await squares(0), await squares(0.05)];
    expect(penalised).toBeLessThan(plain * 0.8);
  });

  it.each<EngineName>(['fused', 'tfjs'])('the two engines agree with tanh and l2 (%s engine reaches the same test accuracy)', async (engine) => {
    const config: ModelConfig = { ...IRIS_CONFIG, activation: 'tanh', l2: 0.001 };
    const reference = makeSession(config, 'fused');
    const other = makeSession(config, engine);
    await reference.session.train(1, 500, 100);
    await other.session.train(1, 500, 100);
    const [mine, theirs] = [testAccuracy(other.events), testAccuracy(reference.events)];
    expect(mine?.accuracy).toBe(theirs?.accuracy);
    expect(mine?.averageLoss).toBeCloseTo(theirs?.averageLoss ?? NaN, 4);
    reference.session.dispose();
    other.session.dispose();
  });
});
