import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src/ml/workspace';
import type { WorkerEvent } from '../../src/shared/protocol';
import { collectingHooks, IRIS_CONFIG, ofType } from './helpers';

const fetchBytes = async (path: string) => new Uint8Array(readFileSync(new URL(`../../public/${path}`, import.meta.url)));

function makeWorkspace() {
  const events: WorkerEvent[] = [];
  const ws = new Workspace({ ...collectingHooks(events), fetchBytes }, 'auto');
  return { ws, events };
}

const file = (text: string | Uint8Array<ArrayBuffer>, name: string) => new File([text], name);

const FLOWERS = [
  'petal,sepal,colour,species',
  ...Array.from({ length: 60 }, (_, i) => {
    const kind = i % 3;
    const colour = ['red', 'blue', 'red'][kind];
    return `${(1 + kind * 2 + (i % 5) * 0.1).toFixed(1)},${(3 + (i % 4) * 0.2).toFixed(1)},${colour},${['a', 'b', 'c'][kind]}`;
  }),
].join('\n');

describe('the workspace (everything the worker does)', () => {
  it('loads the Iris preset and then a CSV, which replaces it', async () => {
    const { ws, events } = makeWorkspace();
    await ws.loadPreset('iris', IRIS_CONFIG);
    expect(ofType(events, 'dataset')[0].summary).toMatchObject({ source: 'iris', trainRows: 120, testRows: 30 });
    await ws.loadCsv(file(FLOWERS, 'flowers.csv'), undefined, {}, IRIS_CONFIG);
    const summary = ofType(events, 'dataset')[1].summary;
    expect(summary.source).toBe('csv');
    expect(summary.inputs).toEqual([
      { name: 'petal', kind: 'numeric' },
      { name: 'sepal', kind: 'numeric' },
      { name: 'colour', kind: 'categorical', options: expect.arrayContaining(['red', 'blue']) },
    ]);
    expect(summary.trainRows + summary.testRows).toBe(60);
    await ws.train(1, 200, 100);
    const p = await ws.current.predict(['5.1', '3.2', 'red']);
    expect(p.className).toBe('c');
    ws.current.dispose();
  });

  it('keeps the previous data set and model when a file is bad', async () => {
    const { ws, events } = makeWorkspace();
    await ws.loadPreset('iris', IRIS_CONFIG);
    await ws.train(1, 100, 100);
    const png = new Uint8Array<ArrayBuffer>(new ArrayBuffer(12));
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(ws.loadCsv(file(png, 'photo.csv'), undefined, {}, IRIS_CONFIG)).rejects.toThrow(/photo\.csv/);
    await expect(ws.loadCsv(file('', 'empty.csv'), undefined, {}, IRIS_CONFIG)).rejects.toThrow(/empty\.csv/);
    expect(ws.current.dataset.summary.source).toBe('iris');
    expect(ws.current.globalStep).toBe(100);
    expect(ofType(events, 'dataset')).toHaveLength(1);
    ws.current.dispose();
  });

  it('classifies a file of rows, scores it when the label is there, and exports every row', async () => {
    const { ws } = makeWorkspace();
    await ws.loadCsv(file(FLOWERS, 'flowers.csv'), undefined, {}, IRIS_CONFIG);
    await ws.train(1, 300, 100);
    const result = await ws.predictFile(file(FLOWERS, 'new.csv'));
    expect(result.rows).toBe(60);
    expect(result.score?.accuracy).toBeGreaterThan(0.9);
    expect(result.csv.split('\r\n')[0]).toBe('\uFEFFpetal,sepal,colour,species,predicted class,P(a),P(b),P(c)');
    const unlabelled = await ws.predictFile(file('petal,colour,sepal\n1.1,red,3.0\n', 'unlabelled.csv'));
    expect(unlabelled.score).toBeUndefined();
    expect(unlabelled.preview[0][3]).toBe('a');
    await expect(ws.predictFile(file('petal,sepal\n1,2\n', 'short.csv'))).rejects.toThrow(/short\.csv lacks the feature columns "colour"/);
    ws.current.dispose();
  });

  it('loads MNIST with read_data_sets splits and reads a drawn digit', async () => {
    const { ws, events } = makeWorkspace();
    await ws.loadPreset('mnist', { ...IRIS_CONFIG, hiddenUnits: [16], optimizer: 'sgd', learningRate: 0.1, batchSize: 100, initializer: 'truncated-normal', reduction: 'mean' });
    const summary = ofType(events, 'dataset')[0].summary;
    expect(summary).toMatchObject({ source: 'mnist', trainRows: 8000, validationRows: 1000, testRows: 1000 });
    await ws.train(1, 200, 100);
    const evaluations = ofType(events, 'progress').flatMap((e) => e.evaluations);
    expect(evaluations.filter((e) => e.globalStep === 200).map((e) => e.split)).toEqual(['train', 'validation', 'test']);
    const gallery = ofType(events, 'gallery').pop()?.gallery;
    expect(gallery?.confusion.flat().reduce((a, b) => a + b)).toBe(1000);
    const ink = new Float32Array(100 * 100);
    for (let y = 10; y < 90; y++) for (let x = 47; x < 53; x++) ink[y * 100 + x] = 1;
    const { prediction, digit } = await ws.predictDrawing(ink, 100, 100);
    expect(prediction.probabilities).toHaveLength(10);
    expect(digit.length).toBe(784);
    ws.current.dispose();
    expect(tf.memory().numTensors).toBeGreaterThanOrEqual(0);
  });
});
