/**
 * The page's id for its tab, so two tabs on the same data keep two sessions: the worker
 * saves this tab's page state under it, and a reload opens that one, not the session
 * another tab saved since. sessionStorage is the right lifetime: a reload of the tab keeps
 * it, a new tab starts without one (and goes on from the newest session of any tab).
 *
 * A duplicated tab (and a window opened from this one) starts with a copy of the
 * sessionStorage, hence the same id. A Web Lock named after the id, held while the page
 * lives, tells them apart: the copy cannot take it and makes an id of its own. A reload
 * takes it back once the page before it is gone (soon: its lock goes with its document).
 * Without sessionStorage or Web Locks (a sandboxed frame, an old browser) it still works:
 * a fresh id per visit, or no duplicate check.
 */

const KEY = 'nn-playground.tab';
const LOCK_PREFIX = 'nn-playground.tab:';
/** How long a reload waits for the page before it to let go of the id's lock. */
export const RELEASE_WAIT_MS = 1500;

/** The parts of the browser this needs (tests pass fakes). */
export interface TabPorts {
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  locks: Pick<LockManager, 'request'> | null;
  newId: () => string;
}

/** Resolves with this tab's id, kept in sessionStorage and held (by lock) for the page's life. */
export async function tabIdentity({ storage, locks, newId }: TabPorts, waitMs = RELEASE_WAIT_MS): Promise<string> {
  const kept = read(storage);
  if (kept !== null && (!locks || (await hold(locks, kept, waitMs)))) return kept;
  // No id yet (a new tab), or another live page holds this one (a duplicated tab).
  const id = newId();
  write(storage, id);
  if (locks) await hold(locks, id, waitMs);
  return id;
}

/** A random id for a new tab. */
export function randomTabId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** True once this page holds the id's lock (kept until the page goes); false when another page still held it after `waitMs`. */
function hold(locks: Pick<LockManager, 'request'>, id: string, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const giveUp = new AbortController();
    const timer = setTimeout(() => giveUp.abort(), waitMs);
    locks
      .request(`${LOCK_PREFIX}${id}`, { signal: giveUp.signal }, () => {
        clearTimeout(timer);
        resolve(true);
        // Never settles: the lock is released with the page.
        return new Promise<never>(() => {});
      })
      .catch(() => resolve(false));
  });
}

function read(storage: TabPorts['storage']): string | null {
  try {
    return storage?.getItem(KEY) ?? null;
  } catch {
    return null; // Storage refused (a sandboxed frame): a fresh id per visit.
  }
}

function write(storage: TabPorts['storage'], id: string): void {
  try {
    storage?.setItem(KEY, id);
  } catch {
    // Refused or full: this visit still has its id.
  }
}
