/**
 * Where checkpoints and the page state live between visits: tf.estimator's model_dir
 * with Saver's max_to_keep, in the browser. One interface, two implementations:
 * IndexedDB (idb.ts: survives a reload or crash, shared by the tabs of the origin) and
 * memory (below: for a private window without IndexedDB, and for tests). Every method
 * returns a value, never throws: storage that fails must not stop training.
 */
import { msg, type Message } from '../../shared/message';
import type { ParseResult } from '../../shared/result';
import { newestFirst, pointedAt, sessionFor, storageError, storedCheckpoint, toPrune, withSession, type SessionEntry } from './rules';
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
   * `owner`: the tab saving it; pruning counts only that tab's checkpoints (rules.ts toPrune).
   */
  save(checkpoint: Checkpoint, owner?: string): Promise<ParseResult<SaveOutcome>>;
  /** Metadata of the stored checkpoints, newest first; only one data set's when given its fingerprint. */
  list(fingerprint?: string): Promise<ParseResult<CheckpointMeta[]>>;
  /** One checkpoint, checked against the checksum written with it. */
  load(id: string): Promise<ParseResult<Checkpoint>>;
  /** Remove a checkpoint; false when there was none with that id. */
  delete(id: string): Promise<ParseResult<boolean>>;
  /**
   * The last saved checkpoint (of one data set when given its fingerprint), or null;
   * given `owner`, that tab's newest first, so a tab goes on from its own run.
   */
  latest(fingerprint?: string, owner?: string): Promise<ParseResult<Checkpoint | null>>;
  /** Replace tab `tab`'s page state kept for its next visit (one per tab: tabs never overwrite each other's). */
  saveSession(state: SessionState, tab?: string): Promise<ParseResult<undefined>>;
  /**
   * The page state a visit of tab `tab` opens with: its own (a reload), else the newest of
   * any tab (a new tab); null when there is none, or only another version's.
   */
  loadSession(tab?: string): Promise<ParseResult<SessionState | null>>;
  close(): void;
}

/**
 * A CheckpointStore in memory with the same rules (copies in and out, pruning). For
 * running without IndexedDB and for tests; `maxBytes` simulates a storage quota.
 */
export function memoryCheckpointStore(options: StoreOptions & { maxBytes?: number } = {}): CheckpointStore {
  const records = new Map<string, { checkpoint: Checkpoint; owner?: string }>();
  let latestId: string | null = null;
  const sessions = new Map<string, SessionState>();
  let index: SessionEntry[] = [];
  const used = () => [...records.values()].reduce((sum, r) => sum + r.checkpoint.weights.byteLength, 0);
  const stamps = () => [...records.values()].map(({ checkpoint, owner }) => ({ ...checkpoint.meta, owner }));
  const metas = (fingerprint?: string, owner?: string) =>
    [...records.values()]
      .filter((r) => (fingerprint === undefined || r.checkpoint.meta.fingerprint === fingerprint) && (owner === undefined || r.owner === owner))
      .map((r) => r.checkpoint.meta)
      .sort(newestFirst);
  const store: CheckpointStore = {
    kind: 'memory',
    async save(checkpoint, owner) {
      const bytes = checkpoint.weights.byteLength;
      if (options.maxBytes !== undefined && used() + bytes > options.maxBytes) {
        const quota = new DOMException('maxBytes exceeded', 'QuotaExceededError');
        const previous = metas(checkpoint.meta.fingerprint)[0]?.globalStep ?? null;
        return { ok: false, reason: storageError(quota, { ...storedCheckpoint(checkpoint.meta), previous }, bytes) };
      }
      records.set(checkpoint.meta.id, { checkpoint: structuredClone(checkpoint), owner });
      const pruned = toPrune(stamps(), options.maxToKeep, options.maxTotal, pointedAt(index, owner));
      pruned.forEach((id) => records.delete(id));
      latestId = checkpoint.meta.id;
      return { ok: true, value: { meta: structuredClone(checkpoint.meta), pruned } };
    },
    async list(fingerprint) {
      return { ok: true, value: structuredClone(metas(fingerprint)) };
    },
    async load(id) {
      const r = records.get(id);
      return r ? { ok: true, value: structuredClone(r.checkpoint) } : { ok: false, reason: msg('checkpoint.missing', { id }) };
    },
    async delete(id) {
      return { ok: true, value: records.delete(id) };
    },
    async latest(fingerprint, owner) {
      const own = owner === undefined ? undefined : metas(fingerprint, owner)[0];
      const pointed = latestId !== null ? records.get(latestId)?.checkpoint : undefined;
      const meta = own ?? (pointed && (fingerprint === undefined || pointed.meta.fingerprint === fingerprint) ? pointed.meta : metas(fingerprint)[0]);
      return meta ? store.load(meta.id) : { ok: true, value: null };
    },
    async saveSession(state, tab = '') {
      const next = withSession(index, { tab, savedAt: state.savedAt, checkpointId: state.checkpointId });
      index = next.index;
      next.dropped.forEach((t) => sessions.delete(t));
      sessions.set(tab, structuredClone(state));
      return { ok: true, value: undefined };
    },
    async loadSession(tab) {
      const newest = index[0] ? sessions.get(index[0].tab) : undefined;
      return { ok: true, value: structuredClone(sessionFor(tab === undefined ? undefined : sessions.get(tab), [newest])) };
    },
    close() {},
  };
  return store;
}
