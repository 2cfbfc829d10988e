/**
 * Cross-validation's arithmetic: stratified, seeded fold assignment (property-style over
 * random label vectors), the pooled data and a fold's ClassificationData, mean and sample
 * standard deviation, and macro F1 against the page's per-class table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classMetrics } from '../../src/client/metrics';
import { foldData, pooledRows, restandardize } from '../../src/ml/train/foldData';
import { macroF1, meanSd, stratifiedFolds } from '../../src/ml/train/folds';
import { english } from './words';
import { loadIris } from './helpers';

/** Labels in [0, classes) (and some -1, a row without a class), with k in [2, labelled rows]. */
const labelsAndK = fc
  .record({
    classes: fc.integer({ min: 1, max: 6 }),
    raw: fc.array(fc.integer({ min: -1, max: 5 }), { minLength: 2, maxLength: 300 }),
    k: fc.integer({ min: 2, max: 12 }),
    seed: fc.integer(),
  })
  .map(({ classes, raw, k, seed }) => ({ classes, labels: Int32Array.from(raw, (v) => (v < 0 ? -1 : v % classes)), k, seed }))
  .filter(({ labels, k }) => labels.filter((v) => v >= 0).length >= k);

describe('stratified k-fold assignment', () => {
  it('puts every labelled row in exactly one test fold, and rows without a class in none', () => {
    fc.assert(
      fc.property(labelsAndK, ({ classes, labels, k, seed }) => {
        const { fold } = orThrow(stratifiedFolds(labels, classes, k, seed));
        expect(fold.length).toBe(labels.length);
        for (let r = 0; r < labels.length; r++) {
          if (labels[r] < 0) expect(fold[r]).toBe(-1);
          else expect(fold[r] >= 0 && fold[r] < k).toBe(true);
        }
      }),
    );
  });

  it('spreads each class evenly (counts per fold differ by at most 1) and fold sizes by at most 1', () => {
    fc.assert(
      fc.property(labelsAndK, ({ classes, labels, k, seed }) => {
        const { fold } = orThrow(stratifiedFolds(labels, classes, k, seed));
        const counts = Array.from({ length: classes }, () => new Array<number>(k).fill(0));
        const sizes = new Array<number>(k).fill(0);
        labels.forEach((c, r) => {
          if (c < 0) return;
          counts[c][fold[r]]++;
          sizes[fold[r]]++;
        });
        for (const perFold of counts) expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        // No fold is empty: k never exceeds the labelled rows.
        expect(Math.min(...sizes)).toBeGreaterThan(0);
      }),
    );
  });

  it('is seeded: the same seed gives the same folds, another seed (almost always) others', () => {
    const labels = Int32Array.from({ length: 150 }, (_, i) => i % 3);
    const a = orThrow(stratifiedFolds(labels, 3, 10, 42)).fold;
    expect(orThrow(stratifiedFolds(labels, 3, 10, 42)).fold).toEqual(a);
    expect(orThrow(stratifiedFolds(labels, 3, 10, 43)).fold).not.toEqual(a);
  });

  it('refuses k below 2 or above the labelled rows, naming both numbers', () => {
    const labels = Int32Array.from([0, 1, 0, 1, -1]);
    for (const k of [0, 1, 5, 2.5]) {
      const result = stratifiedFolds(labels, 2, k, 1);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(english(result.reason)).toContain('between 2 and 4 folds');
    }
  });

  it('names the classes with fewer rows than folds (some folds test none of them)', () => {
    const labels = Int32Array.from([...new Array(20).fill(0), 1, 1, 1]);
    const { smallClasses, fold } = orThrow(stratifiedFolds(labels, 2, 5, 7));
    expect(smallClasses).toEqual([{ classId: 1, rows: 3 }]);
    const rareFolds = new Set([20, 21, 22].map((r) => fold[r]));
    expect(rareFolds.size).toBe(3);
  });
});

describe('a fold as a data set', () => {
  it('pools train and test, and each fold tests its rows and trains on all the others', () => {
    const iris = loadIris();
    const pool = pooledRows(iris);
    expect(pool.rows).toBe(150);
    expect(Array.from(pool.features.subarray(0, 4))).toEqual(Array.from(iris.train.features.subarray(0, 4)));
    expect(Array.from(pool.features.subarray(120 * 4, 121 * 4))).toEqual(Array.from(iris.test.features.subarray(0, 4)));
    const { fold } = orThrow(stratifiedFolds(pool.labels, 3, 5, 42));
    let tested = 0;
    const key = (f: Float32Array, r: number, label: number) => `${Array.from(f.subarray(r * 4, r * 4 + 4)).join(',')}:${label}`;
    const all = new Map<string, number>();
    for (let r = 0; r < 150; r++) all.set(key(pool.features, r, pool.labels[r]), (all.get(key(pool.features, r, pool.labels[r])) ?? 0) + 1);
    for (let k = 0; k < 5; k++) {
      const d = foldData(iris, pool, fold, k, { validationFraction: 0, seed: 42 });
      expect(d.train.rows + d.test.rows).toBe(150);
      expect(d.test.rows).toBe(30);
      expect(d.validation).toBeUndefined();
      // Each class keeps its share: Iris has 50 of each, so 10 per test fold.
      for (let c = 0; c < 3; c++) expect(d.test.labels.filter((l) => l === c).length).toBe(10);
      // The fold's rows, train and test together, are the pool's rows (as a multiset).
      const seen = new Map<string, number>();
      for (const split of [d.train, d.test]) for (let r = 0; r < split.rows; r++) seen.set(key(split.features, r, split.labels[r]), (seen.get(key(split.features, r, split.labels[r])) ?? 0) + 1);
      expect(seen).toEqual(all);
      tested += d.test.rows;
    }
    expect(tested).toBe(150);
  });

  it('with early stopping on, carves a stratified validation split from the training rows, never from the test fold', () => {
    const iris = loadIris();
    const pool = pooledRows(iris);
    const { fold } = orThrow(stratifiedFolds(pool.labels, 3, 5, 42));
    const d = foldData(iris, pool, fold, 2, { validationFraction: 0.1, seed: 42 });
    expect(d.test.rows).toBe(30);
    expect(d.validation?.rows).toBe(12);
    expect(d.train.rows).toBe(108);
    for (let c = 0; c < 3; c++) expect(d.validation?.labels.filter((l) => l === c).length).toBe(4);
  });
});

