import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../src/ml/csv/index';
import { encodeInputs, encodeTableForPrediction, featureInputs } from '../../src/ml/csv/predict';
import { readTable } from '../../src/ml/csv/readTable';
import type { CsvSchema } from '../../src/ml/csv/types';
import { reasonError } from '../../src/shared/result';
import { english } from './words';

const utf8 = (text: string) => new TextEncoder().encode(text);

function schemaOf(text: string): CsvSchema {
  const loaded = loadCsv(utf8(text), 'train.csv', { testFraction: 0 });
  if (!loaded.ok) throw reasonError(loaded.reason);
  return loaded.value.schema;
}

const train = 'id,size,colour,kind\n1,1,red,a\n2,3,blue,b\n3,1,red,a\n4,3,,b\n5,1,red,a\n6,3,blue,b\n7,1,red,a\n8,3,blue,b\n9,1,red,a\n10,3,blue,b\n';

describe('encoding rows to classify', () => {
  it('lists the feature columns a person fills in, with the categories to choose from', () => {
    expect(featureInputs(schemaOf(train))).toEqual([
      { name: 'size', kind: 'numeric' },
      { name: 'colour', kind: 'categorical', options: ['red', 'blue'] },
    ]);
  });

  it.each<[string[], number[] | RegExp]>([
    [['3', 'blue'], [1, 0, 1, 0]],
    [['1', 'red'], [-1, 1, 0, 0]],
    [['', 'NA'], [0, 0, 0, 1]],
    [['2', 'green'], [0, 0, 0, 0]],
    [['big', 'red'], /Enter a number for "size"/],
    [['1'], /Expected 2 values \(size, colour\), got 1/],
  ])('encodes the typed values %j', (values, expected) => {
    const encoded = encodeInputs(schemaOf(train), values);
    if (expected instanceof RegExp) expect(!encoded.ok && english(encoded.reason)).toMatch(expected);
    else expect(encoded.ok && Array.from(encoded.value)).toEqual(expected);
  });

  it('encodes a file of rows by column name, with the labels when the file has them', () => {
    const schema = schemaOf(train);
    const file = readTable(utf8('colour,kind,size\nblue,b,3\nred,zzz,1\n'), 'new.csv');
    if (!file.ok) throw reasonError(file.reason);
    const encoded = encodeTableForPrediction(schema, file.value);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.value.rows).toBe(2);
    expect(Array.from(encoded.value.features)).toEqual([1, 0, 1, 0, -1, 1, 0, 0]);
    expect(Array.from(encoded.value.labels ?? [])).toEqual([1, -1]);
  });

  it('names the feature columns a file to classify lacks', () => {
    const file = readTable(utf8('size,shade\n1,red\n3,blue\n'), 'new.csv');
    if (!file.ok) throw reasonError(file.reason);
    const encoded = encodeTableForPrediction(schemaOf(train), file.value);
    expect(!encoded.ok && english(encoded.reason)).toMatch(/new\.csv lacks the feature columns "colour"/);
  });

  it('loads the tutorial files as training and test set (TensorFlow format, class ids named on line 1)', () => {
    const read = (name: string) => new Uint8Array(readFileSync(new URL(`../../public/data/${name}`, import.meta.url)));
    const loaded = loadCsv(read('iris_training.csv'), 'iris_training.csv', {}, { bytes: read('iris_test.csv'), fileName: 'iris_test.csv' });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.data.train.rows).toBe(120);
    expect(loaded.value.data.test.rows).toBe(30);
    expect(loaded.value.preview.classBalance.map((c) => c.className)).toEqual(['setosa', 'versicolor', 'virginica']);
    const scored = encodeTableForPrediction(loaded.value.schema, loaded.value.testTable ?? loaded.value.table);
    expect(scored.ok && Array.from(scored.value.labels ?? [])).toEqual(Array.from(loaded.value.data.test.labels));
  });
});
