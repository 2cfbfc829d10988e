/**
 * Files that are well formed but degenerate: missing-value markers where a class or a
 * category would be, numbers no network should see (1e309, Infinity) or written with
 * units (12%, $3), a label column with one class, and splits that leave no test rows.
 * Each case once loaded silently into something the person did not mean.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/ml/csv/dataset';
import { encodeRow, fitNumeric, MAX_STANDARD } from '../../src/ml/csv/encode';
import { encodeInputs } from '../../src/ml/csv/predict';
import { readTable } from '../../src/ml/csv/readTable';
import type { ColumnSchema, DatasetOptions, RawTable } from '../../src/ml/csv/types';
import { isMissing, parseNumber } from '../../src/ml/csv/values';
import { reasonError } from '../../src/shared/result';
import { english } from './words';

const utf8 = (text: string) => new TextEncoder().encode(text);
const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
const column = (schema: { columns: ColumnSchema[] }, name: string) => schema.columns.find((c) => c.name === name);

function table(text: string, fileName = 'data.csv'): RawTable {
  const read = readTable(utf8(text), fileName);
  if (!read.ok) throw reasonError(read.reason);
  return read.value;
}

function build(text: string, options?: DatasetOptions) {
  const built = buildDataset(table(text), options);
  if (!built.ok) throw reasonError(built.reason);
  return built.value;
}

function reason(text: string, options?: DatasetOptions): string {
  const built = buildDataset(table(text), options);
  return built.ok ? 'ok' : english(built.reason);
}

const warnings = (built: ReturnType<typeof build>) => built.preview.warnings.map(english).join(' ');
const allFinite = (a: Float32Array) => a.every((v) => Number.isFinite(v));

/** Penguins-like rows: bill length, island, and sex with `gap` on every 5th row. */
function penguins(gap: string): string {
  const rows = range(30, (i) => `${(38 + (i % 7) * 0.7).toFixed(1)},${['Biscoe', 'Dream'][i % 2]},${i % 5 === 4 ? gap : ['female', 'male'][i % 2]}`);
  return ['bill,island,sex', ...rows].join('\n');
}

describe('missing-value markers are gaps, never a class or a category', () => {
  const markers = ['.', '?', 'NA', 'na', 'N/A', 'n/a', 'null', 'NULL', 'NaN', '-', '', ' . '];

  it.each(markers)('isMissing(%j)', (cell) => {
    expect(isMissing(cell)).toBe(true);
  });

  it.each(['.5', '-1', '..', 'none', '0'])('isMissing(%j) is false', (cell) => {
    expect(isMissing(cell)).toBe(false);
  });

  it.each(markers)('a label cell %j drops the row, and the preview says how many', (gap) => {
    const built = build(penguins(gap));
    expect(built.schema.classNames).toEqual(['female', 'male']);
    expect(built.preview.droppedNoLabel).toBe(6);
    expect(built.data.train.rows + built.data.test.rows).toBe(24);
    expect(warnings(built)).toMatch(/Dropped 6 rows of data\.csv without a label/);
  });

  it.each(markers)('a categorical cell %j takes the missing slot, not a category of its own', (gap) => {
    const built = build(penguins(gap), { labelColumn: 'island' });
    const sex = column(built.schema, 'sex');
    expect(sex).toMatchObject({ role: 'feature', kind: 'categorical', missing: 6, missingSlot: true });
    expect([...(sex?.vocabulary ?? [])].sort()).toEqual(['female', 'male']);
  });
});

