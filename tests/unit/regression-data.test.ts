// A numeric label as DNNRegressor reads it: the guess (a quantity becomes a regression,
// said why), the label standardised with the training rows' mean and sd, rows without a
// number dropped with a warning, a column of words refused, and a test file read alike.
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/ml/csv/dataset';
import { fitTarget, regressionMetrics, standardizeTarget, unstandardize } from '../../src/ml/model/regression';
import { table } from './csvFixtures';
import { english } from './words';

/** Cars' shape: numbers, an origin of 3 classes, miles per gallon (many decimals); `origin` last or not. */
function cars(rows = 60, originLast = true): string {
  const lines = [originLast ? 'cylinders,weight,mpg,origin' : 'cylinders,weight,origin,mpg'];
  for (let r = 0; r < rows; r++) {
    const cyl = [4, 6, 8][r % 3];
    const weight = 1800 + r * 37;
    const origin = ['USA', 'Europe', 'Japan'][(r * 5) % 3];
    const mpg = (46 - weight / 150 + (r % 4) * 0.3).toFixed(1);
    lines.push(originLast ? `${cyl},${weight},${mpg},${origin}` : `${cyl},${weight},${origin},${mpg}`);
  }
  return lines.join('\n');
}

const build = (text: string, options = {}, test?: string) => {
  const b = buildDataset(table(text), options, test === undefined ? undefined : table(test, 'test.csv'));
  if (!b.ok) throw new Error(english(b.reason));
  return b.value;
};

