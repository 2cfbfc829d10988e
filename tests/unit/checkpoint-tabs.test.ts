// Two tabs of the app on one IndexedDB (two connections to one fake-indexeddb): each
// keeps its own page state, so a reload of one opens its own session; a new tab opens the
// newest; saves interleave without losing either tab's checkpoints; pruning stays within
// a tab's own run; and a page state written before tabs had ids still opens.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionState } from '../../src/ml/app/sessionRecord';
import { checkpointMeta, openCheckpointStore, type Checkpoint, type CheckpointStore, type SessionState, type StoreOptions } from '../../src/ml/checkpoint';
import { MAX_SESSIONS, toPrune } from '../../src/ml/checkpoint/rules';
import type { ClassificationData } from '../../src/ml/datasets/data';
import { reasonError, type ParseResult } from '../../src/shared/result';
import { IRIS_CONFIG } from './helpers';

function dataset(tag: number): ClassificationData {
  const split = { features: Float32Array.from([tag, 1, 2, 3]), labels: Int32Array.from([0, 1]), rows: 2 };
  return { name: `set ${tag}`, featureNames: ['a', 'b'], classNames: ['x', 'y'], train: split, test: split };
}

const T0 = Date.parse('2025-01-01T00:00:00Z');

/** A checkpoint of data set `tag` at `step`, saved `step` seconds after T0, with weights that say whose it is. */
function checkpoint(tag: number, step: number): Checkpoint {
  const meta = checkpointMeta({ data: dataset(tag), source: 'csv', config: IRIS_CONFIG, globalStep: step, now: new Date(T0 + step * 1000) });
  const weights = Float32Array.from({ length: 64 }, (_, i) => tag * 1000 + step + i / 64);
  return { meta, modelJson: { modelTopology: { class_name: 'Sequential' }, weightSpecs: [{ name: 'w', shape: [64], dtype: 'float32' }] }, weights: weights.buffer };
}

/** A page state at `step` of `dataset`, saved `at` seconds after T0. */
function state(dataset: SessionState['dataset'], step: number, at: number, checkpointId: string | null = null): SessionState {
  return sessionState({ dataset, config: IRIS_CONFIG, checkpointId, globalStep: step, points: [{ step, split: 'train', loss: 1 / step }], evaluations: [], now: new Date(T0 + at * 1000) });
}

function unwrap<T>(result: ParseResult<T>): T {
  if (!result.ok) throw reasonError(result.reason);
  return result.value;
}

const opened: CheckpointStore[] = [];
async function tab(factory: IDBFactory, options: StoreOptions = {}): Promise<CheckpointStore> {
  const store = unwrap(await openCheckpointStore(factory, 'tabs-db', options));
  opened.push(store);
  return store;
}
afterEach(() => {
  opened.splice(0).forEach((s) => s.close());
});

describe('two tabs, one IndexedDB: page states', () => {
  it('a reload of each tab opens its own session; a new tab opens the newest', async () => {
    const factory = new IDBFactory();
    const [a, b] = [await tab(factory), await tab(factory)];
    unwrap(await a.saveSession(state({ source: 'iris' }, 200, 1), 'A'));
    unwrap(await b.saveSession(state({ source: 'mnist' }, 300, 2), 'B'));
    // Tab A saves again after B: still each its own.
    unwrap(await a.saveSession(state({ source: 'iris' }, 400, 3), 'A'));
    unwrap(await b.saveSession(state({ source: 'mnist' }, 500, 4), 'B'));

    const reloaded = await tab(factory);
    expect(unwrap(await reloaded.loadSession('A'))).toMatchObject({ dataset: { source: 'iris' }, globalStep: 400 });
    expect(unwrap(await reloaded.loadSession('B'))).toMatchObject({ dataset: { source: 'mnist' }, globalStep: 500 });
    // A tab with no page state of its own (a new tab) goes on where the person was last.
    expect(unwrap(await reloaded.loadSession('C'))).toMatchObject({ dataset: { source: 'mnist' }, globalStep: 500 });
    expect(unwrap(await reloaded.loadSession())).toMatchObject({ globalStep: 500 });
  });

  it('many tabs saving at once: every page state is indexed (no lost update of the shared index)', async () => {
    const factory = new IDBFactory();
    const tabs = await Promise.all([0, 1, 2, 3, 4, 5].map(() => tab(factory)));
    await Promise.all(tabs.map(async (t, i) => unwrap(await t.saveSession(state({ source: 'iris' }, 100 * (i + 1), i), `T${i}`))));
    const reader = await tab(factory);
    for (let i = 0; i < tabs.length; i++) expect(unwrap(await reader.loadSession(`T${i}`))?.globalStep).toBe(100 * (i + 1));
    // The newest writer's is the newest for a new tab, whichever transaction ran last.
    expect(unwrap(await reader.loadSession('new'))?.globalStep).toBe(600);
  });

  it(`keeps the ${MAX_SESSIONS} newest tabs' page states; an older tab's reload opens the newest`, async () => {
    const factory = new IDBFactory();
    const store = await tab(factory);
    for (let i = 0; i < MAX_SESSIONS + 2; i++) unwrap(await store.saveSession(state({ source: 'iris' }, i + 1, i), `T${i}`));
    expect(unwrap(await store.loadSession('T0'))?.globalStep).toBe(MAX_SESSIONS + 2);
    expect(unwrap(await store.loadSession('T1'))?.globalStep).toBe(MAX_SESSIONS + 2);
    expect(unwrap(await store.loadSession('T2'))?.globalStep).toBe(3);
    expect(await stateKeys(factory)).toHaveLength(MAX_SESSIONS + 1); // the page states and the index
  });

  it('a page state written before tabs had ids still opens, and goes once a tab saves its own', async () => {
    const factory = new IDBFactory();
    const old = state({ source: 'mnist' }, 700, 1);
    await rawPut(factory, 'state', old, 'session');
    const store = await tab(factory);
    expect(unwrap(await store.loadSession('A'))).toEqual(old);
    expect(unwrap(await store.loadSession())).toEqual(old);
    unwrap(await store.saveSession(state({ source: 'iris' }, 100, 2), 'A'));
    expect(unwrap(await store.loadSession('B'))).toMatchObject({ dataset: { source: 'iris' }, globalStep: 100 });
    expect(await stateKeys(factory)).not.toContain('session');
  });
});

