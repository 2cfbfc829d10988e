// The IndexedDB store's failure cases on fake-indexeddb: a full disk keeps the previous
// checkpoint, a half-written checkpoint rolls back, a damaged record is refused, no
// IndexedDB at all, and two tabs (two connections) writing at once.
import type { ParseResult } from '../../src/shared/result';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkpointMeta, openCheckpointStore, type Checkpoint, type CheckpointStore, type StoreOptions } from '../../src/ml/checkpoint';
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
  vi.restoreAllMocks();
});

describe('IndexedDB store failures', () => {
  it('a full disk (QuotaExceededError on write) keeps the previous checkpoint and says so', async () => {
    const store = await idbStore();
    const first = checkpoint(1, 1000);
    unwrap(await store.save(first));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const second = checkpoint(1, 2000);
    const result = await store.save(second);
    expect(result.ok).toBe(false);
    expect(!result.ok && english(result.reason)).toBe(
      'Browser storage is full: the checkpoint at step 2000 (0.0 MB) was not saved; the checkpoint at step 1000 is kept. Delete old checkpoints or clear this site\'s data to save again.',
    );
    expect(unwrap(await store.list()).map((m) => m.id)).toEqual([first.meta.id]);
    expect(unwrap(await store.latest())?.meta.id).toBe(first.meta.id);
    expect((await store.load(second.meta.id)).ok).toBe(false);
  });

  it('a failure after half the records were written rolls the whole checkpoint back', async () => {
    const factory = new IDBFactory();
    const store = await idbStore(factory);
    const first = checkpoint(1, 1000);
    unwrap(await store.save(first));
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put')
      .mockImplementationOnce(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        return put.apply(this, args); // the weights record goes in...
      })
      .mockImplementationOnce(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        const request = put.apply(this, args);
        this.transaction.abort(); // ...then the transaction dies, as when the quota runs out on commit
        return request;
      });
    const result = await store.save(checkpoint(1, 2000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toMatch(/^Could not save the checkpoint at step 2000: AbortError: .*; the checkpoint at step 1000 is kept\.$/);
    expect(await countWeights(factory)).toBe(1);
    expect(unwrap(await store.latest())?.meta.id).toBe(first.meta.id);
  });

  it('a damaged weights record is refused on load (checksum)', async () => {
    const factory = new IDBFactory();
    const store = await idbStore(factory);
    const c = checkpoint(1, 1000);
    unwrap(await store.save(c));
    await rawUpdate(factory, 'checkpoint-weights', (record) => new Uint8Array(record.weights as ArrayBuffer).fill(7, 0, 4));
    const result = await store.load(c.meta.id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toMatch(/^Checkpoint ckpt-[0-9a-z]+-[0-9a-f]{8} is damaged: its weights are 256 bytes with checksum [0-9a-f]{16}, but 256 bytes with checksum [0-9a-f]{16} were written\.$/);
  });

  it('no IndexedDB (private window): ok false, and the memory store stands in', async () => {
    const none = await openCheckpointStore(undefined);
    expect(none.ok).toBe(false);
    expect(!none.ok && english(none.reason)).toBe('This browser offers no IndexedDB here (a private window?): checkpoints are kept in memory only, and a reload starts afresh.');
    const throwing = { open: () => { throw new DOMException('Access denied', 'SecurityError'); } } as unknown as IDBFactory;
    const refused = await openCheckpointStore(throwing);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(english(refused.reason)).toBe('IndexedDB cannot be opened (SecurityError: Access denied): checkpoints are kept in memory only, and a reload starts afresh.');
    const erroring = {
      open() {
        const request = { error: new DOMException('A mutation operation was attempted', 'InvalidStateError'), onerror: null as null | (() => void) };
        setTimeout(() => request.onerror?.());
        return request;
      },
    } as unknown as IDBFactory;
    const failed = await openCheckpointStore(erroring);
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(english(failed.reason)).toMatch(/^IndexedDB cannot be opened \(InvalidStateError: A mutation operation was attempted\)/);
  });

  it('two tabs writing at once keep every record of both intact', async () => {
    const factory = new IDBFactory();
    const [tabA, tabB] = [await idbStore(factory), await idbStore(factory)];
    const fromA = [1000, 2000, 3000].map((s) => checkpoint(1, s));
    const fromB = [1500, 2500, 3500].map((s) => checkpoint(2, s));
    const results = await Promise.all(fromA.flatMap((a, i) => [tabA.save(a), tabB.save(fromB[i])]));
    results.forEach(unwrap);
    for (const c of [...fromA, ...fromB]) {
      const loaded = unwrap(await tabA.load(c.meta.id));
      expect(new Uint8Array(loaded.weights)).toEqual(new Uint8Array(c.weights));
      expect(loaded.meta).toEqual(c.meta);
    }
    expect(unwrap(await tabB.list())).toHaveLength(6);
  });

  it('two tabs on the same data set prune to the 5 newest, every survivor whole', async () => {
    const factory = new IDBFactory();
    const [tabA, tabB] = [await idbStore(factory), await idbStore(factory)];
    const saves = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => checkpoint(1, k * 100));
    await Promise.all(saves.map((c, i) => (i % 2 === 0 ? tabA : tabB).save(c)));
    const left = unwrap(await tabA.list());
    expect(left.map((m) => m.globalStep)).toEqual([800, 700, 600, 500, 400]);
    for (const m of left) expect(unwrap(await tabB.load(m.id)).meta).toEqual(m);
    expect(await countWeights(factory)).toBe(5);
  });

  it('re-opens what an earlier visit wrote', async () => {
    const factory = new IDBFactory();
    const first = await idbStore(factory);
    const c = checkpoint(1, 4000);
    unwrap(await first.save(c));
    first.close();
    const second = await idbStore(factory);
    expect(unwrap(await second.latest())?.meta.globalStep).toBe(4000);
  });
});

/** Records in the weights store, read with the raw API. */
async function countWeights(factory: IDBFactory): Promise<number> {
  const db = await rawOpen(factory);
  const n = await new Promise<number>((resolve, reject) => {
    const request = db.transaction('checkpoint-weights').objectStore('checkpoint-weights').count();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return n;
}

/** Change every record of a store in place, behind the store's back. */
async function rawUpdate(factory: IDBFactory, name: string, edit: (record: Record<string, unknown>) => void): Promise<void> {
  const db = await rawOpen(factory);
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(name, 'readwrite');
    const request = tx.objectStore(name).getAll();
    request.onsuccess = () => request.result.forEach((record: Record<string, unknown>) => {
      edit(record);
      tx.objectStore(name).put(record);
    });
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

function rawOpen(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open('test-db');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
