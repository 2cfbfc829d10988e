/**
 * A reload, a closed tab or a tab put in the background during a run: ask the worker for
 * a checkpoint now (store.checkpointNow), so what a reload re-opens is the run's newest
 * steps, not the last 1000-step save. `pagehide` comes on a reload and a close;
 * `visibilitychange` to hidden also before a mobile browser discards a tab. The worker
 * saves after its current chunk of steps; whether the write finishes before a closing
 * page takes the worker with it is up to the browser, so a reload keeps at least the last
 * checkpoint written (README "Checkpoints, reload and export").
 */

export interface PageEvents {
  addEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void;
}

export function saveWhenHidden(page: PageEvents, doc: { visibilityState: string } & PageEvents, checkpointNow: () => void): void {
  page.addEventListener('pagehide', checkpointNow);
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') checkpointNow();
  });
}