describe('degenerate numbers', () => {
  it.each<[string, number]>([
    ['-0', 0],
    ['+0', 0],
    ['-0.0', 0],
  ])('parseNumber(%j) is %s (not -0)', (cell, value) => {
    expect(Object.is(parseNumber(cell), value)).toBe(true);
  });

  it.each(['1e309', 'Infinity', '-Infinity', 'inf', '-1e400', '1e200'])(
    '%s in a numeric column is a gap with a warning naming the column, the line and the value',
    (value) => {
      const cells = range(30, (i) => (i === 6 ? value : String((i * 7) % 11 + 0.5)));
      const text = ['x,label', ...cells.map((c, i) => `${c},${'ab'[i % 2]}`)].join('\n');
      const built = build(text);
      const x = column(built.schema, 'x');
      expect(x).toMatchObject({ role: 'feature', kind: 'numeric', missing: 1, invalid: 0 });
      expect(Number.isFinite(x?.mean)).toBe(true);
      expect(Number.isFinite(x?.std)).toBe(true);
      expect(x?.mean).toBeLessThan(11);
      expect(warnings(built)).toContain(`Column "x": 1 numbers are too large to use (the first, "${value}", on line 8) and are treated as missing.`);
      expect(warnings(built)).not.toMatch(/not numbers/);
      expect(allFinite(built.data.train.features) && allFinite(built.data.test.features)).toBe(true);
    },
  );

  it('a column of only infinite values is empty, not text', () => {
    const text = ['x,y,label', ...range(10, (i) => `${i % 2 ? 'Infinity' : '1e309'},${i % 3},${'ab'[i % 2]}`)].join('\n');
    expect(column(build(text).schema, 'x')).toMatchObject({ role: 'ignored', ignoreCause: 'empty' });
  });

  it.each<[string, string[]]>([
    ['percent', range(30, (i) => `${i % 9}%`)],
    ['dollars', range(30, (i) => `$${i % 9}`)],
    ['euros', range(30, (i) => `€${i % 9}`)],
    ['thousands separators', range(30, (i) => `"1,${String((i * 37) % 1000).padStart(3, '0')}.5"`)],
    ['accounting negatives', range(30, (i) => (i % 2 ? `(${i % 9})` : String(i % 9)))],
  ])('numbers written with %s are read as numbers, with a note saying what was taken off (issue 19)', (_, cells) => {
    const text = ['x,y,label', ...cells.map((c, i) => `${c},${i % 3},${'ab'[i % 2]}`)].join('\n');
    const x = column(build(text).schema, 'x');
    expect(x?.kind).toBe('numeric');
    expect(x?.role).toBe('feature');
    expect(x?.reason?.code).toBe('csv.column-read-formatted');
    const first = cells.find((c) => !/^\d+$/.test(c))?.replaceAll('"', '') ?? '';
    expect(english(x?.reason)).toContain(`the first "${first}" on line`);
    expect(english(x?.reason)).toMatch(/^read as numbers: .* removed/);
  });

  it('keeps mean and std finite for values near the largest accepted, computed in float64', () => {
    const values = Float64Array.from([1e150, -1e150, 1e150, -1e150, Infinity, NaN]);
    const fit = fitNumeric(values, Int32Array.from([0, 1, 2, 3, 4, 5]));
    expect(fit.mean).toBe(0);
    expect(fit.std / 1e150).toBeCloseTo(1, 12);
    expect(fitNumeric(Float64Array.from([Infinity, -Infinity]), Int32Array.from([0, 1]))).toEqual({ mean: 0, std: 1 });
    expect(fitNumeric(Float64Array.from([5, 5]), Int32Array.from([0, 1]))).toEqual({ mean: 5, std: 1 });
  });

  it('never hands the network a non-finite input, however far a new value is from the training rows', () => {
    const text = ['x,label', ...range(20, (i) => `${1 + (i % 2) * 1e-9},${'ab'[i % 2]}`)].join('\n');
    const { schema } = build(text);
    for (const v of [1e149, -1e149, '1e149', 1e300, Infinity]) {
      const row = encodeRow(schema, [v, null]);
      expect(allFinite(row)).toBe(true);
      expect(Math.abs(row[0])).toBeLessThanOrEqual(MAX_STANDARD);
    }
  });

  it.each(['1e309', 'Infinity', '-Infinity', '1e200'])('a typed %s is refused with a reason naming the field', (value) => {
    const { schema } = build(['size,label', ...range(20, (i) => `${i % 7},${'ab'[i % 2]}`)].join('\n'));
    const encoded = encodeInputs(schema, [value]);
    expect(encoded.ok).toBe(false);
    if (!encoded.ok) expect(english(encoded.reason)).toMatch(new RegExp(`^"size": ${value.replace('+', '\\+')} is too large to use`));
  });

  it('a typed -0 is 0', () => {
    const { schema } = build(['size,label', ...range(20, (i) => `${i % 7},${'ab'[i % 2]}`)].join('\n'));
    const minus = encodeInputs(schema, ['-0']);
    const zero = encodeInputs(schema, ['0']);
    expect(minus.ok && zero.ok && [...minus.value]).toEqual(zero.ok ? [...zero.value] : null);
  });
});

