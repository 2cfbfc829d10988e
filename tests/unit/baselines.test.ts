/**
 * The baselines (src/ml/baselines) on hand-made data whose answers are known: ZeroR
 * exactly, softmax regression on separable data, a forest on XOR (where no linear model
 * can beat a coin), determinism, no test rows, and that a newer load can cut it short.
 */
import { describe, expect, it } from 'vitest';
import { computeBaselines, Superseded, type Pace } from '../../src/ml/baselines';
import { binFeatures, binThresholds } from '../../src/ml/baselines/bins';
import { forestBudget, MAX_BAG, MIN_TREES } from '../../src/ml/baselines/forest';
import { logisticBudget } from '../../src/ml/baselines/logistic';
import { majorityBaseline } from '../../src/ml/baselines/majority';
import type { ClassificationData, LabelledSplit } from '../../src/ml/datasets/data';
import { mulberry32 } from '../../src/ml/model/rng';
import { loadIris } from './helpers';

function split(points: number[][], labels: number[]): LabelledSplit {
  return { features: Float32Array.from(points.flat()), labels: Int32Array.from(labels), rows: labels.length };
}

function data(train: LabelledSplit, test: LabelledSplit, classes: number): ClassificationData {
  const inputs = train.features.length / Math.max(1, train.rows);
  return {
    name: 'hand-made',
    featureNames: Array.from({ length: inputs }, (_, i) => `x${i}`),
    classNames: Array.from({ length: classes }, (_, i) => `c${i}`),
    train,
    test,
  };
}

/** `rows` points uniform in [-1, 1]², labelled by `label`. */
function points(rows: number, seed: number, label: (x: number, y: number) => number): LabelledSplit {
  const random = mulberry32(seed);
  const xy: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < rows; i++) {
    const x = random() * 2 - 1;
    const y = random() * 2 - 1;
    xy.push([x, y]);
    labels.push(label(x, y));
  }
  return split(xy, labels);
}

/** Three classes cut by two parallel lines, with a margin: linearly separable. */
const bands = (x: number, y: number) => (x + y < -0.5 ? 0 : x + y < 0.5 ? 1 : 2);
const xor = (x: number, y: number) => (x * y > 0 ? 1 : 0);

const withoutTimes = (b: Awaited<ReturnType<typeof computeBaselines>>) =>
  b && { ...b, majority: { ...b.majority, ms: 0 }, logistic: { ...b.logistic, ms: 0 }, forest: { ...b.forest, ms: 0 } };

describe('majority class (ZeroR)', () => {
  it('answers the most frequent training class and scores it on the test rows', () => {
    const train = split([[0], [0], [0], [0], [0]], [0, 1, 1, 2, 1]);
    const test = split([[0], [0], [0], [0]], [1, 0, 1, 1]);
    expect(majorityBaseline(train, test, 3)).toEqual({ classIndex: 1, accuracy: 0.75 });
  });

  it('takes the lowest class id among equally frequent ones', () => {
    const train = split([[0], [0], [0], [0]], [2, 1, 2, 1]);
    const test = split([[0], [0]], [1, 2]);
    expect(majorityBaseline(train, test, 3)).toEqual({ classIndex: 1, accuracy: 0.5 });
  });
});

