/**
 * Play (train until paused): a Session run with no step limit (steps = Infinity), as the
 * page's Play button sends it. It trains in chunks past any step count until Stop, ends
 * `stopped` with a checkpoint; early stopping and divergence still end it on their own.
 */
import { describe, expect, it } from 'vitest';
import { pageCallbacks } from '../../src/ml/app/events';
import type { ClassificationData } from '../../src/ml/datasets/data';
import { Session } from '../../src/ml/train/session';
import type { WorkerEvent } from '../../src/shared/protocol';
import type { ModelConfig } from '../../src/shared/types';
import { collectingHooks, IRIS_CONFIG, loadIris, ofType } from './helpers';

function makeSession(config: ModelConfig = IRIS_CONFIG, data: ClassificationData = loadIris()) {
  const events: WorkerEvent[] = [];
  const checkpoints: number[] = [];
  const hooks = collectingHooks(events);
  const session = new Session(data, config, pageCallbacks(hooks.post, hooks.yieldToEvents, async (s) => void checkpoints.push(s.globalStep)), 'fused');
  return { session, events, checkpoints };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Play: a run with no step limit', () => {
  it('trains past any step count until paused, then ends stopped with a checkpoint where it paused', async () => {
    const { session, events, checkpoints } = makeSession();
    const run = session.train(1, Infinity, 100);
    // The tutorial's steps=2000 is no limit for Play.
    while (session.globalStep < 2100) await turn();
    session.stop(1);
    await run;
    const [end] = ofType(events, 'run-end');
    expect(end).toMatchObject({ end: 'stopped' });
    expect(end.globalStep).toBeGreaterThanOrEqual(2100);
    expect(checkpoints).toContain(1000);
    expect(checkpoints).toContain(2000);
    expect(checkpoints[checkpoints.length - 1]).toBe(end.globalStep);
    // Evaluations land on multiples of the interval while it plays.
    const steps = ofType(events, 'progress').flatMap((e) => e.evaluations.filter((x) => x.split === 'test').map((x) => x.globalStep));
    expect(steps.slice(0, 21)).toEqual(Array.from({ length: 21 }, (_, i) => (i + 1) * 100));
    // Play again goes on from the global step.
    const again = session.train(2, Infinity, 100);
    while (session.globalStep < end.globalStep + 100) await turn();
    session.stop(2);
    await again;
    expect(ofType(events, 'run-end')[1]).toMatchObject({ end: 'stopped' });
    expect(ofType(events, 'run-end')[1].globalStep).toBeGreaterThanOrEqual(end.globalStep + 100);
    session.dispose();
  });

  it('early stopping still ends it (as done, the best weights put back)', async () => {
    const iris = loadIris();
    const data = { ...iris, validation: { ...iris.test, features: iris.test.features.slice(), labels: iris.test.labels.slice() } };
    // Learning rate 0: the validation loss never improves after the first evaluation.
    const { session, events } = makeSession({ ...IRIS_CONFIG, optimizer: 'sgd', learningRate: 0 }, data);
    await session.train(1, Infinity, 100, 3);
    expect(ofType(events, 'run-end')[0]).toMatchObject({ end: 'done', globalStep: 400, earlyStop: { bestStep: 100 } });
    session.dispose();
  });

  it('divergence still ends it as an error', async () => {
    const { session, events } = makeSession({ ...IRIS_CONFIG, optimizer: 'sgd', learningRate: 10 });
    await session.train(1, Infinity, 100);
    const [end] = ofType(events, 'run-end');
    expect(end.end).toBe('error');
    expect(Number.isFinite(end.globalStep)).toBe(true);
    session.dispose();
  });
});
