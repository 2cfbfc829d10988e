/**
 * The one protocol between the page and the training worker.
 *
 * Both threads import this file (and the plain types it names) and nothing else from
 * each other. Messages are discriminated unions on `type`; every training event carries
 * the `runId` of the run that produced it so the page can drop events from a run it has
 * already replaced (TensorFlow Playground's generation counter). Everything here is
 * structured-clone data: no tensors, no classes (File objects are fine).
 */
import type { BinaryCurves, BoundaryMap, ConfusionRows, NetworkPicture, RegressionFit } from './analysis';
import type { CvFold, CvSummary } from './cv';
import type { ProgramRequest } from './program';
import type { Reason } from './result';
import type {
  BackendChoice,
  Baselines,
  BackendName,
  BatchPredictions,
  CheckpointInfo,
  CsvChoices,
  DatasetName,
  DatasetSource,
  DatasetSummary,
  DigitGallery,
  DownloadFile,
  EarlyStop,
  EngineChoice,
  EngineName,
  Evaluation,
  LogLine,
  MetricPoint,
  ModelConfig,
  Prediction,
  RunEnd,
} from './types';

// ---------------------------------------------------------------------------
// calls: requests with exactly one answer (everything that is not the run's event stream)

/** By kind: what the page sends and what comes back. */
export interface Calls {
  /** One row as the person typed it, one string per input field. */
  predict: { request: { values: string[] }; answer: Prediction };
  /** A drawn digit: ink in [0, 1], width x height row-major; the answer has the 28x28 digit the model read. */
  'predict-drawing': { request: { ink: Float32Array; width: number; height: number }; answer: { prediction: Prediction; digit: Uint8Array } };
  'predict-file': { request: { file: File }; answer: BatchPredictions };
  /** The decision map over inputs `x` and `y` (indices into DatasetSummary.inputs; -1 for both: the worker picks). */
  boundary: { request: { x: number; y: number; resolution: number }; answer: BoundaryMap };
  /** The test rows of one confusion-matrix cell, from the newest evaluation. */
  'confusion-rows': { request: { actual: number; predicted: number; limit: number }; answer: ConfusionRows };
  /** The network's shape and weights, for its picture. */
  network: { request: Record<never, never>; answer: NetworkPicture };
  /**
   * The model (TF.js layers format), a Python/Keras script of the run, or the history as CSV.
   * `plan`: the page's run rhythm (runPlan), so the script evaluates and early-stops as a run here does.
   */
  export: { request: { what: 'model' | 'python' | 'history'; plan?: { evalEvery: number; patience: number } }; answer: DownloadFile[] };
  /** A data set of two classes: ROC and precision-recall curves on the test split, `positive` the class scored (0 or 1). */
  'binary-curves': { request: { positive: number }; answer: BinaryCurves };
  /**
   * Evaluate the loaded model on its splits (train, validation, test) without training:
   * an imported or restored model's numbers. The evaluations (and their curve points)
   * join the history; the answer carries them for the page to fold in.
   */
  evaluate: { request: Record<never, never>; answer: { globalStep: number; evaluations: Evaluation[]; points: MetricPoint[] } };
  /** A regression's test rows, predicted against actual, from the newest evaluation (at most `limit`). */
  'regression-fit': { request: { limit: number }; answer: RegressionFit };
  /** The judging program: one self-contained HTML file that classifies offline (src/ml/program), with the page's words. */
  program: { request: ProgramRequest; answer: DownloadFile };
}

export type CallKind = keyof Calls;
export type CallRequest = { [K in CallKind]: { kind: K } & Calls[K]['request'] }[CallKind];
export type CallAnswer<K extends CallKind> = Calls[K]['answer'];

// ---------------------------------------------------------------------------
// page -> worker

/**
 * The CSV the page holds (the File it dropped, with its test file and choices), sent with
 * the `init` of a worker that replaces a crashed or hung one: the new worker re-reads it
 * and goes on from its newest checkpoint, so a file too large to keep in the browser
 * survives the restart too.
 */
export interface HeldCsv {
  file: File;
  testFile?: File;
  choices: CsvChoices;
}

