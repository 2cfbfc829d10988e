/**
 * The baselines on another thread (src/worker/baselinesClient.ts and baselinesService.ts):
 * the client and the service talk through a real MessageChannel, so every request and
 * answer is structured-cloned as between two workers. What a dropped worker, a worker
 * that cannot start and a newer data set do to a run.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { baselineData, computeBaselines, NO_PAUSE, Superseded } from '../../src/ml/baselines';
import type { BaselinesAnswer, BaselinesRequest } from '../../src/worker/baselinesProtocol';
import { BaselinesWorker, type BaselinesPort } from '../../src/worker/baselinesClient';
import { baselinesService } from '../../src/worker/baselinesService';
import type { Baselines } from '../../src/shared/types';
import { loadIris } from './helpers';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
/** A classifier's baselines without their timings (which differ between any two runs). */
function withoutTimes(b: Baselines | null) {
  if (!b || b.task === 'regression') throw new Error('a classifier has majority, logistic and forest baselines');
  return { ...b, majority: { ...b.majority, ms: 0 }, logistic: { ...b.logistic, ms: 0 }, forest: { ...b.forest, ms: 0 } };
}

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

/** A worker as the client sees one: the service on the far side of a MessageChannel; `requests` counts what reached it. */
function channelWorker(): { port: BaselinesPort; requests: BaselinesRequest[]; crash: () => void; ended: () => boolean } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const requests: BaselinesRequest[] = [];
  const serve = baselinesService((answer) => port2.postMessage(answer), tick);
  port2.on('message', (request: BaselinesRequest) => {
    requests.push(request);
    serve(request);
  });
  let ended = false;
  const port: BaselinesPort = {
    postMessage: (request) => port1.postMessage(request),
    terminate: () => {
      ended = true;
      port1.close();
    },
    onmessage: null,
    onerror: null,
  };
  port1.on('message', (answer: BaselinesAnswer) => port.onmessage?.({ data: answer } as MessageEvent<BaselinesAnswer>));
  return { port, requests, crash: () => port.onerror?.({} as ErrorEvent), ended: () => ended };
}

describe('the baselines worker', () => {
  it('answers what this thread would compute, from a structured-clone copy of the splits', async () => {
    const data = loadIris();
    const worker = channelWorker();
    const client = new BaselinesWorker(() => worker.port);
    const remote = await client.run(baselineData(data), NO_PAUSE);
    expect(worker.requests).toHaveLength(1);
    // The copy, not the training worker's arrays: the worker can never write into them.
    expect(worker.requests[0].data.train.features).not.toBe(data.train.features);
    expect(withoutTimes(remote)).toEqual(withoutTimes(await computeBaselines(data)));
    expect(withoutTimes(remote).logistic.accuracy).toBeGreaterThan(0.9);
    // Its work done, the worker is ended.
    expect(worker.ended()).toBe(true);
  });

  it('starts a worker for each data set and ends it once it answered', async () => {
    const data = loadIris();
    const started: ReturnType<typeof channelWorker>[] = [];
    const client = new BaselinesWorker(() => {
      started.push(channelWorker());
      return started[started.length - 1].port;
    });
    await client.run(baselineData(data), NO_PAUSE);
    await client.run(baselineData(data), NO_PAUSE);
    expect(started.map((w) => [w.requests.length, w.ended()])).toEqual([
      [1, true],
      [1, true],
    ]);
  });

  it('sends only the splits the baselines read (no validation split, no name)', () => {
    const data = { ...loadIris(), validation: loadIris().test };
    expect(Object.keys(baselineData(data)).sort()).toEqual(['classNames', 'featureNames', 'test', 'train']);
  });

  it('a newer data set supersedes the run waiting: it rejects, the newer one answers', async () => {
    const iris = loadIris();
    const worker = channelWorker();
    const client = new BaselinesWorker(() => worker.port);
    const first = client.run(baselineData(iris), NO_PAUSE);
    const fewer = { ...iris, test: { ...iris.test, rows: 10, labels: iris.test.labels.slice(0, 10), features: iris.test.features.slice(0, 40) } };
    const second = client.run(baselineData(fewer), NO_PAUSE);
    await expect(first).rejects.toBeInstanceOf(Superseded);
    expect((await second)?.testRows).toBe(10);
  });

  it('a worker that dies computes the run waiting on this thread, and every later one', async () => {
    const data = loadIris();
    const worker = channelWorker();
    let created = 0;
    const client = new BaselinesWorker(() => (created++, worker.port));
    const run = client.run(baselineData(data), NO_PAUSE);
    worker.crash();
    expect(withoutTimes(await run)).toEqual(withoutTimes(await computeBaselines(data)));
    expect((await client.run(baselineData(data), NO_PAUSE))?.testRows).toBe(30);
    expect(created).toBe(1);
  });

  it('where no worker can start, the baselines are computed here', async () => {
    const client = new BaselinesWorker(() => {
      throw new Error('Worker is not defined');
    });
    expect((await client.run(baselineData(loadIris()), NO_PAUSE))?.testRows).toBe(30);
  });
});
