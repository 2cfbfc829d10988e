/**
 * A regression beyond its training loop: cross-validation reports R², RMSE and MAE per fold
 * over every row; the map's cells are predicted numbers over the two inputs most
 * correlated with the target; the fit view gives actual against predicted in the label's
 * units; a file of rows gets a number column scored by RMSE/MAE/R²; the divergence watch
 * measures against the target's variance and never against a chance level.
 */
import { describe, expect, it } from 'vitest';
import { CrossValidation } from '../../src/ml/app/crossValidation';
import { buildDataset } from '../../src/ml/csv/dataset';
import { Persistence } from '../../src/ml/app/persistence';
import { Workspace } from '../../src/ml/app/workspace';
import { mulberry32 } from '../../src/ml/model/rng';
import { DivergenceWatch } from '../../src/ml/train/divergence';
import type { WorkerEvent } from '../../src/shared/protocol';
import { collectingHooks, IRIS_CONFIG, ofType } from './helpers';
import { table } from './csvFixtures';

/** y = 40 a - 25 b + noise; c is noise; d a category that adds 10. */
function text(rows = 160): string {
  const random = mulberry32(5);
  const lines = ['a,c,d,b,y'];
  for (let r = 0; r < rows; r++) {
    const a = random() * 4;
    const b = random() * 3;
    const d = ['p', 'q'][r % 2];
    lines.push(`${a.toFixed(3)},${random().toFixed(3)},${d},${b.toFixed(3)},${(40 * a - 25 * b + (d === 'q' ? 10 : 0) + random()).toFixed(2)}`);
  }
  return lines.join('\n');
}

function built() {
  const b = buildDataset(table(text(), 'lin.csv'));
  if (!b.ok) throw new Error(JSON.stringify(b.reason));
  return b.value;
}

describe('a regression', () => {
  it('cross-validates with R², RMSE and MAE per fold', async () => {
    const { data } = built();
    const cv = new CrossValidation(data, IRIS_CONFIG, 'auto', { runId: 1, folds: 4, steps: 300, evalEvery: 100, patience: 0 }, { yieldToEvents: () => new Promise((r) => setImmediate(r)) });
    const outcome = await cv.run();
    expect(outcome.end).toBe('done');
    if (outcome.end !== 'done') return;
    const { summary } = outcome;
    expect(summary.results.reduce((n, f) => n + f.testRows, 0)).toBe(160);
    expect(summary.results.every((f) => f.regression !== undefined && Number.isNaN(f.accuracy))).toBe(true);
    expect(summary.regression!.r2.mean).toBeGreaterThan(0.9);
    expect(summary.regression!.rmse.mean).toBeGreaterThan(0);
  });

  it('through the workspace: baselines, the map of predicted numbers, the fit, and a file\'s numbers', async () => {
    const events: WorkerEvent[] = [];
    const ws = new Workspace({ ...collectingHooks(events), fetchBytes: async () => new Uint8Array() }, 'auto', await Persistence.open(undefined));
    await ws.loadCsv(new File([text()], 'lin.csv'), undefined, { validationFraction: 0 }, IRIS_CONFIG);
    const summary = ofType(events, 'dataset').at(-1)!.summary;
    expect(summary).toMatchObject({ task: 'regression', classNames: [] });
    await expect.poll(() => ofType(events, 'baselines').length).toBeGreaterThan(0);
    const baselines = ofType(events, 'baselines').at(-1)!.baselines!;
    expect(baselines.task).toBe('regression');
    if (baselines.task === 'regression') expect(baselines.linear.r2).toBeGreaterThan(0.95);
    await ws.train(1, 400, 100, 0);

    // The map: the worker picks a and b (|r| with y highest), each cell a number of y's range.
    const map = await ws.boundary(-1, -1, 12);
    expect([summary.inputs[map.x].name, summary.inputs[map.y].name]).toEqual(['a', 'b']);
    expect(map.values!.cells.length).toBe(144);
    expect(map.values!.points.length).toBe(map.points.shown);
    // The points carry their actual y (label units): the training rows' within the training range.
    const train = Array.from(map.values!.points).filter((_, i) => map.points.test[i] === 0);
    expect(Math.min(...train)).toBeCloseTo(summary.target!.min, 2);
    expect(Math.max(...train)).toBeCloseTo(summary.target!.max, 2);
    const cells = Array.from(map.values!.cells);
    expect(Math.max(...cells) - Math.min(...cells)).toBeGreaterThan(summary.target!.sd);

    const fit = ws.regressionFit(1000);
    expect(fit.shown).toBe(summary.testRows);
    const errors = Array.from(fit.actual, (y, i) => Math.abs(y - fit.predicted[i]));
    expect(errors.reduce((a, e) => a + e, 0) / errors.length).toBeLessThan(summary.target!.sd * 0.5);

    const rows = ['a,c,d,b,y', '1,0.5,p,1,15', '3,0.5,q,0,130'].join('\n');
    const file = await ws.predictFile(new File([rows], 'new.csv'));
    expect(file.columns.at(-1)).toBe('predicted y');
    expect(file.regressionScore?.examples).toBe(2);
    const values = file.preview.map((r) => Number(r.at(-1)));
    expect(values[0]).toBeGreaterThan(0);
    expect(values[0]).toBeLessThan(40);
    expect(values[1]).toBeGreaterThan(100);
    expect(file.csv.split('\r\n')[0]).toBe('\uFEFFa,c,d,b,y,predicted y');
  });

  it('diverges against the target\'s variance, with no chance level', () => {
    const watch = new DivergenceWatch(1, 100);
    const e = (step: number, loss: number) => [{ split: 'train' as const, accuracy: 0, averageLoss: loss, loss, globalStep: step, examples: 10, correct: 0, regression: { rmse: 1, mae: 1, r2: 0 } }];
    watch.begin(50);
    for (let s = 1; s <= 5; s++) expect(watch.observe(e(s * 100, 60))).toBeNull();
    // 3x the start and more than start + 3 variances: diverged.
    expect(watch.observe(e(600, 400))?.kind).toBe('loss');
  });
});
