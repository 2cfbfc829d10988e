/**
 * The store the components read: the page's actions and its state. Created once,
 * outside React, with its browser dependencies injected (StoreOptions) so tests run it
 * under Node with a fake worker. Worker events are folded immediately but subscribers
 * are told at most once per frame, so a burst of events costs one render; a run starting
 * or ending is told at once.
 *
 * The URL says what is loaded: a `dataset` event's kind is written to it (`dataset=csv`
 * for a dropped file), so a copied link or a reload opens that, not the stored session.
 *
 * One model-replacing request at a time (modelQueue.ts): a run or a load asked while a
 * load, re-read, reset, restore or import awaits its model waits for it.
 *
 * Answers are never stale by construction: every call about the loaded model is sent
 * with the signal of the model generation it was asked of (state.generation), and a new
 * data set or model aborts that signal, so an old answer is dropped before it can land.
 */
import type { ProgramRequest } from '../shared/program';
import type { CsvChoices, DatasetName } from '../shared/types';
import { msg } from '../shared/message';
import type { WorkerEvent, WorkerRequest } from '../shared/protocol';
import type { Reason } from '../shared/result';
import { initialAnalysis, type Analysis, type AnalysisView } from './analysisState';
import type { SaveFile } from './download';
import { runPlan } from './runPlan';
import { DEFAULTS, modelConfig, namedDataset, parseSettings, serializeSettings, settingsFor, type Settings } from './settings';
import { answered, asked, initialState, reduce, withEvaluated, type AppState, type RunKind } from './state';
import type { UrlPort } from './url';
import { ModelQueue } from './modelQueue';
import { CallFailed, isAbortError, WorkerClient, WorkerLost, type Clock, type WorkerFactory } from './workerClient';

type Listener = () => void;

/** What the store needs of the browser (main.tsx passes the real ones, tests fakes). */
export interface StoreOptions {
  createWorker: WorkerFactory;
  url: UrlPort;
  clock: Clock;
  /** Run `paint` before the next frame (requestAnimationFrame); tests may run it at once. */
  nextFrame: (paint: () => void) => void;
  saveFile: SaveFile;
}

/** What a failed call says to the person. */
function reasonOf(error: unknown): Reason {
  if (error instanceof CallFailed) return error.reason;
  return error instanceof Error ? error.message : String(error);
}

export class Store {
  private state: AppState;
  private readonly listeners = new Set<Listener>();
  private painting = false;
  /** Counts the urgent paints, so a frame asked for before one of them paints nothing. */
  private frame = 0;
  private readonly client: WorkerClient;
  private nextRunId = 1;
  /** Numbers the analysis views' requests, so an answer settles only the request it answers. */
  private nextViewId = 1;
  /** Aborted when state.generation changes: the calls asked of the previous model. */
  private generation = new AbortController();
  /** The CSV behind the data set, kept to pair it with a test file dropped later. */
  private csvFile: File | null = null;
  /** A CSV on its way to the worker, and the choices before it: it becomes csvFile once loaded; a refused one leaves both as they were. */
  private sendingCsv: { file: File; testFile?: File; before: CsvChoices } | null = null;
  /** The loaded CSV's test file, when one was dropped (a replaced worker re-reads both). */
  private csvTestFile: File | undefined;
  /** What waits for a model on its way, or for the page to finish starting. */
  private readonly queue = new ModelQueue();
  /** What the first init asks for: the link's `dataset`, or null to go on with the stored session. */
  private readonly named: ReturnType<typeof namedDataset>;
  /** This tab's id (client/tab.ts): the worker keeps its session apart from other tabs'. */
  private tab: string | undefined;

