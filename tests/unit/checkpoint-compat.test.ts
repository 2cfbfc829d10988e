// Checkpoints, page states and exported models across the arrival of activation, dropout,
// l2 and classWeight: ones written before them still load (as relu, 0, 0, none), and a model with them
// goes out as model.json and comes back with the same predictions.
import type { ParseResult } from '../../src/shared/result';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionState } from '../../src/ml/app/sessionRecord';
import { checkpointMeta, openCheckpointStore, parseMeta, validateImport, type Checkpoint, type CheckpointMeta, type ImportFile } from '../../src/ml/checkpoint';
import { asSession } from '../../src/ml/checkpoint/rules';
import { Persistence } from '../../src/ml/app/persistence';
import { sameModel } from '../../src/shared/modelConfig';
import type { Session } from '../../src/ml/train/session';
import { Workspace } from '../../src/ml/app/workspace';
import type { WorkerEvent } from '../../src/shared/protocol';
import type { ModelConfig } from '../../src/shared/types';
import { collectingHooks, IRIS_CONFIG, loadIris } from './helpers';
import { reasonError } from '../../src/shared/result';
import { english } from './words';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** A config as this app wrote it before activation, dropout, l2 and classWeight existed. */
function oldConfig(config: ModelConfig = IRIS_CONFIG): Record<string, unknown> {
  const old: Record<string, unknown> = { ...config };
  for (const key of ['activation', 'dropout', 'l2', 'classWeight']) delete old[key];
  return old;
}

function unwrap<T>(result: ParseResult<T>): T {
  if (!result.ok) throw reasonError(result.reason);
  return result.value;
}

const irisMeta = (config: ModelConfig = IRIS_CONFIG) => checkpointMeta({ data: loadIris(), source: 'iris', config, globalStep: 100 });

