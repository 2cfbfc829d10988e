import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { Persistence } from '../../src/ml/app/persistence';
import { Workspace } from '../../src/ml/app/workspace';
import type { WorkerEvent } from '../../src/shared/protocol';
import type { DatasetSource } from '../../src/shared/types';
import { collectingHooks, IRIS_CONFIG, ofType } from './helpers';
import { english, rejection } from './words';

const fetchBytes = async (path: string) => new Uint8Array(readFileSync(new URL(`../../public/${path}`, import.meta.url)));

/** A workspace whose "IndexedDB" is fake-indexeddb's, or none. */
async function makeWorkspace(factory?: IDBFactory) {
  const events: WorkerEvent[] = [];
  const persistence = await Persistence.open(factory);
  const ws = new Workspace({ ...collectingHooks(events), fetchBytes }, 'auto', persistence);
  return { ws, events, persistence };
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
    const { ws, events } = await makeWorkspace();
    await ws.loadPreset('iris', IRIS_CONFIG);
    expect(ofType(events, 'dataset')[0].summary).toMatchObject({ source: 'iris', trainRows: 120, testRows: 30 });
    await ws.loadCsv(file(FLOWERS, 'flowers.csv'), undefined, {}, IRIS_CONFIG);
    const summary = ofType(events, 'dataset')[1].summary;
    expect(summary.source).toBe('csv');
    expect(summary.inputs).toEqual([
      // The training rows' range in the file's units, decoded from the standardised features (the form flags a value far outside).
      { name: 'petal', kind: 'numeric', range: expect.objectContaining({ min: expect.closeTo(1, 5), max: expect.closeTo(5.4, 5) }) },
      { name: 'sepal', kind: 'numeric', range: expect.objectContaining({ min: expect.closeTo(3, 5), max: expect.closeTo(3.6, 5) }) },
      { name: 'colour', kind: 'categorical', options: expect.arrayContaining(['red', 'blue']) },
    ]);
    expect(summary.trainRows + summary.testRows).toBe(60);
    // No validation split unless asked for (the page asks for its setting's fraction, 0.2 by default).
    expect(summary.validationRows).toBe(0);
    await ws.configureCsv({ validationFraction: 0.2 }, IRIS_CONFIG);
    const carved = ofType(events, 'dataset')[2].summary;
    expect(carved.trainRows + carved.validationRows + carved.testRows).toBe(60);
    expect(carved.validationRows).toBeGreaterThan(0);
    await ws.train(1, 200, 100);
    const p = await ws.predict(['5.1', '3.2', 'red']);
    expect(p.className).toBe('c');
    ws.current.dispose();
  });

  it('posts the baselines of a data set after its dataset and model events, and only for the one still loaded', async () => {
    const events: WorkerEvent[] = [];
    // The worker's turns are held back until both data sets are loaded.
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const hooks = { ...collectingHooks(events), yieldToEvents: () => gate.then(() => new Promise<void>((resolve) => setImmediate(resolve))) };
    const ws = new Workspace({ ...hooks, fetchBytes }, 'auto', await Persistence.open(undefined));
    await ws.loadPreset('iris', IRIS_CONFIG);
    // Loaded before the baselines are ready: the load does not wait for them.
    expect(ofType(events, 'baselines')).toHaveLength(0);
    // A second load: Iris's computation stops at its next pause, unposted.
    await ws.loadCsv(file(FLOWERS, 'flowers.csv'), undefined, {}, IRIS_CONFIG);
    open();
    for (let i = 0; i < 2000 && ofType(events, 'baselines').length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const posted = ofType(events, 'baselines');
    expect(posted).toHaveLength(1);
    const at = (type: WorkerEvent['type']) => events.findLastIndex((e) => e.type === type);
    expect(at('baselines')).toBeGreaterThan(at('dataset'));
    expect(at('baselines')).toBeGreaterThan(at('model'));
    const b = posted[0].baselines!;
    if (b.task === 'regression') throw new Error('Iris has classes');
    const summary = ofType(events, 'dataset')[1].summary;
    expect(b.testRows).toBe(summary.testRows);
    for (const score of [b.majority.accuracy, b.logistic.accuracy, b.forest.accuracy]) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    ws.current.dispose();
  });

  it('keeps the previous data set and model when a file is bad', async () => {
    const { ws, events } = await makeWorkspace();
    await ws.loadPreset('iris', IRIS_CONFIG);
    await ws.train(1, 100, 100);
    const png = new Uint8Array<ArrayBuffer>(new ArrayBuffer(12));
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await rejection(ws.loadCsv(file(png, 'photo.csv'), undefined, {}, IRIS_CONFIG))).toMatch(/photo\.csv/);
    expect(await rejection(ws.loadCsv(file('', 'empty.csv'), undefined, {}, IRIS_CONFIG))).toMatch(/empty\.csv/);
    expect(ofType(events, 'dataset').at(-1)?.summary.source).toBe('iris');
    expect(ws.current.globalStep).toBe(100);
    expect(ofType(events, 'dataset')).toHaveLength(1);
    ws.current.dispose();
  });

  it('classifies a file of rows, scores it when the label is there, and exports every row', async () => {
    const { ws } = await makeWorkspace();
    await ws.loadCsv(file(FLOWERS, 'flowers.csv'), undefined, {}, IRIS_CONFIG);
    await ws.train(1, 300, 100);
    const result = await ws.predictFile(file(FLOWERS, 'new.csv'));
    expect(result.rows).toBe(60);
    expect(result.score?.accuracy).toBeGreaterThan(0.9);
    expect(result.csv.split('\r\n')[0]).toBe('\uFEFFpetal,sepal,colour,species,predicted class,P(a),P(b),P(c)');
    const unlabelled = await ws.predictFile(file('petal,colour,sepal\n1.1,red,3.0\n', 'unlabelled.csv'));
    expect(unlabelled.score).toBeUndefined();
    expect(unlabelled.preview[0][3]).toBe('a');
    expect(await rejection(ws.predictFile(file('petal,sepal\n1,2\n', 'short.csv')))).toMatch(/short\.csv lacks the feature columns "colour"/);
    ws.current.dispose();
  });

  it('loads MNIST with read_data_sets splits and reads a drawn digit, and frees its tensors', async () => {
    const { ws, events } = await makeWorkspace();
    const start = tf.memory().numTensors;
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
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('re-reading a CSV in another encoding', () => {
  it('reads the files again when the person picks another encoding', async () => {
    const { ws, events } = await makeWorkspace();
    // "café" and "crème" in Windows-1252: 0xE9 and 0xE8 are not valid UTF-8 on their own.
    const text = 'x,kind\n' + Array.from({ length: 20 }, (_, i) => `${i % 5},${i % 2 ? 'caf\u00e9' : 'cr\u00e8me'}`).join('\n');
    const bytes = new Uint8Array(new ArrayBuffer(text.length));
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    await ws.loadCsv(file(bytes, 'menu.csv'), undefined, { encoding: 'utf-8' }, IRIS_CONFIG);
    expect(ofType(events, 'dataset').pop()?.summary.classNames.join()).toContain('\uFFFD');
    await ws.configureCsv({ encoding: 'windows-1252' }, IRIS_CONFIG);
    const last = ofType(events, 'dataset').pop()?.summary;
    expect(last?.classNames).toEqual(['café', 'crème']);
    expect(last?.csv?.encoding).toBe('windows-1252');
    ws.current.dispose();
  });
});

describe('checkpoints: nothing trained is lost', () => {
  it('saves every 1000 steps and at the end, and a new visit with the same settings resumes at that step', async () => {
    const factory = new IDBFactory();
    const first = await makeWorkspace(factory);
    await first.ws.start(null, IRIS_CONFIG);
    await first.ws.train(1, 1500, 100);
    const listed = ofType(first.events, 'checkpoints').pop();
    expect(listed?.persistent).toBe(true);
    expect(listed?.checkpoints.map((c) => c.globalStep)).toEqual([1500, 1000]);
    const before = await first.ws.predict(['5.8', '3.1', '5.0', '1.7']);
    first.ws.current.dispose();

    // A reload: a new worker, the same IndexedDB.
    const second = await makeWorkspace(factory);
    await second.ws.start(null, IRIS_CONFIG);
    expect(second.ws.current.globalStep).toBe(1500);
    expect(ofType(second.events, 'model')[0]).toMatchObject({ globalStep: 1500 });
    const history = ofType(second.events, 'history')[0];
    expect(history.evaluations.filter((e) => e.split === 'test').map((e) => e.globalStep).pop()).toBe(1500);
    const after = await second.ws.predict(['5.8', '3.1', '5.0', '1.7']);
    after.probabilities.forEach((p, i) => expect(p).toBeCloseTo(before.probabilities[i], 6));
    await second.ws.train(2, 500, 100);
    expect(second.ws.current.globalStep).toBe(2000);

    // Restore the older checkpoint: the model predicts as it did at step 1000.
    const older = ofType(second.events, 'checkpoints').pop()?.checkpoints.find((c) => c.globalStep === 1000);
    await second.ws.restoreCheckpoint(older?.id ?? 'missing');
    expect(second.ws.current.globalStep).toBe(1000);
    second.ws.current.dispose();

    // A link with other settings starts afresh.
    const third = await makeWorkspace(factory);
    await third.ws.start(null, { ...IRIS_CONFIG, hiddenUnits: [8] });
    expect(third.ws.current.globalStep).toBe(0);
    third.ws.current.dispose();
  });

  it('tells run-end before writing the run\u2019s last checkpoint; a Train sent at run-end waits for that save, then goes on from it', async () => {
    const events: WorkerEvent[] = [];
    const hooks = collectingHooks(events);
    let second: Promise<void> | null = null;
    const ws: Workspace = new Workspace(
      {
        ...hooks,
        fetchBytes,
        post: (event) => {
          events.push(event);
          // The page pressing Train again the moment it hears the first run is done.
          if (event.type === 'run-end' && event.runId === 1) second = ws.train(2, 100, 100);
        },
      },
      'auto',
      await Persistence.open(new IDBFactory()),
    );
    await ws.start(null, IRIS_CONFIG);
    await ws.train(1, 300, 100);
    await second;
    const kinds = events.map((e) => (e.type === 'checkpoints' ? `checkpoints ${e.checkpoints.map((c) => c.globalStep).join(',')}` : e.type === 'run-end' ? `run-end ${e.runId}` : e.type === 'progress' ? `progress ${e.runId}` : null)).filter((k) => k !== null);
    const at = (kind: string) => kinds.indexOf(kind);
    expect(at('run-end 1')).toBeGreaterThanOrEqual(0);
    // Saved after run-end was told, and before run 2 took its first step.
    expect(at('checkpoints 300')).toBeGreaterThan(at('run-end 1'));
    expect(at('progress 2')).toBeGreaterThan(at('checkpoints 300'));
    expect(kinds.at(-1)).toBe('checkpoints 400,300');
    expect(ws.current.globalStep).toBe(400);
    ws.current.dispose();
  });

  it('a data set loaded the moment a run ends is what a reload opens: the run’s last save lands first', async () => {
    const events: WorkerEvent[] = [];
    const factory = new IDBFactory();
    let load: Promise<void> | null = null;
    const ws: Workspace = new Workspace(
      {
        ...collectingHooks(events),
        fetchBytes,
        post: (event) => {
          events.push(event);
          if (event.type === 'run-end') load = ws.loadCsv(file(FLOWERS, 'flowers.csv'), undefined, {}, IRIS_CONFIG);
        },
      },
      'auto',
      await Persistence.open(factory, 'tab-a'),
    );
    await ws.start(null, IRIS_CONFIG);
    await ws.train(1, 100, 100);
    await load;
    const stored = await (await Persistence.open(factory, 'tab-a')).lastSession();
    expect(stored?.dataset).toMatchObject({ source: 'csv' });
    ws.current.dispose();
  });

  it('a checkpoint written while the fused steps went on holds the weights of its own step', async () => {
    const on = await makeWorkspace(new IDBFactory());
    await on.ws.start(null, IRIS_CONFIG);
    expect(on.ws.current.weightsInJs).toBe(true);
    await on.ws.train(1, 1500, 100);
    const at1000 = ofType(on.events, 'checkpoints').pop()?.checkpoints.find((c) => c.globalStep === 1000);
    await on.ws.restoreCheckpoint(at1000?.id ?? 'missing');
    const restored = await on.ws.current.weights();
    // The same run, stopped at 1000 (the fused engine repeats a seeded run bit for bit).
    const upTo = await makeWorkspace(new IDBFactory());
    await upTo.ws.start(null, IRIS_CONFIG);
    await upTo.ws.train(1, 1000, 100);
    const expected = await upTo.ws.current.weights();
    restored.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(expected[i])));
    // And not those of a later step.
    await upTo.ws.train(2, 10, 100);
    expect(Array.from((await upTo.ws.current.weights())[0])).not.toEqual(Array.from(restored[0]));
    on.ws.current.dispose();
    upTo.ws.current.dispose();
  });

  it('runs without persistence when IndexedDB is unavailable, and says so', async () => {
    const { ws, events } = await makeWorkspace(undefined);
    await ws.start(null, IRIS_CONFIG);
    expect(english(ofType(events, 'notice')[0].message)).toMatch(/IndexedDB/);
    await ws.train(1, 100, 100);
    expect(ofType(events, 'checkpoints').pop()?.persistent).toBe(false);
    ws.current.dispose();
  });

  it('exports the model and imports it back with the same predictions; a corrupted model.json changes nothing', async () => {
    const { ws } = await makeWorkspace(new IDBFactory());
    await ws.start(null, IRIS_CONFIG);
    await ws.train(1, 300, 100);
    const before = await ws.predict(['6.4', '3.2', '4.5', '1.5']);
    const files = await ws.exportFiles('model');
    expect(files.map((f) => f.name)).toEqual(['model.json', 'weights.bin']);
    const asFile = (f: (typeof files)[number]) => new File([f.data], f.name);

    const fresh = await makeWorkspace(new IDBFactory());
    await fresh.ws.start(null, IRIS_CONFIG);
    expect(await rejection(fresh.ws.importModel([new File(['{"modelTopology": '], 'model.json'), asFile(files[1])]))).toMatch(/model\.json/);
    expect(fresh.ws.current.globalStep).toBe(0);
    await fresh.ws.importModel(files.map(asFile));
    expect(fresh.ws.current.globalStep).toBe(300);
    const after = await fresh.ws.predict(['6.4', '3.2', '4.5', '1.5']);
    after.probabilities.forEach((p, i) => expect(Math.abs(p - before.probabilities[i])).toBeLessThan(1e-4));

    const [python] = await ws.exportFiles('python');
    expect(String(python.data)).toContain('Adagrad');
    expect(String(python.data)).toContain('PATIENCE = 0');
    // The page's run plan reaches the script: early stopping at the run's rhythm.
    const [planned] = await ws.exportFiles('python', { evalEvery: 3, patience: 7 });
    expect(String(planned.data)).toMatch(/EVAL_EVERY = 3\b[\s\S]*PATIENCE = 7\b/);
    const [history] = await ws.exportFiles('history');
    expect(String(history.data).split('\n')[0]).toBe('step,split,loss,accuracy,seconds');
    ws.current.dispose();
    fresh.ws.current.dispose();
  });

  it.each(['fused', 'tfjs'] as const)('%s engine: the network picture reads the kernels of a model with Dropout layers', async (engine) => {
    const events: WorkerEvent[] = [];
    const ws = new Workspace({ ...collectingHooks(events), fetchBytes }, engine, await Persistence.open(undefined));
    await ws.start(null, { ...IRIS_CONFIG, dropout: 0.2 });
    await ws.train(1, 100, 100);
    const picture = await ws.network();
    expect(picture.widths).toEqual([4, 10, 20, 10, 3]);
    expect(picture.kernels?.map((k) => k.length)).toEqual([40, 200, 200, 30]);
    // The same numbers as the tfjs model of record's kernels.
    expect(Array.from(picture.kernels?.[3] ?? [])).toEqual(Array.from((await ws.current.weights())[6]));
    ws.current.dispose();
  });
});

