/**
 * The page's state and the pure function that folds worker events into it. The
 * worker owns the model; this holds only serializable snapshots of what to show.
 */
import type { CvSummary } from '../shared/cv';
import type { WorkerEvent } from '../shared/protocol';
import type { BackendName, Baselines, BatchPredictions, CheckpointInfo, CsvChoices, DatasetSummary, DigitGallery, EarlyStop, EngineName, Evaluation, LogLine, MetricPoint, ModelConfig, Prediction } from '../shared/types';
import { withEvaluations, type Evaluated } from '../shared/evaluations';
import { assertNever } from '../shared/protocol';
import type { Reason } from '../shared/result';
import { answerView, askView, clearViews, initialAnalysis, type Analysis, type AnalysisView, type ViewResult } from './analysisState';
import { settingsFor, type IgnoredParam, type Settings } from './settings';

export type RunState = 'loading' | 'idle' | 'training' | 'done' | 'stopped' | 'error';

export interface RunInfo {
  runId: number;
  startStep: number;
  /** Where the run ends: Infinity for Play (it trains until paused). */
  targetStep: number;
  /** performance.now() when Train was clicked, for the time left. */
  startedAt: number;
  /** performance.now() of the newest progress event. */
  updatedAt: number;
  /** How it was started: Train (its steps), Play (until paused) or Step (to the next evaluation). */
  kind?: RunKind;
}

/** Train N steps, Play (TensorFlow Playground's play button: until paused), Step (one evaluation interval). */
export type RunKind = 'train' | 'play' | 'step';

/** A finished model kept for comparison: its settings, curves and last test evaluation. */
export interface ArchivedRun {
  id: number;
  dataset: string;
  config: ModelConfig;
  globalStep: number;
  points: MetricPoint[];
  test: Evaluation | null;
}

/** Earlier runs kept for comparison. */
const MAX_RUNS = 8;

/** Status log lines kept (the newest); the tutorial prints one per 100 steps. */
const MAX_LOG = 200;

/**
 * Something the page tells the person that is not an error (role=status). The worker's
 * own words are English; the URL's ignored parameters and early stops come as data so
 * the page words them in its language.
 */
export type Notice = { kind: 'text'; text: Reason } | { kind: 'ignored-param'; ignored: IgnoredParam } | { kind: 'early-stop'; stop: EarlyStop };

/** The worker's notices that are failures to save: shown as the page's alert (role="alert"). */
const SAVE_FAILURES: ReadonlySet<string> = new Set(['checkpoint.quota', 'checkpoint.save-failed']);

/** One notice once: the same one again is not added. */
function addNotice(notices: Notice[], notice: Notice): Notice[] {
  const key = JSON.stringify(notice);
  return notices.some((n) => JSON.stringify(n) === key) ? notices : [...notices, notice];
}

/** The loaded data set's baselines: being computed, none (no test rows to score on), failed (and why), or their scores. */
export type BaselineState = { status: 'computing' } | { status: 'none' } | { status: 'failed'; reason: Reason } | { status: 'ready'; baselines: Baselines };

export interface AppState {
  settings: Settings;
  notices: Notice[];
  backend: { name: BackendName; reason: Reason } | null;
  engine: { name: EngineName; reason: Reason } | null;
  /** A data set or file being read: what, and how far in [0, 1]. */
  loading: { what: string; fraction: number } | null;
  dataset: DatasetSummary | null;
  /** The choices behind the loaded CSV, to change one and re-build. */
  csvChoices: CsvChoices;
  parameters: number | null;
  state: RunState;
  globalStep: number;
  run: RunInfo | null;
  /** Every curve point since the model was built, in arrival order. */
  points: MetricPoint[];
  /** Every evaluation since the model was built (all splits), in arrival order. */
  evaluations: Evaluation[];
  log: LogLine[];
  prediction: Prediction | null;
  /** The 28x28 digit the model read from the pad. */
  digit: Uint8Array | null;
  gallery: DigitGallery | null;
  batch: BatchPredictions | null;
  /** The error to show in the alert, if any. */
  error: Reason | null;
  /** tf.memory().numTensors after the newest run or reset, for leak checks. */
  tensors: number | null;
  /** The settings of the model in the worker (the page's may be ahead of them until Reset). */
  model: ModelConfig | null;
  /** Earlier models of this visit, newest last, for the comparison table and overlays. */
  runs: ArchivedRun[];
  /** Stored checkpoints of the loaded data set, newest first. */
  checkpoints: CheckpointInfo[];
  /** False when the browser keeps nothing across a reload (no IndexedDB). */
  persistent: boolean;
  /** Counts the models (and data sets) loaded: a view asked of an older one is stale. */
  generation: number;
  analysis: Analysis;
  /** Cross-validation under way: fold in [1, folds] (0 before the first), that fold's step of `steps`. */
  cv: { folds: number; fold: number; globalStep: number; steps: number } | null;
  /** The newest finished cross-validation of the model's settings; cleared with a new model or data set. */
  cvSummary: CvSummary | null;
  /** Of the loaded data set (cleared when another loads); a new model on the same data keeps them. */
  baselines: BaselineState;
  /** Why the newest row typed into the form could not be classified (shown at its field); null after a good one. */
  predictError: Reason | null;
}

