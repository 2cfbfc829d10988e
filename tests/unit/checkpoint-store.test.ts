// The checkpoint stores, IndexedDB (on fake-indexeddb, as in a worker) and memory, pass
// the same tests: save and load, max_to_keep pruning, the latest checkpoint, the page
// state. Failure cases of the IndexedDB store: checkpoint-idb.test.ts.
import type { ParseResult } from '../../src/shared/result';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { csvSessionDataset, sessionState } from '../../src/ml/app/sessionRecord';
import {
  checkpointMeta,
  memoryCheckpointStore,
  openCheckpointStore,
  type Checkpoint,
  type CheckpointStore,
  type StoreOptions,
} from '../../src/ml/checkpoint';
import { toPrune } from '../../src/ml/checkpoint/rules';
import type { ClassificationData } from '../../src/ml/datasets/data';
import { IRIS_CONFIG } from './helpers';
import { reasonError } from '../../src/shared/result';
import { english } from './words';

/** A tiny data set; `tag` changes its training rows, hence its fingerprint. */
function dataset(tag: number): ClassificationData {
  const split = { features: Float32Array.from([tag, 1, 2, 3]), labels: Int32Array.from([0, 1]), rows: 2 };
  return { name: `set ${tag}`, featureNames: ['a', 'b'], classNames: ['x', 'y'], train: split, test: split };
}

const T0 = Date.parse('2025-01-01T00:00:00Z');

/** A checkpoint of data set `tag` at `step`, saved `step` seconds after T0, with recognisable weights. */
function checkpoint(tag: number, step: number): Checkpoint {
  const meta = checkpointMeta({ data: dataset(tag), source: 'csv', config: IRIS_CONFIG, globalStep: step, now: new Date(T0 + step * 1000) });
  const weights = Float32Array.from({ length: 64 }, (_, i) => tag * 1000 + step + i / 64);
  return { meta, modelJson: { modelTopology: { class_name: 'Sequential' }, weightSpecs: [{ name: 'w', shape: [64], dtype: 'float32' }] }, weights: weights.buffer };
}

function unwrap<T>(result: ParseResult<T>): T {
  if (!result.ok) throw reasonError(result.reason);
  return result.value;
}

const opened: CheckpointStore[] = [];
async function idbStore(factory = new IDBFactory(), options: StoreOptions = {}): Promise<CheckpointStore> {
  const store = unwrap(await openCheckpointStore(factory, 'test-db', options));
  opened.push(store);
  return store;
}
afterEach(() => {
  opened.splice(0).forEach((s) => s.close());
});

const makers: [string, (options?: StoreOptions) => Promise<CheckpointStore>][] = [
  ['indexeddb', (options) => idbStore(new IDBFactory(), options)],
  ['memory', async (options) => memoryCheckpointStore(options)],
];

describe.each(makers)('%s store', (_kind, make) => {
  it('saves and loads a checkpoint: meta, topology and weights byte for byte, global step kept', async () => {
    const store = await make();
    const c = checkpoint(1, 3000);
    const saved = unwrap(await store.save(c));
    expect(saved.pruned).toEqual([]);
    const loaded = unwrap(await store.load(c.meta.id));
    expect(loaded.meta).toEqual(c.meta);
    expect(loaded.meta.globalStep).toBe(3000);
    expect(loaded.modelJson).toEqual(c.modelJson);
    expect(new Uint8Array(loaded.weights)).toEqual(new Uint8Array(c.weights));
    expect(unwrap(await store.latest())?.meta.id).toBe(c.meta.id);
  });

  it('keeps the 5 newest checkpoints of a data set (max_to_keep) and leaves other data sets alone', async () => {
    const store = await make();
    const other = checkpoint(2, 1);
    unwrap(await store.save(other));
    const ours = [1000, 2000, 3000, 4000, 5000, 6000, 7000].map((step) => checkpoint(1, step));
    const pruned: string[] = [];
    for (const c of ours) pruned.push(...unwrap(await store.save(c)).pruned);
    expect(pruned).toEqual([ours[0].meta.id, ours[1].meta.id]);
    const listed = unwrap(await store.list(ours[0].meta.fingerprint));
    expect(listed.map((m) => m.globalStep)).toEqual([7000, 6000, 5000, 4000, 3000]);
    expect(unwrap(await store.list()).map((m) => m.id)).toContain(other.meta.id);
    expect((await store.load(ours[0].meta.id)).ok).toBe(false);
  });

  it('finds the latest checkpoint of a data set, and deletes', async () => {
    const store = await make();
    const a = checkpoint(1, 100);
    const b = checkpoint(2, 200);
    unwrap(await store.save(a));
    unwrap(await store.save(b));
    expect(unwrap(await store.latest(a.meta.fingerprint))?.meta.id).toBe(a.meta.id);
    expect(unwrap(await store.latest())?.meta.id).toBe(b.meta.id);
    expect(unwrap(await store.delete(b.meta.id))).toBe(true);
    expect(unwrap(await store.delete(b.meta.id))).toBe(false);
    // The pointer names a deleted checkpoint: the newest remaining one is the latest.
    expect(unwrap(await store.latest())?.meta.id).toBe(a.meta.id);
    expect(unwrap(await store.latest('no such data'))).toBeNull();
  });

  it('keeps the page state: data set with its CSV bytes, history, evaluations', async () => {
    const store = await make();
    expect(unwrap(await store.loadSession())).toBeNull();
    const bytes = new TextEncoder().encode('a,b,label\n1,2,x\n').buffer;
    const state = sessionState({
      dataset: csvSessionDataset({ name: 'mine.csv', bytes }, undefined, { labelColumn: 'label', testFraction: 0.25 }),
      config: IRIS_CONFIG,
      checkpointId: 'ckpt-1',
      globalStep: 1500,
      points: [{ step: 10, split: 'train', loss: 1.1 }, { step: 1000, split: 'test', loss: 0.4, accuracy: 0.9 }],
      evaluations: [{ split: 'test', accuracy: 0.9, averageLoss: 0.4, loss: 12, globalStep: 1000, examples: 30, correct: 27 }],
    });
    unwrap(await store.saveSession(state));
    const back = unwrap(await store.loadSession());
    expect(back).toEqual(state);
    if (back?.dataset.source !== 'csv') throw new Error('expected a CSV');
    expect(new TextDecoder().decode(back.dataset.file.bytes)).toBe('a,b,label\n1,2,x\n');
  });
});

describe('pruning rule', () => {
  it('counts each data set apart, then caps the total', () => {
    const stamp = (id: string, fingerprint: string, t: number) => ({ id, fingerprint, savedAt: new Date(T0 + t).toISOString() });
    const records = [stamp('a1', 'A', 1), stamp('a2', 'A', 2), stamp('a3', 'A', 3), stamp('b1', 'B', 4), stamp('b2', 'B', 5)];
    expect(toPrune(records, 2, 10)).toEqual(['a1']);
    expect(toPrune(records, 2, 3)).toEqual(['a1', 'a2']);
  });

  it('the memory store can simulate a full disk', async () => {
    const store = memoryCheckpointStore({ maxBytes: 300 });
    unwrap(await store.save(checkpoint(1, 1)));
    const result = await store.save(checkpoint(1, 2));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toMatch(/^Browser storage is full: the checkpoint at step 2 /);
    expect(unwrap(await store.list())).toHaveLength(1);
  });
});
