// The site's storage cleared mid-run (#19 item 4): the browser closes the connection and
// deletes the database. The next save opens it again and succeeds, and says what was lost;
// a failed save names the checkpoint still stored, or says none is.
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkpointMeta, openCheckpointStore, type Checkpoint, type CheckpointStore, type SessionState } from '../../src/ml/checkpoint';
import type { ClassificationData } from '../../src/ml/datasets/data';
import type { ParseResult } from '../../src/shared/result';
import { reasonError } from '../../src/shared/result';
import { IRIS_CONFIG } from './helpers';
import { english } from './words';

const split = { features: Float32Array.from([1, 1, 2, 3]), labels: Int32Array.from([0, 1]), rows: 2 };
const data: ClassificationData = { name: 'tiny', featureNames: ['a', 'b'], classNames: ['x', 'y'], train: split, test: split };

function checkpoint(step: number): Checkpoint {
  const meta = checkpointMeta({ data, source: 'csv', config: IRIS_CONFIG, globalStep: step, now: new Date(Date.UTC(2025, 0, 1) + step * 1000) });
  const weights = Float32Array.from({ length: 16 }, (_, i) => step + i);
  return { meta, modelJson: { modelTopology: { class_name: 'Sequential' }, weightSpecs: [{ name: 'w', shape: [16], dtype: 'float32' }] }, weights: weights.buffer };
}

function unwrap<T>(result: ParseResult<T>): T {
  if (!result.ok) throw reasonError(result.reason);
  return result.value;
}

/** What "Clear site data" does to an open database: close its connections and delete it. */
function clearSiteData(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

const opened: CheckpointStore[] = [];
afterEach(() => {
  opened.splice(0).forEach((s) => s.close());
  vi.restoreAllMocks();
});

describe('the site storage cleared during a run', () => {
  it('opens the store again on the next save, saves, and says the earlier checkpoints are gone', async () => {
    const factory = new IDBFactory();
    const store = unwrap(await openCheckpointStore(factory, 'cleared-db'));
    opened.push(store);
    unwrap(await store.save(checkpoint(1000)));
    await clearSiteData(factory, 'cleared-db');
    const saved = unwrap(await store.save(checkpoint(2000)));
    expect(english(saved.warning)).toBe(
      "This site's stored data was cleared during the visit: the checkpoint store was opened again, empty, and the checkpoint at step 2000 saved in it. Earlier checkpoints are gone; saving goes on.",
    );
    expect(unwrap(await store.list()).map((m) => m.globalStep)).toEqual([2000]);
    // Saving goes on as before: no warning the next time.
    const next = unwrap(await store.save(checkpoint(3000)));
    expect(next.warning).toBeUndefined();
    expect(unwrap(await store.list()).map((m) => m.globalStep)).toEqual([3000, 2000]);
    expect(unwrap(await store.saveSession({ ...sessionLike(), checkpointId: next.meta.id }, 'tab-a'))).toBeUndefined();
  });

  it('a failed save with no checkpoint stored says so, never that one is kept', async () => {
    const factory = new IDBFactory();
    const store = unwrap(await openCheckpointStore(factory, 'empty-db'));
    opened.push(store);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await store.save(checkpoint(1000));
    expect(result.ok).toBe(false);
    expect(!result.ok && english(result.reason)).toBe(
      "Browser storage is full: the checkpoint at step 1000 (0.0 MB) was not saved; no earlier checkpoint is stored, so a reload now starts from a fresh model. Delete old checkpoints or clear this site's data to save again.",
    );
  });
});

/** A minimal page state (the store checks only its shape when reading). */
function sessionLike(): SessionState {
  return { version: 1, savedAt: '2025-01-01T00:00:00.000Z', dataset: { source: 'iris' }, config: IRIS_CONFIG, checkpointId: null, globalStep: 0, points: [], evaluations: [] } as unknown as SessionState;
}