export function initialState(settings: Settings, ignored: IgnoredParam[]): AppState {
  return {
    settings,
    notices: ignored.map((i) => ({ kind: 'ignored-param', ignored: i })),
    backend: null,
    engine: null,
    loading: null,
    dataset: null,
    csvChoices: {},
    parameters: null,
    state: 'loading',
    globalStep: 0,
    run: null,
    points: [],
    evaluations: [],
    log: [],
    prediction: null,
    digit: null,
    gallery: null,
    batch: null,
    error: null,
    tensors: null,
    checkpoints: [],
    persistent: true,
    model: null,
    runs: [],
    generation: 0,
    analysis: initialAnalysis,
    cv: null,
    cvSummary: null,
    baselines: { status: 'computing' },
    predictError: null,
  };
}

/** A new model or data set: the views of the old one go (the store aborts their calls in flight). */
function newGeneration(state: AppState): Pick<AppState, 'generation' | 'analysis'> {
  return { generation: state.generation + 1, analysis: clearViews(state.analysis) };
}

/** The answer (or the failure) to a view's pending request `requestId`; the state unchanged when it is not that request. */
export function answered<K extends AnalysisView>(state: AppState, view: K, requestId: number, result: ViewResult<K>): AppState {
  const analysis = answerView(state.analysis, state.generation, view, requestId, result);
  return analysis === state.analysis ? state : { ...state, analysis };
}

/** A request for `view` is on its way (the store calls this as it sends one). */
export function asked(state: AppState, view: AnalysisView, requestId: number, key: string): AppState {
  return { ...state, analysis: askView(state.analysis, state.generation, view, requestId, key) };
}

/** The current model's run as an ArchivedRun, when it trained at all. */
function archive(state: AppState): ArchivedRun[] {
  if (!state.model || !state.dataset || state.globalStep === 0 || state.points.length === 0) return state.runs;
  const run: ArchivedRun = {
    id: (state.runs[state.runs.length - 1]?.id ?? 0) + 1,
    dataset: state.dataset.name,
    config: state.model,
    globalStep: state.globalStep,
    points: state.points,
    test: latestEvaluation(state, 'test'),
  };
  return [...state.runs, run].slice(-MAX_RUNS);
}

/**
 * Evaluations made without a run (the page's Evaluate), folded as the worker folded them
 * into its history (shared/evaluations.ts): the same split at the same step is replaced.
 */
export function withEvaluated(state: AppState, added: Evaluated): AppState {
  const { points, evaluations } = withEvaluations(state, added);
  return { ...state, points, evaluations };
}

/** The newest evaluation of a split, or null. */
export function latestEvaluation(state: AppState, split: Evaluation['split']): Evaluation | null {
  for (let i = state.evaluations.length - 1; i >= 0; i--) if (state.evaluations[i].split === split) return state.evaluations[i];
  return null;
}

/**
 * A CSV's test and validation fractions are the ones it was split with (a re-opened
 * CSV's, which a new tab's link did not carry).
 */
function withChoices(settings: Settings, choices: CsvChoices | undefined): Settings {
  const testFraction = choices?.testFraction ?? settings.testFraction;
  // A CSV's kept choices without one were split without one (a session stored before validation splits).
  const validation = choices ? (choices.validationFraction ?? 0) : settings.validation;
  if (settings.testFraction === testFraction && settings.validation === validation) return settings;
  return { ...settings, testFraction, validation };
}

