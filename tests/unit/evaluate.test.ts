/**
 * Binary curves from the worker's side and Evaluate without training: the curves agree
 * with the model's own test evaluation, and an imported model gets its numbers.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { confusionAt } from '../../src/client/threshold';
import { withEvaluations } from '../../src/shared/evaluations';
import type { Evaluation } from '../../src/shared/types';
import { Persistence } from '../../src/ml/app/persistence';
import { Workspace } from '../../src/ml/app/workspace';
import type { WorkerEvent } from '../../src/shared/protocol';
import { collectingHooks, IRIS_CONFIG } from './helpers';
import { english, rejection } from './words';

const fetchBytes = async (path: string) => new Uint8Array(readFileSync(new URL(`../../public/${path}`, import.meta.url)));
// Two overlapping Gaussian blobs, 150 rows, labels yes / no (the browser test's file too).
const BLOBS = readFileSync(new URL('../e2e/fixtures/blobs.csv', import.meta.url), 'utf8');

async function makeWorkspace() {
  const events: WorkerEvent[] = [];
  const ws = new Workspace({ ...collectingHooks(events), fetchBytes }, 'auto', await Persistence.open(new IDBFactory()));
  return { ws, events };
}

/** The probability that a positive row outscores a negative one, ties half: what the AUC must equal. */
function pairwiseAuc(scores: ArrayLike<number>, positives: ArrayLike<number>): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!positives[i]) continue;
    for (let j = 0; j < scores.length; j++) {
      if (positives[j]) continue;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return wins / pairs;
}