describe('computeBaselines', () => {
  it('fits a logistic regression that separates linearly separable classes', async () => {
    const margin = (x: number, y: number) => Math.abs(Math.abs(x + y) - 0.5) > 0.1;
    const train = points(300, 1, bands);
    const test = points(150, 2, bands);
    // Drop the test points within 0.1 of a boundary: any separating line is then right on all of them.
    const kept = Array.from({ length: test.rows }, (_, i) => i).filter((i) => margin(test.features[2 * i], test.features[2 * i + 1]));
    const clear = split(
      kept.map((i) => [test.features[2 * i], test.features[2 * i + 1]]),
      kept.map((i) => test.labels[i]),
    );
    const b = await computeBaselines(data(train, clear, 3));
    expect(b).not.toBeNull();
    expect(b!.testRows).toBe(clear.rows);
    expect(b!.logistic.accuracy).toBeGreaterThanOrEqual(0.97);
    expect(b!.logistic.accuracy).toBeGreaterThan(b!.majority.accuracy);
  });

  it('has a forest that learns XOR, which a logistic regression cannot', async () => {
    const b = (await computeBaselines(data(points(400, 3, xor), points(200, 4, xor), 2)))!;
    expect(b.forest.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(b.logistic.accuracy).toBeLessThan(0.7);
    expect(b.forest.accuracy).toBeGreaterThan(b.logistic.accuracy + 0.2);
  });

  it('is the same for the same seed (timings aside)', async () => {
    const d = data(points(200, 5, xor), points(100, 6, xor), 2);
    const [a, b] = [await computeBaselines(d, { seed: 7 }), await computeBaselines(d, { seed: 7 })];
    expect(withoutTimes(a)).toEqual(withoutTimes(b));
  });

  it('on the tutorial Iris split: a fair logistic regression and forest', async () => {
    const b = (await computeBaselines(loadIris()))!;
    // 120 training rows, 30 test rows; the most frequent training class is one third of them.
    expect(b.trainRows).toBe(120);
    expect(b.testRows).toBe(30);
    expect(b.majority.accuracy).toBeLessThan(0.4);
    // scikit-learn's LogisticRegression() gets 0.93-0.97 on such splits; the tutorial's DNN 0.9667.
    expect(b.logistic.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(b.forest.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('is null when there is no test row to score on', async () => {
    expect(await computeBaselines(data(points(50, 7, xor), split([], []), 2))).toBeNull();
  });

  it('scores a data set whose features are all constant as the majority class', async () => {
    const train = split(Array.from({ length: 30 }, () => [1, 1]), Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 1 : 0)));
    const test = split(Array.from({ length: 9 }, () => [1, 1]), [0, 0, 0, 0, 0, 0, 1, 1, 1]);
    const b = (await computeBaselines(data(train, test, 2)))!;
    expect(b.majority).toMatchObject({ classIndex: 0, accuracy: 6 / 9 });
    expect(b.logistic.accuracy).toBeCloseTo(6 / 9);
    expect(b.forest.accuracy).toBeCloseTo(6 / 9);
  });

  it('pauses between its parts and stops at the pause where a newer load supersedes it', async () => {
    let pauses = 0;
    const counting: Pace = { pause: async () => void pauses++ };
    const d = data(points(200, 8, xor), points(50, 9, xor), 2);
    await computeBaselines(d, { pace: counting });
    // At least: after ZeroR, every 50 of the logistic regression's 500 steps and after it,
    // after binning and after each tree (a Train or Stop waits for one of these at most).
    expect(logisticBudget(200, 2, 2).steps).toBe(500);
    expect(pauses).toBeGreaterThanOrEqual(1 + 10 + 1 + 1 + MIN_TREES);
    let left = 3;
    const superseding: Pace = {
      pause: async () => {
        if (--left === 0) throw new Superseded();
      },
    };
    await expect(computeBaselines(d, { pace: superseding })).rejects.toBeInstanceOf(Superseded);
  });
});

describe('budgets', () => {
  it('caps the forest on large tables: bags of at most MAX_BAG rows, fewer trees for many inputs', () => {
    expect(forestBudget(120, 4)).toEqual({ trees: 30, rows: 120, features: 2 });
    const mnist = forestBudget(55_000, 784);
    expect(mnist).toEqual({ trees: MIN_TREES, rows: MAX_BAG, features: 28 });
  });

  it('fits small tables full batch and large ones in minibatches within a budget of multiply-adds', () => {
    expect(logisticBudget(120, 4, 3)).toEqual({ batch: 120, steps: 500 });
    const large = logisticBudget(10_000, 20, 2);
    expect(large.batch).toBeLessThan(10_000);
    const mnist = logisticBudget(8000, 784, 10);
    expect(3 * mnist.batch * 784 * 10 * mnist.steps).toBeLessThanOrEqual(6e8);
    // Still a few passes over the digits.
    expect((mnist.steps * mnist.batch) / 8000).toBeGreaterThanOrEqual(2);
  });

  it('bins a value by the thresholds of the training split, the same for test rows', () => {
    const train = Float32Array.from([0, 1, 2, 3, 0, 1]);
    const thresholds = binThresholds(train, 6, 1);
    expect(Array.from(thresholds[0])).toEqual([0.5, 1.5, 2.5]);
    expect(Array.from(binFeatures(Float32Array.from([-5, 0.5, 1.2, 9]), 4, 1, thresholds).bins)).toEqual([0, 1, 1, 3]);
  });
});