describe('what a new visit opens: the link\'s dataset wins over the stored session', () => {
  const OTHER = { ...IRIS_CONFIG, hiddenUnits: [8] };

  /** A browser whose last session was `stored` (trained 100 steps), or none. */
  async function browser(stored: 'none' | 'csv' | 'iris') {
    const factory = new IDBFactory();
    if (stored === 'none') return factory;
    const before = await makeWorkspace(factory);
    if (stored === 'csv') await before.ws.loadCsv(file(FLOWERS, 'flowers.csv'), undefined, {}, IRIS_CONFIG);
    else await before.ws.loadPreset('iris', IRIS_CONFIG);
    await before.ws.train(1, 100, 100);
    before.ws.current.dispose();
    return factory;
  }

  // stored session, the link's dataset (null: none named), its settings -> what is loaded, at which step, and the notice
  it.each<[string, 'none' | 'csv' | 'iris', DatasetSource | null, typeof IRIS_CONFIG, DatasetSource, number, RegExp | null]>([
    ['no stored session, none named', 'none', null, IRIS_CONFIG, 'iris', 0, null],
    ['no stored session, dataset=iris', 'none', 'iris', IRIS_CONFIG, 'iris', 0, null],
    ['a stored CSV, same settings, none named: it goes on', 'csv', null, IRIS_CONFIG, 'csv', 100, null],
    ['a stored CSV, same settings, dataset=csv: it goes on', 'csv', 'csv', IRIS_CONFIG, 'csv', 100, null],
    ['a stored CSV, same settings, dataset=iris: Iris', 'csv', 'iris', IRIS_CONFIG, 'iris', 0, null],
    ['a stored CSV, other settings, none named: Iris afresh', 'csv', null, OTHER, 'iris', 0, null],
    ['a stored CSV, other settings, dataset=csv: the file with a fresh model', 'csv', 'csv', OTHER, 'csv', 0, null],
    ['dataset=csv without a stored session: Iris, and says so', 'none', 'csv', IRIS_CONFIG, 'iris', 0, /drop the file again/],
    ['dataset=csv after an Iris session: Iris, and says so', 'iris', 'csv', IRIS_CONFIG, 'iris', 0, /drop the file again/],
  ])('%s', async (_, stored, named, config, loaded, step, notice) => {
    const { ws, events } = await makeWorkspace(await browser(stored));
    await ws.start(named, config);
    expect(ofType(events, 'dataset').map((e) => e.summary.source)).toEqual([loaded]);
    expect(ws.current.globalStep).toBe(step);
    expect(ws.current.modelConfig).toEqual(config);
    const notices = ofType(events, 'notice').map((e) => english(e.message));
    if (notice) expect(notices).toEqual([expect.stringMatching(notice)]);
    else expect(notices).toEqual([]);
    ws.current.dispose();
  });
});
