/**
 * DNNRegressor's head in both engines: from the same data and settings the fused loops
 * (squaredError.ts) and the tfjs engine (tf.losses.meanSquaredError, one linear output)
 * take the same steps, their loss is the squared error as defined, and evaluate() says
 * the same thing; then a session trains a regression CSV and reports RMSE, MAE and R² in
 * the label's units, beating the mean.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/ml/engines/choose';
import type { ClassificationData } from '../../src/ml/datasets/data';
import { buildDataset } from '../../src/ml/csv/dataset';
import { squaredErrorBackward } from '../../src/ml/fast/squaredError';
import { fitTarget, standardizeTarget } from '../../src/ml/model/regression';
import { mulberry32 } from '../../src/ml/model/rng';
import type { ModelConfig } from '../../src/shared/types';
import { IRIS_CONFIG, makeSession, ofType } from './helpers';
import { table } from './csvFixtures';

/** y = 3 x0 - 2 x1 + x0 x2 + noise, four inputs (one useless): a target a hidden layer helps with. */
function synthetic(rows: number, seed: number): ClassificationData {
  const random = mulberry32(seed);
  const split = (n: number) => {
    const features = new Float32Array(n * 4);
    const y: number[] = [];
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < 4; j++) features[r * 4 + j] = random() * 2 - 1;
      const [a, b, c] = [features[r * 4], features[r * 4 + 1], features[r * 4 + 2]];
      y.push(100 + 30 * a - 20 * b + 10 * a * c + (random() - 0.5));
    }
    return { features, y, rows: n };
  };
  const train = split(rows);
  const test = split(40);
  const target = fitTarget('y', train.y);
  const labelled = (s: typeof train) => ({ features: s.features, labels: new Int32Array(s.rows), rows: s.rows, targets: standardizeTarget(s.y, target) });
  return { name: 'synthetic', featureNames: ['a', 'b', 'c', 'd'], classNames: ['y'], target, train: labelled(train), test: labelled(test) };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return d;
}

describe('the squared-error head', () => {
  it('is the summed (or averaged) squared error, with gradient 2 (p - y)', () => {
    const p = Float32Array.of(0.5, -1, 2);
    const y = Float32Array.of(1, -1, 0);
    const d = new Float32Array(3);
    expect(squaredErrorBackward(p, y, 3, 'sum', d)).toBeCloseTo(0.25 + 0 + 4, 6);
    expect(Array.from(d)).toEqual([-1, 0, 4]);
    expect(squaredErrorBackward(p, y, 3, 'mean', d)).toBeCloseTo(4.25 / 3, 6);
    expect(d[2]).toBeCloseTo(4 / 3, 6);
  });

  it.each<[string, Partial<ModelConfig>, number]>([
    ['sum, Adagrad (DNNRegressor defaults)', {}, 120],
    ['mean, Adam, tanh, L2 0.01', { reduction: 'mean', optimizer: 'adam', learningRate: 0.01, activation: 'tanh', l2: 0.01 }, 80],
  ])('fused and tfjs take the same steps: %s', async (_, change, steps) => {
    const data = synthetic(90, 3);
    const config = { ...IRIS_CONFIG, batchSize: 16, ...change };
    const before = tf.memory().numTensors;
    const fused = createEngine(data, config, 'fused');
    const tfjs = createEngine(data, config, 'tfjs');
    const [lf, lt] = [await fused.steps(steps), await tfjs.steps(steps)];
    expect(lf.every(Number.isFinite)).toBe(true);
    expect(maxDiff(lf, lt)).toBeLessThanOrEqual(1e-4);
    const [wf, wt] = [await fused.weights(), await tfjs.weights()];
    expect(wf.map((w) => w.length)).toEqual(wt.map((w) => w.length));
    expect(wf[wf.length - 2].length).toBe(10); // the output kernel [10, 1]
    wf.forEach((w, i) => expect(maxDiff(w, wt[i])).toBeLessThanOrEqual(1e-4));
    const [ef, et] = [await fused.evaluate(data.test), await tfjs.evaluate(data.test)];
    expect(maxDiff(ef.predictions, et.predictions)).toBeLessThanOrEqual(1e-4);
    expect(maxDiff(ef.losses, et.losses)).toBeLessThanOrEqual(1e-4);
    // The loss is the squared error of the output against the standardised target.
    const out = await fused.logits(data.test.features, data.test.rows);
    expect(ef.losses[0]).toBeCloseTo((out[0] - data.test.targets![0]) ** 2, 5);
    fused.dispose();
    tfjs.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('a regression session', () => {
  it('trains a CSV with a numeric label and reports its numbers in the label\'s units', async () => {
    const random = mulberry32(11);
    const lines = ['size,age,zone,price'];
    for (let r = 0; r < 200; r++) {
      const size = 40 + random() * 160;
      const age = Math.floor(random() * 50);
      const zone = ['north', 'south', 'east'][r % 3];
      const price = 1000 + size * 25 - age * 8 + (zone === 'south' ? 600 : 0) + (random() - 0.5) * 200;
      lines.push(`${size.toFixed(1)},${age},${zone},${price.toFixed(0)}`);
    }
    const built = buildDataset(table(lines.join('\n'), 'houses.csv'), { validationFraction: 0.2 });
    if (!built.ok) throw new Error(JSON.stringify(built.reason));
    expect(built.value.preview.task).toBe('regression');
    const { data } = built.value;
    const { session, events } = makeSession(IRIS_CONFIG, 'auto', data);
    await session.train(1, 1500, 100, 0);
    const ends = ofType(events, 'run-end');
    expect(ends.at(-1)?.end).toBe('done');
    const tests = events.flatMap((e) => (e.type === 'progress' ? e.evaluations : [])).filter((e) => e.split === 'test');
    const last = tests.at(-1)!;
    expect(last.regression).toBeDefined();
    // Prices of about 1,000-6,000 with noise ±100: a good fit explains nearly all of the variance.
    expect(last.regression!.r2).toBeGreaterThan(0.95);
    expect(last.regression!.rmse).toBeLessThan(data.target!.sd * 0.25);
    expect(last.averageLoss).toBeCloseTo(last.regression!.rmse ** 2, 6);
    const first = tests[0];
    expect(first.regression!.r2).toBeLessThan(last.regression!.r2);
    // The curves: MSE in the label's units for the training batches too, and the MAE of each evaluation.
    const points = events.flatMap((e) => (e.type === 'progress' ? e.points : []));
    expect(points.some((p) => p.split === 'test' && p.mae !== undefined && p.accuracy === undefined)).toBe(true);
    const trainLoss = points.filter((p) => p.split === 'train' && p.mae === undefined).at(-1)!.loss;
    expect(trainLoss).toBeGreaterThan(last.averageLoss / 10);
    expect(trainLoss).toBeLessThan(last.averageLoss * 10);
    // predict(): a number in the label's units.
    const p = await session.predictFeatures(data.test.features.slice(0, data.featureNames.length));
    expect(p.value).toBeGreaterThan(500);
    expect(p.probabilities).toEqual([]);
    session.dispose();
  });
});
