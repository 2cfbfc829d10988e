import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/ml/csv/dataset';
import { encodeRow, fitNumeric } from '../../src/ml/csv/encode';
import { loadCsv } from '../../src/ml/csv/index';
import { readTable } from '../../src/ml/csv/readTable';
import type { ColumnSchema, DatasetOptions, IgnoreCause } from '../../src/ml/csv/types';
import { build, table, utf8 } from './csvFixtures';
import { english } from './words';


function reason(text: string, options?: DatasetOptions, testText?: string): string {
  const built = buildDataset(table(text), options, testText === undefined ? undefined : table(testText, 'test.csv'));
  return built.ok ? 'ok' : english(built.reason);
}

/** A CSV with one column `x` of `values` and a label alternating a/b. */
function withColumn(values: string[], name = 'x', delimiter = ','): string {
  const lines = values.map((v, i) => `${v}${delimiter}${i % 3}${delimiter}${i % 2 === 0 ? 'a' : 'b'}`);
  return [`${name}${delimiter}n${delimiter}label`, ...lines].join('\n');
}

const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
const column = (schema: { columns: ColumnSchema[] }, name: string) => schema.columns.find((c) => c.name === name);

describe('column types', () => {
  it.each<[string, string[], string, 'feature' | 'ignored', 'numeric' | 'categorical' | 'date', IgnoreCause | undefined]>([
    ['numbers', range(30, (i) => String((i * 7) % 11 + 0.5)), 'x', 'feature', 'numeric', undefined],
    ['few strings', range(30, (i) => ['red', 'green', 'blue'][i % 3]), 'x', 'feature', 'categorical', undefined],
    ['a row number', range(30, (i) => String(i + 1)), 'x', 'ignored', 'numeric', 'identifier'],
    ['an id column in any order', range(30, (i) => String((i * 7) % 30 + 100)), 'id', 'ignored', 'numeric', 'identifier'],
    ['distinct codes', range(30, (i) => `A${(i * 7919) % 1000}`), 'x', 'ignored', 'categorical', 'identifier'],
    ['free text', range(30, (i) => `note number ${i} here`), 'x', 'ignored', 'categorical', 'free-text'],
    ['dates', range(30, (i) => `2024-01-${String(i + 1).padStart(2, '0')}`), 'x', 'feature', 'date', undefined],
    ['a constant number', range(30, () => '7'), 'x', 'ignored', 'numeric', 'constant'],
    ['a constant string', range(30, () => 'same'), 'x', 'ignored', 'categorical', 'constant'],
    ['an empty column', range(30, (i) => ['', 'NA', '?'][i % 3]), 'x', 'ignored', 'numeric', 'empty'],
    ['too many categories', range(300, (i) => `c${i % 60}`), 'x', 'ignored', 'categorical', 'too-many-categories'],
    ['few distinct whole numbers', range(30, (i) => String(i % 4)), 'x', 'feature', 'numeric', undefined],
  ])('%s', (_, values, name, role, kind, cause) => {
    const c = column(build(withColumn(values, name)).schema, name);
    expect(c).toMatchObject({ role, kind });
    expect(c?.ignoreCause).toBe(cause);
    if (role === 'ignored') expect(c?.reason).toBeTruthy();
  });

  it('treats a few non-numbers in a numeric column as missing, with a warning naming the line', () => {
    const values = range(60, (i) => String(i % 7));
    values[5] = '3.x';
    const built = build(withColumn(values));
    expect(column(built.schema, 'x')).toMatchObject({ kind: 'numeric', role: 'feature', invalid: 1 });
    expect(built.preview.warnings.map(english).join(' ')).toMatch(/Column "x": 1 values are not numbers \(the first, "3\.x", on line 7\)/);
  });

  it('treats a file\'s own gap markers in a numeric column as missing', () => {
    const values = range(40, (i) => (i % 6 === 0 ? ['unknown', 'n.d.'][i % 2] : String(i % 9)));
    expect(column(build(withColumn(values)).schema, 'x')).toMatchObject({ kind: 'numeric', role: 'feature', invalid: 7 });
  });

  it('says so when a numeric column has too much text in it', () => {
    const values = range(200, (i) => (i % 3 === 0 ? `text ${i}` : String(i * 1.5)));
    const x = column(build(withColumn(values)).schema, 'x');
    expect(x?.role).toBe('ignored');
    expect(english(x?.reason)).toMatch(/^mixes numbers and text \(67 values are not numbers, the first "text 0" on line 2\)/);
  });

  it('reads decimal commas in a semicolon file as numbers', () => {
    const built = build('sepal;petal;class\n5,1;1,4;setosa\n4,9;1,4;setosa\n7,0;4,7;versicolor\n6,4;4,5;versicolor\n');
    expect(column(built.schema, 'sepal')).toMatchObject({ kind: 'numeric', decimalComma: true });
    expect(column(built.schema, 'sepal')?.mean).toBeCloseTo((5.1 + 4.9 + 7.0 + 6.4) / 4 /* no test rows */, 1);
  });

  it('keeps comma-containing cells of a comma file as text', () => {
    const built = build('x,y,class\n"5,1",1,a\n"4,9",2,b\n"5,1",3,a\n"4,9",4,b\n');
    expect(column(built.schema, 'x')?.kind).toBe('categorical');
  });
});

