/**
 * The IndexedDB CheckpointStore, on the raw API (it runs in the worker: `indexedDB` is
 * passed in, never taken from a global, so tests hand it fake-indexeddb).
 *
 * Layout (database version 1):
 *   checkpoint-meta     keyPath id: { id, fingerprint, savedAt, byteLength, checksum, meta }
 *   checkpoint-weights  keyPath id: { id, modelJson, weights }
 *   state               out-of-line keys: 'latest' -> id, 'session' -> SessionState
 * list() reads only the small meta records; weights are read when a checkpoint is loaded.
 *
 * Why two tabs cannot corrupt each other: a checkpoint's two records are written in
 * one readwrite transaction, so they commit together or not at all (a quota error
 * aborts the transaction and leaves what was there). Ids are unique per save (time +
 * random), so tabs never write the same checkpoint keys. Readwrite transactions whose
 * stores overlap run one at a time, across connections and tabs, so the pruning pass
 * (read all metas, delete whole records) sees a consistent set. The only shared keys,
 * 'latest' and 'session', are replaced whole: the last tab to write wins.
 */
import { msg, type Message } from '../../shared/message';
import type { LoadFailure } from '../../shared/messages/checkpoint';
import type { ParseResult } from '../../shared/result';
import { on, transact } from './idbRequests';
import { asSession, asStoredMeta, newestFirst, sealOf, storageError, STORED_SESSION, storedCheckpoint, toPrune, type Stamp } from './rules';
import type { CheckpointStore, SaveOutcome, StoreOptions } from './store';
import type { Checkpoint, CheckpointMeta, ModelJson, SessionState } from './types';

export const DEFAULT_DB_NAME = 'nn-playground';
const DB_VERSION = 1;
const METAS = 'checkpoint-meta';
const WEIGHTS = 'checkpoint-weights';
const STATE = 'state';

interface MetaRecord extends Stamp {
  byteLength: number;
  checksum: string;
  meta: CheckpointMeta;
}
interface WeightsRecord {
  id: string;
  modelJson: ModelJson;
  weights: ArrayBuffer;
}

const fail = (reason: Message): { ok: false; reason: Message } => ({ ok: false, reason });
const why = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

class IdbCheckpointStore implements CheckpointStore {
  readonly kind = 'indexeddb';
  constructor(
    private readonly db: IDBDatabase,
    private readonly options: StoreOptions,
  ) {}

  async save(checkpoint: Checkpoint): Promise<ParseResult<SaveOutcome>> {
    const { meta, modelJson, weights } = checkpoint;
    const seal = sealOf(weights);
    const head: MetaRecord = { id: meta.id, fingerprint: meta.fingerprint, savedAt: meta.savedAt, ...seal, meta };
    const body: WeightsRecord = { id: meta.id, modelJson, weights };
    try {
      await transact<undefined>(this.db, [METAS, WEIGHTS], 'readwrite', (tx, done) => {
        tx.objectStore(WEIGHTS).put(body);
        tx.objectStore(METAS).put(head);
        done(undefined);
      });
    } catch (error) {
      return fail(storageError(error, storedCheckpoint(meta), seal.byteLength));
    }
    // Read back what was committed, in a transaction of its own, before anything older goes.
    const back = await this.read(meta.id);
    if (!back.ok) {
      await this.delete(meta.id);
      return fail(msg('checkpoint.read-back', { step: meta.globalStep, cause: back.reason }));
    }
    try {
      const pruned = await transact<string[]>(this.db, [METAS, WEIGHTS, STATE], 'readwrite', (tx, done) => {
        on(tx.objectStore(METAS).getAll() as IDBRequest<MetaRecord[]>, (records) => {
          const ids = toPrune(records, this.options.maxToKeep, this.options.maxTotal).filter((id) => id !== meta.id);
          for (const id of ids) {
            tx.objectStore(METAS).delete(id);
            tx.objectStore(WEIGHTS).delete(id);
          }
          tx.objectStore(STATE).put(meta.id, 'latest');
          done(ids);
        });
      });
      return { ok: true, value: { meta, pruned } };
    } catch (error) {
      return { ok: true, value: { meta, pruned: [], warning: msg('checkpoint.prune-failed', { detail: why(error) }) } };
    }
  }

  async list(fingerprint?: string): Promise<ParseResult<CheckpointMeta[]>> {
    try {
      const records = await transact<MetaRecord[]>(this.db, [METAS], 'readonly', (tx, done) => on(tx.objectStore(METAS).getAll() as IDBRequest<MetaRecord[]>, done));
      return { ok: true, value: records.filter((r) => fingerprint === undefined || r.fingerprint === fingerprint).sort(newestFirst).map((r) => asStoredMeta(r.meta)) };
    } catch (error) {
      return fail(msg('checkpoint.list-failed', { detail: why(error) }));
    }
  }

  load(id: string): Promise<ParseResult<Checkpoint>> {
    return this.read(id);
  }

