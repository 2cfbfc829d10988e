/**
 * The training worker: a thin adapter from protocol messages to the Workspace in
 * src/ml. It picks the backend, fetches the app's own data files and routes requests.
 * Requests that arrive while it is still starting wait for the start to finish; a
 * failed request reports an error and leaves what was loaded as it was.
 */
/// <reference lib="webworker" />
import { Persistence } from '../ml/app/persistence';
import { Workspace } from '../ml/app/workspace';
import { MessageError, msg } from '../shared/message';
import { assertNever, type WorkerEvent, type WorkerRequest } from '../shared/protocol';
import type { Reason } from '../shared/result';
import { chooseBackend, loseWebglContext, watchContextLoss } from './backend';
import { setHardwareGpu } from '../ml/engines/choose';
import { BaselinesWorker } from './baselinesClient';
import { answer } from './calls';
import { eventYielder } from './yieldToEvents';

declare const self: DedicatedWorkerGlobalScope;

const post = (event: WorkerEvent, transfer: Transferable[] = []) => self.postMessage(event, transfer);

/** Resolve after queued messages (e.g. Stop) had a turn. */
const yieldToEvents = eventYielder();

/** A file of the app's own (public/data), with download progress when the size is known. */
async function fetchBytes(path: string, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  const response = await fetch(`${import.meta.env.BASE_URL}${path}`);
  if (!response.ok || !response.body) throw new MessageError(msg('app.fetch-failed', { path, status: response.status }));
  const total = Number(response.headers.get('content-length') ?? 0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (total > 0) onProgress(Math.min(1, received / total));
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  onProgress(1);
  return bytes;
}

let workspace: Promise<Workspace> | null = null;

/**
 * The tabs of this app tell each other when stored checkpoints change, so each one's
 * checkpoints panel lists what is there (none where BroadcastChannel is missing: a list
 * then refreshes on this tab's own next save).
 */
const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel('nn-playground.checkpoints') : null;
const announce = () => tabs?.postMessage('changed');

async function start(request: Extract<WorkerRequest, { type: 'init' }>): Promise<Workspace> {
  const pick = await chooseBackend(request.backend);
  setHardwareGpu(pick.hardwareGpu);
  post({ type: 'backend', backend: pick.backend, reason: pick.reason });
  const persistence = await Persistence.open(self.indexedDB, request.tab);
  // The baselines on the second core (baselines.worker.ts), so they never hold up a run.
  const baselines = new BaselinesWorker(() => new Worker(new URL('./baselines.worker.ts', import.meta.url), { type: 'module' }));
  const ws = new Workspace({ post, yieldToEvents, fetchBytes, announce, baselines: baselines.run }, request.engine, persistence);
  if (tabs) tabs.onmessage = () => void ws.othersChanged();
  await ws.start(request.dataset, request.model, request.csv);
  watchContextLoss(() => void moveOffWebgl(ws));
  return ws;
}

/** The WebGL context was lost: say so, move to wasm (or cpu) and go on from the weights that survived. */
async function moveOffWebgl(ws: Workspace): Promise<void> {
  try {
    const outcome = await ws.moveBackend(async () => {
      const pick = await chooseBackend('wasm');
      setHardwareGpu(pick.hardwareGpu);
      post({ type: 'backend', backend: pick.backend, reason: msg('app.backend-after-loss', { reason: pick.reason }) });
    });
    post({ type: 'notice', message: msg('app.webgl-lost', { outcome }) });
  } catch (error) {
    post({ type: 'error', message: msg('app.webgl-lost-failed', { reason: reasonOf(error) }) });
  }
}

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === 'init') {
    workspace = start(request);
    await workspace;
    return;
  }
  if (!workspace) throw new MessageError(msg('app.not-started'));
  const ws = await workspace;
  switch (request.type) {
    case 'call': {
      const { callId } = request;
      try {
        const { value, transfer } = await answer(ws, request.call);
        return post({ type: 'answer', callId, ok: true, value }, transfer);
      } catch (error) {
        return post({ type: 'answer', callId, ok: false, message: reasonOf(error) });
      }
    }
    case 'cancel':
      // Calls are short and the worker runs one thing at a time: the page drops a cancelled answer.
      return;
    case 'load-preset':
      return ws.loadPreset(request.dataset, request.model);
    case 'load-csv':
      return ws.loadCsv(request.file, request.testFile, request.choices, request.model);
    case 'configure-csv':
      return ws.configureCsv(request.choices, request.model);
    case 'load-idx':
      return ws.loadIdx(request.files, request.model);
    case 'train':
      return ws.train(request.runId, request.steps, request.evalEvery, request.patience);
    case 'stop':
      return ws.stop(request.runId);
    case 'reset':
      return ws.current.reset(request.model);
    case 'set-learning-rate':
      return ws.current.setLearningRate(request.learningRate);
    case 'restore-checkpoint':
      return ws.restoreCheckpoint(request.id);
    case 'delete-checkpoint':
      return ws.deleteCheckpoint(request.id);
    case 'import-model':
      return ws.importModel(request.files);
    case 'checkpoint-now':
      return ws.current.checkpointSoon();
    case 'lose-webgl-context':
      loseWebglContext();
      return;
    case 'cross-validate':
      return ws.crossValidate(request);
    default:
      return assertNever(request);
  }
}

/** What to tell the page about a failure: the message a MessageError carries, else the error's own text. */
function reasonOf(error: unknown): Reason {
  if (error instanceof MessageError) return error.detail;
  return error instanceof Error ? error.message : String(error);
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request).catch((error: unknown) => post({ type: 'error', message: reasonOf(error) }));
};