describe('labels', () => {
  const iris = 'a,b,species\n1,5,setosa\n2,6,versicolor\n3,7,setosa\n4,8,virginica\n5,9,versicolor\n6,1,virginica\n';

  it('defaults to the last column and sorts the classes', () => {
    const built = build(iris);
    expect(built.data.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(built.schema.columns[2].role).toBe('label');
  });

  it('uses a chosen label column; the old label becomes a categorical feature', () => {
    const built = build('k,x,y\na,1,p\nb,2,q\na,3,p\nb,4,q\n', { labelColumn: 'k' });
    expect(built.data.classNames).toEqual(['a', 'b']);
    expect(column(built.schema, 'y')).toMatchObject({ role: 'feature', kind: 'categorical' });
  });

  it('treats numeric labels with few values as classes in numeric order, 1 and 1.0 alike', () => {
    const built = build('x,y\n1,10\n2,2\n3,1.0\n4,10\n5,1\n6,2\n');
    expect(built.data.classNames).toEqual(['1', '2', '10']);
  });

  it('maps TensorFlow class ids to the names of line 1 (the real iris_training.csv)', () => {
    const text = readFileSync(new URL('../../public/data/iris_training.csv', import.meta.url), 'utf8');
    const built = build(text);
    expect(built.data.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(built.data.featureNames).toEqual(['column 1', 'column 2', 'column 3', 'column 4']);
    expect(built.data.train.rows + built.data.test.rows).toBe(120);
    // First data row is 6.4,2.8,5.6,2.2,2 -> virginica (class id 2), and it stays first in file order.
    expect(built.preview.firstRows[0]).toEqual(['6.4', '2.8', '5.6', '2.2', '2']);
  });

  it.each<[string, string, DatasetOptions, RegExp]>([
    ['an unknown label column', iris, { labelColumn: 'kind' }, /data\.csv has no column "kind" to use as the label\. Its columns are: a, b, species/],
    ['a label with one class', 'x,y\n1,a\n2,a\n3,a\n', { labelColumn: 'y' }, /label column "y" of data\.csv has only one class \("a"\)/],
    ['a label with no values', 'x,y,z\n1,2,\n3,4,NA\n', { labelColumn: 'z' }, /label column "z" of data\.csv has no values/],
    // Classes asked for: the page's task switch set to classification (a regression otherwise: regression-data.test.ts).
    ['a numeric quantity as classes', `x,y\n${range(40, (i) => `${i % 5},${i * 1.5}`).join('\n')}`, { labelColumn: 'y', task: 'classification' }, /label column "y" .* has 40 different numbers: it looks like a quantity/],
    ['no usable feature', 'id,note,label\n1,x,a\n2,y,b\n3,z,a\n4,w,b\n', { excluded: ['note'] }, /no usable feature column besides the label "label": "id" \(a row number.*\), "note" \(excluded by you\)/],
    ['a test fraction out of range', iris, { testFraction: 1.5 }, /test fraction must be between 0 and 0\.9/],
    ['a TensorFlow class id without a name', '2,1,a,b\n1,0\n2,5\n', {}, /data\.csv, line 3: the class id "5" is not one of the 2 classes/],
  ])('refuses %s', (_, text, options, expected) => {
    expect(reason(text, options)).toMatch(expected);
  });
});

describe('missing values', () => {
  const text = 'num,cat,label\n1,red,a\nNA,blue,b\n3,,a\n5,red,\n?,n/a,b\n7,blue,a\n';

  it('drops rows without a label, counts gaps per column, fills numbers with the mean', () => {
    const built = build(text, { testFraction: 0 });
    expect(built.preview.droppedNoLabel).toBe(1);
    expect(built.preview.fileRows).toBe(6);
    expect(built.data.train.rows).toBe(5);
    expect(column(built.schema, 'num')).toMatchObject({ missing: 2, mean: (1 + 3 + 7) / 3 });
    expect(column(built.schema, 'cat')).toMatchObject({ missing: 2, vocabulary: ['blue', 'red'], missingSlot: true });
    expect(built.data.featureNames).toEqual(['num', 'cat=blue', 'cat=red', 'cat=(missing)']);
    // Row "NA,blue,b": mean -> 0; row "3,,a": the (missing) slot.
    const f = built.data.featureNames.length;
    const row = (r: number) => Array.from(built.data.train.features.subarray(r * f, (r + 1) * f));
    expect(row(1)).toEqual([0, 1, 0, 0]);
    expect(row(2).slice(1)).toEqual([0, 0, 1]);
    expect(built.preview.warnings.map(english).join(' ')).toMatch(/Dropped 1 rows of data\.csv without a label/);
  });
});

describe('train/test split', () => {
  const rows = range(100, (i) => `${i % 10},${(i * 3) % 7},${i < 80 ? 'big' : 'small'}`);
  const text = `x,y,class\n${rows.join('\n')}\n`;

  it('holds out 20% by default, stratified by class', () => {
    const built = build(text);
    expect(built.data.test.rows).toBe(20);
    expect(built.preview.classBalance).toEqual([
      { className: 'big', train: 64, test: 16 },
      { className: 'small', train: 16, test: 4 },
    ]);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const a = build(text, { seed: 7 }).data.test.features;
    expect(build(text, { seed: 7 }).data.test.features).toEqual(a);
    expect(build(text, { seed: 8 }).data.test.features).not.toEqual(a);
  });

  it('takes an adjustable fraction and keeps at least one row per class for training', () => {
    expect(build(text, { testFraction: 0.5 }).data.test.rows).toBe(50);
    const tiny = build('x,c\n1,a\n2,b\n3,b\n', { testFraction: 0.9 });
    expect(tiny.preview.classBalance).toEqual([
      { className: 'a', train: 1, test: 0 },
      { className: 'b', train: 1, test: 1 },
    ]);
  });

  it('standardises with the training split only', () => {
    const built = build('x,c\n0,a\n10,b\n0,a\n10,b\n1000,a\n', { testFraction: 0 }, 'c,x\na,1000\nb,0\n');
    const x = column(built.schema, 'x');
    expect(x?.mean).toBeCloseTo(204);
    expect(built.data.test.rows).toBe(2);
    expect(built.data.test.features[0]).toBeCloseTo((1000 - 204) / (x?.std ?? 1), 4);
  });
});

describe('a second file as the test set', () => {
  const train = 'x,colour,class\n1,red,a\n2,blue,b\n3,red,a\n4,blue,b\n';

  it('matches columns by name in any order', () => {
    const built = build(train, {}, 'class,colour,x\nb,blue,9\na,green,1\n');
    expect(built.preview.testSource).toBe('file');
    expect(built.data.test.rows).toBe(2);
    expect(Array.from(built.data.test.labels)).toEqual([1, 0]);
    // "green" was never seen in training: all zeros in the one-hot slots.
    const f = built.data.featureNames.length;
    expect(Array.from(built.data.test.features.subarray(f + 1, 2 * f))).toEqual([0, 0]);
  });

  it.each<[string, string, RegExp]>([
    ['missing and extra columns', 'x,shade,class\n1,red,a\n', /test\.csv does not have the columns of data\.csv: missing "colour"; extra "shade"/],
    ['a class never seen in training', 'x,colour,class\n1,red,a\n2,red,c\n3,blue,c\n', /test\.csv, line 3: the class "c" never occurs in data\.csv.*lines 3, 4/],
  ])('refuses %s', (_, testText, expected) => {
    expect(reason(train, {}, testText)).toMatch(expected);
  });
});

describe('the schema encodes new rows like the training rows', () => {
  it('standardises numbers and one-hot encodes categories; unknown -> zeros', () => {
    const { schema } = build('__proto__,constructor,class\n1,x,a\n3,y,b\n1,x,a\n3,y,b\n', { testFraction: 0 });
    expect(schema.featureNames).toEqual(['__proto__', 'constructor=x', 'constructor=y']);
    expect(column(schema, '__proto__')).toMatchObject({ mean: 2, std: 1 });
    expect(Array.from(encodeRow(schema, ['3', 'y', null]))).toEqual([1, 0, 1]);
    expect(Array.from(encodeRow(schema, [0, 'z', 'anything']))).toEqual([-2, 0, 0]);
    expect(Array.from(encodeRow(schema, [null, null, null]))).toEqual([0, 0, 0]);
    // The schema is plain data: it survives JSON.
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('stores std 1 for a column constant in the training split, and ignores a column constant in the file', () => {
    expect(fitNumeric(Float64Array.from([5, 5, 7]), Int32Array.from([0, 1]))).toEqual({ mean: 5, std: 1 });
    const { schema } = build('x,y,c\n5,1,a\n5,2,b\n', { testFraction: 0 }, 'x,y,c\n6,1,a\n');
    expect(column(schema, 'x')).toMatchObject({ role: 'ignored', ignoreCause: 'constant' });
    expect(english(column(schema, 'x')?.reason)).toBe('every value is 5');
  });
});

describe('loadCsv', () => {
  it('reads a Korean semicolon file with decimal commas end to end', () => {
    const text = '꽃잎 길이;꽃잎 너비;품종\n1,4;0,2;부채붓꽃\n4,7;1,4;setosa\n1,3;0,2;부채붓꽃\n4,5;1,5;setosa\n1,5;0,1;부채붓꽃\n';
    const loaded = loadCsv(utf8(text), '붓꽃.csv', { testFraction: 0.4, seed: 3 });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.data.classNames).toEqual(['setosa', '부채붓꽃']);
    expect(loaded.value.data.featureNames).toEqual(['꽃잎 길이', '꽃잎 너비']);
    expect(loaded.value.preview.delimiter).toBe(';');
    expect(column(loaded.value.schema, '꽃잎 길이')?.mean).toBeGreaterThan(1);
  });

  it('names the test file in its errors', () => {
    const loaded = loadCsv(utf8('x,c\n1,a\n2,b\n'), 'train.csv', {}, { bytes: new Uint8Array(), fileName: 'held-out.csv' });
    expect(!loaded.ok && english(loaded.reason)).toMatch(/^held-out\.csv is empty/);
  });
});

describe('the default label column', () => {
  it.each([
    ['the last column when it holds classes', 'a,b,kind\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n', 'kind'],
    ['a number to predict when the file ends with a measurement (as Weka reads a file)', `kind,w,mass\n${Array.from({ length: 40 }, (_, i) => `${'xy'[i % 2]},${i % 3},${100 + i * 1.5}`).join('\n')}\n`, 'mass'],
  ])('is %s', (_, text, label) => {
    const table = readTable(new TextEncoder().encode(text), 'f.csv');
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    const built = buildDataset(table.value);
    expect(built.ok && built.value.schema.columns[built.value.schema.labelIndex].name).toBe(label);
  });
});

describe('validation split', () => {
  const rows = range(100, (i) => `${i % 10},${(i * 3) % 7},${i < 80 ? 'big' : 'small'}`);
  const text = `x,y,class\n${rows.join('\n')}\n`;

  it('is carved from the training rows, stratified, never from the test rows', () => {
    const plain = build(text);
    const built = build(text, { validationFraction: 0.2 });
    // The test split is the same rows of the file with or without validation.
    expect(built.testOrigin.rows).toEqual(plain.testOrigin.rows);
    expect(built.data.validation?.rows).toBe(16);
    expect(built.data.train.rows).toBe(64);
    expect(built.preview.validationRows).toBe(16);
    expect(built.preview.classBalance).toEqual([
      { className: 'big', train: 51, test: 16, validation: 13 },
      { className: 'small', train: 13, test: 4, validation: 3 },
    ]);
  });

  it('is seeded, and refuses a fraction above a half', () => {
    const a = build(text, { validationFraction: 0.25, seed: 3 }).data.validation?.features;
    expect(build(text, { validationFraction: 0.25, seed: 3 }).data.validation?.features).toEqual(a);
    expect(reason(text, { validationFraction: 0.8 })).toMatch(/validation fraction must be between 0 and 0.5/);
  });
});