describe('binary curves and Evaluate', () => {
  it('gives a two-class data set its curves, which agree with the test evaluation', async () => {
    const { ws } = await makeWorkspace();
    await ws.loadCsv(new File([BLOBS], 'blobs.csv'), undefined, {}, IRIS_CONFIG);
    expect(ws.current.data.classNames).toEqual(['no', 'yes']);
    await ws.train(1, 200, 100);
    const curves = await ws.binaryCurves(1);
    const test = ws.current.data.test;
    expect(curves.scores).toHaveLength(test.rows);
    expect(Array.from(curves.positives)).toEqual(Array.from(test.labels, (l) => (l === 1 ? 1 : 0)));
    expect(curves.auc).toBeGreaterThan(0.7);
    expect(curves.auc).toBeLessThanOrEqual(1);
    expect(curves.auc).toBeCloseTo(pairwiseAuc(curves.scores, curves.positives), 10);
    expect(curves.averagePrecision).toBeGreaterThan(0.5);
    expect(curves.roc?.[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(curves.roc?.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
    expect(curves.roc!.length).toBeLessThanOrEqual(300);

    // At 0.5 the threshold matrix is the model's own (argmax of two classes) on the test split.
    const evaluation = ws.current.history.evaluations.filter((e) => e.split === 'test').at(-1)!;
    const c = confusionAt(curves.scores, curves.positives, 0.5);
    expect([
      [c.tn, c.fp],
      [c.fn, c.tp],
    ]).toEqual(evaluation.confusion);

    // Scoring the other class ranks the rows the other way round: the same AUC.
    const other = await ws.binaryCurves(0);
    expect(other.auc).toBeCloseTo(curves.auc!, 6);
    ws.current.dispose();
  });

  it('refuses curves for a data set of three classes', async () => {
    const { ws } = await makeWorkspace();
    await ws.loadPreset('iris', IRIS_CONFIG);
    expect(await rejection(ws.binaryCurves(1))).toMatch(/two classes.*3/);
    ws.current.dispose();
  });

  it('evaluates an imported model without training it; a second Evaluate replaces, never doubles', async () => {
    const { ws } = await makeWorkspace();
    await ws.loadCsv(new File([BLOBS], 'blobs.csv'), undefined, {}, IRIS_CONFIG);
    await ws.train(1, 200, 100);
    const trained = ws.current.history.evaluations.filter((e) => e.split === 'test').at(-1)!;
    const files = (await ws.exportFiles('model')).map((f) => new File([f.data], f.name));

    const fresh = await makeWorkspace();
    await fresh.ws.loadCsv(new File([BLOBS], 'blobs.csv'), undefined, {}, IRIS_CONFIG);
    await fresh.ws.importModel(files);
    expect(fresh.ws.current.globalStep).toBe(200);
    expect(fresh.ws.current.history.evaluations).toEqual([]);

    const first = await fresh.ws.evaluate();
    expect(first.globalStep).toBe(200);
    // Every split the data set has, the training split first, test last.
    const splits = ['train', ...(fresh.ws.current.data.validation?.rows ? ['validation'] : []), 'test'];
    expect(first.evaluations.map((e) => e.split)).toEqual(splits);
    const test = first.evaluations.at(-1)!;
    expect(test.accuracy).toBeCloseTo(trained.accuracy, 6);
    expect(test.confusion).toEqual(trained.confusion);
    expect(fresh.ws.current.globalStep).toBe(200);

    await fresh.ws.evaluate();
    const history = fresh.ws.current.history;
    expect(history.evaluations.map((e) => `${e.split}@${e.globalStep}`)).toEqual(splits.map((s) => `${s}@200`));
    expect(history.points).toHaveLength(splits.length);
    ws.current.dispose();
    fresh.ws.current.dispose();
  });

  it('evaluates a restored checkpoint at its step, with the numbers it had there', async () => {
    const { ws, events } = await makeWorkspace();
    await ws.loadCsv(new File([BLOBS], 'blobs.csv'), undefined, {}, IRIS_CONFIG);
    await ws.train(1, 200, 100);
    const at200 = ws.current.history.evaluations.filter((e) => e.split === 'test').at(-1)!;
    await ws.train(2, 200, 100);
    const listed = events.filter((e): e is Extract<WorkerEvent, { type: 'checkpoints' }> => e.type === 'checkpoints').pop();
    const older = listed?.checkpoints.find((c) => c.globalStep === 200);
    await ws.restoreCheckpoint(older?.id ?? 'missing');
    expect(ws.current.globalStep).toBe(200);
    const { evaluations } = await ws.evaluate();
    const test = evaluations.at(-1)!;
    expect(test).toMatchObject({ split: 'test', globalStep: 200 });
    expect(test.accuracy).toBeCloseTo(at200.accuracy, 6);
    expect(test.confusion).toEqual(at200.confusion);
    // The restored history already had step 200's evaluations: replaced, not doubled.
    expect(ws.current.history.evaluations.filter((e) => e.split === 'test' && e.globalStep === 200)).toHaveLength(1);
    ws.current.dispose();
  });

  it('says why while a run is going', async () => {
    const { ws } = await makeWorkspace();
    await ws.loadPreset('iris', IRIS_CONFIG);
    const run = ws.train(1, 300, 100);
    const refused = await rejection(ws.evaluate());
    await run;
    expect(refused).toBe(english({ code: 'app.stop-first', params: {} }));
    ws.current.dispose();
  });
});

describe('evaluations added outside a run', () => {
  const evaluation = (split: Evaluation['split'], globalStep: number, accuracy: number): Evaluation => ({ split, globalStep, accuracy, averageLoss: 0.3, loss: 9, examples: 30, correct: Math.round(accuracy * 30) });

  it('replace the same split at the same step and keep the training loss and other steps', () => {
    const history = {
      points: [
        { step: 100, split: 'train' as const, loss: 0.5 },
        { step: 100, split: 'test' as const, loss: 0.4, accuracy: 0.8 },
        { step: 200, split: 'train' as const, loss: 0.3 },
        { step: 200, split: 'test' as const, loss: 0.35, accuracy: 0.9 },
      ],
      evaluations: [evaluation('test', 100, 0.8), evaluation('test', 200, 0.9)],
    };
    const added = { points: [{ step: 200, split: 'test' as const, loss: 0.35, accuracy: 0.9 }], evaluations: [evaluation('test', 200, 0.9)] };
    const next = withEvaluations(history, added);
    expect(next.evaluations.map((e) => e.globalStep)).toEqual([100, 200]);
    expect(next.points.map((p) => `${p.split}@${p.step}${p.accuracy === undefined ? '' : '+'}`)).toEqual(['train@100', 'test@100+', 'train@200', 'test@200+']);
  });
});