describe('a label column with one class', () => {
  const oneClass = 'x,y,label\n1,2,a\n2,4,a\n3,6,a\n4,8,a\n';

  it.each<[string, string, DatasetOptions | undefined, RegExp]>([
    ['guessed: no other column holds classes', oneClass, undefined, /^No column of data\.csv can be the label: the last column "label" does not look like classes \(it has only one class, "a"\)/],
    ['named by the person', oneClass, { labelColumn: 'label' }, /label column "label" of data\.csv has only one class \("a"\)/],
    ['guessed: the last column is empty', 'x,y,label\n1,2,\n2,4,NA\n3,6,.\n', undefined, /the last column "label" does not look like classes \(it has no values\)/],
  ])('is refused when %s', (_, text, options, expected) => {
    expect(reason(text, options)).toMatch(expected);
  });

  it.each<[string, string, string, RegExp]>([
    [
      'a column of text classes',
      ['kind,x,label', ...range(12, (i) => `${'pq'[i % 2]},${i * 2},a`)].join('\n'),
      'kind',
      /The last column "label" does not look like classes \(it has only one class, "a"\), so "kind" is the label/,
    ],
    [
      'a column of numbers that repeat',
      ['w,x,label', ...range(12, (i) => `${i % 3},${i * 2},a`)].join('\n'),
      'w',
      /The last column "label" does not look like classes \(it has only one class, "a"\), so "w" is the label/,
    ],
    [
      'a column of classes when the last is a quantity',
      `kind,w,mass\n${range(40, (i) => `${'xy'[i % 2]},${i % 3},${100 + i * 1.5}`).join('\n')}\n`,
      'w',
      /The last column "mass" does not look like classes \(more than 20 different numbers: a quantity\), so "w" is the label/,
    ],
  ])('falls back, with a warning, to %s', (_, text, label, warning) => {
    // Classes asked for: a last column of many numbers is otherwise a regression target (regression-data.test.ts).
    const built = build(text, { task: 'classification' });
    expect(built.schema.columns[built.schema.labelIndex].name).toBe(label);
    expect(warnings(built)).toMatch(warning);
  });

  it('never takes numbers that never repeat as classes of one row each', () => {
    const text = ['x,y,label', ...range(12, (i) => `${i % 4},${i * 2},a`)].join('\n');
    const built = build(text);
    expect(built.schema.columns[built.schema.labelIndex].name).toBe('x');
  });
});

describe('a split with no test rows', () => {
  const hundredClasses = ['x,label', ...range(200, (i) => `${i % 7},c${Math.floor(i / 2)}`)].join('\n');

  it.each<[string, string, DatasetOptions | undefined, RegExp]>([
    [
      '100 classes of 2 rows',
      hundredClasses,
      undefined,
      /data\.csv: no test rows, because at a test fraction of 0\.2 a class needs at least 3 rows to hold one out, and each of the 100 classes has fewer\. Training runs without an evaluation: use a larger test fraction, a separate test file, or fewer classes\./,
    ],
    ['a test fraction of 0', ['x,label', ...range(20, (i) => `${i % 7},${'ab'[i % 2]}`)].join('\n'), { testFraction: 0 }, /no test rows, because the test fraction is 0\./],
    [
      'classes of a single row',
      ['x,label', ...range(6, (i) => `${i},c${i % 3}`), '9,d', '8,e'].join('\n'),
      { testFraction: 0.2 },
      /each of the 5 classes has fewer \(2 have a single row\)/,
    ],
  ])('loads %s, with a warning saying why and what to change', (_, text, options, warning) => {
    const built = build(text, options);
    expect(built.data.test.rows).toBe(0);
    expect(built.data.train.rows).toBeGreaterThan(0);
    expect(warnings(built)).toMatch(warning);
  });

  it('says nothing when the split has test rows', () => {
    expect(warnings(build(['x,label', ...range(20, (i) => `${i % 7},${'ab'[i % 2]}`)].join('\n')))).not.toMatch(/no test rows/);
  });
});
