/**
 * Where checkpoints and the page state live between visits: tf.estimator's model_dir
 * with Saver's max_to_keep, in the browser. One interface, two implementations:
 * IndexedDB (idb.ts: survives a reload or crash, shared by the tabs of the origin) and
 * memory (below: for a private window without IndexedDB, and for tests). Every method
 * returns a value, never throws: storage that fails must not stop training.
 */
import { msg, type Message } from '../../shared/message';
import type { ParseResult } from '../../shared/result';
import { newestFirst, storageError, storedCheckpoint, toPrune } from './rules';
import type { Checkpoint, CheckpointMeta, SessionState } from './types';

export interface StoreOptions {
  maxToKeep?: number;
  maxTotal?: number;
}

export interface SaveOutcome {
  meta: CheckpointMeta;
  /** Ids of older checkpoints deleted to keep maxToKeep / maxTotal. */
  pruned: string[];
  /** Set when the checkpoint is saved but pruning or the latest pointer failed. */
  warning?: Message;
}

export interface CheckpointStore {
  readonly kind: 'indexeddb' | 'memory';
  /**
   * Write the checkpoint, read it back and compare its length and checksum, and only
   * then prune and point 'latest' at it. On failure nothing older is touched and the
   * reason says so (`checkpoint.quota`: "Browser storage is full: ...").
   */
  save(checkpoint: Checkpoint): Promise<ParseResult<SaveOutcome>>;
  /** Metadata of the stored checkpoints, newest first; only one data set's when given its fingerprint. */
  list(fingerprint?: string): Promise<ParseResult<CheckpointMeta[]>>;
  /** One checkpoint, checked against the checksum written with it. */
  load(id: string): Promise<ParseResult<Checkpoint>>;
  /** Remove a checkpoint; false when there was none with that id. */
  delete(id: string): Promise<ParseResult<boolean>>;
  /** The last saved checkpoint (of one data set when given its fingerprint), or null. */
  latest(fingerprint?: string): Promise<ParseResult<Checkpoint | null>>;
  /** Replace the page state kept for the next visit. */
  saveSession(state: SessionState): Promise<ParseResult<undefined>>;
  /** The page state of the last visit, or null (none, or written by another version). */
  loadSession(): Promise<ParseResult<SessionState | null>>;
  close(): void;
}

/**
 * A CheckpointStore in memory with the same rules (copies in and out, pruning). For
 * running without IndexedDB and for tests; `maxBytes` simulates a storage quota.
 */
export function memoryCheckpointStore(options: StoreOptions & { maxBytes?: number } = {}): CheckpointStore {
  const records = new Map<string, Checkpoint>();
  let latestId: string | null = null;
  let session: SessionState | null = null;
  const used = () => [...records.values()].reduce((sum, c) => sum + c.weights.byteLength, 0);
  const metas = (fingerprint?: string) =>
    [...records.values()]
      .map((c) => c.meta)
      .filter((m) => fingerprint === undefined || m.fingerprint === fingerprint)
      .sort(newestFirst);
  const store: CheckpointStore = {
    kind: 'memory',
    async save(checkpoint) {
      const bytes = checkpoint.weights.byteLength;
      if (options.maxBytes !== undefined && used() + bytes > options.maxBytes) {
        const quota = new DOMException('maxBytes exceeded', 'QuotaExceededError');
        return { ok: false, reason: storageError(quota, storedCheckpoint(checkpoint.meta), bytes) };
      }
      records.set(checkpoint.meta.id, structuredClone(checkpoint));
      const pruned = toPrune(metas(), options.maxToKeep, options.maxTotal);
      pruned.forEach((id) => records.delete(id));
      latestId = checkpoint.meta.id;
      return { ok: true, value: { meta: structuredClone(checkpoint.meta), pruned } };
    },
    async list(fingerprint) {
      return { ok: true, value: structuredClone(metas(fingerprint)) };
    },
    async load(id) {
      const c = records.get(id);
      return c ? { ok: true, value: structuredClone(c) } : { ok: false, reason: msg('checkpoint.missing', { id }) };
    },
    async delete(id) {
      return { ok: true, value: records.delete(id) };
    },
    async latest(fingerprint) {
      const pointed = latestId !== null ? records.get(latestId) : undefined;
      const meta = pointed && (fingerprint === undefined || pointed.meta.fingerprint === fingerprint) ? pointed.meta : metas(fingerprint)[0];
      return meta ? store.load(meta.id) : { ok: true, value: null };
    },
    async saveSession(state) {
      session = structuredClone(state);
      return { ok: true, value: undefined };
    },
    async loadSession() {
      return { ok: true, value: session === null ? null : structuredClone(session) };
    },
    close() {},
  };
  return store;
}
