// Two tabs of the app, as two workspaces (two workers) on one IndexedDB: each trains and
// saves, and a reload of each (a new workspace with the same tab id) goes on with its own
// data set, step and checkpoints. A re-opened CSV comes back with the choices the person
// made, and the page's state takes them.
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { Persistence } from '../../src/ml/app/persistence';
import { Workspace } from '../../src/ml/app/workspace';
import { initialState, reduce } from '../../src/client/state';
import { parseSettings } from '../../src/client/settings';
import type { WorkerEvent } from '../../src/shared/protocol';
import type { DatasetSummary } from '../../src/shared/types';
import { collectingHooks, IRIS_CONFIG, ofType } from './helpers';

const fetchBytes = async (path: string) => new Uint8Array(readFileSync(new URL(`../../public/${path}`, import.meta.url)));

/** One tab's worker: a workspace whose persistence is tab `tab`'s, its events, and the other tabs it tells. */
async function openTab(factory: IDBFactory, tab: string, announced: string[] = []) {
  const events: WorkerEvent[] = [];
  const persistence = await Persistence.open(factory, tab);
  const ws = new Workspace({ ...collectingHooks(events), fetchBytes, announce: () => announced.push(tab) }, 'auto', persistence);
  return { ws, events };
}

// The label is the last column by default; the person picks `colour`.
const FLOWERS = [
  'petal,sepal,colour,species',
  ...Array.from({ length: 60 }, (_, i) => {
    const kind = i % 3;
    return `${(1 + kind * 2 + (i % 5) * 0.1).toFixed(1)},${(3 + (i % 4) * 0.2).toFixed(1)},${['red', 'blue', 'green'][kind]},${['a', 'b', 'c'][(kind + (i % 2)) % 3]}`;
  }),
].join('\n');

const lastDataset = (events: WorkerEvent[]) => ofType(events, 'dataset').at(-1);
const stepsOf = (events: WorkerEvent[]) => (ofType(events, 'checkpoints').at(-1)?.checkpoints ?? []).map((c) => c.globalStep);

describe('two tabs on one IndexedDB', () => {
  it('each trains and saves; a reload of each goes on with its own data set, step and checkpoints', async () => {
    const factory = new IDBFactory();
    const announced: string[] = [];
    const a = await openTab(factory, 'A', announced);
    await a.ws.start(null, IRIS_CONFIG);
    await a.ws.train(1, 300, 100);

    // Tab B opens after A saved: a new tab goes on where the person was (A's Iris at 300)...
    const b = await openTab(factory, 'B', announced);
    await b.ws.start(null, IRIS_CONFIG);
    expect(b.ws.current.globalStep).toBe(300);
    // ...then drops a CSV, picks another label and trains on it, while A trains on.
    await b.ws.loadCsv(new File([FLOWERS], 'flowers.csv'), undefined, { testFraction: 0.25 }, IRIS_CONFIG);
    await b.ws.configureCsv({ testFraction: 0.25, labelColumn: 'colour' }, IRIS_CONFIG);
    await Promise.all([b.ws.train(1, 200, 100), a.ws.train(2, 200, 100)]);
    // Then B saves last, whichever of the two runs above ended first.
    await b.ws.train(3, 100, 100);
    expect(announced.sort()).toEqual(['A', 'A', 'B', 'B']);
    const aSteps = stepsOf(a.events);
    expect(aSteps).toEqual([500, 300]);
    a.ws.current.dispose();
    b.ws.current.dispose();

    // Reload tab A: Iris at 500 and both its checkpoints, though B saved last.
    const a2 = await openTab(factory, 'A');
    await a2.ws.start(null, IRIS_CONFIG);
    expect(lastDataset(a2.events)?.summary.source).toBe('iris');
    expect(a2.ws.current.globalStep).toBe(500);
    expect(stepsOf(a2.events)).toEqual(aSteps);

    // Reload tab B: its CSV, with its label, its split and its step.
    const b2 = await openTab(factory, 'B');
    await b2.ws.start(null, IRIS_CONFIG);
    const dataset = lastDataset(b2.events);
    expect(dataset?.summary.source).toBe('csv');
    expect(dataset?.summary.classNames).toEqual(['blue', 'green', 'red']);
    expect(dataset?.choices).toEqual({ testFraction: 0.25, labelColumn: 'colour' });
    expect(b2.ws.current.globalStep).toBe(300);
    expect(stepsOf(b2.events)).toEqual([300, 200]);

    // A third, new tab: the newest session of any tab (B's saved last).
    const c = await openTab(factory, 'C');
    await c.ws.start(null, IRIS_CONFIG);
    expect(lastDataset(c.events)?.summary.source).toBe('csv');
    [a2, b2, c].forEach((t) => t.ws.current.dispose());
  });

  it("another tab's save refreshes this tab's checkpoints list (othersChanged)", async () => {
    const factory = new IDBFactory();
    const a = await openTab(factory, 'A');
    const b = await openTab(factory, 'B');
    await a.ws.loadPreset('iris', IRIS_CONFIG);
    await b.ws.loadPreset('iris', IRIS_CONFIG);
    await b.ws.train(1, 100, 100);
    expect(stepsOf(a.events)).toEqual([]);
    await a.ws.othersChanged();
    expect(stepsOf(a.events)).toEqual([100]);
    a.ws.current.dispose();
    b.ws.current.dispose();
  });
});

describe('the page takes a re-opened CSV’s choices', () => {
  it('the dataset event’s choices become the page’s (label, excluded, encoding, test fraction in the URL settings)', () => {
    const { settings, notices } = parseSettings('?dataset=csv');
    const before = initialState(settings, notices);
    const summary = { source: 'csv', name: 'flowers.csv' } as DatasetSummary;
    const choices = { labelColumn: 'colour', excluded: ['sepal'], encoding: 'utf-8' as const, testFraction: 0.3 };
    const after = reduce(before, { type: 'dataset', summary, choices }, 0);
    expect(after.csvChoices).toEqual(choices);
    expect(after.settings.testFraction).toBe(0.3);
    // A preset after it: no CSV choices linger.
    expect(reduce(after, { type: 'dataset', summary: { ...summary, source: 'iris' } }, 0).csvChoices).toEqual({});
  });
});
