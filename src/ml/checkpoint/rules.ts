/**
 * The rules both checkpoint stores follow, kept apart from either so they are tested
 * once: which checkpoints pruning deletes (max_to_keep per data set), how a storage
 * failure is put into words, the checksum written beside the weights, and how a page
 * state read back is recognised.
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
}

/** Newest first: by save time, then by id (ids are time-ordered too). */
export function newestFirst<T extends Stamp>(a: T, b: T): number {
  return a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Which records to delete: beyond the `maxToKeep` newest of each fingerprint, then
 * beyond the `maxTotal` newest overall. Records of other data sets are never counted
 * against a data set's max_to_keep, so two tabs on two data sets do not prune each other.
 */
export function toPrune(records: readonly Stamp[], maxToKeep = MAX_TO_KEEP, maxTotal = MAX_TOTAL): string[] {
  const sorted = records.slice().sort(newestFirst);
  const perData = new Map<string, number>();
  const kept: Stamp[] = [];
  const out: string[] = [];
  for (const r of sorted) {
    const n = (perData.get(r.fingerprint) ?? 0) + 1;
    perData.set(r.fingerprint, n);
    if (n > maxToKeep) out.push(r.id);
    else kept.push(r);
  }
  out.push(...kept.slice(maxTotal).map((r) => r.id));
  return out;
}

/** True for the errors browsers raise when the origin's storage quota is used up. */
export function isQuotaError(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const message = error instanceof Error ? error.message : String(error);
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(message);
}

/** What a write was for, as the storage messages name it. */
export type StoredThing = { what: 'checkpoint' | 'session'; step: number };

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

