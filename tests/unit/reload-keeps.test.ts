/**
 * What a reload keeps (#19 item 5): the step shown after a reload is the last one saved,
 * even when the page state that points at it was never written (a reload during the
 * save); a page being hidden asks for a checkpoint mid-run; and a worker that replaces a
 * hung one re-reads the CSV the page holds and goes on from its newest checkpoint.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Persistence } from '../../src/ml/app/persistence';
import { Workspace } from '../../src/ml/app/workspace';
import { saveWhenHidden } from '../../src/client/pageHide';
import { pageCallbacks } from '../../src/ml/app/events';
import { Session } from '../../src/ml/train/session';
import { SAVE_EVERY_MS } from '../../src/ml/train/checkpointPolicy';
import type { WorkerEvent } from '../../src/shared/protocol';
import { collectingHooks, IRIS_CONFIG, loadIris, ofType } from './helpers';

const fetchBytes = async (path: string) => new Uint8Array(readFileSync(new URL(`../../public/${path}`, import.meta.url)));

async function makeWorkspace(factory: IDBFactory, tab = 'tab-a') {
  const events: WorkerEvent[] = [];
  const persistence = await Persistence.open(factory, tab);
  const ws = new Workspace({ ...collectingHooks(events), fetchBytes }, 'fused', persistence);
  return { ws, events };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('a reload', () => {
  it('opens the checkpoint written last even when the page state pointing at it was not written', async () => {
    const factory = new IDBFactory();
    const first = await makeWorkspace(factory);
    await first.ws.start(null, IRIS_CONFIG);
    await first.ws.train(1, 200, 100);
    // The next save's checkpoint commits; its page state never does (the page went away in between).
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'state' && String(args[1]).startsWith('session:')) throw new DOMException('the page is gone', 'AbortError');
      return put.apply(this, args);
    });
    await first.ws.train(2, 300, 100);
    vi.restoreAllMocks();
    const listed = ofType(first.events, 'checkpoints').pop()?.checkpoints.map((c) => c.globalStep);
    expect(listed?.[0]).toBe(500);
    first.ws.current.dispose();

    const second = await makeWorkspace(factory);
    await second.ws.start(null, IRIS_CONFIG);
    expect(second.ws.current.globalStep).toBe(500);
    // The history goes up to the older page state's, with the checkpoint's own evaluations at its step.
    const history = ofType(second.events, 'history')[0];
    expect(history.evaluations.filter((e) => e.split === 'test').map((e) => e.globalStep)).toEqual([100, 200, 500]);
    second.ws.current.dispose();
  });

  it('a page hidden mid-run gets a checkpoint at the next chunk, not at the next 1000 steps', async () => {
    const factory = new IDBFactory();
    const events: WorkerEvent[] = [];
    const persistence = await Persistence.open(factory, 'tab-b');
    let asked = false;
    const hooks = collectingHooks(events);
    let ws: Workspace | null = null;
    const yieldToEvents = async () => {
      await hooks.yieldToEvents();
      // What the worker does on the page's `checkpoint-now`, once the run has taken some steps.
      if (!asked && ws && ws.current.globalStep >= 50) {
        asked = true;
        ws.current.checkpointSoon();
      }
    };
    ws = new Workspace({ ...hooks, yieldToEvents, fetchBytes }, 'fused', persistence);
    await ws.start(null, IRIS_CONFIG);
    await ws.train(1, 900, 100);
    const steps = ofType(events, 'checkpoints').pop()?.checkpoints.map((c) => c.globalStep) ?? [];
    expect(steps[0]).toBe(900);
    expect(steps).toHaveLength(2);
    expect(steps[1]).toBeGreaterThanOrEqual(50);
    expect(steps[1]).toBeLessThan(900);
    ws.current.dispose();
  });

  it('a run saves at least every SAVE_EVERY_MS, not only every 1000 steps', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const saved: number[] = [];
    // Each pause "takes" a third of SAVE_EVERY_MS on the fake clock; evaluating every 10 steps keeps chunks at 10 steps.
    const yieldToEvents = async () => void vi.advanceTimersByTime(SAVE_EVERY_MS / 3);
    const events: WorkerEvent[] = [];
    const session = new Session(loadIris(), IRIS_CONFIG, pageCallbacks((e) => events.push(e), yieldToEvents, async (s) => void saved.push(s.globalStep)), 'fused');
    await session.train(1, 100, 10);
    // Saves within the run (no 1000-step boundary in it), then the run's end.
    expect(saved.length).toBeGreaterThanOrEqual(3);
    expect(saved[saved.length - 1]).toBe(100);
    expect(saved.slice(0, -1).every((step) => step > 0 && step < 100)).toBe(true);
    session.dispose();
  });

  it('asks for a checkpoint on pagehide and when the page becomes hidden, not when it becomes visible', () => {
    const listeners = new Map<string, () => void>();
    const page = { addEventListener: (type: string, listener: () => void) => void listeners.set(`page:${type}`, listener) };
    const doc = { visibilityState: 'visible', addEventListener: (type: string, listener: () => void) => void listeners.set(`doc:${type}`, listener) };
    let asked = 0;
    saveWhenHidden(page, doc, () => void asked++);
    listeners.get('doc:visibilitychange')?.();
    expect(asked).toBe(0);
    doc.visibilityState = 'hidden';
    listeners.get('doc:visibilitychange')?.();
    listeners.get('page:pagehide')?.();
    expect(asked).toBe(2);
  });
});

describe('a worker replacing a hung one', () => {
  it('re-reads the CSV the page holds, even one not kept in the browser, and goes on from its newest checkpoint', async () => {
    const factory = new IDBFactory();
    const rows = Array.from({ length: 60 }, (_, i) => `${(i % 3) + Math.sin(i)},${(i * 7) % 5},${['a', 'b', 'c'][i % 3]}`);
    const file = new File([`x,y,kind\n${rows.join('\n')}\n`], 'held.csv');
    const first = await makeWorkspace(factory, 'tab-c');
    await first.ws.loadCsv(file, undefined, {}, IRIS_CONFIG);
    await first.ws.train(1, 300, 100);
    first.ws.current.dispose();

    const second = await makeWorkspace(factory, 'tab-c');
    await second.ws.start('iris', IRIS_CONFIG, { file, choices: {} });
    expect(ofType(second.events, 'dataset')[0].summary).toMatchObject({ source: 'csv', name: 'held.csv' });
    expect(second.ws.current.globalStep).toBe(300);
    second.ws.current.dispose();
  });
});
