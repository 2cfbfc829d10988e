/**
 * The cross-validation runner on Iris with short runs: k fold results over all 150 rows,
 * mean and sample sd of exactly those results, progress fold by fold, Stop ending the whole
 * cross-validation, the refusals, a failing fold; and the workspace's run: the folds, then
 * the shown model's own run on the usual split under the same runId.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CrossValidation, MAX_CV_ROWS, standardizedSlots, type CvProgress } from '../../src/ml/app/crossValidation';
import { loadCsv } from '../../src/ml/csv/index';
import { Persistence } from '../../src/ml/app/persistence';
import { Workspace } from '../../src/ml/app/workspace';
import { meanSd } from '../../src/ml/train/folds';
import type { ClassificationData } from '../../src/ml/datasets/data';
import type { Message } from '../../src/shared/message';
import type { WorkerEvent } from '../../src/shared/protocol';
import { collectingHooks, IRIS_CONFIG, loadIris, ofType } from './helpers';
import { english } from './words';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Steps a fold is asked for in the Stop tests: more than it can train before the Stop, so only Stop ends it (a step count, not a timeout). */
const UNTIL_STOPPED = 100_000;

function runner(data: ClassificationData, folds: number, steps: number, patience = 0, config = IRIS_CONFIG) {
  const progress: CvProgress[] = [];
  const notices: Message[] = [];
  const cv = new CrossValidation(data, config, 'auto', { runId: 7, folds, steps, evalEvery: 100, patience }, {
    yieldToEvents: tick,
    progress: (p) => progress.push(p),
    notice: (m) => notices.push(m),
  });
  return { cv, progress, notices };
}

