import { describe, expect, it } from 'vitest';
import { isTensorFlowHeader, parseTensorFlowCsv } from '../../src/ml/datasets/tfCsv';
import { irisFromCsv } from '../../src/ml/datasets/iris';
import { readData } from './helpers';
import { english } from './words';

describe('the TensorFlow CSV header format', () => {
  it('reads iris_training.csv: 120 rows, 4 features, 3 named classes', () => {
    const result = parseTensorFlowCsv(readData('iris_training.csv'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rows).toBe(120);
    expect(result.value.featureCount).toBe(4);
    expect(result.value.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    // First data row: 6.4,2.8,5.6,2.2,2
    expect(Array.from(result.value.features.subarray(0, 4))).toEqual([6.4, 2.8, 5.6, 2.2].map(Math.fround));
    expect(result.value.labels[0]).toBe(2);
  });

  it('builds the Iris data set with the tutorial feature names and both splits', () => {
    const result = irisFromCsv(readData('iris_training.csv'), readData('iris_test.csv'));
    expect(result.ok && result.value.test.rows).toBe(30);
    expect(result.ok && result.value.featureNames).toEqual(['sepal length', 'sepal width', 'petal length', 'petal width']);
  });

  it.each([
    ['120,4,setosa,versicolor,virginica', true],
    ['2,1', true],
    ['sepal,width,class', false],
    ['a,4,x', false],
    ['5', false],
  ])('recognises %j as a TensorFlow header: %s', (line, expected) => {
    expect(isTensorFlowHeader(line)).toBe(expected);
  });

  it.each([
    ['', /empty/],
    ['a,b,c\n1,2,0', /line 1 should be/],
    ['2,2,a,b\n1,2,0', /declares 2 rows but the file has 1/],
    ['1,2,a,b\n1,2', /line 2: expected 3 values, found 2/],
    ['1,2,a,b\n1,x,0', /line 2, column 2: "x" is not a number/],
    ['1,2,a,b\n1,2,1.5', /line 2: the class "1.5" is not a class id/],
    ['1,2,a,b\n1,2,5', /class id 5 has no name/],
  ])('rejects %j with a reason naming the line', (text, reason) => {
    const result = parseTensorFlowCsv(text, 'f.csv');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toMatch(reason);
  });

  it('accepts a BOM, CRLF line ends and a trailing blank line', () => {
    const result = parseTensorFlowCsv('\uFEFF1,2,a,b\r\n1,2,1\r\n\r\n');
    expect(result.ok && result.value.labels[0]).toBe(1);
  });
});
