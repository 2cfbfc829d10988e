/**
 * The store under Node with a fake worker: what it posts, which events and answers it
 * keeps, and how it survives a worker that hangs or crashes. No DOM: the browser's parts
 * (Worker, URL, clock, frames, downloads) are injected as fakes.
 */
import { english } from './words';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallRequest, WorkerEvent, WorkerRequest } from '../../src/shared/protocol';
import type { DatasetSummary, Prediction } from '../../src/shared/types';
import { IRIS_DEFAULTS, modelConfig } from '../../src/client/settings';
import { Store } from '../../src/client/store';
import { HEARTBEAT_MS, WorkerClient, WorkerLost, type WorkerHandlers, type WorkerPort } from '../../src/client/workerClient';
import { programWords } from '../../src/components/checkpoints/programMessages';

class FakeWorker implements WorkerPort {
  readonly posted: { request: WorkerRequest; transfer: Transferable[] }[] = [];
  terminated = false;

  constructor(private readonly handlers: WorkerHandlers) {}

  postMessage(request: WorkerRequest, transfer: Transferable[] = []): void {
    this.posted.push({ request, transfer });
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(event: WorkerEvent): void {
    this.handlers.onEvent(event);
  }

  crash(message: string): void {
    this.handlers.onCrash(message);
  }

  requests(): WorkerRequest[] {
    return this.posted.map((p) => p.request);
  }

  /** The newest call posted, with its id. */
  lastCall(): { callId: number; call: CallRequest } {
    const calls = this.requests().flatMap((r) => (r.type === 'call' ? [r] : []));
    const last = calls[calls.length - 1];
    if (!last) throw new Error('no call was posted');
    return last;
  }
}

const iris: DatasetSummary = { source: 'iris', name: 'Iris', inputs: [], classNames: ['a', 'b', 'c'], trainRows: 120, testRows: 30, validationRows: 0, splitNote: '', preview: [] };
const modelEvent: WorkerEvent = { type: 'model', config: modelConfig(IRIS_DEFAULTS), globalStep: 0, parameters: 10, tensors: 1, engine: 'fused', engineReason: '' };
const prediction: Prediction = { classId: 1, className: 'b', probabilities: [0.1, 0.8, 0.1], logits: [0, 2, 0] };

/** A store with a fake worker per start, a fake URL, frames painted at once (or by `nextFrame`) and a recording saveFile. */
function setup(search = '', nextFrame: (paint: () => void) => void = (paint) => paint()) {
  const workers: FakeWorker[] = [];
  const urls: string[] = [];
  const saved: { data: string | ArrayBuffer; name: string; mime: string }[] = [];
  const store = new Store({
    createWorker: (handlers) => {
      const worker = new FakeWorker(handlers);
      workers.push(worker);
      return worker;
    },
    url: { search: () => search, write: (query) => urls.push(query) },
    clock: { now: () => Date.now(), setInterval: (run, ms) => setInterval(run, ms) },
    nextFrame,
    saveFile: (data, name, mime) => saved.push({ data, name, mime }),
  });
  store.start();
  const worker = () => workers[workers.length - 1];
  /** The worker reports the Iris data set and a fresh model: the page is idle. */
  const load = () => {
    worker().emit({ type: 'dataset', summary: iris });
    worker().emit(modelEvent);
  };
  return { store, workers, worker, urls, saved, load };
}

/** Let promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('the store and the run’s event stream', () => {
  it('starts the worker with an init of the URL’s settings', () => {
    const { worker } = setup('?lr=0.1');
    // No dataset in the link: the stored session may go on.
    expect(worker().requests()[0]).toMatchObject({ type: 'init', dataset: null, model: { learningRate: 0.1 } });
  });

  it('train sends a train request with a runId; progress of an older run is dropped', () => {
    const { store, worker, load } = setup();
    load();
    store.train();
    const train = worker().requests().find((r) => r.type === 'train');
    expect(train).toMatchObject({ type: 'train', steps: IRIS_DEFAULTS.steps, evalEvery: 100 });
    if (train?.type !== 'train') throw new Error('no train request');
    expect(store.getState().run?.runId).toBe(train.runId);

    worker().emit({ type: 'progress', runId: train.runId - 1, globalStep: 500, points: [{ step: 500, split: 'train', loss: 9 }], evaluations: [], log: [] });
    expect(store.getState()).toMatchObject({ globalStep: 0, points: [] });
    worker().emit({ type: 'progress', runId: train.runId, globalStep: 10, points: [{ step: 10, split: 'train', loss: 1 }], evaluations: [], log: [] });
    expect(store.getState()).toMatchObject({ globalStep: 10, points: [{ step: 10 }] });
  });

  it('tells its subscribers of progress once per frame, of a run starting or ending at once', () => {
    const frames: (() => void)[] = [];
    const { store, worker, load } = setup('', (paint) => frames.push(paint));
    load();
    frames.splice(0).forEach((paint) => paint());
    let told = 0;
    store.subscribe(() => told++);
    store.train();
    expect(told).toBe(1);
    const train = worker().requests().find((r) => r.type === 'train');
    if (train?.type !== 'train') throw new Error('no train request');
    const progress = (step: number): WorkerEvent => ({ type: 'progress', runId: train.runId, globalStep: step, points: [], evaluations: [], log: [] });
    worker().emit(progress(10));
    worker().emit(progress(20));
    expect(told).toBe(1);
    expect(frames).toHaveLength(1);
    // The frame is held back (a busy GPU): run-end does not wait for it.
    worker().emit({ type: 'run-end', runId: train.runId, end: 'done', globalStep: 20, tensors: 0 });
    expect(told).toBe(2);
    expect(store.getState()).toMatchObject({ state: 'done', globalStep: 20 });
    // The frame asked for before it paints nothing new.
    frames.splice(0).forEach((paint) => paint());
    expect(told).toBe(2);
    worker().emit({ type: 'checkpoints', checkpoints: [], persistent: true });
    frames.splice(0).forEach((paint) => paint());
    expect(told).toBe(3);
  });

  it('with folds chosen, Train cross-validates first; the summary stays through the shown run and goes with a new model', () => {
    const { store, worker, load, urls } = setup();
    load();
    store.changeSettings({ folds: 5 });
    expect(urls[urls.length - 1]).toBe('folds=5');
    store.train();
    const request = worker().requests().find((r) => r.type === 'cross-validate');
    expect(request).toMatchObject({ type: 'cross-validate', folds: 5, steps: IRIS_DEFAULTS.steps, evalEvery: 100, patience: 0 });
    if (request?.type !== 'cross-validate') throw new Error('no cross-validate request');
    expect(worker().requests().some((r) => r.type === 'train')).toBe(false);
    const { runId } = request;
    worker().emit({ type: 'cv-progress', runId, fold: 2, folds: 5, globalStep: 300, steps: 2000 });
    expect(store.getState()).toMatchObject({ state: 'training', cv: { fold: 2, folds: 5, globalStep: 300 } });
    const accuracy = { mean: 0.96, sd: 0.03 };
    const summary = { folds: 5, rows: 150, seed: 42, steps: 2000, results: [], accuracy, averageLoss: accuracy, macroF1: accuracy };
    worker().emit({ type: 'cv-result', runId, end: 'done', summary, completed: [] });
    // The shown model's run follows under the same runId.
    expect(store.getState()).toMatchObject({ state: 'training', cv: null, cvSummary: summary });
    worker().emit({ type: 'run-end', runId, end: 'done', globalStep: 2000, tensors: 0 });
    expect(store.getState()).toMatchObject({ state: 'done', cvSummary: summary });
    worker().emit(modelEvent);
    expect(store.getState().cvSummary).toBeNull();
  });

  it('a cross-validation stopped or failed ends the run without a summary', () => {
    const { store, worker, load } = setup('?folds=10');
    load();
    store.train();
    const first = worker().requests().find((r) => r.type === 'cross-validate');
    if (first?.type !== 'cross-validate') throw new Error('no cross-validate request');
    worker().emit({ type: 'cv-result', runId: first.runId, end: 'stopped', completed: [] });
    expect(store.getState()).toMatchObject({ state: 'stopped', cv: null, cvSummary: null });
    store.train();
    const second = worker().requests().filter((r) => r.type === 'cross-validate').pop();
    if (second?.type !== 'cross-validate') throw new Error('no cross-validate request');
    worker().emit({ type: 'cv-result', runId: second.runId, end: 'error', completed: [], message: { code: 'cv.too-many-rows', params: { rows: 65000, max: 20000 } } });
    expect(store.getState().state).toBe('error');
    expect(english(store.getState().error)).toContain('65,000 rows');
  });

  it('a learning-rate change mid-run reaches the model at once (set-learning-rate)', () => {
    const { store, worker, load } = setup();
    load();
    store.train();
    store.changeSettings({ learningRate: 0.2 });
    expect(worker().requests()).toContainEqual({ type: 'set-learning-rate', learningRate: 0.2 });
    expect(store.getState().model?.learningRate).toBe(0.2);
    // Other settings wait for Reset: nothing is sent for them.
    const sent = worker().posted.length;
    store.changeSettings({ hiddenUnits: [4] });
    expect(worker().posted).toHaveLength(sent);
  });

  it('settings changes are written to the URL', () => {
    const { store, urls, load } = setup();
    load();
    store.changeSettings({ hiddenUnits: [8, 4] });
    expect(urls[urls.length - 1]).toBe('hidden=8%2C4');
    store.changeSettings({ hiddenUnits: [10, 20, 10] });
    expect(urls[urls.length - 1]).toBe('');
  });
});

describe('one model-replacing request at a time', () => {
  const csv: DatasetSummary = { ...iris, source: 'csv', name: 'plain.csv' };
  const types = (w: FakeWorker) => w.requests().map((r) => r.type);

  it('Train pressed while a re-read is on its way waits for its model: the run is not wiped by it', () => {
    const { store, worker, load } = setup();
    load();
    store.configureCsv({ labelColumn: 'kind' });
    // The re-read's data set is in, its model not yet (the window a click can land in).
    worker().emit({ type: 'dataset', summary: csv });
    store.train();
    expect(types(worker())).not.toContain('train');
    expect(store.getState().state).toBe('idle');
    worker().emit(modelEvent);
    const train = worker().requests().find((r) => r.type === 'train');
    if (train?.type !== 'train') throw new Error('the waiting run was not sent');
    expect(store.getState()).toMatchObject({ state: 'training', run: { runId: train.runId } });
    worker().emit({ type: 'progress', runId: train.runId, globalStep: 100, points: [{ step: 100, split: 'train', loss: 1 }], evaluations: [], log: [] });
    expect(store.getState().globalStep).toBe(100);
  });

  it('choices changed meanwhile are one re-read, with the newest of each; a refused re-read lets the next go', () => {
    const { store, worker, load } = setup();
    load();
    store.configureCsv({ labelColumn: 'a' });
    store.configureCsv({ labelColumn: 'b' });
    store.configureCsv({ labelColumn: 'c', excluded: ['y'] });
    // Shown at once, sent once the first is answered.
    expect(store.getState().csvChoices).toMatchObject({ labelColumn: 'c', excluded: ['y'] });
    const configures = () => worker().requests().flatMap((r) => (r.type === 'configure-csv' ? [r.choices] : []));
    expect(configures()).toHaveLength(1);
    worker().emit({ type: 'error', message: 'Column a has one value.' });
    expect(configures()).toHaveLength(2);
    expect(configures()[1]).toMatchObject({ labelColumn: 'c', excluded: ['y'] });
    // Nothing more waits: the next model leaves the page idle.
    worker().emit(modelEvent);
    expect(configures()).toHaveLength(2);
    expect(store.getState().state).toBe('idle');
  });

  it('loads and resets wait in order; Stop drops a waiting run, not a waiting load', () => {
    const { store, worker, load } = setup();
    load();
    store.reset();
    store.loadPreset('mnist');
    store.train();
    const sent = () => types(worker()).filter((t) => t !== 'init');
    expect(sent()).toEqual(['reset']);
    worker().emit(modelEvent);
    expect(sent()).toEqual(['reset', 'load-preset']);
    store.stop();
    worker().emit(modelEvent);
    expect(sent()).toEqual(['reset', 'load-preset']);
    expect(store.getState().state).toBe('idle');

    // A run that started from the queue, a re-read picked behind it: Stop ends the run, the pick still goes.
    store.reset();
    store.train();
    store.configureCsv({ labelColumn: 'kind' });
    worker().emit(modelEvent);
    const train = worker().requests().findLast((r) => r.type === 'train');
    if (train?.type !== 'train') throw new Error('the waiting run was not sent');
    store.stop();
    worker().emit({ type: 'run-end', runId: train.runId, end: 'stopped', globalStep: 50, tensors: 0 });
    expect(sent().slice(-3)).toEqual(['train', 'stop', 'configure-csv']);
    expect(store.getState().csvChoices).toMatchObject({ labelColumn: 'kind' });
  });

  it('a worker replaced meanwhile: a waiting run is dropped, a waiting CSV is read by the new worker', () => {
    vi.useFakeTimers();
    const { store, workers, load } = setup();
    load();
    store.configureCsv({ labelColumn: 'kind' });
    store.train();
    store.loadCsv(new File(['a,b\n1,x\n2,y\n'], 'late.csv'));
    workers[0].crash('boom');
    expect(workers).toHaveLength(2);
    workers[1].emit({ type: 'dataset', summary: iris });
    workers[1].emit(modelEvent);
    expect(types(workers[1])).toEqual(['init', 'load-csv']);
    expect(store.getState().state).toBe('idle');
  });
});

describe('calls from the store', () => {
  it('a prediction answer lands in state', async () => {
    const { store, worker, load } = setup();
    load();
    store.predict(['5.1', '3.3', '1.7', '0.5']);
    const { callId, call } = worker().lastCall();
    expect(call).toEqual({ kind: 'predict', values: ['5.1', '3.3', '1.7', '0.5'] });
    worker().emit({ type: 'answer', callId, ok: true, value: prediction });
    await settle();
    expect(store.getState().prediction).toEqual(prediction);
  });

  // The bug this fixes: with "last answer wins", the old model's prediction showed under the new data set.
  it('a prediction answer arriving after a data-set switch is dropped', async () => {
    const { store, worker, load } = setup();
    load();
    store.predict(['5.1', '3.3', '1.7', '0.5']);
    const { callId } = worker().lastCall();
    worker().emit({ type: 'dataset', summary: { ...iris, name: 'other.csv', source: 'csv' } });
    worker().emit({ type: 'answer', callId, ok: true, value: prediction });
    await settle();
    expect(store.getState().prediction).toBeNull();
    // The worker was told it need not finish.
    expect(worker().requests()).toContainEqual({ type: 'cancel', callId });
  });

  it('a drawn digit’s ink is transferred, not copied', () => {
    const { store, worker, load } = setup();
    load();
    const ink = new Float32Array(16);
    store.predictDrawing(ink, 4, 4);
    const posted = worker().posted[worker().posted.length - 1];
    expect(posted.request).toMatchObject({ type: 'call', call: { kind: 'predict-drawing', width: 4, height: 4 } });
    expect(posted.transfer).toEqual([ink.buffer]);
  });

  it('a failed call is the page’s alert', async () => {
    const { store, worker, load } = setup();
    load();
    store.exportFiles('model');
    worker().emit({ type: 'answer', callId: worker().lastCall().callId, ok: false, message: 'No model to export.' });
    await settle();
    expect(store.getState().error).toBe('No model to export.');
  });

  it('a row that cannot be classified clears the old prediction and is said at the form, not as the page’s alert', async () => {
    const { store, worker, load } = setup();
    load();
    store.predict(['5.1', '3.3', '1.7', '0.5']);
    worker().emit({ type: 'answer', callId: worker().lastCall().callId, ok: true, value: prediction });
    await settle();
    store.predict(['x']);
    worker().emit({ type: 'answer', callId: worker().lastCall().callId, ok: false, message: 'Input 1 is not a number.' });
    await settle();
    expect(store.getState()).toMatchObject({ prediction: null, predictError: 'Input 1 is not a number.', error: null });
    store.predict(['5.1', '3.3', '1.7', '0.5']);
    worker().emit({ type: 'answer', callId: worker().lastCall().callId, ok: true, value: prediction });
    await settle();
    expect(store.getState()).toMatchObject({ prediction, predictError: null });
  });

  it('export answers are handed to saveFile', async () => {
    const { store, worker, saved, load } = setup();
    load();
    store.exportFiles('model');
    const { callId, call } = worker().lastCall();
    expect(call).toEqual({ kind: 'export', what: 'model' });
    const files = [
      { name: 'model.json', mime: 'application/json', data: '{}' },
      { name: 'model.weights.bin', mime: 'application/octet-stream', data: new ArrayBuffer(8) },
    ];
    worker().emit({ type: 'answer', callId, ok: true, value: files });
    await settle();
    expect(saved).toEqual(files);
    // The Python script gets the run's rhythm and patience (Iris: every 100 steps, no early stopping).
    store.exportFiles('python');
    expect(worker().lastCall().call).toEqual({ kind: 'export', what: 'python', plan: { evalEvery: 100, patience: 0 } });
  });

  it('the judging program is asked with both languages, the baselines shown, and saved', async () => {
    const { store, worker, saved, load } = setup();
    load();
    const baselines = { testRows: 30, trainRows: 120, majority: { accuracy: 0.3, classIndex: 0, ms: 1 }, logistic: { accuracy: 0.9, steps: 1, epochs: 1, ms: 1 }, forest: { accuracy: 0.95, trees: 30, rows: 120, features: 2, ms: 1 } };
    worker().emit({ type: 'baselines', baselines });
    store.exportProgram('ko', programWords);
    const { callId, call } = worker().lastCall();
    expect(call).toEqual({ kind: 'program', lang: 'ko', words: programWords, baselines, cv: null });
    const file = { name: 'iris-classifier.html', mime: 'text/html', data: '<!doctype html>' };
    worker().emit({ type: 'answer', callId, ok: true, value: file });
    await settle();
    expect(saved).toEqual([file]);
  });

  it('baselines that failed end "computing": the state says failed, and the reason is a notice', () => {
    const { store, worker, load } = setup();
    load();
    expect(store.getState().baselines).toEqual({ status: 'computing' });
    const failed = { code: 'app.baselines-failed', params: { reason: 'out of memory' } } as const;
    worker().emit({ type: 'baselines', baselines: null, failed });
    expect(store.getState().baselines).toEqual({ status: 'failed', reason: failed });
    expect(store.getState().notices.map((n) => n.kind === 'text' && n.text)).toContainEqual(failed);
    // The next data set computes again.
    load();
    expect(store.getState().baselines).toEqual({ status: 'computing' });
  });

  it('an analysis view has at most one call in flight, and a new model frees it', async () => {
    const { store, worker, load } = setup();
    load();
    store.requestNetwork('k1');
    store.requestNetwork('k2');
    const calls = () => worker().requests().filter((r) => r.type === 'call');
    expect(calls()).toHaveLength(1);
    expect(store.getState().analysis.network).toMatchObject({ asked: 'k1', pending: expect.anything() });
    const { callId } = worker().lastCall();
    worker().emit(modelEvent);
    worker().emit({ type: 'answer', callId, ok: true, value: { globalStep: 0, widths: [4, 3], inputNames: [], classNames: [], activation: 'relu', kernels: null } });
    await settle();
    // The old model's picture never lands; the panel can ask the new model.
    expect(store.getState().analysis.network).toMatchObject({ value: null, pending: null });
    store.requestNetwork('k3');
    expect(calls()).toHaveLength(2);
  });
});

describe('a worker that hangs or crashes', () => {
  it('silence for 10 s during a run replaces the worker, which re-opens the session', () => {
    vi.useFakeTimers();
    const { store, workers, worker, load } = setup();
    load();
    store.train();
    store.requestNetwork('k');
    vi.advanceTimersByTime(HEARTBEAT_MS - 1000);
    expect(workers).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(worker().requests()[0]).toMatchObject({ type: 'init' });
    expect(store.getState()).toMatchObject({ state: 'loading', run: null });
    expect(english(store.getState().error)).toContain('stopped answering for 10 s');
    // The view's call died with the worker: the panel may ask the new one.
    expect(store.getState().analysis.network.pending).toBeNull();
    // The old worker's late words are not the new one's.
    workers[0].emit({ type: 'dataset', summary: { ...iris, name: 'late' } });
    expect(store.getState().dataset?.name).not.toBe('late');
  });

  it('silence while idle is not a hang', () => {
    vi.useFakeTimers();
    const { workers, load } = setup();
    load();
    vi.advanceTimersByTime(HEARTBEAT_MS * 3);
    expect(workers).toHaveLength(1);
  });

  it('a crash replaces the worker and keeps the crash in the alert', () => {
    const { store, workers } = setup();
    workers[0].crash('out of memory');
    expect(workers).toHaveLength(2);
    expect(english(store.getState().error)).toContain('crashed (out of memory)');
  });
});

describe('the worker client', () => {
  function client(running = false) {
    const workers: FakeWorker[] = [];
    const events: WorkerEvent[] = [];
    const c = new WorkerClient({
      createWorker: (handlers) => {
        const w = new FakeWorker(handlers);
        workers.push(w);
        return w;
      },
      clock: { now: () => Date.now(), setInterval: (run, ms) => setInterval(run, ms) },
      onEvent: (event) => events.push(event),
      firstRequest: () => ({ type: 'set-learning-rate', learningRate: 1 }),
      running: () => running,
      onReplaced: () => {},
    });
    c.start();
    return { c, workers, events };
  }

  it('matches answers to calls by callId, whatever their order', async () => {
    const { c, workers } = client();
    const a = c.call({ kind: 'network' });
    const b = c.call({ kind: 'predict', values: ['1'] });
    const [first, second] = workers[0].requests().filter((r) => r.type === 'call');
    if (first.type !== 'call' || second.type !== 'call') throw new Error('no calls');
    workers[0].emit({ type: 'answer', callId: second.callId, ok: true, value: prediction });
    workers[0].emit({ type: 'answer', callId: first.callId, ok: false, message: 'no model' });
    await expect(b).resolves.toEqual(prediction);
    await expect(a).rejects.toMatchObject({ name: 'CallFailed', reason: 'no model' });
  });

  it('an aborted call rejects with an AbortError, tells the worker, and drops the late answer', async () => {
    const { c, workers, events } = client();
    const controller = new AbortController();
    const pending = c.call({ kind: 'network' }, controller.signal);
    const { callId } = workers[0].lastCall();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0].requests()).toContainEqual({ type: 'cancel', callId });
    workers[0].emit({ type: 'answer', callId, ok: true, value: prediction });
    expect(events).toEqual([]);
    // Already aborted: rejected without being sent.
    await expect(c.call({ kind: 'network' }, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('pending calls reject when a hung worker is replaced', async () => {
    vi.useFakeTimers();
    const { c, workers } = client(true);
    const pending = c.call({ kind: 'network' });
    const rejected = expect(pending).rejects.toBeInstanceOf(WorkerLost);
    vi.advanceTimersByTime(HEARTBEAT_MS + 1000);
    await rejected;
    expect(workers).toHaveLength(2);
    expect(workers[1].requests()).toEqual([{ type: 'set-learning-rate', learningRate: 1 }]);
  });

  it('events that are not answers go to the store', () => {
    const { workers, events } = client();
    workers[0].emit({ type: 'notice', message: 'hello' });
    expect(events).toEqual([{ type: 'notice', message: 'hello' }]);
  });
});

const csvSummary: DatasetSummary = { ...iris, source: 'csv', name: 'penguins.csv' };
const loadRequests = (worker: FakeWorker) => worker.requests().flatMap((r) => (r.type === 'load-csv' ? [r] : []));

describe('a test file for the loaded CSV', () => {
  /** A CSV loaded and its label picked by the person. */
  function withLabel() {
    const t = setup();
    t.load();
    const train = new File(['species,bill\nA,1\n'], 'penguins.csv');
    t.store.loadCsv(train);
    t.worker().emit({ type: 'dataset', summary: csvSummary });
    t.worker().emit(modelEvent);
    t.store.configureCsv({ labelColumn: 'species', excluded: ['note'] });
    t.worker().emit({ type: 'dataset', summary: csvSummary });
    t.worker().emit(modelEvent);
    return { ...t, train };
  }