describe('two tabs, one IndexedDB: checkpoints', () => {
  it('interleaved saves on the same data set: each tab keeps its own 5 newest, every one whole', async () => {
    const factory = new IDBFactory();
    const [a, b] = [await tab(factory), await tab(factory)];
    const fromA = [1, 2, 3, 4, 5, 6, 7].map((k) => checkpoint(1, k * 100));
    const fromB = [1, 2, 3, 4, 5, 6, 7].map((k) => checkpoint(1, k * 100 + 50));
    await Promise.all(fromA.flatMap((c, i) => [a.save(c, 'A'), b.save(fromB[i], 'B')])).then((all) => all.forEach(unwrap));
    const left = unwrap(await a.list(checkpoint(1, 0).meta.fingerprint)).map((m) => m.globalStep);
    // Before, tab B's saves counted against tab A's max_to_keep: together they kept 5.
    expect(left).toEqual([750, 700, 650, 600, 550, 500, 450, 400, 350, 300]);
    for (const c of [...fromA, ...fromB].filter((c) => left.includes(c.meta.globalStep))) {
      const loaded = unwrap(await b.load(c.meta.id));
      expect(new Uint8Array(loaded.weights)).toEqual(new Uint8Array(c.weights));
    }
    expect(await rawCount(factory, 'checkpoint-weights')).toBe(10);
  });

  it('the total cap never deletes the checkpoint another tab’s page state points at', async () => {
    const factory = new IDBFactory();
    const [a, b] = [await tab(factory, { maxTotal: 3 }), await tab(factory, { maxTotal: 3 })];
    const ofB = checkpoint(2, 100);
    unwrap(await b.save(ofB, 'B'));
    unwrap(await b.saveSession(state({ source: 'iris' }, 100, 100, ofB.meta.id), 'B'));
    for (const step of [200, 300, 400, 500]) unwrap(await a.save(checkpoint(1, step), 'A'));
    // Tab B's model is still there to go on from; tab A's own oldest went instead.
    expect(unwrap(await a.load(ofB.meta.id)).meta.globalStep).toBe(100);
    expect(unwrap(await a.list()).map((m) => m.globalStep)).toEqual([500, 400, 300, 100]);
  });

  it("latest() of a tab is its own run's newest, not the other tab's newer one", async () => {
    const factory = new IDBFactory();
    const [a, b] = [await tab(factory), await tab(factory)];
    unwrap(await a.save(checkpoint(1, 1000), 'A'));
    unwrap(await b.save(checkpoint(1, 2000), 'B'));
    const fp = checkpoint(1, 0).meta.fingerprint;
    expect(unwrap(await a.latest(fp, 'A'))?.meta.globalStep).toBe(1000);
    expect(unwrap(await a.latest(fp, 'B'))?.meta.globalStep).toBe(2000);
    // A tab that saved nothing of it: the newest of any tab.
    expect(unwrap(await a.latest(fp, 'C'))?.meta.globalStep).toBe(2000);
  });
});

describe('the pruning rule with tabs', () => {
  const stamp = (id: string, owner: string | undefined, t: number) => ({ id, fingerprint: 'F', savedAt: new Date(T0 + t).toISOString(), owner });
  it('counts each tab apart; records without an owner (written before tabs) are one group', () => {
    const records = [stamp('a1', 'A', 1), stamp('a2', 'A', 2), stamp('b1', 'B', 3), stamp('b2', 'B', 4), stamp('o1', undefined, 5), stamp('o2', undefined, 6)];
    expect(toPrune(records, 1, 10).sort()).toEqual(['a1', 'b1', 'o1']);
    expect(toPrune(records, 1, 10, new Set(['a1'])).sort()).toEqual(['b1', 'o1']);
  });
});

async function rawOpen(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open('tabs-db');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Write a record behind the store's back, as an earlier version of the app did. */
async function rawPut(factory: IDBFactory, name: string, value: unknown, key: string): Promise<void> {
  // Let the store create the database first, then close it.
  (await tab(factory)).close();
  opened.pop();
  const db = await rawOpen(factory);
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(name, 'readwrite');
    tx.objectStore(name).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

async function rawRequest<T>(factory: IDBFactory, name: string, ask: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await rawOpen(factory);
  const result = await new Promise<T>((resolve, reject) => {
    const request = ask(db.transaction(name).objectStore(name));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return result;
}

const rawCount = (factory: IDBFactory, name: string) => rawRequest(factory, name, (s) => s.count());
const stateKeys = async (factory: IDBFactory) => (await rawRequest(factory, 'state', (s) => s.getAllKeys())).map(String).filter((k) => k !== 'latest');
