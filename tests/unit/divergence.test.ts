/**
 * Divergence (train/divergence.ts): the rule on evaluation rounds, then a Session with a
 * learning rate far too high, which must end as an error that says what to try, never "done".
 */
import { describe, expect, it } from 'vitest';
import { DivergenceWatch } from '../../src/ml/train/divergence';
import { pageCallbacks } from '../../src/ml/app/events';
import { Session } from '../../src/ml/train/session';
import type { WorkerEvent } from '../../src/shared/protocol';
import type { Evaluation, Split } from '../../src/shared/types';
import { collectingHooks, IRIS_CONFIG, loadIris, ofType } from './helpers';
import { english } from './words';

const round = (step: number, loss: number, accuracy: number, split: Split = 'train'): Evaluation[] => [
  { split, globalStep: step, averageLoss: loss, loss, accuracy, examples: 100, correct: Math.round(accuracy * 100) },
];

/** Feeds (loss, accuracy) rounds at steps 100, 200, ...; the first divergence, or null. */
function watch(rounds: [number, number][], classes = 3) {
  const w = new DivergenceWatch(classes);
  for (let i = 0; i < rounds.length; i++) {
    const d = w.observe(round((i + 1) * 100, ...rounds[i]));
    if (d) return d;
  }
  return null;
}

describe('the divergence rule', () => {
  it.each<[string, [number, number][], number | null]>([
    ['a run that learns', [[1.0, 0.5], [0.6, 0.8], [0.3, 0.9], [0.2, 0.95]], null],
    ['a loss that wobbles up a little', [[0.4, 0.8], [0.9, 0.7], [1.1, 0.7]], null],
    ['a loss that climbs far above its start', [[1.1, 0.4], [2.0, 0.4], [289, 0.3]], 300],
    ['accuracy below chance with the loss rising, from the third round', [[1.0, 0.4], [1.2, 0.2], [1.3, 0.2]], 300],
    ['below chance but the loss falling is a slow start, not divergence', [[1.2, 0.3], [1.1, 0.3], [1.05, 0.3]], null],
  ])('%s', (_, rounds, at) => {
    expect(watch(rounds)?.step ?? null).toBe(at);
  });

  it('measures from the first step when told it, not the first evaluation', () => {
    const w = new DivergenceWatch(3);
    w.begin(1.1);
    expect(w.observe(round(100, 644, 0.35))).toMatchObject({ step: 100, kind: 'loss', start: 1.1, loss: 644 });
  });

  it('says which kind, with the numbers to show', () => {
    expect(watch([[1.1, 0.4], [289, 0.3]])).toEqual({ step: 200, kind: 'loss', loss: 289, start: 1.1, accuracy: 0.3, chance: 1 / 3 });
    expect(watch([[1.0, 0.4], [1.2, 0.2], [1.3, 0.2]])).toMatchObject({ kind: 'chance', accuracy: 0.2 });
  });

  it('watches the training split only, never the test rows', () => {
    const w = new DivergenceWatch(3);
    expect(w.observe(round(100, 1, 0.5, 'test'))).toBeNull();
    expect(w.observe(round(200, 500, 0.1, 'test'))).toBeNull();
    expect(w.observe(round(300, 1, 0.5))).toBeNull();
    expect(w.observe([...round(400, 0.5, 0.9), ...round(400, 900, 0, 'test')])).toBeNull();
  });
});

describe('a run that diverges', () => {
  it('ends as an error naming the step and a lower learning rate, not as done', async () => {
    const events: WorkerEvent[] = [];
    const hooks = collectingHooks(events);
    // Gradient descent at 10 on summed losses: the tutorial's network blows up within a few hundred steps.
    const session = new Session(loadIris(), { ...IRIS_CONFIG, optimizer: 'sgd', learningRate: 10 }, pageCallbacks(hooks.post, hooks.yieldToEvents, async () => {}), 'fused');
    await session.train(1, 2000, 100);
    const [end] = ofType(events, 'run-end');
    expect(end.end).toBe('error');
    expect(end.globalStep).toBeLessThan(2000);
    // Either the loss became NaN/Infinity first or the divergence rule caught it; both say to lower the learning rate.
    expect(english(end.message ?? '')).toMatch(/lower learning rate/);
    session.dispose();
  });
});