export type WorkerRequest =
  /** A call (see Calls): answered by one `answer` event with the same callId. */
  | { type: 'call'; callId: number; call: CallRequest }
  /** The page no longer wants the answer to this call (best effort: the worker may still finish it). */
  | { type: 'cancel'; callId: number }
  /**
   * Start: pick the backend, then open what the link names (`dataset`; a stored session
   * of it goes on when it was trained with `model`), or with `dataset` null (the link
   * names none) the last visit's session when it matches `model`, else Iris.
   * `tab`: the page's id for its tab (client/tab.ts): the last visit is this tab's own
   * session when it has one, else the newest of any tab.
   */
  | { type: 'init'; backend: BackendChoice; engine: EngineChoice; dataset: DatasetSource | null; model: ModelConfig; tab?: string; csv?: HeldCsv }
  /** Switch to a built-in data set with a fresh model. */
  | { type: 'load-preset'; dataset: DatasetName; model: ModelConfig }
  /** A person's CSV (and optionally a separate test file). */
  | { type: 'load-csv'; file: File; testFile?: File; choices: CsvChoices; model: ModelConfig }
  /** Re-read the loaded CSV with other choices (label column, excluded columns, encoding…). */
  | { type: 'configure-csv'; choices: CsvChoices; model: ModelConfig }
  /** The original MNIST IDX files, gzipped or not. */
  | { type: 'load-idx'; files: File[]; model: ModelConfig }
  /**
   * Train `steps` more steps from the current global step (tf.estimator's train()).
   * `steps` Infinity: Play, train until `stop` (structured clone keeps Infinity).
   * `patience`: early stopping. End the run when the held-out loss (validation if there
   * is a validation split, else test) has not improved for this many evaluations; 0 = off.
   */
  | { type: 'train'; runId: number; steps: number; evalEvery: number; patience: number }
  | { type: 'stop'; runId: number }
  /** A new learning rate from the next step on (no new model needed). */
  | { type: 'set-learning-rate'; learningRate: number }
  /** Throw the model away and build a fresh one at global step 0. */
  | { type: 'reset'; model: ModelConfig }
  /** Put a stored checkpoint's model in place; training resumes from its step. */
  | { type: 'restore-checkpoint'; id: string }
  | { type: 'delete-checkpoint'; id: string }
  /** model.json and its weights file(s), checked before they replace anything. */
  | { type: 'import-model'; files: File[] }
  /** Fault injection for browser tests: lose the WebGL context (WEBGL_lose_context), as a GPU reset does. */
  | { type: 'lose-webgl-context' }
  /** The page is being hidden or left (pagehide, visibilitychange): save a checkpoint of the run now, at its next chunk. */
  | { type: 'checkpoint-now' }
  /**
   * k-fold cross-validation of the model's settings (src/ml/app/crossValidation.ts): `folds`
   * fresh models of `steps` steps, one per fold, then, when every fold is done, the shown
   * model trains `steps` more as `train` does (same runId). Stop with `stop` and this runId.
   */
  | { type: 'cross-validate'; runId: number; folds: number; steps: number; evalEvery: number; patience: number };

// ---------------------------------------------------------------------------
// worker -> page

export type WorkerEvent =
  /** The answer to call `callId`: its value, or why it failed. */
  | { type: 'answer'; callId: number; ok: true; value: CallAnswer<CallKind> }
  | { type: 'answer'; callId: number; ok: false; message: Reason }
  | { type: 'backend'; backend: BackendName; reason: Reason }
  /** Something is loading: `fraction` in [0, 1]. */
  | { type: 'loading'; what: string; fraction: number }
  /** `choices`: what a CSV was built with (the label column…), so a re-opened one shows and keeps them. */
  | { type: 'dataset'; summary: DatasetSummary; choices?: CsvChoices }
  /** A model was (re)built; `tensors` is tf.memory().numTensors, for leak checks. */
  | {
      type: 'model';
      /** The model's settings: a restored checkpoint's may differ from the page's. */
      config: ModelConfig;
      globalStep: number;
      parameters: number;
      tensors: number;
      engine: EngineName;
      engineReason: Reason;
    }
  /** The curves and evaluations of a restored model, up to its step. */
  | { type: 'history'; points: MetricPoint[]; evaluations: Evaluation[] }
  | {
      type: 'progress';
      runId: number;
      globalStep: number;
      /** New curve points since the previous progress event (never the whole history). */
      points: MetricPoint[];
      /** New evaluations since the previous progress event, one per split evaluated. */
      evaluations: Evaluation[];
      log: LogLine[];
    }
  /**
   * `message`: why a run failed; `earlyStop`: why it ended early (data, worded by the page);
   * `restoredStep`: early stopping put back the weights of that step's evaluation (its best validation loss).
   */
  | { type: 'run-end'; runId: number; end: RunEnd; globalStep: number; tensors: number; message?: Reason; earlyStop?: EarlyStop; restoredStep?: number }
  | { type: 'gallery'; gallery: DigitGallery }
  | { type: 'checkpoints'; checkpoints: CheckpointInfo[]; persistent: boolean }
  /**
   * The loaded data set's baselines (null: it has no test rows to score on), posted after
   * its `dataset` and `model` events once computed; never for a data set already replaced.
   */
  | { type: 'baselines'; baselines: Baselines | null; /** Why they could not be computed (baselines is then null). */ failed?: Reason }
  /** Something the person should know that is not an error (shown once, role=status). */
  | { type: 'notice'; message: Reason }
  /** A request failed; what was loaded before is still loaded. */
  | { type: 'error'; message: Reason }
  /** Cross-validation: fold `fold` of `folds` (1-based) is at its own step `globalStep` of `steps`. */
  | { type: 'cv-progress'; runId: number; fold: number; folds: number; globalStep: number; steps: number }
  /**
   * Cross-validation ended: `done` with the summary (the shown model's run follows, then
   * `run-end`), or `stopped` / `error` (then no run follows) with the folds finished before.
   */
  | { type: 'cv-result'; runId: number; end: RunEnd; summary?: CvSummary; completed: CvFold[]; message?: Reason }
  /**
   * The worker is alive and busy (a chunked evaluation of a large split, a checkpoint being
   * written): at most one a second (ml/train/heartbeat.ts), so the page's watchdog fires only on a real hang.
   */
  | { type: 'heartbeat' };

/** Compile-time exhaustiveness check for switches over the unions above. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
