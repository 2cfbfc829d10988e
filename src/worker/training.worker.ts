/**
 * The training worker: a thin adapter from protocol messages to the Session in
 * src/ml. It picks the backend, loads the built-in data set and routes requests.
 * Requests that arrive while it is still starting wait for the start to finish.
 */
/// <reference lib="webworker" />
import { irisFromCsv } from '../ml/iris';
import { Session } from '../ml/session';
import { assertNever, type WorkerEvent, type WorkerRequest } from '../shared/protocol';
import { chooseBackend } from './backend';

declare const self: DedicatedWorkerGlobalScope;

const post = (event: WorkerEvent) => self.postMessage(event);

/** Resolve after queued messages (e.g. Stop) had a turn; unlike rAF it also runs in hidden tabs. */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToEvents = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

let session: Promise<Session> | null = null;

async function fetchText(path: string): Promise<string> {
  const response = await fetch(`${import.meta.env.BASE_URL}${path}`);
  if (!response.ok) throw new Error(`Could not load ${path} (HTTP ${response.status}).`);
  return response.text();
}

async function start(request: Extract<WorkerRequest, { type: 'init' }>): Promise<Session> {
  const pick = await chooseBackend(request.backend);
  post({ type: 'backend', ...pick });
  const [train, test] = await Promise.all([fetchText('data/iris_training.csv'), fetchText('data/iris_test.csv')]);
  const data = irisFromCsv(train, test);
  if (!data.ok) throw new Error(data.reason);
  return new Session(data.value, request.model, { post, yieldToEvents });
}

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === 'init') {
    session = start(request);
    await session;
    return;
  }
  if (!session) throw new Error('The worker got a request before init.');
  const s = await session;
  switch (request.type) {
    case 'train':
      return s.train(request.runId, request.steps);
    case 'stop':
      return s.stop(request.runId);
    case 'reset':
      return s.reset(request.model);
    case 'predict':
      return post({ type: 'prediction', requestId: request.requestId, prediction: await s.predict(request.features) });
    default:
      return assertNever(request);
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  handle(event.data).catch((error: unknown) => {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
};