  // The bug this fixes: the test file was sent with the choices reset, so the label went back to the guess.
  it('is sent with the training file and the person’s choices (label, excluded columns, test fraction)', () => {
    const { store, worker, train } = withLabel();
    const test = new File(['species,bill\nA,2\n'], 'penguins_test.csv');
    store.loadTestCsv(test);
    const sent = loadRequests(worker()).at(-1);
    expect(sent).toMatchObject({ file: train, testFile: test, choices: { labelColumn: 'species', excluded: ['note'], testFraction: 0.2 } });
    expect(store.getState().csvChoices).toMatchObject({ labelColumn: 'species' });
  });

  it('a refused test file leaves the choices, and the next one is sent with them', () => {
    const { store, worker, train } = withLabel();
    store.loadTestCsv(new File(['x\n1\n'], 'wrong.csv'));
    worker().emit({ type: 'error', message: 'wrong.csv lacks the column "species"' });
    expect(store.getState()).toMatchObject({ dataset: csvSummary, csvChoices: { labelColumn: 'species' } });
    const test = new File(['species,bill\nA,2\n'], 'penguins_test.csv');
    store.loadTestCsv(test);
    expect(loadRequests(worker()).at(-1)).toMatchObject({ file: train, testFile: test, choices: { labelColumn: 'species' } });
  });