describe('configs written before activation, dropout and l2', () => {
  it('parseMeta reads them as relu, no dropout, no penalty, no class weights', () => {
    const meta = { ...irisMeta(), config: oldConfig() };
    expect(unwrap(parseMeta(meta, 'model.json')).config).toEqual(IRIS_CONFIG);
  });

  it('parseMeta keeps new values', () => {
    const config: ModelConfig = { ...IRIS_CONFIG, activation: 'sigmoid', dropout: 0.5, l2: 0.01, classWeight: 'balanced' };
    expect(unwrap(parseMeta(irisMeta(config), 'model.json')).config).toEqual(config);
  });

  it.each<[string, unknown, RegExp]>([
    ['activation', 'elu', /config\.activation is "elu"; .*takes one of relu, tanh, sigmoid, linear/],
    ['dropout', 2, /config\.dropout is 2; .*takes a number from 0 to 0\.9/],
    ['dropout', '0.5', /config\.dropout/],
    ['l2', -1, /config\.l2 is -1; .*takes a number from 0 to 1/],
    ['l2', Number.POSITIVE_INFINITY, /config\.l2/],
    ['classWeight', 'heavy', /config\.classWeight must be one of none, balanced/],
  ])('parseMeta refuses %s = %j', (key, value, message) => {
    const meta = irisMeta();
    const result = parseMeta({ ...meta, config: { ...meta.config, [key]: value } }, 'model.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && english(result.reason)).toMatch(message);
  });

  it('a stored page state from before gets them', () => {
    const state = sessionState({ dataset: { source: 'iris' }, config: oldConfig() as unknown as ModelConfig, checkpointId: null, globalStep: 0, points: [], evaluations: [] });
    expect(asSession(structuredClone(state))?.config).toEqual(IRIS_CONFIG);
    expect(asSession({ ...state, config: undefined })).toBeNull();
  });

  it('IndexedDB: an old checkpoint and an old page state load with them', async () => {
    const store = unwrap(await openCheckpointStore(new IDBFactory(), 'compat-db'));
    const meta = { ...irisMeta(), config: oldConfig() } as unknown as CheckpointMeta;
    const checkpoint: Checkpoint = { meta, modelJson: { modelTopology: { class_name: 'Sequential' }, weightSpecs: [{ name: 'w', shape: [4], dtype: 'float32' }] }, weights: new Float32Array(4).buffer };
    unwrap(await store.save(checkpoint));
    expect(unwrap(await store.load(meta.id)).meta.config).toEqual(IRIS_CONFIG);
    expect(unwrap(await store.list()).map((m) => m.config)).toEqual([IRIS_CONFIG]);
    expect(unwrap(await store.latest())?.meta.config).toEqual(IRIS_CONFIG);
    const state = sessionState({ dataset: { source: 'iris' }, config: oldConfig() as unknown as ModelConfig, checkpointId: meta.id, globalStep: 100, points: [{ step: 10, split: 'train', loss: 1 }], evaluations: [] });
    unwrap(await store.saveSession(state));
    const loaded = unwrap(await store.loadSession());
    expect(loaded?.config).toEqual(IRIS_CONFIG);
    expect(loaded?.points).toEqual([{ step: 10, split: 'train', loss: 1 }]);
    store.close();
  });

  it.each<[string, Partial<ModelConfig>, boolean]>([
    ['the defaults', {}, true],
    ['another activation', { activation: 'tanh' }, false],
    ['dropout', { dropout: 0.1 }, false],
    ['an L2 penalty', { l2: 0.001 }, false],
    ['balanced class weights', { classWeight: 'balanced' }, false],
  ])('sameModel: an old stored config against %s', (_, change, same) => {
    const old = oldConfig() as unknown as ModelConfig;
    expect(sameModel(old, { ...IRIS_CONFIG, ...change })).toBe(same);
    expect(sameModel({ ...IRIS_CONFIG, ...change }, old)).toBe(same);
  });
});

const fetchBytes = async (path: string) => new Uint8Array(readFileSync(new URL(`../../public/${path}`, import.meta.url)));

async function makeWorkspace() {
  const events: WorkerEvent[] = [];
  const ws = new Workspace({ ...collectingHooks(events), fetchBytes }, 'auto', await Persistence.open(new IDBFactory()));
  return { ws, events };
}

const asImport = async (files: { name: string; data: string | ArrayBuffer }[]): Promise<ImportFile[]> =>
  files.map((f) => ({ name: f.name, bytes: typeof f.data === 'string' ? new TextEncoder().encode(f.data) : new Uint8Array(f.data) }));
const asFiles = (files: ImportFile[]) => files.map((f) => new File([f.bytes.slice()], f.name));

/** The test split's probabilities, [rows * classes], from a tfjs model or from a session's engine. */
function testProbabilities(model: tf.LayersModel): Float32Array {
  const data = loadIris();
  return tf.tidy(() => tf.softmax(model.predict(tf.tensor2d(data.test.features, [data.test.rows, 4])) as tf.Tensor2D).dataSync() as Float32Array);
}
function sessionProbabilities(session: Session): Promise<Float32Array> {
  const data = loadIris();
  return session.probabilities(data.test.features, data.test.rows);
}

describe('export and import with the model controls', () => {
  const CONTROLS: ModelConfig = { ...IRIS_CONFIG, activation: 'tanh', dropout: 0.3, l2: 0.001 };

  it('tanh + dropout + l2: model.json carries them, imports back with the same predictions and config', async () => {
    const { ws } = await makeWorkspace();
    await ws.start('iris', CONTROLS);
    await ws.train(1, 300, 100);
    const before = await sessionProbabilities(ws.current);
    const files = await asImport(await ws.exportFiles('model'));
    const topology = JSON.parse(new TextDecoder().decode(files[0].bytes)).modelTopology.config.layers as { class_name: string; config: Record<string, unknown> }[];
    expect(topology.map((l) => l.class_name)).toEqual(['Dense', 'Dropout', 'Dense', 'Dropout', 'Dense', 'Dropout', 'Dense']);
    expect(topology.filter((l) => l.class_name === 'Dense').map((l) => l.config.activation)).toEqual(['tanh', 'tanh', 'tanh', 'linear']);
    expect(topology.filter((l) => l.class_name === 'Dense').map((l) => l.config.kernel_regularizer)).toEqual(Array(4).fill({ class_name: 'L1L2', config: { l1: 0, l2: 0.001 } }));

    // tfjs builds the file's own topology: the same predictions.
    const imported = unwrap(await validateImport(files));
    expect(imported.meta.config).toEqual(CONTROLS);
    const direct = testProbabilities(imported.model);
    imported.model.dispose();
    direct.forEach((p, i) => expect(p).toBeCloseTo(before[i], 6));

    // The page's import: a fresh workspace on the default model takes the file's config.
    const fresh = await makeWorkspace();
    await fresh.ws.start('iris', IRIS_CONFIG);
    await fresh.ws.importModel(asFiles(files));
    expect(fresh.ws.current.modelConfig).toEqual(CONTROLS);
    expect(fresh.ws.current.globalStep).toBe(300);
    const after = await sessionProbabilities(fresh.ws.current);
    after.forEach((p, i) => expect(p).toBeCloseTo(before[i], 6));
    ws.current.dispose();
    fresh.ws.current.dispose();
  });

  it('a model.json exported before the controls existed imports as relu, 0, 0', async () => {
    const { ws } = await makeWorkspace();
    await ws.start('iris', IRIS_CONFIG);
    await ws.train(1, 100, 100);
    const files = await asImport(await ws.exportFiles('model'));
    const json = JSON.parse(new TextDecoder().decode(files[0].bytes));
    json.userDefinedMetadata.playground.config = oldConfig();
    const old = [{ name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(json)) }, files[1]];
    const fresh = await makeWorkspace();
    await fresh.ws.start('iris', { ...IRIS_CONFIG, activation: 'sigmoid' });
    await fresh.ws.importModel(asFiles(old));
    expect(fresh.ws.current.modelConfig).toEqual(IRIS_CONFIG);
    // The page hears the filled config, so its "needs a new model" check compares whole configs.
    expect(fresh.events.filter((e) => e.type === 'model').at(-1)).toMatchObject({ config: IRIS_CONFIG });
    ws.current.dispose();
    fresh.ws.current.dispose();
  });

  it('refuses a model.json whose layers apply another activation than its metadata says', async () => {
    const { ws } = await makeWorkspace();
    await ws.start('iris', CONTROLS);
    const files = await asImport(await ws.exportFiles('model'));
    const json = JSON.parse(new TextDecoder().decode(files[0].bytes));
    json.userDefinedMetadata.playground.config.activation = 'relu';
    const result = await validateImport([{ name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(json)) }, files[1]]);
    expect(result.ok).toBe(false);
    expect(!result.ok && english(result.reason)).toBe('model.json: the hidden layer "hiddenlayer_0" applies tanh, but the metadata says relu.');
    ws.current.dispose();
  });
});