  constructor(private readonly options: StoreOptions) {
    const { settings, notices } = parseSettings(options.url.search());
    this.named = namedDataset(options.url.search());
    this.state = initialState(settings, notices);
    this.client = new WorkerClient({
      createWorker: options.createWorker,
      clock: options.clock,
      onEvent: (event) => {
        const before = this.state.settings;
        this.update(reduce(this.state, event, this.options.clock.now()));
        this.settleCsv(event);
        this.queue.settle(event);
        // What was loaded (a data set's kind, a restored or imported model's settings) goes to the URL, so the link still describes it.
        if (this.state.settings !== before) this.writeUrl(this.state.settings);
        this.queue.replay(() => this.canLoad(), (change) => this.configureCsv(change));
      },
      firstRequest: () => {
        const { settings, dataset } = this.state;
        // A replaced worker re-opens what was on screen; the first one what the link names.
        // A CSV the page holds is sent along: the new worker re-reads it even when it was too large to keep in the browser.
        const csv = dataset?.source === 'csv' && this.csvFile ? { csv: { file: this.csvFile, testFile: this.csvTestFile, choices: this.state.csvChoices } } : {};
        return { type: 'init', backend: settings.backend, engine: settings.engine, dataset: dataset?.source ?? this.named, model: modelConfig(settings), tab: this.tab, ...csv };
      },
      running: () => this.state.state === 'training',
      onReplaced: (what) => {
        this.queue.workerReplaced();
        // The new worker re-opens the last session; the page keeps what was typed.
        this.update({
          ...this.state,
          state: 'loading',
          run: null,
          // Views in flight died with the worker.
          analysis: initialAnalysis,
          error: msg('app.worker-replaced', { what }),
        });
      },
    });
  }

  /**
   * Start the worker and load the data set (this tab's session when `tab` names one that
   * has any). Separate from the constructor so a Store can exist without one.
   */
  start(tab?: string): void {
    this.tab = tab;
    this.client.start();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): AppState => this.state;

  train(): void {
    if (this.queue.held('run', () => this.train())) return;
    const s = this.state;
    if (s.state === 'loading' || s.state === 'training') return;
    const { steps, evalEvery, patience } = runPlan(s.settings, s.dataset?.trainRows ?? 0);
    const { folds } = s.settings;
    // k > 1: Weka's "Cross-validation, Folds k" then Start: the k fold models first, then the shown model's run.
    if (folds > 1) {
      const runId = this.beginRun(steps, 'train', { cv: { folds, fold: 0, globalStep: 0, steps }, cvSummary: null });
      this.client.send({ type: 'cross-validate', runId, folds, steps, evalEvery, patience });
    } else {
      const runId = this.beginRun(steps, 'train');
      this.client.send({ type: 'train', runId, steps, evalEvery, patience });
    }
  }

  /**
   * Play / Pause (TensorFlow Playground's button): idle, start a run with no step limit
   * (the worker trains in chunks until Stop; early stopping and divergence still end it);
   * training, pause it (a Stop: the run ends `stopped`, with its checkpoint). Never
   * cross-validates: Play is one open-ended run of the shown model.
   */
  play(): void {
    const s = this.state;
    if (s.state === 'training') return this.stop();
    if (this.queue.held('run', () => this.play())) return;
    if (s.state === 'loading') return;
    const { evalEvery, patience } = runPlan(s.settings, s.dataset?.trainRows ?? 0);
    const runId = this.beginRun(Infinity, 'play');
    this.client.send({ type: 'train', runId, steps: Infinity, evalEvery, patience });
  }

  /** Step: train up to the next evaluation (one evaluation interval from a multiple of it), then stop. */
  step(): void {
    if (this.queue.held('run', () => this.step())) return;
    const s = this.state;
    if (s.state === 'loading' || s.state === 'training') return;
    const { evalEvery, patience } = runPlan(s.settings, s.dataset?.trainRows ?? 0);
    const steps = evalEvery - (s.globalStep % evalEvery);
    const runId = this.beginRun(steps, 'step');
    this.client.send({ type: 'train', runId, steps, evalEvery, patience });
  }

  /** The page's side of a new run: its id, and the state says training. */
  private beginRun(steps: number, kind: RunKind, extra: Partial<AppState> = {}): number {
    const s = this.state;
    const runId = this.nextRunId++;
    const now = this.options.clock.now();
    this.update({
      ...s,
      state: 'training',
      error: null,
      run: { runId, startStep: s.globalStep, targetStep: s.globalStep + steps, startedAt: now, updatedAt: now, kind },
      ...extra,
    });
    return runId;
  }

  /** The page is being hidden or left during a run: the worker saves a checkpoint now, so a reload keeps the newest steps. */
  checkpointNow(): void {
    if (this.state.state === 'training') this.client.send({ type: 'checkpoint-now' });
  }