  it('a test file on a CSV re-opened from the last visit (no training file in the page) is refused with the reason, not ignored', () => {
    const { store, worker } = setup();
    worker().emit({ type: 'dataset', summary: csvSummary });
    worker().emit(modelEvent);
    store.loadTestCsv(new File(['species,bill\nA,2\n'], 'penguins_test.csv'));
    expect(loadRequests(worker())).toEqual([]);
    expect(english(store.getState().error)).toContain('penguins_test.csv was not loaded');
  });

  it('a refused new training file does not replace the loaded one its test file pairs with', () => {
    const { store, worker, train } = withLabel();
    store.loadCsv(new File(['\u0089PNG'], 'photo.csv'));
    worker().emit({ type: 'error', message: 'photo.csv is not text' });
    expect(store.getState().csvChoices).toMatchObject({ labelColumn: 'species' });
    store.loadTestCsv(new File(['species,bill\nA,2\n'], 'penguins_test.csv'));
    expect(loadRequests(worker()).at(-1)).toMatchObject({ file: train, choices: { labelColumn: 'species' } });
  });
});

describe('the URL says what is loaded', () => {
  it.each([
    ['', null],
    ['?dataset=iris&steps=200', 'iris'],
    ['?dataset=csv', 'csv'],
    ['?dataset=mnist', 'mnist'],
    ['?dataset=cifar', null],
  ])('the link %s starts the worker with dataset %s', (search, dataset) => {
    const { worker } = setup(search);
    expect(worker().requests()[0]).toMatchObject({ type: 'init', dataset });
  });

  it('after a CSV is dropped the URL says dataset=csv, and after Iris again it does not', () => {
    const { store, worker, urls, load } = setup('?steps=300');
    load();
    store.loadCsv(new File(['a,b\n1,x\n'], 'penguins.csv'));
    // The tutorial's three layers were left as they were: the CSV's model is its own default, one layer of 100.
    const sent = worker().requests().find((r) => r.type === 'load-csv');
    expect(sent?.type === 'load-csv' && sent.model.hiddenUnits).toEqual([100]);
    worker().emit({ type: 'dataset', summary: csvSummary });
    worker().emit({ ...modelEvent, config: { ...modelConfig(IRIS_DEFAULTS), hiddenUnits: [100] } } as WorkerEvent);
    // The link's steps stay what they were (a CSV's epochs would otherwise size the run): epochs=0 says so.
    expect(urls.at(-1)).toBe('dataset=csv&steps=300&epochs=0');
    expect(store.getState().settings.dataset).toBe('csv');
    store.loadPreset('iris');
    worker().emit({ type: 'dataset', summary: iris });
    expect(urls.at(-1)).toBe('');
  });

  it('a stored CSV session resumed without a dataset in the link writes dataset=csv', () => {
    const { worker, urls } = setup('?seed=7');
    worker().emit({ type: 'dataset', summary: csvSummary });
    expect(urls.at(-1)).toBe('dataset=csv&seed=7');
  });

  it('dataset=csv with no file kept: the worker loads Iris and says so; the URL then says Iris and the notice stays', () => {
    const { store, worker, urls } = setup('?dataset=csv');
    worker().emit({ type: 'notice', message: { code: 'app.no-stored-csv', params: {} } });
    worker().emit({ type: 'dataset', summary: iris });
    worker().emit(modelEvent);
    expect(urls.at(-1)).toBe('');
    expect(store.getState().notices).toEqual([{ kind: 'text', text: { code: 'app.no-stored-csv', params: {} } }]);
  });

  it('a replaced worker re-opens what was on screen (the CSV), not what the link first said', () => {
    const { store, workers, worker, load } = setup('?dataset=iris');
    load();
    store.loadCsv(new File(['a,b\n1,x\n'], 'penguins.csv'));
    worker().emit({ type: 'dataset', summary: csvSummary });
    worker().emit(modelEvent);
    workers[0].crash('out of memory');
    expect(worker().requests()[0]).toMatchObject({ type: 'init', dataset: 'csv' });
  });
});

