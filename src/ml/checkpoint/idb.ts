/**
 * The IndexedDB CheckpointStore, on the raw API (it runs in the worker: `indexedDB` is
 * passed in, never taken from a global, so tests hand it fake-indexeddb).
 *
 * Layout (database version 1; new keys in `state` need no upgrade):
 *   checkpoint-meta     keyPath id: { id, fingerprint, savedAt, owner?, byteLength, checksum, meta }
 *   checkpoint-weights  keyPath id: { id, modelJson, weights }
 *   state               out-of-line keys: 'latest' -> id,
 *                       'session:<tab>' -> SessionState (one per tab),
 *                       'sessions' -> SessionEntry[] (whose page states, newest first),
 *                       'session' -> SessionState (written before tabs had ids: still read)
 * list() reads only the small meta records; weights are read when a checkpoint is loaded.
 *
 * Why two tabs cannot corrupt or lose each other's work: a checkpoint's two records are
 * written in one readwrite transaction, so they commit together or not at all (a quota
 * error aborts the transaction and leaves what was there). Ids are unique per save (time
 * + random), so tabs never write the same checkpoint keys. Each tab keeps its own page
 * state under its own key, so a reload of tab A opens A's session even after tab B saved.
 * The two records tabs share, the index of page states and the checkpoint metas, are
 * only changed by read-modify-write inside one readwrite transaction: those whose stores
 * overlap run one at a time, across connections and tabs (IndexedDB's own lock; no Web
 * Lock needed, so this works under fake-indexeddb too). Pruning counts a tab's own
 * checkpoints only and never deletes one another tab's page state points at.
 */
import { msg, type Message } from '../../shared/message';
import type { LoadFailure } from '../../shared/messages/checkpoint';
import type { ParseResult } from '../../shared/result';
import { on, transact } from './idbRequests';
import { asSession, asSessionIndex, asStoredMeta, newestFirst, pointedAt, sealOf, sessionFor, storageError, STORED_SESSION, storedCheckpoint, toPrune, withSession, type Stamp } from './rules';
import type { CheckpointStore, SaveOutcome, StoreOptions } from './store';
import type { Checkpoint, CheckpointMeta, ModelJson, SessionState } from './types';

export const DEFAULT_DB_NAME = 'nn-playground';
const DB_VERSION = 1;
const METAS = 'checkpoint-meta';
const WEIGHTS = 'checkpoint-weights';
const STATE = 'state';
/** The index of page states, and each tab's page state, in STATE. */
const SESSIONS = 'sessions';
const sessionKey = (tab: string) => `session:${tab}`;
/** Where the one page state lived before tabs had ids. */
const LEGACY_SESSION = 'session';

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

/** The error a transaction throws on a connection the browser closed (the site's data cleared, the database deleted). */
const isClosed = (error: unknown) => error instanceof DOMException && error.name === 'InvalidStateError';

class IdbCheckpointStore implements CheckpointStore {
  readonly kind = 'indexeddb';
  /** Set when a transaction found the connection closed and the database was opened again (consumed by save()). */
  private reopened = false;
  constructor(
    private db: IDBDatabase,
    private readonly options: StoreOptions,
    /** Open the database again (creating it: clearing the site's data deletes it); null when that fails. */
    private readonly reopen: () => Promise<IDBDatabase | null>,
  ) {}

  /**
   * transact() on the connection, opened again once when the browser closed it: clearing
   * the site's storage mid-run closes every connection, and without this no save would
   * ever succeed again in this visit.
   */
  private async run<T>(stores: string[], mode: IDBTransactionMode, body: (tx: IDBTransaction, done: (value: T) => void) => void): Promise<T> {
    try {
      return await transact(this.db, stores, mode, body);
    } catch (error) {
      if (!isClosed(error)) throw error;
      const db = await this.reopen();
      if (!db) throw error;
      this.db = db;
      this.reopened = true;
      return transact(this.db, stores, mode, body);
    }
  }