/** Fold one worker event into the state. Events from a run the page no longer follows are dropped. */
export function reduce(state: AppState, event: WorkerEvent, now: number): AppState {
  const current = (runId: number) => state.run?.runId === runId;
  switch (event.type) {
    case 'backend':
      return { ...state, backend: { name: event.backend, reason: event.reason } };
    case 'loading':
      return { ...state, loading: event.fraction >= 1 ? null : { what: event.what, fraction: event.fraction } };
    case 'dataset':
      // The model trained on the previous data set becomes a past run before its curves go.
      return {
        ...state,
        runs: archive(state),
        points: [],
        evaluations: [],
        globalStep: 0,
        dataset: event.summary,
        // The choices a CSV was built with, as the worker kept them (a re-opened CSV's too), so the next change starts from them.
        csvChoices: event.choices ?? (event.summary.source === 'csv' ? state.csvChoices : {}),
        // The URL says what is loaded (a dropped file is `csv`); its kind's defaults follow, and the kept choices' fractions.
        settings: withChoices(settingsFor(state.settings, event.summary.source), event.choices),
        loading: null,
        batch: null,
        gallery: null,
        prediction: null,
        predictError: null,
        digit: null,
        cv: null,
        cvSummary: null,
        baselines: { status: 'computing' },
        ...newGeneration(state),
      };
    case 'model':
      return {
        ...state,
        ...newGeneration(state),
        runs: archive(state),
        // A restored or imported model brings its own settings; the run length and backend stay.
        settings: { ...state.settings, ...event.config },
        model: event.config,
        state: 'idle',
        engine: { name: event.engine, reason: event.engineReason },
        parameters: event.parameters,
        globalStep: event.globalStep,
        tensors: event.tensors,
        run: null,
        points: [],
        evaluations: [],
        log: [],
        prediction: null,
        predictError: null,
        cv: null,
        cvSummary: null,
      };
    case 'progress':
      if (!current(event.runId) || !state.run) return state;
      return {
        ...state,
        globalStep: event.globalStep,
        points: event.points.length > 0 ? [...state.points, ...event.points] : state.points,
        evaluations: event.evaluations.length > 0 ? [...state.evaluations, ...event.evaluations] : state.evaluations,
        log: event.log.length > 0 ? [...state.log, ...event.log].slice(-MAX_LOG) : state.log,
        run: { ...state.run, updatedAt: now },
      };
    case 'run-end':
      if (!current(event.runId)) return state;
      return {
        ...state,
        state: event.end,
        globalStep: event.globalStep,
        tensors: event.tensors,
        error: event.end === 'error' ? (event.message ?? 'Training failed.') : state.error,
        // A run that ended well can still have something to say: early stopping and why.
        notices: event.earlyStop ? addNotice(state.notices, { kind: 'early-stop', stop: event.earlyStop }) : state.notices,
      };
    case 'gallery':
      return { ...state, gallery: event.gallery };
    case 'history':
      return { ...state, points: event.points, evaluations: event.evaluations };
    case 'checkpoints':
      return { ...state, checkpoints: event.checkpoints, persistent: event.persistent };
    case 'baselines':
      // A failure says why where notices show, and ends "computing" (the panel and data-baselines say failed).
      if (event.failed) return { ...state, baselines: { status: 'failed', reason: event.failed }, notices: addNotice(state.notices, { kind: 'text', text: event.failed }) };
      return { ...state, baselines: event.baselines ? { status: 'ready', baselines: event.baselines } : { status: 'none' } };
    case 'notice':
      // A save that failed (storage full, or refused) is an error a person must see, not a
      // passing status: training goes on, but the work since the last checkpoint is at risk.
      if (typeof event.message !== 'string' && SAVE_FAILURES.has(event.message.code)) return { ...state, error: event.message };
      return { ...state, notices: addNotice(state.notices, { kind: 'text', text: event.message }) };
    case 'answer':
      // Answers settle the store's calls (workerClient.ts); the store folds them in.
      return state;
    case 'error':
      // A call's failure comes as its answer; this is a request without one (a load, an import, a run's setup).
      return { ...state, error: event.message, loading: null, state: state.state === 'loading' ? 'error' : state.state };
    case 'cv-progress':
      if (!current(event.runId) || !state.run) return state;
      return { ...state, cv: { folds: event.folds, fold: event.fold, globalStep: event.globalStep, steps: event.steps }, run: { ...state.run, updatedAt: now } };
    case 'cv-result':
      if (!current(event.runId)) return state;
      // Done: the shown model's run follows under the same runId, so the page stays 'training'.
      return {
        ...state,
        cv: null,
        cvSummary: event.summary ?? null,
        // The shown model's run starts now: its time left is paced from here, not from the click.
        run: state.run && event.end === 'done' ? { ...state.run, startedAt: now, updatedAt: now } : state.run,
        state: event.end === 'done' ? state.state : event.end,
        error: event.end === 'error' ? (event.message ?? state.error) : state.error,
      };
    case 'heartbeat':
      // Only the watchdog hears it (workerClient.ts): the page shows nothing new.
      return state;
    default:
      return assertNever(event);
  }
}