describe('a CSV dropped while the page is starting', () => {
  // The bug this fixes: canLoad() was false while loading, so the drop was dropped without a word.
  it('waits, shows its name, and is loaded once the page is ready (the newest drop wins)', () => {
    const { store, worker, load } = setup();
    store.loadCsv(new File(['a\n'], 'first.csv'));
    const newest = new File(['a,b\n1,x\n'], 'penguins.csv');
    store.loadCsv(newest);
    expect(loadRequests(worker())).toEqual([]);
    expect(store.getState().loading?.what).toBe('penguins.csv');
    load();
    expect(loadRequests(worker())).toHaveLength(1);
    expect(loadRequests(worker())[0]).toMatchObject({ file: newest, choices: { testFraction: 0.2 } });
  });

  it('is loaded even when the start failed (the page can still load a file)', () => {
    const { store, worker } = setup();
    const file = new File(['a,b\n1,x\n'], 'penguins.csv');
    store.loadCsv(file);
    worker().emit({ type: 'error', message: 'iris_training.csv: 404' });
    expect(loadRequests(worker())[0]).toMatchObject({ file });
  });
});

describe('Play / Pause and Step', () => {
  const trains = (w: FakeWorker) => w.requests().flatMap((r) => (r.type === 'train' ? [r] : []));
  it('Play sends a run with no step limit; pressing it again pauses that run', () => {
    const { store, worker, load } = setup();
    load();
    store.play();
    const [run] = trains(worker());
    expect(run).toMatchObject({ steps: Infinity, evalEvery: 100 });
    expect(store.getState()).toMatchObject({ state: 'training', run: { kind: 'play', runId: run.runId } });
    store.play();
    expect(worker().requests().at(-1)).toEqual({ type: 'stop', runId: run.runId });
  });

  it('Step trains up to the next evaluation, then the run ends', () => {
    const { store, worker, load } = setup();
    load();
    store.step();
    expect(trains(worker())[0]).toMatchObject({ steps: 100 });
    worker().emit({ type: 'run-end', runId: trains(worker())[0].runId, end: 'done', globalStep: 100, tensors: 1 });
    expect(store.getState().state).toBe('done');
    // From step 130 (a Stop mid-interval), the next evaluation is 70 steps away.
    worker().emit({ ...modelEvent, globalStep: 130 });
    store.step();
    expect(trains(worker())[1]).toMatchObject({ steps: 70 });
  });
});
