/**
 * The regression baselines (src/ml/baselines/regression.ts, linear.ts) on hand-made data
 * whose answers are known: least squares recovers a plane exactly, the mean's R² is 0 on
 * the rows it was fitted on, duplicated and one-hot columns (collinear by construction)
 * still solve, a constant target gives finite numbers, the conjugate-gradient path for
 * wide tables agrees with the exact solve, and a newer load cuts the computation short.
 */
import { describe, expect, it } from 'vitest';
import { baselinesFor, computeRegressionBaselines, NO_PAUSE, Superseded, type Pace, type RegressionData } from '../../src/ml/baselines';
import { EXACT_MAX_INPUTS, MAX_CG_STEPS, fitLinear, predictLinear } from '../../src/ml/baselines/linear';
import type { LabelledSplit } from '../../src/ml/datasets/data';
import { buildDataset } from '../../src/ml/csv/dataset';
import { fitTarget, standardizeTarget } from '../../src/ml/model/regression';
import { reasonError } from '../../src/shared/result';
import { mulberry32 } from '../../src/ml/model/rng';
import { table as csvTable } from './csvFixtures';
import { loadIris } from './helpers';

interface Table {
  x: number[][];
  y: number[];
}

/** `rows` rows of `make(random)` -> [features, y]. */
function table(rows: number, seed: number, make: (random: () => number) => [number[], number]): Table {
  const random = mulberry32(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    const [features, label] = make(random);
    x.push(features);
    y.push(label);
  }
  return { x, y };
}

/** A regression data set as the CSV pipeline builds one: target fitted on train, every split's targets standardised with it, labels 0. */
function regressionData(train: Table, test: Table): RegressionData {
  const target = fitTarget('y', train.y);
  const split = (t: Table): LabelledSplit => ({
    features: Float32Array.from(t.x.flat()),
    labels: new Int32Array(t.y.length),
    rows: t.y.length,
    targets: standardizeTarget(t.y, target),
  });
  const inputs = train.x[0].length;
  return { featureNames: Array.from({ length: inputs }, (_, i) => `x${i}`), classNames: ['y'], target, train: split(train), test: split(test) };
}

/** y = 2 x1 - 3 x2 + 5 + noise of ±1e-4, x uniform in [-1, 1]². */
const plane = (random: () => number): [number[], number] => {
  const x1 = random() * 2 - 1;
  const x2 = random() * 2 - 1;
  return [[x1, x2], 2 * x1 - 3 * x2 + 5 + (random() - 0.5) * 2e-4];
};

describe('least squares (linear.ts)', () => {
  it('recovers the coefficients and intercept of a plane', async () => {
    const t = table(200, 1, plane);
    const fit = await fitLinear(Float32Array.from(t.x.flat()), t.y, 200, 2, NO_PAUSE);
    expect(fit.method).toBe('exact');
    expect(fit.weights[0]).toBeCloseTo(2, 3);
    expect(fit.weights[1]).toBeCloseTo(-3, 3);
    expect(fit.intercept).toBeCloseTo(5, 3);
  });

  it('solves duplicated columns and a one-hot that sums to 1 (collinear with the intercept)', async () => {
    // [x1, x1 again, x2, "a", "b", missing]: the last three are one category's slots, one of them 1 per row.
    const t = table(300, 2, (random) => {
      const [[x1, x2], y] = plane(random);
      const slot = Math.floor(random() * 3);
      return [[x1, x1, x2, slot === 0 ? 1 : 0, slot === 1 ? 1 : 0, slot === 2 ? 1 : 0], y + (slot === 1 ? 4 : 0)];
    });
    const x = Float32Array.from(t.x.flat());
    const fit = await fitLinear(x, t.y, 300, 6, NO_PAUSE);
    for (const w of fit.weights) expect(Number.isFinite(w)).toBe(true);
    // Least norm along the duplicate: the slope 2 shared equally.
    expect(fit.weights[0]).toBeCloseTo(1, 3);
    expect(fit.weights[1]).toBeCloseTo(1, 3);
    expect(fit.weights[2]).toBeCloseTo(-3, 3);
    // The slots are known only up to a common shift (the intercept's), their differences exactly.
    expect(fit.weights[4] - fit.weights[3]).toBeCloseTo(4, 3);
    expect(fit.weights[5] - fit.weights[3]).toBeCloseTo(0, 3);
    const predicted = predictLinear(fit, x, 300);
    for (let r = 0; r < 300; r++) expect(Math.abs(predicted[r] - t.y[r])).toBeLessThan(1e-3);
  });

  it('gives the same fit by conjugate gradients (wide tables) as by the exact solve', async () => {
    // 12 numbers (some correlated) and a 40-level category: 52 columns, forced onto the CG path.
    const t = table(600, 3, (random) => {
      const z = Array.from({ length: 12 }, () => random() * 2 - 1);
      z[5] = 0.9 * z[4] + 0.1 * z[5];
      const level = Math.floor(random() * 40);
      const y = z.reduce((s, v, i) => s + v * (i - 6), 0) + Math.sin(level) * 3 + (random() - 0.5);
      return [[...z, ...Array.from({ length: 40 }, (_, i) => (i === level ? 1 : 0))], y];
    });
    const x = Float32Array.from(t.x.flat());
    const exact = await fitLinear(x, t.y, 600, 52, NO_PAUSE);
    const cg = await fitLinear(x, t.y, 600, 52, NO_PAUSE, 0);
    expect(cg.method).toBe('cg');
    expect(cg.steps).toBeLessThan(MAX_CG_STEPS);
    const a = predictLinear(exact, x, 600);
    const b = predictLinear(cg, x, 600);
    for (let r = 0; r < 600; r++) expect(b[r]).toBeCloseTo(a[r], 5);
  });

  it('takes the conjugate-gradient path above EXACT_MAX_INPUTS columns and still fits', async () => {
    const levels = EXACT_MAX_INPUTS + 50;
    const effect = (level: number) => Math.cos(level * 1.7) * 2;
    const make = (random: () => number): [number[], number] => {
      const x = random() * 2 - 1;
      const level = Math.floor(random() * levels);
      const row = new Array<number>(levels + 1).fill(0);
      row[0] = x;
      row[1 + level] = 1;
      return [row, 3 * x + effect(level) + (random() - 0.5) * 1e-3];
    };
    const d = regressionData(table(4000, 4, make), table(500, 5, make));
    const b = await computeRegressionBaselines(d);
    expect(b!.linear.r2).toBeGreaterThan(0.999);
  });
});

