import { rejection } from './words';
import type { ParseResult } from '../../src/shared/result';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadCsv } from '../../src/ml/csv';
import { confusionRows, kernelCount, networkPicture } from '../../src/ml/analysis/inspect';
import { csvTestSource, csvView, numericView } from '../../src/ml/analysis/inputView';
import { Persistence } from '../../src/ml/app/persistence';
import { Workspace } from '../../src/ml/app/workspace';
import type { WorkerEvent } from '../../src/shared/protocol';
import { FLOWERS } from './analysisFixtures';
import { collectingHooks, IRIS_CONFIG, loadIris } from './helpers';
import { reasonError } from '../../src/shared/result';

const fetchBytes = async (path: string) => new Uint8Array(readFileSync(new URL(`../../public/${path}`, import.meta.url)));

async function makeWorkspace() {
  const events: WorkerEvent[] = [];
  const ws = new Workspace({ ...collectingHooks(events), fetchBytes }, 'auto', await Persistence.open(undefined));
  return ws;
}

const file = (text: string, name: string) => new File([text], name);

const expectOk = <T,>(r: ParseResult<T>): T => {
  if (!r.ok) throw reasonError(r.reason);
  return r.value;
};

describe('the rows behind a confusion-matrix cell', () => {
  const iris = loadIris();
  // Test rows 0..5 (labels from the file): read as the rows' own class except rows 1 and 4.
  const labels = Array.from(iris.test.labels.slice(0, 30));
  const predictions = labels.map((l, r) => (r === 1 || r === 4 ? (l + 1) % 3 : l));
  const results = { globalStep: 300, rows: { losses: new Float32Array(30), predictions } };
  const fakeProbabilities = async (_features: Float32Array, rows: number) => {
    // P(class c) = c-th of (0.2, 0.3, 0.5) for every row, so the listed probability is checkable.
    const out = new Float32Array(rows * 3);
    for (let r = 0; r < rows; r++) out.set([0.2, 0.3, 0.5], r * 3);
    return out;
  };

  it('lists the rows of an off-diagonal cell: 1-based index, the four numbers, the probability', async () => {
    const actual = labels[1];
    const predicted = (actual + 1) % 3;
    const cell = expectOk(await confusionRows(numericView(iris), iris.test, results, { actual, predicted, limit: 10 }, 3, fakeProbabilities));
    const expected = [1, 4].filter((r) => labels[r] === actual && predictions[r] === predicted);
    expect(cell).toMatchObject({ globalStep: 300, actual, predicted, total: expected.length, columns: iris.featureNames });
    expect(cell.rows.map((r) => r.index)).toEqual(expected.map((r) => r + 1));
    expect(cell.rows[0].cells).toEqual(Array.from(iris.test.features.slice(4, 8), (v) => String(Number(v.toPrecision(7)))));
    expect(cell.rows[0].probability).toBeCloseTo([0.2, 0.3, 0.5][predicted]);
    expect(cell.digits).toBeUndefined();
  });

  it('counts every row of a diagonal cell but lists at most `limit`', async () => {
    const actual = labels[0];
    const total = labels.filter((l, r) => l === actual && predictions[r] === actual).length;
    const cell = expectOk(await confusionRows(numericView(iris), iris.test, results, { actual, predicted: actual, limit: 2 }, 3, fakeProbabilities));
    expect(cell.total).toBe(total);
    expect(cell.rows).toHaveLength(2);
    const empty = expectOk(await confusionRows(numericView(iris), iris.test, { ...results, rows: { ...results.rows, predictions: labels } }, { actual: 0, predicted: 1, limit: 5 }, 3, fakeProbabilities));
    expect(empty).toMatchObject({ total: 0, rows: [] });
  });

  it('refuses a class that does not exist', async () => {
    const bad = await confusionRows(numericView(iris), iris.test, results, { actual: 3, predicted: 0, limit: 5 }, 3, fakeProbabilities);
    expect(bad.ok).toBe(false);
  });

  it.each([
    ['a stratified split', undefined, 0.2],
    ['a stratified split of another fraction', undefined, 0.4],
    ['a separate test file', 'test', undefined],
  ])('finds a CSV’s test rows in the file: %s', (_, test, testFraction) => {
    const testText = ['species,colour,sepal,petal', 'a,red,3.0,1.00', 'c,red,3.2,5.40', 'b,blue,3.40,3.1'].join('\n');
    const csv = expectOk(
      loadCsv(new TextEncoder().encode(FLOWERS), 'flowers.csv', { testFraction }, test ? { bytes: new TextEncoder().encode(testText), fileName: 'flowers_test.csv' } : undefined),
    );
    const source = csvTestSource(csv);
    expect(source).not.toBeNull();
    const view = csvView(csv, source);
    expect(view.columns).toEqual(['petal', 'sepal', 'colour']);
    for (let r = 0; r < csv.data.test.rows; r++) {
      const cells = view.testCells(r);
      // The file's own text ("1.00", not "1"), in the schema's column order.
      expect(cells[0]).toMatch(/^\d\.\d\d?$/);
      expect(Number(cells[0])).toBeCloseTo(csv.data.test.features[r * 4] * csv.schema.columns[0].std + csv.schema.columns[0].mean, 4);
    }
    if (test) expect(view.testCells(2)).toEqual(['3.1', '3.40', 'blue']);
  });

  it('decodes the features when the file rows are not at hand', () => {
    const csv = expectOk(loadCsv(new TextEncoder().encode(FLOWERS), 'flowers.csv', { testFraction: 0.33 }));
    const decoded = csvView(csv, null).testCells(0);
    expect(decoded).toHaveLength(3);
    expect(['red', 'blue']).toContain(decoded[2]);
    expect(Number(decoded[0])).toBeCloseTo(csv.data.test.features[0] * csv.schema.columns[0].std + csv.schema.columns[0].mean, 4);
  });
});