describe('cross-validation of a model\'s settings', () => {
  it('gives k fold results over every row, with their mean and sample standard deviation', async () => {
    const before = tf.memory().numTensors;
    const { cv, progress } = runner(loadIris(), 5, 100);
    const outcome = await cv.run();
    expect(outcome.end).toBe('done');
    if (outcome.end !== 'done') return;
    const { summary } = outcome;
    expect(summary).toMatchObject({ folds: 5, rows: 150, seed: 42, steps: 100 });
    expect(summary.results.map((f) => f.fold)).toEqual([1, 2, 3, 4, 5]);
    expect(summary.results.map((f) => f.testRows)).toEqual([30, 30, 30, 30, 30]);
    expect(summary.results.every((f) => f.trainRows === 120 && f.globalStep === 100)).toBe(true);
    for (const f of summary.results) {
      expect(f.accuracy).toBeGreaterThanOrEqual(0);
      expect(f.accuracy).toBeLessThanOrEqual(1);
      // An accuracy on 30 rows is a count of 30ths.
      expect(Math.abs(f.accuracy * 30 - Math.round(f.accuracy * 30))).toBeLessThan(1e-9);
      expect(f.averageLoss).toBeGreaterThan(0);
      expect(f.macroF1).toBeGreaterThanOrEqual(0);
      expect(f.macroF1).toBeLessThanOrEqual(1);
    }
    const accuracies = summary.results.map((f) => f.accuracy);
    const mean = accuracies.reduce((a, b) => a + b) / 5;
    expect(summary.accuracy.mean).toBeCloseTo(mean, 12);
    expect(summary.accuracy.sd).toBeCloseTo(Math.sqrt(accuracies.reduce((a, v) => a + (v - mean) ** 2, 0) / 4), 12);
    expect(summary.averageLoss).toEqual(meanSd(summary.results.map((f) => f.averageLoss)));
    // Progress names each fold in turn, starting at its step 0, and ends at its last step.
    const folds = [...new Set(progress.map((p) => p.fold))];
    expect(folds).toEqual([1, 2, 3, 4, 5]);
    expect(progress[0]).toEqual({ runId: 7, fold: 1, folds: 5, globalStep: 0, steps: 100 });
    expect(progress.filter((p) => p.fold === 5).pop()?.globalStep).toBe(100);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('repeats itself: the same settings and seed give the same fold results', async () => {
    const a = await runner(loadIris(), 3, 100).cv.run();
    const b = await runner(loadIris(), 3, 100).cv.run();
    expect(a.end === 'done' && b.end === 'done' && a.summary.results).toEqual(b.end === 'done' && b.summary.results);
  });

  it('Stop ends the whole cross-validation: the fold running and every fold after it', async () => {
    const { cv, progress } = runner(loadIris(), 5, UNTIL_STOPPED);
    const running = cv.run();
    while (!progress.some((p) => p.globalStep > 0)) await tick();
    cv.stop(6); // another run's Stop changes nothing
    cv.stop(7);
    const outcome = await running;
    expect(outcome).toEqual({ end: 'stopped', completed: [] });
    expect(Math.max(...progress.map((p) => p.fold))).toBe(1);
    expect(progress[progress.length - 1].globalStep).toBeLessThan(UNTIL_STOPPED);
  });

  it('refuses more folds than rows, and data sets past MAX_CV_ROWS, with a reason', async () => {
    const iris = loadIris();
    const tooMany = await runner(iris, 151, 10).cv.run();
    expect(tooMany.end === 'error' && english(tooMany.message)).toContain('between 2 and 150 folds');
    const rows = MAX_CV_ROWS + 1;
    const big: ClassificationData = {
      name: 'big',
      featureNames: ['x'],
      classNames: ['a', 'b'],
      train: { features: new Float32Array(rows), labels: Int32Array.from({ length: rows }, (_, i) => i % 2), rows },
      test: { features: new Float32Array(0), labels: new Int32Array(0), rows: 0 },
    };
    const refused = await runner(big, 5, 10).cv.run();
    expect(refused.end === 'error' && english(refused.message)).toMatch(/20,001 rows \(more than 20,000\)/);
  });

  it('says when a class has fewer rows than folds, and that early stopping watches a validation split', async () => {
    const iris = loadIris();
    // Keep three virginica rows: 3 < 5 folds.
    const keep = (split: ClassificationData['train']) => {
      const rows: number[] = [];
      let virginica = 0;
      for (let r = 0; r < split.rows; r++) if (split.labels[r] !== 2 || virginica++ < 3) rows.push(r);
      return {
        features: Float32Array.from(rows.flatMap((r) => Array.from(split.features.subarray(r * 4, r * 4 + 4)))),
        labels: Int32Array.from(rows, (r) => split.labels[r]),
        rows: rows.length,
      };
    };
    const data = { ...iris, train: keep(iris.train), test: { ...iris.test, features: new Float32Array(0), labels: new Int32Array(0), rows: 0 } };
    const { cv, notices } = runner(data, 5, 100, 2);
    const outcome = await cv.run();
    expect(outcome.end).toBe('done');
    expect(notices.map(english)).toEqual([
      expect.stringContaining('Class "virginica" has only 3 rows, fewer than the 5 folds'),
      expect.stringContaining('10% of that fold\'s training rows'),
    ]);
  });

  it('a fold whose loss becomes NaN ends the cross-validation with the fold and the reason', async () => {
    const { cv } = runner(loadIris(), 5, 300, 0, { ...IRIS_CONFIG, optimizer: 'sgd', learningRate: 1e30 });
    const outcome = await cv.run();
    expect(outcome.end).toBe('error');
    if (outcome.end === 'error') expect(english(outcome.message)).toMatch(/^Fold 1 of 5 failed: The loss became/);
  });
});

describe('a CSV\'s standardised slots', () => {
  it('are its numeric columns\' slots, past the one-hot slots of categorical ones; none without a schema', () => {
    const text = ['colour,petal,size,sepal,species', ...Array.from({ length: 30 }, (_, i) => `${['red', 'blue', ''][i % 3]},${1 + (i % 7) * 0.3},${['s', 'm'][i % 2]},${3 + (i % 4) * 0.2},${['a', 'b'][i % 2]}`)].join('\n');
    const csv = loadCsv(new TextEncoder().encode(text), 'flowers.csv', {});
    if (!csv.ok) throw new Error(english(csv.reason));
    const names = csv.value.schema.featureNames;
    const slots = standardizedSlots(csv.value.schema, names.length);
    expect(slots.map((i) => names[i])).toEqual(['petal', 'sepal']);
    expect(standardizedSlots(null, 4)).toEqual([]);
    expect(standardizedSlots(csv.value.schema, names.length + 1)).toEqual([]);
  });
});

describe('cross-validation in the workspace', () => {
  const fetchBytes = async (path: string) => new Uint8Array(readFileSync(new URL(`../../public/${path}`, import.meta.url)));

  it('runs the folds, then the shown model trains on the usual split under the same runId', async () => {
    const events: WorkerEvent[] = [];
    const ws = new Workspace({ ...collectingHooks(events), fetchBytes }, 'auto', await Persistence.open(undefined));
    await ws.loadPreset('iris', IRIS_CONFIG);
    await ws.crossValidate({ runId: 3, folds: 5, steps: 100, evalEvery: 100, patience: 0 });
    const result = ofType(events, 'cv-result');
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ runId: 3, end: 'done', summary: { folds: 5, rows: 150 } });
    // The shown model's run comes after the folds: its evaluations are on the tutorial's 30 test rows.
    const after = events.slice(events.indexOf(result[0]));
    expect(ofType(after, 'run-end')).toEqual([expect.objectContaining({ runId: 3, end: 'done', globalStep: 100 })]);
    const tests = ofType(after, 'progress').flatMap((p) => p.evaluations.filter((e) => e.split === 'test'));
    expect(tests.pop()).toMatchObject({ examples: 30, globalStep: 100 });
    // The folds' progress went out as cv-progress only, never as the shown model's progress.
    const before = events.slice(0, events.indexOf(result[0]));
    expect(ofType(before, 'progress')).toHaveLength(0);
    expect(ofType(before, 'cv-progress').length).toBeGreaterThanOrEqual(5);
    expect(ws.current.globalStep).toBe(100);
    ws.current.dispose();
  });

  it('cross-validates a dropped CSV: every labelled row, file and test split pooled', async () => {
    const events: WorkerEvent[] = [];
    const ws = new Workspace({ ...collectingHooks(events), fetchBytes }, 'auto', await Persistence.open(undefined));
    const text = ['petal,sepal,colour,species', ...Array.from({ length: 40 }, (_, i) => `${1 + (i % 2) * 2 + (i % 5) * 0.1},${3 + (i % 4) * 0.2},${['red', 'blue'][i % 2]},${['a', 'b'][i % 2]}`)].join('\n');
    await ws.loadCsv(new File([text], 'flowers.csv'), undefined, {}, IRIS_CONFIG);
    await ws.crossValidate({ runId: 2, folds: 4, steps: 100, evalEvery: 100, patience: 0 });
    const [result] = ofType(events, 'cv-result');
    expect(result).toMatchObject({ end: 'done', summary: { folds: 4, rows: 40 } });
    expect(result.summary?.results.map((f) => f.testRows)).toEqual([10, 10, 10, 10]);
    // Two well separated classes: every fold's model tells them apart.
    expect(result.summary?.accuracy.mean).toBeGreaterThan(0.9);
    ws.current.dispose();
  });

  it('Stop during the folds ends it: no shown run follows, and the workspace is free again', async () => {
    const events: WorkerEvent[] = [];
    const ws = new Workspace({ ...collectingHooks(events), fetchBytes }, 'auto', await Persistence.open(undefined));
    await ws.loadPreset('iris', IRIS_CONFIG);
    const running = ws.crossValidate({ runId: 4, folds: 10, steps: UNTIL_STOPPED, evalEvery: 100, patience: 0 });
    while (!ofType(events, 'cv-progress').some((p) => p.globalStep > 0)) await tick();
    // Busy: nothing else loads while the folds run.
    await expect(ws.loadPreset('iris', IRIS_CONFIG)).rejects.toThrow(/app.stop-first/);
    ws.stop(4);
    await running;
    expect(ofType(events, 'cv-result')).toEqual([{ type: 'cv-result', runId: 4, end: 'stopped', completed: [] }]);
    expect(ofType(events, 'run-end')).toHaveLength(0);
    expect(ws.current.globalStep).toBe(0);
    await ws.train(5, 100, 100);
    expect(ofType(events, 'run-end')).toEqual([expect.objectContaining({ runId: 5, end: 'done' })]);
    ws.current.dispose();
  });
});