  stop(): void {
    this.queue.dropRuns();
    const run = this.state.run;
    if (this.state.state === 'training' && run) this.client.send({ type: 'stop', runId: run.runId });
  }

  reset(): void {
    if (this.queue.held('load', () => this.reset())) return;
    if (!this.canLoad()) return;
    this.update({ ...this.state, error: null });
    this.replaceModel({ type: 'reset', model: modelConfig(this.state.settings) });
  }

  /** Switch to a built-in data set with its tutorial's settings (the backend choice stays). */
  loadPreset(dataset: DatasetName): void {
    if (this.queue.held('load', () => this.loadPreset(dataset))) return;
    if (!this.canLoad()) return;
    const { backend, engine } = this.state.settings;
    this.applySettings({ ...DEFAULTS[dataset], backend, engine });
    this.update({ ...this.state, error: null, csvChoices: {} });
    this.replaceModel({ type: 'load-preset', dataset, model: modelConfig(this.state.settings) });
  }

  /** A person's CSV, with fresh choices. Dropped while the page is starting, it waits until the page is ready. */
  loadCsv(file: File): void {
    if (this.state.state === 'loading' || this.queue.awaiting) {
      this.queue.push('load', () => this.loadCsv(file));
      this.update({ ...this.state, loading: { what: file.name, fraction: 0 } });
      return;
    }
    if (!this.canLoad()) return;
    // A CSV trains with DNNClassifier's optimizer and the CSV defaults (settings.ts), not Mechanics 101's.
    if (this.state.settings.dataset === 'mnist') this.applySettings({ ...DEFAULTS.csv, backend: this.state.settings.backend, engine: this.state.settings.engine });
    // The test fraction is a setting (in the URL): a shared link splits the same file the same way.
    const { task } = this.state.settings;
    this.sendCsv(file, undefined, { testFraction: this.state.settings.testFraction, validationFraction: this.state.settings.validation, ...(task === 'auto' ? {} : { task }) });
  }

  /**
   * A separate test file for the loaded CSV (as iris_test.csv is for iris_training.csv).
   * The person's choices (label column, excluded columns, encoding) stay: a test file
   * that does not fit them is refused by the worker with the reason, and the loaded data
   * set stays as it was.
   */
  loadTestCsv(testFile: File): void {
    if (this.queue.held('load', () => this.loadTestCsv(testFile))) return;
    if (!this.canLoad()) return;
    // A CSV re-opened from the last visit lives in the worker only: say so rather than ignore the drop.
    if (!this.csvFile) return this.update({ ...this.state, error: msg('app.test-needs-training-file', { file: testFile.name }) });
    this.sendCsv(this.csvFile, testFile, this.state.csvChoices);
  }

  private sendCsv(file: File, testFile: File | undefined, choices: CsvChoices): void {
    this.sendingCsv = { file, testFile, before: this.state.csvChoices };
    this.update({ ...this.state, error: null, csvChoices: choices, loading: { what: (testFile ?? file).name, fraction: 0 } });
    // A CSV's model: its own defaults where the settings are still another kind's (settingsFor: one layer of 100, not the tutorial's three).
    this.replaceModel({ type: 'load-csv', file, testFile, choices, model: modelConfig(settingsFor(this.state.settings, 'csv')) });
  }

  /** A CSV sent to the worker loaded (its data set arrived) or was refused (an error): the loaded one's file and choices are kept. */
  private settleCsv(event: WorkerEvent): void {
    const sending = this.sendingCsv;
    if (!sending || (event.type !== 'dataset' && event.type !== 'error')) return;
    this.sendingCsv = null;
    if (event.type === 'dataset') [this.csvFile, this.csvTestFile] = [sending.file, sending.testFile];
    else this.update({ ...this.state, csvChoices: sending.before });
  }

  /** A request the worker answers with a new model (or an error): what is asked meanwhile waits for it. */
  private replaceModel(request: Extract<WorkerRequest, { type: 'load-preset' | 'load-csv' | 'configure-csv' | 'load-idx' | 'reset' | 'restore-checkpoint' | 'import-model' }>): void {
    this.queue.sent();
    this.client.send(request);
  }