describe('the regression baselines (mean, least squares)', () => {
  it('scores a plane: least squares near R² 1 in the label units, the mean near 0', async () => {
    const d = regressionData(table(200, 6, plane), table(100, 7, plane));
    const b = (await computeRegressionBaselines(d))!;
    expect(b).toMatchObject({ task: 'regression', trainRows: 200, testRows: 100 });
    expect(b.linear.r2).toBeGreaterThan(0.999999);
    // Noise of ±1e-4 (uniform): RMSE about 1e-4 / √3 in y's own units, not in z's.
    expect(b.linear.rmse).toBeLessThan(2e-4);
    expect(b.linear.mae).toBeLessThan(b.linear.rmse);
    expect(b.mean.r2).toBeLessThan(0.05);
    expect(b.mean.r2).toBeGreaterThan(-0.2);
    // sd of 2 x1 - 3 x2 for x uniform in [-1, 1]: √(13 / 3) ≈ 2.08.
    expect(b.mean.rmse).toBeGreaterThan(1.7);
    expect(b.mean.rmse).toBeLessThan(2.5);
    for (const s of [b.mean, b.linear]) expect(s.ms).toBeGreaterThanOrEqual(0);
  });

  it("gives the mean R² 0 on the very rows it was fitted on", async () => {
    const t = table(150, 8, plane);
    const d = regressionData(t, t);
    const b = (await computeRegressionBaselines(d))!;
    expect(b.mean.r2).toBeCloseTo(0, 10);
  });

  it('gives finite numbers for a constant target (sd 1, all errors 0)', async () => {
    const constant = (random: () => number): [number[], number] => [[random(), random()], 7];
    const d = regressionData(table(50, 9, constant), table(20, 10, constant));
    const b = (await computeRegressionBaselines(d))!;
    for (const s of [b.mean, b.linear]) {
      expect(s.rmse).toBeCloseTo(0, 6);
      expect(s.mae).toBeCloseTo(0, 6);
      expect(Number.isFinite(s.r2)).toBe(true);
    }
  });

  it('is null without test or training rows', async () => {
    const t = table(20, 11, plane);
    const empty = { x: [] as number[][], y: [] as number[] };
    const d = regressionData(t, empty);
    d.test.features = new Float32Array(0);
    expect(await computeRegressionBaselines(d)).toBeNull();
    expect(await computeRegressionBaselines({ ...d, train: d.test, test: regressionData(t, t).test })).toBeNull();
  });

  it('ends at the next pause when a newer load supersedes it', async () => {
    let pauses = 0;
    const pace: Pace = {
      pause: async () => {
        if (++pauses === 1) throw new Superseded();
      },
    };
    const d = regressionData(table(100, 12, plane), table(20, 13, plane));
    await expect(computeRegressionBaselines(d, { pace })).rejects.toBeInstanceOf(Superseded);
    expect(pauses).toBe(1);
  });
});

describe('baselinesFor', () => {
  it('fits a CSV the pipeline read as a regression: the plane through its encoded numbers and one-hots, in the label units', async () => {
    // price = 3 size - 2 age + 10 for region "north", 0 for "south" (+ a little noise): exact for least squares on the encoded columns.
    const random = mulberry32(16);
    const lines = ['size,age,region,price'];
    for (let r = 0; r < 200; r++) {
      const size = 50 + random() * 100;
      const age = random() * 40;
      const north = random() < 0.5;
      lines.push(`${size.toFixed(3)},${age.toFixed(3)},${north ? 'north' : 'south'},${(3 * size - 2 * age + (north ? 10 : 0) + (random() - 0.5) * 0.01).toFixed(4)}`);
    }
    const built = buildDataset(csvTable(lines.join('\n')), { labelColumn: 'price', task: 'regression', seed: 3 });
    if (!built.ok) throw reasonError(built.reason);
    const b = await baselinesFor(built.value.data);
    if (b?.task !== 'regression') throw new Error('a regression data set');
    expect(b.trainRows + b.testRows).toBe(200);
    expect(b.linear.r2).toBeGreaterThan(0.99999);
    // Noise of ±0.005 plus the file's rounding to 3 decimals: RMSE in price units, well under 0.01.
    expect(b.linear.rmse).toBeLessThan(0.01);
    expect(b.mean.r2).toBeLessThan(0.1);
  });

  it('picks the task: mean and least squares for a target, majority/logistic/forest for classes', async () => {
    const reg = await baselinesFor(regressionData(table(60, 14, plane), table(20, 15, plane)));
    expect(reg?.task).toBe('regression');
    const cls = await baselinesFor(loadIris(), { seed: 1 });
    if (!cls || cls.task === 'regression') throw new Error('Iris has classes');
    // The tutorial's test split: 8 of its 30 rows are the most frequent training class.
    expect(cls.majority.accuracy).toBeCloseTo(8 / 30, 6);
  });
});