  /** `load`, with the failure typed (the read-back check words it inside its own message). */
  private async read(id: string): Promise<{ ok: true; value: Checkpoint } | { ok: false; reason: LoadFailure }> {
    const failed = (reason: LoadFailure) => ({ ok: false, reason }) as const;
    let found: [MetaRecord | undefined, WeightsRecord | undefined];
    try {
      found = await transact(this.db, [METAS, WEIGHTS], 'readonly', (tx, done) => {
        on(tx.objectStore(METAS).get(id) as IDBRequest<MetaRecord | undefined>, (head) =>
          on(tx.objectStore(WEIGHTS).get(id) as IDBRequest<WeightsRecord | undefined>, (body) => done([head, body])),
        );
      });
    } catch (error) {
      return failed({ code: 'checkpoint.read-failed', params: { id, detail: why(error) } });
    }
    const [head, body] = found;
    if (!head || !body) return failed({ code: 'checkpoint.missing', params: { id } });
    const seal = body.weights instanceof ArrayBuffer ? sealOf(body.weights) : null;
    if (!seal || seal.byteLength !== head.byteLength || seal.checksum !== head.checksum) {
      const params = { id, bytes: seal?.byteLength ?? 0, checksum: seal?.checksum ?? '', written: head.byteLength, writtenChecksum: head.checksum };
      return failed({ code: 'checkpoint.damaged', params });
    }
    return { ok: true, value: { meta: asStoredMeta(head.meta), modelJson: body.modelJson, weights: body.weights } };
  }

  async delete(id: string): Promise<ParseResult<boolean>> {
    try {
      const existed = await transact<boolean>(this.db, [METAS, WEIGHTS], 'readwrite', (tx, done) => {
        on(tx.objectStore(METAS).count(id), (n) => {
          tx.objectStore(METAS).delete(id);
          tx.objectStore(WEIGHTS).delete(id);
          done(n > 0);
        });
      });
      return { ok: true, value: existed };
    } catch (error) {
      return fail(msg('checkpoint.delete-failed', { id, detail: why(error) }));
    }
  }

  async latest(fingerprint?: string): Promise<ParseResult<Checkpoint | null>> {
    let pointer: unknown;
    try {
      pointer = await transact<unknown>(this.db, [STATE], 'readonly', (tx, done) => on(tx.objectStore(STATE).get('latest'), done));
    } catch (error) {
      return fail(msg('checkpoint.latest-failed', { detail: why(error) }));
    }
    if (typeof pointer === 'string') {
      const pointed = await this.load(pointer);
      if (pointed.ok && (fingerprint === undefined || pointed.value.meta.fingerprint === fingerprint)) return pointed;
    }
    // No pointer, or it names a checkpoint another tab pruned, or another data set's: the newest.
    const metas = await this.list(fingerprint);
    if (!metas.ok) return metas;
    for (const meta of metas.value) {
      const loaded = await this.load(meta.id);
      if (loaded.ok) return loaded;
    }
    return { ok: true, value: null };
  }

  async saveSession(state: SessionState): Promise<ParseResult<undefined>> {
    try {
      await transact<undefined>(this.db, [STATE], 'readwrite', (tx, done) => {
        tx.objectStore(STATE).put(state, 'session');
        done(undefined);
      });
      return { ok: true, value: undefined };
    } catch (error) {
      return fail(storageError(error, STORED_SESSION, sessionBytes(state)));
    }
  }

  async loadSession(): Promise<ParseResult<SessionState | null>> {
    try {
      const value = await transact<unknown>(this.db, [STATE], 'readonly', (tx, done) => on(tx.objectStore(STATE).get('session'), done));
      return { ok: true, value: asSession(value) };
    } catch (error) {
      return fail(msg('checkpoint.session-read-failed', { detail: why(error) }));
    }
  }

  close(): void {
    this.db.close();
  }
}

/** Rough size of a page state: the kept files dominate. */
function sessionBytes(state: SessionState): number {
  const d = state.dataset;
  const files = d.source === 'csv' ? d.file.bytes.byteLength + (d.testFile?.bytes.byteLength ?? 0) : 0;
  return files + (state.points.length + state.evaluations.length) * 64;
}

/**
 * Open (creating on first use) the checkpoint database. Without IndexedDB (some private
 * windows) or when opening fails, a reason: the caller then uses memoryCheckpointStore().
 */
export function openCheckpointStore(factory: IDBFactory | null | undefined, dbName = DEFAULT_DB_NAME, options: StoreOptions = {}): Promise<ParseResult<CheckpointStore>> {
  if (!factory) return Promise.resolve(fail(msg('checkpoint.no-indexeddb')));
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: ParseResult<CheckpointStore>) => {
      settled = true;
      resolve(result);
    };
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(dbName, DB_VERSION);
    } catch (error) {
      settle(fail(msg('checkpoint.open-failed', { detail: why(error) })));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(METAS)) db.createObjectStore(METAS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(WEIGHTS)) db.createObjectStore(WEIGHTS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(STATE)) db.createObjectStore(STATE);
    };
    request.onsuccess = () => {
      const db = request.result;
      if (settled) {
        db.close();
        return;
      }
      // A newer version opened in another tab: let it upgrade rather than block it.
      db.onversionchange = () => db.close();
      settle({ ok: true, value: new IdbCheckpointStore(db, options) });
    };
    request.onerror = () => settle(fail(msg('checkpoint.open-failed', { detail: why(request.error) })));
    request.onblocked = () => settle(fail(msg('checkpoint.open-blocked')));
  });
}
