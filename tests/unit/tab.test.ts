// The page's id for its tab (src/client/tab.ts): kept across a reload, new for a new
// tab, new for a duplicated tab (same sessionStorage copy, while the original still holds
// the id's Web Lock), and still there without sessionStorage or Web Locks.
import { describe, expect, it } from 'vitest';
import { tabIdentity, type TabPorts } from '../../src/client/tab';

/** One tab's sessionStorage. */
function storage(initial: Record<string, string> = {}): TabPorts['storage'] & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

/** A LockManager shared by the pages of one origin: exclusive locks, waiters queued, abortable while waiting. */
function lockManager() {
  const held = new Map<string, () => void>();
  const waiting = new Map<string, (() => void)[]>();
  const grant = (name: string, callback: () => Promise<unknown>) => {
    let release!: () => void;
    const done = new Promise<void>((r) => (release = r));
    held.set(name, release);
    void callback();
    void done.then(() => {
      held.delete(name);
      waiting.get(name)?.shift()?.();
    });
  };
  const locks: Pick<LockManager, 'request'> = {
    request: ((name: string, options: LockOptions, callback: () => Promise<unknown>) =>
      new Promise((_, reject) => {
        if (!held.has(name)) return grant(name, callback);
        const go = () => grant(name, callback);
        waiting.set(name, [...(waiting.get(name) ?? []), go]);
        options.signal?.addEventListener('abort', () => {
          waiting.set(name, (waiting.get(name) ?? []).filter((w) => w !== go));
          reject(new DOMException('aborted', 'AbortError'));
        });
      })) as LockManager['request'],
  };
  /** The page holding `name` goes away (its document is unloaded). */
  const unload = (name: string) => held.get(name)?.();
  return { locks, held, unload };
}

let n = 0;
const newId = () => `id${++n}`;
const KEY = 'nn-playground.tab';

describe('the tab id', () => {
  it('a new tab gets a new id and keeps it in its sessionStorage', async () => {
    const s = storage();
    const id = await tabIdentity({ storage: s, locks: lockManager().locks, newId });
    expect(s.data[KEY]).toBe(id);
  });

  it('a reload keeps the id, once the page before it let go of its lock', async () => {
    const s = storage();
    const origin = lockManager();
    const first = await tabIdentity({ storage: s, locks: origin.locks, newId });
    // The reload starts while the old document still holds the lock, which goes a moment later.
    const reloaded = tabIdentity({ storage: s, locks: origin.locks, newId }, 1000);
    setTimeout(() => origin.unload(`nn-playground.tab:${first}`), 20);
    expect(await reloaded).toBe(first);
  });

  it('a duplicated tab (a copy of the sessionStorage, the original still open) gets an id of its own', async () => {
    const origin = lockManager();
    const original = storage();
    const first = await tabIdentity({ storage: original, locks: origin.locks, newId });
    const copy = storage(original.data);
    const second = await tabIdentity({ storage: copy, locks: origin.locks, newId }, 30);
    expect(second).not.toBe(first);
    expect(copy.data[KEY]).toBe(second);
    expect(original.data[KEY]).toBe(first);
    expect([...origin.held.keys()].sort()).toEqual([`nn-playground.tab:${first}`, `nn-playground.tab:${second}`].sort());
  });

  it('without Web Locks the kept id is used; without sessionStorage (refused) each visit has a fresh one', async () => {
    const s = storage({ [KEY]: 'kept' });
    expect(await tabIdentity({ storage: s, locks: null, newId })).toBe('kept');
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    const a = await tabIdentity({ storage: refusing, locks: null, newId });
    const b = await tabIdentity({ storage: refusing, locks: null, newId });
    expect(a).not.toBe(b);
  });
});
