/**
 * The two engines, driven through the Engine interface only: from the same data and
 * settings, the fused loops and the tfjs engine (the one reference step) take the same
 * steps. Losses and weights agree to float32 rounding (the fused loops add in tfjs cpu's
 * order, so most runs are bit-identical; 1e-5 covers the rest, as in fast-parity.test.ts),
 * and evaluate(), logits() and load() say the same thing.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/ml/engines/choose';
import type { Engine } from '../../src/ml/engines/engine';
import type { ClassificationData } from '../../src/ml/datasets/data';
import { mulberry32 } from '../../src/ml/model/rng';
import type { ModelConfig } from '../../src/shared/types';
import { IRIS_CONFIG, loadIris } from './helpers';

const TOLERANCE = 1e-5;

/** 784 inputs, three in four exactly 0, ten classes: MNIST's shape at a test's size. */
function mnistLike(rows: number, seed: number): ClassificationData {
  const random = mulberry32(seed);
  const split = (n: number) => {
    const features = new Float32Array(n * 784);
    for (let i = 0; i < features.length; i++) features[i] = random() < 0.75 ? 0 : random();
    return { features, labels: Int32Array.from({ length: n }, () => Math.floor(random() * 10)), rows: n };
  };
  return { name: 'mnist-like', featureNames: Array.from({ length: 784 }, (_, i) => `p${i}`), classNames: Array.from({ length: 10 }, (_, i) => String(i)), train: split(rows), test: split(40) };
}

const MNIST_CONFIG: ModelConfig = { ...IRIS_CONFIG, hiddenUnits: [16, 8], optimizer: 'sgd', learningRate: 0.05, batchSize: 20, initializer: 'truncated-normal', reduction: 'mean' };

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return d;
}

async function expectSameWeights(a: Engine, b: Engine) {
  const [wa, wb] = [await a.weights(), await b.weights()];
  expect(wa.map((w) => w.length)).toEqual(wb.map((w) => w.length));
  wa.forEach((w, i) => expect(maxDiff(w, wb[i])).toBeLessThanOrEqual(TOLERANCE));
}

describe.each<[string, () => ClassificationData, ModelConfig, number]>([
  ['Iris, sum, Adagrad (the tutorial)', loadIris, IRIS_CONFIG, 150],
  ['Iris, sum, tanh, Adam, L2 0.01', loadIris, { ...IRIS_CONFIG, activation: 'tanh', optimizer: 'adam', learningRate: 0.01, l2: 0.01 }, 100],
  ['MNIST-like, mean, SGD', () => mnistLike(60, 7), MNIST_CONFIG, 40],
  ['MNIST-like, mean, sigmoid, RMSProp', () => mnistLike(60, 8), { ...MNIST_CONFIG, activation: 'sigmoid', optimizer: 'rmsprop', learningRate: 0.001 }, 30],
])('fused and tfjs through Engine: %s', (_, makeData, config, steps) => {
  it('take the same steps, evaluate and predict alike, and load the same weights', async () => {
    const data = makeData();
    const before = tf.memory().numTensors;
    const fused = createEngine(data, config, 'fused');
    const tfjs = createEngine(data, config, 'tfjs');
    expect(fused.name).toBe('fused');
    expect(tfjs.name).toBe('tfjs');
    await expectSameWeights(fused, tfjs);

    const [lf, lt] = [await fused.steps(steps), await tfjs.steps(steps)];
    expect(lf.every(Number.isFinite)).toBe(true);
    expect(maxDiff(lf, lt)).toBeLessThanOrEqual(TOLERANCE);
    expect(fused.globalStep).toBe(steps);
    expect(tfjs.globalStep).toBe(steps);
    await expectSameWeights(fused, tfjs);

    const [ef, et] = [await fused.evaluate(data.test), await tfjs.evaluate(data.test)];
    expect(Array.from(ef.predictions)).toEqual(Array.from(et.predictions));
    expect(maxDiff(ef.losses, et.losses)).toBeLessThanOrEqual(TOLERANCE);
    const rows = Math.min(5, data.test.rows);
    const x = data.test.features.subarray(0, rows * data.featureNames.length);
    expect(maxDiff(await fused.logits(x, rows), await tfjs.logits(x, rows))).toBeLessThanOrEqual(TOLERANCE);

    // Weights moved from one engine to the other: the same model at the same step.
    tfjs.load(await fused.weights(), 1234);
    expect(tfjs.globalStep).toBe(1234);
    await expectSameWeights(fused, tfjs);
    // A weight list of the wrong shape is refused with a message, and nothing changes.
    expect(() => fused.load([new Float32Array(3)], 0)).toThrow(/train\.weights-misfit/);
    expect(fused.globalStep).toBe(steps);

    fused.dispose();
    tfjs.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
