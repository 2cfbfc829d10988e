import type { ParseResult } from '../../src/shared/result';
import { describe, expect, it } from 'vitest';
import { boundaryMap, CHOOSE_AXIS, checkAxes, mapPoints, paddedRange, separatingAxes, type BoundarySource, type PredictProbabilities } from '../../src/ml/analysis/boundary';
import { loadCsv } from '../../src/ml/csv';
import { encodeInputs } from '../../src/ml/csv/predict';
import { numericInputs, type ClassificationData } from '../../src/ml/datasets/data';
import { csvView, numericView, pixelView } from '../../src/ml/analysis/inputView';
import { FLOWERS } from './analysisFixtures';
import { loadIris } from './helpers';
import { reasonError } from '../../src/shared/result';
import { english } from './words';

/** Three raw numeric features a, b, c; labels alternate. */
function numbers(rows: number[][], testRows: number[][] = []): ClassificationData {
  const split = (r: number[][]) => ({ features: Float32Array.from(r.flat()), labels: Int32Array.from(r, (_, i) => i % 2), rows: r.length });
  return { name: 'n', featureNames: ['a', 'b', 'c'], classNames: ['no', 'yes'], train: split(rows), test: split(testRows) };
}

function numericSource(data: ClassificationData): BoundarySource {
  return {
    view: numericView(data),
    encode: (values) => numericInputs(data.featureNames, values),
    featureCount: data.featureNames.length,
    classCount: data.classNames.length,
    trainLabels: data.train.labels,
    testLabels: data.test.labels,
    globalStep: 7,
  };
}

/** A hand-made model: class 1 ("yes") where feature x > feature y, with probability 0.9. */
const xAboveY =
  (x: number, y: number, width: number): PredictProbabilities =>
  async (features, rows) => {
    const out = new Float32Array(rows * 2);
    for (let r = 0; r < rows; r++) {
      const yes = features[r * width + x] > features[r * width + y];
      out[r * 2] = yes ? 0.1 : 0.9;
      out[r * 2 + 1] = yes ? 0.9 : 0.1;
    }
    return out;
  };

const expectOk = <T,>(r: ParseResult<T>): T => {
  if (!r.ok) throw reasonError(r.reason);
  return r.value;
};