  /** The step of the newest checkpoint of a data set still stored, null when none is (what a failed save leaves). */
  private async newestStep(fingerprint: string): Promise<number | null> {
    const metas = await this.list(fingerprint);
    return metas.ok && metas.value.length > 0 ? metas.value[0].globalStep : null;
  }

  async save(checkpoint: Checkpoint, owner?: string): Promise<ParseResult<SaveOutcome>> {
    this.reopened = false;
    const { meta, modelJson, weights } = checkpoint;
    const seal = sealOf(weights);
    const head: MetaRecord = { id: meta.id, fingerprint: meta.fingerprint, savedAt: meta.savedAt, ...(owner === undefined ? {} : { owner }), ...seal, meta };
    const body: WeightsRecord = { id: meta.id, modelJson, weights };
    try {
      await this.run<undefined>([METAS, WEIGHTS], 'readwrite', (tx, done) => {
        tx.objectStore(WEIGHTS).put(body);
        tx.objectStore(METAS).put(head);
        done(undefined);
      });
    } catch (error) {
      return fail(storageError(error, { ...storedCheckpoint(meta), previous: await this.newestStep(meta.fingerprint) }, seal.byteLength));
    }
    // Read back what was committed, in a transaction of its own, before anything older goes.
    const back = await this.read(meta.id);
    if (!back.ok) {
      await this.delete(meta.id);
      return fail(msg('checkpoint.read-back', { step: meta.globalStep, cause: back.reason, previous: await this.newestStep(meta.fingerprint) }));
    }
    try {
      const pruned = await this.run<string[]>([METAS, WEIGHTS, STATE], 'readwrite', (tx, done) => {
        const metas = tx.objectStore(METAS);
        on(metas.getAll() as IDBRequest<MetaRecord[]>, (records) =>
          on(tx.objectStore(STATE).get(SESSIONS), (index) => {
            const keep = pointedAt(asSessionIndex(index), owner);
            const ids = toPrune(records, this.options.maxToKeep, this.options.maxTotal, keep).filter((id) => id !== meta.id);
            for (const id of ids) {
              metas.delete(id);
              tx.objectStore(WEIGHTS).delete(id);
            }
            tx.objectStore(STATE).put(meta.id, 'latest');
            done(ids);
          }),
        );
      });
      return { ok: true, value: { meta, pruned, ...(this.reopened ? { warning: msg('checkpoint.reopened', { step: meta.globalStep }) } : {}) } };
    } catch (error) {
      return { ok: true, value: { meta, pruned: [], warning: msg('checkpoint.prune-failed', { detail: why(error) }) } };
    }
  }

