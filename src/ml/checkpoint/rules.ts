/**
 * The rules both checkpoint stores follow, kept apart from either so they are tested
 * once: which checkpoints pruning deletes (max_to_keep per tab and data set), how a
 * storage failure is put into words, the checksum written beside the weights, how a page
 * state read back is recognised, and which tab's page state a visit opens.
 */
import { msg, type Message } from '../../shared/message';
import { fnv1a64 } from './fingerprint';
import { withConfigDefaults, type StoredModelConfig } from '../../shared/modelConfig';
import { CHECKPOINT_VERSION, type CheckpointMeta, type SessionState } from './types';

/** Checkpoints kept per data set (Saver's max_to_keep). */
export const MAX_TO_KEEP = 5;
/** Checkpoints kept over all data sets, so trying many files does not fill the disk. */
export const MAX_TOTAL = 20;

/** The small part of a checkpoint the pruning rule reads. */
export interface Stamp {
  id: string;
  fingerprint: string;
  savedAt: string;
  /** The tab that saved it (a record written before tabs had ids has none: one group of its own). */
  owner?: string;
}

/** Newest first: by save time, then by id (ids are time-ordered too). */
export function newestFirst<T extends Stamp>(a: T, b: T): number {
  return a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Which records to delete: beyond the `maxToKeep` newest of each run (one tab's
 * checkpoints of one data set), then beyond the `maxTotal` newest overall. A tab's
 * max_to_keep counts only its own checkpoints, so two tabs on the same data set (or on
 * two) never prune each other's run; `keep` (the checkpoints other tabs' page states
 * point at) is never deleted, not even by the total cap.
 */
export function toPrune(records: readonly Stamp[], maxToKeep = MAX_TO_KEEP, maxTotal = MAX_TOTAL, keep: ReadonlySet<string> = new Set()): string[] {
  const sorted = records.slice().sort(newestFirst);
  const perRun = new Map<string, number>();
  const kept: Stamp[] = [];
  const out: string[] = [];
  for (const r of sorted) {
    const run = `${r.owner ?? ''}\u0000${r.fingerprint}`;
    const n = (perRun.get(run) ?? 0) + 1;
    perRun.set(run, n);
    if (n > maxToKeep && !keep.has(r.id)) out.push(r.id);
    else kept.push(r);
  }
  // Kept ones beyond the cap may exceed it by the few that are pointed at (at most MAX_SESSIONS).
  out.push(...kept.slice(maxTotal).filter((r) => !keep.has(r.id)).map((r) => r.id));
  return out;
}

/** Page states kept, one per tab, newest first: the oldest beyond this gives its room up (a CSV's bytes are in it). */
export const MAX_SESSIONS = 8;

/** One tab's page state in the index of page states: whose, when, and the checkpoint it points at. */
export interface SessionEntry {
  tab: string;
  savedAt: string;
  checkpointId: string | null;
}

/** The index of page states read back; anything else (none yet, another version's) is an empty one. */
export function asSessionIndex(value: unknown): SessionEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is SessionEntry =>
      typeof e === 'object' && e !== null && typeof (e as SessionEntry).tab === 'string' && typeof (e as SessionEntry).savedAt === 'string' && ((e as SessionEntry).checkpointId === null || typeof (e as SessionEntry).checkpointId === 'string'),
  );
}

/** The index with `entry` as its newest, and the tabs whose page states fall beyond `max` (to delete). */
export function withSession(index: readonly SessionEntry[], entry: SessionEntry, max = MAX_SESSIONS): { index: SessionEntry[]; dropped: string[] } {
  // By save time (the entry being written is the newest in practice; clocks and transactions may disagree).
  const next = [entry, ...index.filter((e) => e.tab !== entry.tab)].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
  return { index: next.slice(0, max), dropped: next.slice(max).map((e) => e.tab) };
}

/** The checkpoints the page states of tabs other than `owner` point at: its pruning leaves them. */
export function pointedAt(index: readonly SessionEntry[], owner: string | undefined): Set<string> {
  return new Set(index.flatMap((e) => (e.tab !== owner && e.checkpointId !== null ? [e.checkpointId] : [])));
}

/**
 * Which page state a tab opens with: its own when it has one (a reload of that tab), else
 * the newest of any tab (a new tab goes on where the person was last); `candidates` are
 * the newest of the index and the record of a version before tabs had ids.
 */
export function sessionFor(own: unknown, candidates: readonly unknown[]): SessionState | null {
  const mine = asSession(own);
  if (mine) return mine;
  const found = candidates.map(asSession).filter((s): s is SessionState => s !== null);
  return found.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0))[0] ?? null;
}

/** True for the errors browsers raise when the origin's storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const message = error instanceof Error ? error.message : String(error);
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(message);
}

/** What a write was for, as the storage messages name it. */
export type StoredThing = { what: 'checkpoint' | 'session'; step: number; previous?: number | null };

export const storedCheckpoint = (meta: CheckpointMeta): StoredThing => ({ what: 'checkpoint', step: meta.globalStep });
export const STORED_SESSION: StoredThing = { what: 'session', step: 0 };

/** A storage failure as a message: what (of `bytes`) was not saved; the wording says the older state is intact. */
export function storageError(error: unknown, stored: StoredThing, bytes: number): Message {
  if (isQuotaError(error)) return msg('checkpoint.quota', { ...stored, bytes });
  const name = typeof error === 'object' && error !== null && 'name' in error ? `${String(error.name)}: ` : '';
  const message = error instanceof Error ? error.message : String(error);
  return msg('checkpoint.save-failed', { ...stored, detail: `${name}${message}` });
}

/** Checksum and length of a checkpoint's weights, as written beside them. */
export function sealOf(weights: ArrayBuffer): { byteLength: number; checksum: string } {
  return { byteLength: weights.byteLength, checksum: fnv1a64(weights) };
}

/**
 * A session state read back, or null when it is not one this version wrote. A state
 * saved before activation, dropout and l2 existed gets them as they were meant.
 */
export function asSession(value: unknown): SessionState | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Partial<SessionState>;
  const ok = s.version === CHECKPOINT_VERSION && typeof s.dataset === 'object' && typeof s.config === 'object' && s.config !== null && Array.isArray(s.points) && Array.isArray(s.evaluations);
  return ok ? { ...(s as SessionState), config: withConfigDefaults(s.config as StoredModelConfig) } : null;
}

/** A checkpoint's metadata read back: one saved before activation, dropout and l2 existed gets them as they were meant. */
export function asStoredMeta(meta: CheckpointMeta): CheckpointMeta {
  return { ...meta, config: withConfigDefaults(meta.config as StoredModelConfig) };
}