describe('the decision-boundary map', () => {
  const data = numbers([
    [0, 0, 1],
    [10, 20, 3],
    [5, 10, 5],
    [2, 4, 7],
  ]);

  it('predicts every cell of the grid in the inputs’ own units, row 0 at the top', async () => {
    const map = expectOk(await boundaryMap(numericSource(data), 0, 1, 10, xAboveY(0, 1, 3)));
    expect(map).toMatchObject({ globalStep: 7, x: 0, y: 1, resolution: 10 });
    expect(map.xRange).toEqual([-0.5, 10.5]);
    expect(map.yRange).toEqual([-1, 21]);
    for (let row = 0; row < 10; row++) {
      const yc = 21 - ((row + 0.5) * 22) / 10;
      for (let col = 0; col < 10; col++) {
        const xc = -0.5 + ((col + 0.5) * 11) / 10;
        expect(map.classes[row * 10 + col], `cell ${row},${col}`).toBe(xc > yc ? 1 : 0);
        expect(map.confidence[row * 10 + col]).toBeCloseTo(0.9);
      }
    }
    // The top-left corner (small x, large y) is "no", the bottom-right "yes".
    expect(map.classes[0]).toBe(0);
    expect(map.classes[99]).toBe(1);
  });

  it('holds the other inputs at their training mean and names them for the caption', async () => {
    const seen: number[] = [];
    const predict: PredictProbabilities = async (features, rows) => {
      for (let r = 0; r < rows; r++) seen.push(features[r * 3 + 2]);
      return new Float32Array(rows * 2).fill(0.5);
    };
    const map = expectOk(await boundaryMap(numericSource(data), 0, 1, 4, predict));
    expect(new Set(seen)).toEqual(new Set([4])); // mean of 1, 3, 5, 7
    expect(map.held).toEqual([{ name: 'c', value: '4' }]);
  });

  it.each([
    [[0, 10], [-0.5, 10.5]],
    [[-2, 2, 0], [-2.2, 2.2]],
    [[3, 3], [2.5, 3.5]],
    [[100, 100], [95, 105]],
    [[NaN, 1, 2], [0.95, 2.05]],
    [[], [-1, 1]],
  ])('pads the training range of %j to %j', (values, expected) => {
    const [lo, hi] = paddedRange(Float64Array.from(values));
    expect(lo).toBeCloseTo(expected[0]);
    expect(hi).toBeCloseTo(expected[1]);
  });

  it('caps the rows drawn, sampling evenly through training then test rows', () => {
    const train = Array.from({ length: 4000 }, (_, i) => [i, i, 0]);
    const test = Array.from({ length: 1000 }, (_, i) => [-i, -i, 0]);
    const points = mapPoints(numericSource(numbers(train, test)), 0, 1, 2000);
    expect(points.total).toBe(5000);
    expect(points.shown).toBe(2000);
    expect(points.x).toHaveLength(2000);
    const tests = points.test.reduce((a, b) => a + b, 0);
    expect(tests).toBe(400); // a fifth of the rows are test rows, so a fifth of those shown
    // Every 2.5th row: 0, 2, 5, 7, ...
    expect(points.x[1]).toBe(2);
    expect(points.x[2]).toBe(5);
    const small = mapPoints(numericSource(data), 0, 1);
    expect(small).toMatchObject({ shown: 4, total: 4 });
    expect(Array.from(small.labels)).toEqual([0, 1, 0, 1]);
  });

  it.each([
    ['a categorical axis', 2, 0, /"colour" is categorical/],
    ['the same input twice', 0, 0, /two different inputs/],
    ['an input that does not exist', 0, 9, /no input 9/],
  ])('refuses %s with a reason', async (_, x, y, reason) => {
    const csv = expectOk(loadCsv(new TextEncoder().encode(FLOWERS), 'flowers.csv'));
    const view = csvView(csv, null);
    const result = checkAxes(view, x, y);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toMatch(reason);
  });

  it('refuses MNIST (pixels, not inputs) and data sets with one numeric input', () => {
    const mnist = checkAxes(pixelView(), 0, 1);
    expect(!mnist.ok && english(mnist.reason)).toMatch(/MNIST/);
    const one = checkAxes({ ...pixelView(), inputs: [{ name: 'a', kind: 'numeric' }, { name: 'b', kind: 'categorical' }] }, 0, 1);
    expect(!one.ok && english(one.reason)).toMatch(/two numeric inputs; this data set has 1/);
  });

  it('encodes a CSV’s grid as typed rows: standardised numbers, the most frequent category one-hot', async () => {
    const csv = expectOk(loadCsv(new TextEncoder().encode(FLOWERS), 'flowers.csv'));
    const dataset = { encodeInput: (values: string[]) => encodeInputs(csv.schema, values) };
    const { schema } = csv;
    const petal = schema.columns[0];
    const sepal = schema.columns[1];
    const view = csvView(csv, null);
    expect(view.typical[2]).toBe('red'); // 40 red, 20 blue
    const rows: Float32Array[] = [];
    const predict: PredictProbabilities = async (features, n) => {
      for (let r = 0; r < n; r++) rows.push(features.slice(r * 4, r * 4 + 4));
      return new Float32Array(n * 3).fill(1 / 3);
    };
    const source: BoundarySource = {
      view,
      encode: dataset.encodeInput,
      featureCount: 4,
      classCount: 3,
      trainLabels: csv.data.train.labels,
      testLabels: csv.data.test.labels,
      globalStep: 0,
    };
    const map = expectOk(await boundaryMap(source, 0, 1, 3, predict));
    expect(schema.featureNames).toEqual(['petal', 'sepal', 'colour=red', 'colour=blue']);
    // Bottom-left cell: the smallest x, the smallest y, in raw units, then standardised.
    const cell = rows[2 * 3];
    const xc = map.xRange[0] + (0.5 * (map.xRange[1] - map.xRange[0])) / 3;
    const yc = map.yRange[0] + (0.5 * (map.yRange[1] - map.yRange[0])) / 3;
    expect(cell[0]).toBeCloseTo((xc - petal.mean) / petal.std, 5);
    expect(cell[1]).toBeCloseTo((yc - sepal.mean) / sepal.std, 5);
    expect(Array.from(cell.slice(2))).toEqual([1, 0]);
    // The range is the training rows' raw range, padded 5%: the numbers decode to the file's.
    const raw = Array.from(view.numbers('train', 0) ?? []);
    const inFile = new Set(FLOWERS.split('\n').slice(1).map((line) => Number(line.split(',')[0])));
    for (const v of raw) expect(inFile.has(Number(v.toFixed(6)))).toBe(true);
    const span = Math.max(...raw) - Math.min(...raw);
    expect(map.xRange[0]).toBeCloseTo(Math.min(...raw) - 0.05 * span, 6);
    expect(map.xRange[1]).toBeCloseTo(Math.max(...raw) + 0.05 * span, 6);
    expect(map.held).toEqual([{ name: 'colour', value: 'red' }]);
  });
});

describe('the axes the map starts with', () => {
  it('Iris: petal length and petal width, the inputs that separate the species', () => {
    const iris = loadIris();
    expect(separatingAxes(numericView(iris), iris.train.labels, 3)).toEqual([2, 3]);
  });

  it('picks the two inputs whose class means lie furthest apart for their spread; order kept', () => {
    // a: noise; b: separates perfectly; c: constant; d: separates, with overlap.
    const rows = Array.from({ length: 40 }, (_, i) => {
      const label = i % 2;
      return [((i * 7) % 11) / 11, label * 10 + (i % 3), 5, label * 2 + (i % 5)];
    });
    const data: ClassificationData = {
      name: 'axes',
      featureNames: ['a', 'b', 'c', 'd'],
      classNames: ['no', 'yes'],
      train: { features: Float32Array.from(rows.flat()), labels: Int32Array.from(rows, (_, i) => i % 2), rows: rows.length },
      test: { features: new Float32Array(0), labels: new Int32Array(0), rows: 0 },
    };
    expect(separatingAxes(numericView(data), data.train.labels, 2)).toEqual([1, 3]);
  });

  it('boundaryMap takes them when asked with CHOOSE_AXIS, and says which it took', async () => {
    const iris = loadIris();
    const source = numericSource(iris);
    const map = expectOk(await boundaryMap(source, CHOOSE_AXIS, CHOOSE_AXIS, 4, async (_, rows) => new Float32Array(rows * 3).fill(1 / 3)));
    expect([map.x, map.y]).toEqual([2, 3]);
  });

  it('needs two numeric inputs', () => {
    expect(separatingAxes(pixelView(), [], 10)).toBeNull();
  });
});