  async list(fingerprint?: string, owner?: string): Promise<ParseResult<CheckpointMeta[]>> {
    try {
      const records = await this.run<MetaRecord[]>([METAS], 'readonly', (tx, done) => on(tx.objectStore(METAS).getAll() as IDBRequest<MetaRecord[]>, done));
      const wanted = (r: MetaRecord) => (fingerprint === undefined || r.fingerprint === fingerprint) && (owner === undefined || r.owner === owner);
      return { ok: true, value: records.filter(wanted).sort(newestFirst).map((r) => asStoredMeta(r.meta)) };
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
      found = await this.run([METAS, WEIGHTS], 'readonly', (tx, done) => {
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
      const existed = await this.run<boolean>([METAS, WEIGHTS], 'readwrite', (tx, done) => {
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

  async latest(fingerprint?: string, owner?: string): Promise<ParseResult<Checkpoint | null>> {
    if (owner !== undefined) {
      // The tab's own run first: another tab's newer checkpoint of the same data is not where this one was.
      const own = await this.newestOf(fingerprint, owner);
      if (!own.ok || own.value) return own;
    }
    let pointer: unknown;
    try {
      pointer = await this.run<unknown>([STATE], 'readonly', (tx, done) => on(tx.objectStore(STATE).get('latest'), done));
    } catch (error) {
      return fail(msg('checkpoint.latest-failed', { detail: why(error) }));
    }
    if (typeof pointer === 'string') {
      const pointed = await this.load(pointer);
      if (pointed.ok && (fingerprint === undefined || pointed.value.meta.fingerprint === fingerprint)) return pointed;
    }
    // No pointer, or it names a checkpoint another tab pruned, or another data set's: the newest.
    return this.newestOf(fingerprint);
  }

  /** The newest checkpoint that loads whole, of one data set and one tab when given. */
  private async newestOf(fingerprint?: string, owner?: string): Promise<ParseResult<Checkpoint | null>> {
    const metas = await this.list(fingerprint, owner);
    if (!metas.ok) return metas;
    for (const meta of metas.value) {
      const loaded = await this.load(meta.id);
      if (loaded.ok) return loaded;
    }
    return { ok: true, value: null };
  }

  /**
   * The tab's page state and the index in one transaction: two tabs saving at once each
   * read the index the other committed (IndexedDB runs them one after the other). The
   * page states beyond MAX_SESSIONS, and the one written before tabs had ids, go.
   */
  async saveSession(state: SessionState, tab = ''): Promise<ParseResult<undefined>> {
    try {
      await this.run<undefined>([STATE], 'readwrite', (tx, done) => {
        const states = tx.objectStore(STATE);
        on(states.get(SESSIONS), (value) => {
          const { index, dropped } = withSession(asSessionIndex(value), { tab, savedAt: state.savedAt, checkpointId: state.checkpointId });
          states.put(state, sessionKey(tab));
          for (const old of dropped) states.delete(sessionKey(old));
          states.put(index, SESSIONS);
          states.delete(LEGACY_SESSION);
          done(undefined);
        });
      });
      return { ok: true, value: undefined };
    } catch (error) {
      return fail(storageError(error, STORED_SESSION, sessionBytes(state)));
    }
  }

  async loadSession(tab?: string): Promise<ParseResult<SessionState | null>> {
    try {
      // [own, newest of the index, the record from before tabs had ids]; only what is needed is read.
      const found = await this.run<[unknown, unknown, unknown]>([STATE], 'readonly', (tx, done) => {
        const states = tx.objectStore(STATE);
        const others = (own: unknown) =>
          on(states.get(SESSIONS), (value) => {
            const newest = asSessionIndex(value)[0];
            on(states.get(LEGACY_SESSION), (legacy) => {
              if (!newest) return done([own, undefined, legacy]);
              on(states.get(sessionKey(newest.tab)), (state) => done([own, state, legacy]));
            });
          });
        if (tab === undefined) return others(undefined);
        // Its own, unless there is none (a new tab) or only one another version wrote.
        on(states.get(sessionKey(tab)), (own) => (asSession(own) === null ? others(undefined) : done([own, undefined, undefined])));
      });
      const [own, newest, legacy] = found;
      return { ok: true, value: sessionFor(own, [newest, legacy]) };
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
export async function openCheckpointStore(factory: IDBFactory | null | undefined, dbName = DEFAULT_DB_NAME, options: StoreOptions = {}): Promise<ParseResult<CheckpointStore>> {
  if (!factory) return fail(msg('checkpoint.no-indexeddb'));
  const opened = await openDatabase(factory, dbName);
  if (!opened.ok) return opened;
  const reopen = async () => {
    const again = await openDatabase(factory, dbName);
    return again.ok ? again.value : null;
  };
  return { ok: true, value: new IdbCheckpointStore(opened.value, options, reopen) };
}

/** Open (creating on first use, or again after the site's data was cleared) the checkpoint database. */
function openDatabase(factory: IDBFactory, dbName: string): Promise<ParseResult<IDBDatabase>> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: ParseResult<IDBDatabase>) => {
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
      // A newer version opened in another tab, or the database is being deleted (the site's data cleared): let it go.
      db.onversionchange = () => db.close();
      settle({ ok: true, value: db });
    };
    request.onerror = () => settle(fail(msg('checkpoint.open-failed', { detail: why(request.error) })));
    request.onblocked = () => settle(fail(msg('checkpoint.open-blocked')));
  });
}