describe('a numeric label', () => {
  it('is a classifier when the last column looks like classes, and a regression when picked or last', () => {
    const classes = build(cars());
    expect(classes.preview.task).toBe('classification');
    expect(classes.data.target).toBeUndefined();
    const last = build(cars(60, false));
    expect(last.preview.task).toBe('regression');
    expect(last.preview.labelReason?.params).toMatchObject({ label: 'mpg', why: 'last-quantity' });
    const b = build(cars(), { labelColumn: 'mpg' });
    expect(b.preview.task).toBe('regression');
    expect(b.preview.labelReason?.params).toMatchObject({ label: 'mpg', why: 'chosen-quantity' });
    expect(english(b.preview.labelReason!)).toContain('predicted as a number (regression)');
    expect(b.data.classNames).toEqual(['mpg']);
    expect(b.preview.classBalance).toEqual([]);
    // Every row is in exactly one split; the test share is the page's 0.2.
    expect(b.data.train.rows + b.data.test.rows).toBe(60);
    expect(b.data.test.rows).toBe(12);
    expect(b.data.train.labels.every((id) => id === 0)).toBe(true);
  });

  it('standardises the target with the training rows only, and the round trip gives the numbers back', () => {
    const b = build(cars(), { labelColumn: 'mpg', validationFraction: 0.2 });
    const target = b.data.target!;
    expect(b.schema.target).toEqual(target);
    const z = b.data.train.targets!;
    const mean = z.reduce((a, v) => a + v, 0) / z.length;
    const sd = Math.sqrt(z.reduce((a, v) => a + (v - mean) ** 2, 0) / z.length);
    expect(mean).toBeCloseTo(0, 5);
    expect(sd).toBeCloseTo(1, 5);
    expect(b.data.validation!.targets!.length).toBe(b.data.validation!.rows);
    expect(b.data.test.targets!.length).toBe(b.data.test.rows);
    // Back in miles per gallon: inside the file's range, with one decimal as written.
    for (const v of b.data.test.targets!) {
      const y = unstandardize(v, target);
      expect(Math.abs(y * 10 - Math.round(y * 10))).toBeLessThan(1e-4);
      expect(y).toBeGreaterThan(20);
      expect(y).toBeLessThan(47);
    }
  });

  it('guesses a regression when no column looks like classes and the last is a quantity', () => {
    const text = ['area,rooms_ratio,price', ...Array.from({ length: 40 }, (_, r) => `${50 + r * 3.5},${(r % 7) / 3 + 0.1},${1000 + r * 123.4}`)].join('\n');
    const b = build(text);
    expect(b.preview.task).toBe('regression');
    expect(b.preview.labelReason?.params).toMatchObject({ label: 'price', why: 'last-quantity' });
    expect(b.data.target!.min).toBeGreaterThanOrEqual(1000);
  });

  it('offers the switch for whole numbers of few values, and reads them as numbers on request', () => {
    const text = ['x,y,stars', ...Array.from({ length: 30 }, (_, r) => `${r},${r % 5},${(r % 5) + 1}`)].join('\n');
    const asClasses = build(text);
    expect(asClasses.preview.task).toBe('classification');
    expect(asClasses.preview.taskSwitch).toBe(true);
    const asNumber = build(text, { task: 'regression', labelColumn: 'stars' });
    expect(asNumber.preview.task).toBe('regression');
    expect(asNumber.data.target).toMatchObject({ min: 1, max: 5 });
  });

  it('reads a price written with a currency sign and thousands separators as a number to predict', () => {
    const lines = ['rooms,area,price'];
    for (let r = 0; r < 40; r++) lines.push(`${(r % 5) + 1},${50 + r * 3},"$${(100_000 + r * 12_345).toLocaleString('en-US')}"`);
    const b = build(lines.join('\n'));
    expect(b.preview.task).toBe('regression');
    expect(b.data.target).toMatchObject({ name: 'price', min: expect.any(Number) });
    expect(b.data.target!.max).toBeLessThanOrEqual(100_000 + 39 * 12_345);
    expect(b.data.target!.min).toBeGreaterThanOrEqual(100_000);
    expect(b.preview.warnings.some((w) => w.code === 'csv.target-not-numbers')).toBe(false);
  });

  it('drops rows whose label is no number with a warning naming the first, and refuses a column of words', () => {
    const rows = cars(30, false).split('\n');
    rows[5] = rows[5].replace(/[^,]+$/, 'twelve');
    const b = build(rows.join('\n'), { labelColumn: 'mpg', task: 'regression' });
    expect(b.data.train.rows + b.data.test.rows).toBe(29);
    const warning = b.preview.warnings.find((w) => w.code === 'csv.target-not-numbers');
    expect(warning?.params).toMatchObject({ label: 'mpg', count: 1, value: 'twelve', line: 6 });
    const words = buildDataset(table(cars(30)), { labelColumn: 'origin', task: 'regression' });
    expect(words.ok).toBe(false);
    if (!words.ok) expect(english(words.reason)).toContain('origin cannot be predicted as a number: line 2 holds "USA"');
  });

  it('with a number asked for, skips a row number and refuses a file with no column of numbers', () => {
    const rows = ['n,colour,size', ...Array.from({ length: 20 }, (_, r) => `${r + 1},${['red', 'blue'][r % 2]},${(r % 4) * 1.5 + 2}`)].join('\n');
    const b = build(rows, { task: 'regression' });
    expect(b.schema.columns[b.schema.labelIndex].name).toBe('size');
    const words = buildDataset(table(['id,colour', ...Array.from({ length: 20 }, (_, r) => `${r + 1},${['red', 'blue'][r % 2]}`)].join('\n')), { task: 'regression' });
    expect(words.ok).toBe(false);
    if (!words.ok) expect(english(words.reason)).toContain('colour cannot be predicted as a number: line 2 holds "red"');
  });

  it('reads a separate test file\'s label as numbers, standardised with the training statistics', () => {
    const all = cars(50, false).split('\n');
    const b = build([all[0], ...all.slice(1, 41)].join('\n'), { labelColumn: 'mpg' }, [all[0], ...all.slice(41)].join('\n'));
    expect(b.data.train.rows).toBe(40);
    expect(b.data.test.rows).toBe(10);
    const t = b.data.target!;
    const firstTest = Number(all[41].split(',')[3]);
    expect(unstandardize(b.data.test.targets![0], t)).toBeCloseTo(firstTest, 4);
  });
});

describe('the regression arithmetic', () => {
  it('fits, standardises and scores as scikit-learn does', () => {
    const y = [3, -0.5, 2, 7];
    const t = fitTarget('y', y);
    expect(t.mean).toBeCloseTo(2.875, 12);
    expect(t.sd).toBeCloseTo(Math.sqrt(((0.125) ** 2 + 3.375 ** 2 + 0.875 ** 2 + 4.125 ** 2) / 4), 12);
    expect(Array.from(standardizeTarget(y, t), (z) => unstandardize(z, t))).toEqual(y.map((v) => expect.closeTo(v, 5)));
    // scikit-learn: r2_score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) = 0.9486081370449679, MAE 0.5, MSE 0.375.
    const m = regressionMetrics([2.5, 0.0, 2, 8], y);
    expect(m.r2).toBeCloseTo(0.9486081370449679, 12);
    expect(m.mae).toBe(0.5);
    expect(m.rmse).toBeCloseTo(Math.sqrt(0.375), 12);
    expect(regressionMetrics([1, 1], [1, 1]).r2).toBe(1);
    expect(regressionMetrics([2, 2], [1, 1]).r2).toBe(0);
    expect(fitTarget('c', [4, 4, 4]).sd).toBe(1);
  });
});