describe('a CSV\'s standardised columns, refitted per fold', () => {
  it('gives each fold\'s training rows mean 0 and std 1 in those slots, maps its test rows alike, and leaves other slots', () => {
    const rows = 60;
    const inputs = 3;
    // Slot 0 standardised on some other rows (mean 0.3, std 2 here), slot 1 a one-hot, slot 2 standardised.
    const features = Float32Array.from({ length: rows * inputs }, (_, i) => {
      const r = Math.floor(i / inputs);
      const c = i % inputs;
      return c === 1 ? r % 2 : c === 0 ? 0.3 + Math.sin(r) * 2 : Math.cos(r * 1.7) - 0.5;
    });
    const data = {
      name: 'csv',
      featureNames: ['a', 'b=x', 'c'],
      classNames: ['p', 'q'],
      train: { features, labels: Int32Array.from({ length: rows }, (_, r) => r % 2), rows },
      test: { features: new Float32Array(0), labels: new Int32Array(0), rows: 0 },
    };
    const pool = pooledRows(data);
    const { fold } = orThrow(stratifiedFolds(pool.labels, 2, 4, 1));
    const plain = foldData(data, pool, fold, 1, { validationFraction: 0, seed: 1 });
    const refit = foldData(data, pool, fold, 1, { validationFraction: 0, seed: 1, standardized: [0, 2] });
    const column = (split: { features: Float32Array; rows: number }, c: number) => Array.from({ length: split.rows }, (_, r) => split.features[r * inputs + c]);
    for (const c of [0, 2]) {
      const train = column(refit.train, c);
      const mean = train.reduce((a, b) => a + b) / train.length;
      const std = Math.sqrt(train.reduce((a, v) => a + (v - mean) ** 2, 0) / train.length);
      expect(mean).toBeCloseTo(0, 5);
      expect(std).toBeCloseTo(1, 5);
      // The test rows go through the same affine map as the training rows: refit = (plain - m) / s.
      const before = column(plain.train, c);
      const m = before.reduce((a, b) => a + b) / before.length;
      const s = Math.sqrt(before.reduce((a, v) => a + (v - m) ** 2, 0) / before.length);
      column(plain.test, c).forEach((v, r) => expect(column(refit.test, c)[r]).toBeCloseTo((v - m) / s, 5));
    }
    expect(column(refit.train, 1)).toEqual(column(plain.train, 1));
    expect(column(refit.test, 1)).toEqual(column(plain.test, 1));
    // The pool itself is not changed.
    expect(Array.from(pool.features)).toEqual(Array.from(features));
  });

  it('a constant slot keeps std 1 (as the CSV encoder does), never a division by 0', () => {
    const split = { features: Float32Array.from([2, 2, 2]), labels: Int32Array.from([0, 0, 0]), rows: 3 };
    restandardize(split, [split], 1, [0]);
    expect(Array.from(split.features)).toEqual([0, 0, 0]);
  });
});

describe('mean and standard deviation over folds', () => {
  it('is the sample standard deviation (n - 1), as Weka reports it', () => {
    expect(meanSd([0.9, 1, 0.95, 0.85])).toEqual({ mean: expect.closeTo(0.925, 12), sd: expect.closeTo(Math.sqrt(0.0125 / 3), 12) });
    expect(meanSd([0.5])).toEqual({ mean: 0.5, sd: 0 });
    expect(meanSd([]).mean).toBeNaN();
  });

  it('macro F1 agrees with the page\'s per-class table', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }).chain((n) => fc.array(fc.array(fc.nat(20), { minLength: n, maxLength: n }), { minLength: n, maxLength: n })), (confusion) => {
        expect(macroF1(confusion)).toBeCloseTo(classMetrics(confusion).macro.f1, 12);
      }),
    );
  });
});

function orThrow<T>(result: { ok: true; value: T } | { ok: false; reason: unknown }): T {
  if (!result.ok) throw new Error(english(result.reason as string));
  return result.value;
}