  /** Change how the loaded CSV is read (label column, excluded columns, encoding, test fraction). */
  configureCsv(change: CsvChoices): void {
    // While a model is on its way: shown at once (the select keeps the person's pick), read once it is in.
    if (this.queue.heldChoices(change)) return this.update({ ...this.state, csvChoices: { ...this.state.csvChoices, ...change } });
    if (!this.canLoad()) return;
    const choices = { ...this.state.csvChoices, ...change };
    // The split's fractions are settings (in the URL): a shared link splits the same file the same way.
    const { testFraction = this.state.settings.testFraction, validationFraction = this.state.settings.validation } = change;
    // The task too: a link with task=regression reads the file the same way.
    const task = 'task' in change ? (change.task ?? 'auto') : this.state.settings.task;
    if (testFraction !== this.state.settings.testFraction || validationFraction !== this.state.settings.validation || task !== this.state.settings.task) {
      this.applySettings({ ...this.state.settings, testFraction, validation: validationFraction, task });
    }
    this.update({ ...this.state, error: null, csvChoices: choices });
    this.replaceModel({ type: 'configure-csv', choices, model: modelConfig(this.state.settings) });
  }

  loadIdx(files: File[]): void {
    if (this.queue.held('load', () => this.loadIdx(files))) return;
    if (!this.canLoad()) return;
    if (this.state.settings.dataset !== 'mnist') this.applySettings({ ...DEFAULTS.mnist, backend: this.state.settings.backend, engine: this.state.settings.engine });
    this.update({ ...this.state, error: null, loading: { what: 'MNIST files', fraction: 0 } });
    this.replaceModel({ type: 'load-idx', files, model: modelConfig(this.state.settings) });
  }

  /**
   * Classify a row typed into the form. A row that cannot be classified clears the old
   * prediction and is said at the form (state.predictError), not as the page's alert.
   */
  predict(values: string[]): void {
    this.client.call({ kind: 'predict', values }, this.generation.signal).then(
      (prediction) => this.update({ ...this.state, prediction, predictError: null }),
      (error: unknown) => {
        if (isAbortError(error) || error instanceof WorkerLost) return;
        this.update({ ...this.state, prediction: null, predictError: reasonOf(error) });
      },
    );
  }

  /** `ink` is handed to the worker (transferred): the caller must not use it afterwards. */
  predictDrawing(ink: Float32Array, width: number, height: number): void {
    this.client.call({ kind: 'predict-drawing', ink, width, height }, this.generation.signal).then(
      ({ prediction, digit }) => this.update({ ...this.state, prediction, digit }),
      (error: unknown) => this.failed(error),
    );
  }

