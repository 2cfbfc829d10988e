/**
 * The worker client and the store the components read. Created once, outside React.
 * Worker events are folded immediately but subscribers are told at most once per
 * animation frame, so a burst of events costs one render.
 */
import type { WorkerEvent, WorkerRequest } from '../shared/protocol';
import type { CsvChoices, DatasetName } from '../shared/types';
import { DEFAULTS, EVAL_EVERY, modelConfig, parseSettings, serializeSettings, type Settings } from './settings';
import { initialAnalysis, type AnalysisView } from './analysisState';
import { asked, initialState, reduce, type AppState } from './state';

type Listener = () => void;

/**
 * Silence from the worker during a run after which it is taken for hung. It posts
 * progress at least every chunk (~40 ms, at most a few seconds for a slow evaluation
 * on software WebGL), so ten seconds means it is not coming back.
 */
const HEARTBEAT_MS = 10_000;

/** Hand data to the browser's downloads; nothing leaves the machine. */
export function saveFile(data: string | ArrayBuffer, name: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export class Store {
  private state: AppState;
  private readonly listeners = new Set<Listener>();
  private frame: number | null = null;
  private worker: Worker | null = null;
  private nextRunId = 1;
  private nextRequestId = 1;
  /** The CSV behind the data set, kept to pair it with a test file dropped later. */
  private csvFile: File | null = null;
  private lastHeard = 0;
  private watchdog: number | null = null;

  constructor(search: string) {
    const { settings, notices } = parseSettings(search);
    this.state = initialState(settings, notices);
  }

  /** Start the worker and load the data set. Separate from the constructor so tests can build a Store without one. */
  start(): void {
    if (this.worker) return;
    this.worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerEvent>) => this.receive(event.data);
    this.worker.onerror = (event) => this.recover(`The training worker crashed (${event.message || 'an uncaught error'})`);
    this.lastHeard = performance.now();
    this.watchdog ??= window.setInterval(() => {
      if (this.state.state === 'training' && performance.now() - this.lastHeard > HEARTBEAT_MS) {
        this.recover(`The training worker stopped answering for ${HEARTBEAT_MS / 1000} s`);
      }
    }, 1000);
    const { settings } = this.state;
    this.send({ type: 'init', backend: settings.backend, engine: settings.engine, dataset: settings.dataset, model: modelConfig(settings) });
  }

  /**
   * A dead or hung worker: end it and start a new one. The new worker re-opens the
   * last session from IndexedDB (the data set, a dropped CSV too, and the model of
   * the newest checkpoint), so the person can go on; the page keeps what was typed.
   */
  private recover(what: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.update({
      ...this.state,
      state: 'loading',
      run: null,
      // Requests in flight died with the worker.
      analysis: initialAnalysis,
      error: `${what}. A new worker was started with the data set and the newest checkpoint; you can go on training.`,
    });
    this.start();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): AppState => this.state;

  train(): void {
    const s = this.state;
    if (s.state === 'loading' || s.state === 'training') return;
    const runId = this.nextRunId++;
    const now = performance.now();
    this.update({
      ...s,
      state: 'training',
      error: null,
      run: { runId, startStep: s.globalStep, targetStep: s.globalStep + s.settings.steps, startedAt: now, updatedAt: now },
    });
    this.send({ type: 'train', runId, steps: s.settings.steps, evalEvery: EVAL_EVERY[s.settings.dataset], patience: s.settings.patience });
  }

  stop(): void {
    const run = this.state.run;
    if (this.state.state === 'training' && run) this.send({ type: 'stop', runId: run.runId });
  }

  reset(): void {
    if (this.state.state === 'training' || this.state.state === 'loading') return;
    this.update({ ...this.state, error: null });
    this.send({ type: 'reset', model: modelConfig(this.state.settings) });
  }

  /** Switch to a built-in data set with its tutorial's settings (the backend choice stays). */
  loadPreset(dataset: DatasetName): void {
    if (!this.canLoad()) return;
    const { backend, engine } = this.state.settings;
    this.applySettings({ ...DEFAULTS[dataset], backend, engine });
    this.update({ ...this.state, error: null, csvChoices: {} });
    this.send({ type: 'load-preset', dataset, model: modelConfig(this.state.settings) });
  }

  loadCsv(file: File, testFile?: File): void {
    if (!this.canLoad()) return;
    // A CSV trains with tf.estimator's DNNClassifier defaults, as the Iris tutorial does.
    if (this.state.settings.dataset !== 'iris') this.applySettings({ ...DEFAULTS.iris, backend: this.state.settings.backend, engine: this.state.settings.engine });
    // The test fraction is a setting (in the URL): a shared link splits the same file the same way.
    const choices: CsvChoices = { testFraction: this.state.settings.testFraction };
    this.csvFile = file;
    this.update({ ...this.state, error: null, csvChoices: choices, loading: { what: file.name, fraction: 0 } });
    this.send({ type: 'load-csv', file, testFile, choices, model: modelConfig(this.state.settings) });
  }

  /** A separate test file for the loaded CSV (as iris_test.csv is for iris_training.csv). */
  loadTestCsv(testFile: File): void {
    if (!this.csvFile) return;
    this.loadCsv(this.csvFile, testFile);
  }

  /** Change how the loaded CSV is read (label column, excluded columns, encoding, test fraction). */
  configureCsv(change: CsvChoices): void {
    if (!this.canLoad()) return;
    const choices = { ...this.state.csvChoices, ...change };
    if (change.testFraction !== undefined) this.applySettings({ ...this.state.settings, testFraction: change.testFraction });
    this.update({ ...this.state, error: null, csvChoices: choices });
    this.send({ type: 'configure-csv', choices, model: modelConfig(this.state.settings) });
  }

  loadIdx(files: File[]): void {
    if (!this.canLoad()) return;
    if (this.state.settings.dataset !== 'mnist') this.applySettings({ ...DEFAULTS.mnist, backend: this.state.settings.backend, engine: this.state.settings.engine });
    this.update({ ...this.state, error: null, loading: { what: 'MNIST files', fraction: 0 } });
    this.send({ type: 'load-idx', files, model: modelConfig(this.state.settings) });
  }

  predict(values: string[]): void {
    this.send({ type: 'predict', requestId: this.nextRequestId++, values });
  }

  predictDrawing(ink: Float32Array, width: number, height: number): void {
    this.worker?.postMessage({ type: 'predict-drawing', requestId: this.nextRequestId++, ink, width, height } satisfies WorkerRequest, [ink.buffer]);
  }

  predictFile(file: File): void {
    this.send({ type: 'predict-file', requestId: this.nextRequestId++, file });
  }

  /**
   * Settings from the controls: written to the URL at once. A new learning rate reaches
   * the model at once, even mid-run; the others wait for Reset (the page says so).
   */
  changeSettings(change: Partial<Settings>): void {
    const next = { ...this.state.settings, ...change };
    this.applySettings(next);
    const model = this.state.model;
    if (model && change.learningRate !== undefined && change.learningRate !== model.learningRate && this.state.state !== 'loading') {
      this.send({ type: 'set-learning-rate', learningRate: change.learningRate });
      this.update({ ...this.state, model: { ...model, learningRate: change.learningRate } });
    }
  }

  restoreCheckpoint(id: string): void {
    if (this.canLoad()) this.send({ type: 'restore-checkpoint', id });
  }

  deleteCheckpoint(id: string): void {
    this.send({ type: 'delete-checkpoint', id });
  }

  /** The model files, a Python script of the run, or the training history: downloaded when the worker sends them. */
  exportFiles(what: 'model' | 'python' | 'history'): void {
    this.send({ type: 'export', what });
  }

  importModel(files: File[]): void {
    if (!this.canLoad()) return;
    this.update({ ...this.state, error: null });
    this.send({ type: 'import-model', files });
  }

  /**
   * Analysis views. `key` names what the panel wants (of which model and evaluation);
   * nothing is sent while a request for the same view is in flight, so a panel that
   * re-asks after every evaluation never queues up work in the worker.
   */
  requestBoundary(x: number, y: number, resolution: number, key: string): void {
    this.ask('boundary', key, (requestId) => ({ type: 'boundary', requestId, x, y, resolution }));
  }

  requestConfusionRows(actual: number, predicted: number, limit: number, key: string): void {
    this.ask('confusionRows', key, (requestId) => ({ type: 'confusion-rows', requestId, actual, predicted, limit }));
  }

  requestNetwork(key: string): void {
    this.ask('network', key, (requestId) => ({ type: 'network', requestId }));
  }

  private ask(view: AnalysisView, key: string, request: (requestId: number) => WorkerRequest): void {
    if (!this.worker || this.state.analysis[view].pending) return;
    const requestId = this.nextRequestId++;
    this.update(asked(this.state, view, requestId, key));
    this.send(request(requestId));
  }

  dismissError(): void {
    this.update({ ...this.state, error: null });
  }

  private canLoad(): boolean {
    return this.state.state !== 'training' && this.state.state !== 'loading';
  }

  /** New settings, written to the URL so a copied link reproduces them. */
  private applySettings(settings: Settings): void {
    this.update({ ...this.state, settings, notices: [] });
    this.writeUrl(settings);
  }

  private writeUrl(settings: Settings): void {
    const query = serializeSettings(settings);
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  }

  private send(request: WorkerRequest): void {
    this.worker?.postMessage(request);
  }

  private receive(event: WorkerEvent): void {
    this.lastHeard = performance.now();
    if (event.type === 'download') event.files.forEach((f) => saveFile(f.data, f.name, f.mime));
    const before = this.state.settings;
    this.update(reduce(this.state, event, performance.now()));
    // A restored or imported model's settings go to the URL, so the link still describes the model.
    if (event.type === 'model' && this.state.settings !== before) this.writeUrl(this.state.settings);
  }

  private update(next: AppState): void {
    if (next === this.state) return;
    this.state = next;
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.listeners.forEach((l) => l());
    });
  }
}
