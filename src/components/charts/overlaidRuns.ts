import { useSyncExternalStore } from 'react';

/**
 * Which earlier runs are overlaid on the charts (by run id). Shared between the charts in the
 * workspace and the runs table in the drawer, two components far apart in the page; a page
 * session's view choice, so it lives here rather than in the app's state or the URL.
 */
let overlaid: ReadonlySet<number> = new Set();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function toggleOverlaid(id: number): void {
  const next = new Set(overlaid);
  if (!next.delete(id)) next.add(id);
  overlaid = next;
  for (const l of listeners) l();
}

export function useOverlaidRuns(): ReadonlySet<number> {
  return useSyncExternalStore(subscribe, () => overlaid);
}