  predictFile(file: File): void {
    this.client.call({ kind: 'predict-file', file }, this.generation.signal).then(
      (batch) => this.update({ ...this.state, batch }),
      (error: unknown) => this.failed(error),
    );
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
      this.client.send({ type: 'set-learning-rate', learningRate: change.learningRate });
      this.update({ ...this.state, model: { ...model, learningRate: change.learningRate } });
    }
  }

  restoreCheckpoint(id: string): void {
    if (this.queue.held('load', () => this.restoreCheckpoint(id))) return;
    if (this.canLoad()) this.replaceModel({ type: 'restore-checkpoint', id });
  }

  deleteCheckpoint(id: string): void {
    this.client.send({ type: 'delete-checkpoint', id });
  }

  /**
   * The model files, a Python script of the run, or the training history, handed to the
   * browser's downloads. Not tied to the model generation: the files are of the model the
   * person asked to export, still worth having after a switch.
   */
  exportFiles(what: 'model' | 'python' | 'history'): void {
    // The script trains as a run here would: the same evaluation rhythm and early-stopping patience.
    const { evalEvery, patience } = runPlan(this.state.settings, this.state.dataset?.trainRows ?? 0);
    this.client.call({ kind: 'export', what, ...(what === 'python' ? { plan: { evalEvery, patience } } : {}) }).then(
      (files) => files.forEach((f) => this.options.saveFile(f.data, f.name, f.mime)),
      (error: unknown) => this.failed(error),
    );
  }

  /**
   * The judging program (one HTML file that classifies offline), in `lang` with both
   * languages' `words`; its card carries the baselines and the cross-validation shown.
   */
  exportProgram(lang: ProgramRequest['lang'], words: ProgramRequest['words']): void {
    const { baselines, cvSummary } = this.state;
    const request = { lang, words, baselines: baselines.status === 'ready' ? baselines.baselines : null, cv: cvSummary };
    this.client.call({ kind: 'program', ...request }).then(
      (file) => this.options.saveFile(file.data, file.name, file.mime),
      (error: unknown) => this.failed(error),
    );
  }

  importModel(files: File[]): void {
    if (this.queue.held('load', () => this.importModel(files))) return;
    if (!this.canLoad()) return;
    this.update({ ...this.state, error: null });
    this.replaceModel({ type: 'import-model', files });
  }

  /**
   * Analysis views. `key` names what the panel wants (of which model and evaluation);
   * nothing is sent while a request for the same view is in flight, so a panel that
   * re-asks after every evaluation never queues up work in the worker.
   */
  requestBoundary(x: number, y: number, resolution: number, key: string): void {
    this.askView('boundary', key, (signal) => this.client.call({ kind: 'boundary', x, y, resolution }, signal));
  }

  requestConfusionRows(actual: number, predicted: number, limit: number, key: string): void {
    this.askView('confusionRows', key, (signal) => this.client.call({ kind: 'confusion-rows', actual, predicted, limit }, signal));
  }

  requestNetwork(key: string): void {
    this.askView('network', key, (signal) => this.client.call({ kind: 'network' }, signal));
  }

  /** A two-class data set's curves on the test split, `positive` the class scored. */
  requestBinaryCurves(positive: number, key: string): void {
    this.askView('binary', key, (signal) => this.client.call({ kind: 'binary-curves', positive }, signal));
  }

  /** A regression's test rows, predicted against actual (at most `limit`), from the newest evaluation. */
  requestRegressionFit(limit: number, key: string): void {
    this.askView('fit', key, (signal) => this.client.call({ kind: 'regression-fit', limit }, signal));
  }

  /**
   * Evaluate the loaded model on its splits without training (an imported model, a
   * restored checkpoint): test-accuracy, the tables and the charts fill. Settles when the
   * evaluations are in (or failed, with the page's alert).
   */
  evaluate(): Promise<void> {
    if (!this.canLoad()) return Promise.resolve();
    this.update({ ...this.state, error: null });
    return this.client.call({ kind: 'evaluate' }, this.generation.signal).then(
      (added) => this.update(withEvaluated(this.state, added)),
      (error: unknown) => this.failed(error),
    );
  }

  /**
   * One view's call, with the view marked pending until it settles. An aborted call
   * (its model replaced) settles as stale: answered() keeps nothing of another generation.
   */
  private askView<V extends AnalysisView>(view: V, key: string, call: (signal: AbortSignal) => Promise<NonNullable<Analysis[V]['value']>>): void {
    if (!this.client.started || this.state.analysis[view].pending) return;
    const id = this.nextViewId++;
    this.update(asked(this.state, view, id, key));
    call(this.generation.signal).then(
      (value) => this.update(answered(this.state, view, id, { value })),
      (error: unknown) => this.update(answered(this.state, view, id, { error: reasonOf(error) })),
    );
  }

  dismissError(): void {
    this.update({ ...this.state, error: null });
  }

  /** A call that failed: the page's alert. Aborted calls were stale; a lost worker has its own alert. */
  private failed(error: unknown): void {
    if (isAbortError(error) || error instanceof WorkerLost) return;
    this.update(reduce(this.state, { type: 'error', message: reasonOf(error) }, this.options.clock.now()));
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
    this.options.url.write(serializeSettings(settings));
  }

  private update(next: AppState): void {
    if (next === this.state) return;
    // A new data set or model: whatever was asked of the old one must not land.
    if (next.generation !== this.state.generation) {
      this.generation.abort();
      this.generation = new AbortController();
    }
    // A run starting or ending shows at once: frames batch the stream of progress, but a busy
    // software-rendered GPU holds the next one back by up to ~80 ms (traced after run-end).
    const urgent = next.state !== this.state.state;
    this.state = next;
    if (urgent) {
      this.frame++;
      this.painting = false;
      this.listeners.forEach((l) => l());
      return;
    }
    if (this.painting) return;
    this.painting = true;
    const frame = this.frame;
    this.options.nextFrame(() => {
      // Already shown by an urgent change since.
      if (frame !== this.frame) return;
      this.painting = false;
      this.listeners.forEach((l) => l());
    });
  }
}