describe('the network picture', () => {
  it('sends the kernels of a small network, row-major [in, out], and only the shape of a large one', () => {
    const kernels = [new Float32Array(4 * 2).map((_, i) => i), new Float32Array(2 * 3)];
    const small = networkPicture([4, 2, 3], ['a', 'b', 'c', 'd'], ['x', 'y', 'z'], 'tanh', kernels, 5);
    expect(small).toMatchObject({ widths: [4, 2, 3], activation: 'tanh', globalStep: 5 });
    expect(small.kernels?.[0][1 * 2 + 0]).toBe(2);
    expect(kernelCount([784, 128, 32, 10])).toBe(784 * 128 + 128 * 32 + 320);
    expect(networkPicture([784, 128, 32, 10], [], [], 'relu', [new Float32Array(784 * 128), new Float32Array(128 * 32), new Float32Array(320)], 0).kernels).toBeNull();
    // Kernels that do not fit the widths are not sent either.
    expect(networkPicture([4, 2, 3], [], [], 'relu', [new Float32Array(3)], 0).kernels).toBeNull();
  });
});

describe('the workspace’s analysis views', () => {
  it('Iris: the map, a cell’s rows and the network, from the model, leaving no tensor behind', async () => {
    const ws = await makeWorkspace();
    await ws.loadPreset('iris', IRIS_CONFIG);
    expect(await rejection(ws.confusionRows(0, 0, 10))).toMatch(/not been evaluated/);
    await ws.train(1, 300, 100);
    const before = tf.memory().numTensors;

    const map = await ws.boundary(2, 3, 30);
    expect(map).toMatchObject({ globalStep: 300, x: 2, y: 3, resolution: 30 });
    expect(map.classes).toHaveLength(900);
    expect(map.held.map((h) => h.name)).toEqual(['sepal length', 'sepal width']);
    expect(map.points).toMatchObject({ shown: 150, total: 150 });
    // Small petals are setosa (class 0), large ones virginica (class 2): the bottom-left
    // and top-right corners of a petal length x petal width map.
    expect(map.classes[29 * 30]).toBe(0);
    expect(map.classes[29]).toBe(2);
    // The map agrees with the form: the top-right cell's centre typed as a row.
    const centre = (r: [number, number], k: number) => r[0] + ((k + 0.5) * (r[1] - r[0])) / 30;
    const held = map.held.map((h) => h.value);
    const typed = await ws.predict([held[0], held[1], String(centre(map.xRange, 29)), String(centre(map.yRange, 29))]);
    expect(typed.classId).toBe(map.classes[29]);

    const test = ws.current.testResults;
    expect(test?.globalStep).toBe(300);
    const cell = await ws.confusionRows(1, 1, 100);
    const count = Array.from(ws.current.data.test.labels).filter((l, r) => l === 1 && test?.rows.predictions[r] === 1).length;
    expect(cell.total).toBe(count);
    expect(cell.rows).toHaveLength(count);
    for (const row of cell.rows) {
      const p = await ws.predict(row.cells);
      expect(p.classId).toBe(1);
      expect(row.probability).toBeCloseTo(p.probabilities[1], 5);
    }

    const network = await ws.network();
    expect(network.widths).toEqual([4, 10, 20, 10, 3]);
    expect(network.kernels?.map((k) => k.length)).toEqual([40, 200, 200, 30]);
    const kernel = (await ws.current.weights())[0];
    expect(Array.from(network.kernels?.[0] ?? [])).toEqual(Array.from(kernel));

    expect(tf.memory().numTensors).toBe(before);
    ws.current.dispose();
  });

  it('a CSV: the map refuses a categorical axis, the cell rows carry the file’s own cells', async () => {
    const ws = await makeWorkspace();
    await ws.loadCsv(file(FLOWERS, 'flowers.csv'), undefined, { testFraction: 0.25 }, IRIS_CONFIG);
    await ws.train(1, 200, 100);
    expect(await rejection(ws.boundary(0, 2, 20))).toMatch(/"colour" is categorical/);
    const map = await ws.boundary(0, 1, 20);
    expect(map.held).toEqual([{ name: 'colour', value: 'red' }]);
    const predictions = ws.current.testResults?.rows.predictions ?? [];
    const labels = ws.current.data.test.labels;
    const cell = await ws.confusionRows(labels[0], predictions[0], 50);
    expect(cell.columns).toEqual(['petal', 'sepal', 'colour']);
    // toFixed(2) in the file: "1.00", "3.20"; the original text, not a re-printed number.
    expect(cell.rows[0].cells[0]).toMatch(/^\d\.\d\d$/);
    ws.current.dispose();
  });
});
