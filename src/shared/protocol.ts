/**
 * The one protocol between the page and the training worker.
 *
 * Both threads import this file (and the plain types it names) and nothing else from
 * each other. Messages are discriminated unions on `type`; every training event carries
 * the `runId` of the run that produced it so the page can drop events from a run it has
 * already replaced (TensorFlow Playground's generation counter). Everything here is
 * structured-clone data: no tensors, no classes (File objects are fine).
 */
import type { BoundaryMap, ConfusionRows, NetworkPicture } from './analysis';
import type { CsvEncoding, CsvPreview } from './csv';

/** tfjs backends the worker can run on. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';
/** What the URL may ask for: a backend, or `auto` to let the worker choose. */
export type BackendChoice = 'auto' | BackendName;
/** Who runs the training steps: tfjs kernels, or the fused Float32Array loop (src/ml/fast). */
export type EngineName = 'tfjs' | 'fused';
export type EngineChoice = 'auto' | EngineName;

export type OptimizerName = 'adagrad' | 'sgd' | 'momentum' | 'adam' | 'rmsprop';
/** The hidden layers' activation (the logits layer is always linear). */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';
/** Built-in data sets. */
export type DatasetName = 'iris' | 'mnist';

/** Hyperparameters of one model; changing any of them except the learning rate needs a new model. */
export interface ModelConfig {
  hiddenUnits: number[];
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  seed: number;
  /** tf.estimator's DNNClassifier: Glorot-uniform; Mechanics 101: truncated normal, stddev 1/sqrt(fan-in). */
  initializer: 'glorot-uniform' | 'truncated-normal';
  /** How a batch's per-example losses become the training loss: tf.estimator sums, Mechanics 101 averages. */
  reduction: 'sum' | 'mean';
  /** Hidden layers' activation; both tutorials use ReLU. */
  activation: Activation;
  /** Fraction of each hidden layer's units dropped in a training step, in [0, 0.9]; 0 = no dropout. */
  dropout: number;
  /** L2 penalty on the kernels (not the biases): the loss gains l2 * sum(w^2); 0 = none. */
  l2: number;
}

/** How the page may ask for one input of a row to classify. */
export interface InputField {
  name: string;
  kind: 'numeric' | 'categorical';
  /** Categorical: the values seen in training, for a select. */
  options?: string[];
}

/** What the page shows about the loaded data set. */
export interface DatasetSummary {
  source: 'iris' | 'mnist' | 'csv';
  name: string;
  /** The input columns a person fills in to classify a row (before any one-hot encoding). */
  inputs: InputField[];
  classNames: string[];
  trainRows: number;
  testRows: number;
  validationRows: number;
  /** How the rows were split, in words ("8,000 / 1,000 / 1,000 as read_data_sets does"). */
  splitNote: string;
  /** The first rows of the training split as text: the inputs, then the class name. */
  preview: string[][];
  /** A CSV's columns, inferred types, missing counts and class balance. */
  csv?: CsvPreview;
}

export type Split = 'train' | 'validation' | 'test';

/** One point of a learning curve, at a global step. */
export interface MetricPoint {
  step: number;
  split: Split;
  /** Mean cross-entropy per example. */
  loss: number;
  /** Fraction correct in [0, 1]; absent for the training batches' loss. */
  accuracy?: number;
  /**
   * Training time in seconds since the model was built, summed over its runs (time
   * between runs does not count): the x axis of the charts' "time" view.
   */
  seconds?: number;
}

/** A line of the tutorial's status log: `Step 100: loss = 2.21 (0.012 sec)`. */
export interface LogLine {
  step: number;
  /** The training loss of that step as the model defines it (summed or mean over the batch). */
  loss: number;
  /** Wall time of one step around then, in seconds. */
  seconds: number;
}

/** What `classifier.evaluate()` returns, with do_eval's counts (Num examples, Num correct). */
export interface Evaluation {
  split: Split;
  accuracy: number;
  /** Mean loss per example. */
  averageLoss: number;
  /** Mean over evaluation batches of the summed batch loss (the TF1 head's `loss`). */
  loss: number;
  globalStep: number;
  examples: number;
  correct: number;
  /** Test split only: confusion[actual][predicted] counts. */
  confusion?: number[][];
}

/** What `classifier.predict()` yields for one row. */
export interface Prediction {
  classId: number;
  className: string;
  probabilities: number[];
  logits: number[];
}

/** Predictions for a file of rows. */
export interface BatchPredictions {
  fileName: string;
  rows: number;
  /** The first rows for the page: original cells, then predicted class and probabilities. */
  columns: string[];
  preview: string[][];
  /** The whole result as CSV text, spreadsheet-safe, for download. */
  csv: string;
  /** When the file had the label column: how the predictions score against it. */
  score?: { examples: number; correct: number; accuracy: number };
  warnings: string[];
}

/** Test digits with what the model reads in them, for the gallery and the confusion matrix. */
export interface DigitGallery {
  globalStep: number;
  /** 28x28 grey bytes per digit, [count * 784]. */
  pixels: Uint8Array;
  labels: number[];
  predicted: number[];
  /** confusion[actual][predicted] over the whole test split. */
  confusion: number[][];
}

export type RunEnd = 'done' | 'stopped' | 'error';

/** Why early stopping ended a run: the watched split's loss had not improved for `patience` evaluations. */
export interface EarlyStop {
  step: number;
  split: Split;
  patience: number;
  bestStep: number;
  bestLoss: number;
}

/** A stored checkpoint, as the checkpoints panel lists it. */
export interface CheckpointInfo {
  id: string;
  globalStep: number;
  /** ISO 8601. */
  savedAt: string;
  testAccuracy: number | null;
  hiddenUnits: number[];
}

/** A file the page hands to the browser's downloads. */
export interface DownloadFile {
  name: string;
  mime: string;
  data: string | ArrayBuffer;
}

/** Options of a CSV load the person can change in the preview. */
export interface CsvChoices {
  encoding?: CsvEncoding | 'auto';
  labelColumn?: string;
  excluded?: string[];
  testFraction?: number;
}

// ---------------------------------------------------------------------------
// page -> worker

export type WorkerRequest =
  /** Start: pick the backend, then re-open the last visit's session when it matches these settings, else load `dataset`. */
  | { type: 'init'; backend: BackendChoice; engine: EngineChoice; dataset: DatasetName; model: ModelConfig }
  /** Switch to a built-in data set with a fresh model. */
  | { type: 'load-preset'; dataset: DatasetName; model: ModelConfig }
  /** A person's CSV (and optionally a separate test file). */
  | { type: 'load-csv'; file: File; testFile?: File; choices: CsvChoices; model: ModelConfig }
  /** Re-read the loaded CSV with other choices (label column, excluded columns, encoding…). */
  | { type: 'configure-csv'; choices: CsvChoices; model: ModelConfig }
  /** The original MNIST IDX files, gzipped or not. */
  | { type: 'load-idx'; files: File[]; model: ModelConfig }
  /** Train `steps` more steps from the current global step (tf.estimator's train()). */
  /**
   * `patience`: early stopping. End the run when the held-out loss (validation if there
   * is a validation split, else test) has not improved for this many evaluations; 0 = off.
   */
  | { type: 'train'; runId: number; steps: number; evalEvery: number; patience: number }
  | { type: 'stop'; runId: number }
  /** A new learning rate from the next step on (no new model needed). */
  | { type: 'set-learning-rate'; learningRate: number }
  /** Throw the model away and build a fresh one at global step 0. */
  | { type: 'reset'; model: ModelConfig }
  /** One row as the person typed it, one string per input field. */
  | { type: 'predict'; requestId: number; values: string[] }
  /** A drawn digit: ink in [0, 1], width x height row-major. */
  | { type: 'predict-drawing'; requestId: number; ink: Float32Array; width: number; height: number }
  | { type: 'predict-file'; requestId: number; file: File }
  /** Put a stored checkpoint's model in place; training resumes from its step. */
  | { type: 'restore-checkpoint'; id: string }
  | { type: 'delete-checkpoint'; id: string }
  /** The model (TF.js layers format), a Python/Keras script that rebuilds the run, or the history as CSV. */
  | { type: 'export'; what: 'model' | 'python' | 'history' }
  /** model.json and its weights file(s), checked before they replace anything. */
  | { type: 'import-model'; files: File[] }
  /**
   * The decision-boundary map over inputs `x` and `y` (indices into DatasetSummary.inputs);
   * -1 for both lets the worker choose the two inputs that best separate the classes.
   */
  | { type: 'boundary'; requestId: number; x: number; y: number; resolution: number }
  /** The test rows of one confusion-matrix cell, from the newest evaluation. */
  | { type: 'confusion-rows'; requestId: number; actual: number; predicted: number; limit: number }
  /** The network's shape and weights, for its picture. */
  | { type: 'network'; requestId: number }
  /** Fault injection for browser tests: lose the WebGL context (WEBGL_lose_context), as a GPU reset does. */
  | { type: 'lose-webgl-context' };

// ---------------------------------------------------------------------------
// worker -> page

export type WorkerEvent =
  | { type: 'backend'; backend: BackendName; reason: string }
  /** Something is loading: `fraction` in [0, 1]. */
  | { type: 'loading'; what: string; fraction: number }
  | { type: 'dataset'; summary: DatasetSummary }
  /** A model was (re)built; `tensors` is tf.memory().numTensors, for leak checks. */
  | {
      type: 'model';
      /** The model's settings: a restored checkpoint's may differ from the page's. */
      config: ModelConfig;
      globalStep: number;
      parameters: number;
      tensors: number;
      engine: EngineName;
      engineReason: string;
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
  /** `message`: English words for an error or an early stop; `earlyStop`: the same early stop as data, for the page's language. */
  | { type: 'run-end'; runId: number; end: RunEnd; globalStep: number; tensors: number; message?: string; earlyStop?: EarlyStop }
  | { type: 'prediction'; requestId: number; prediction: Prediction; digit?: Uint8Array }
  | { type: 'batch-predictions'; requestId: number; result: BatchPredictions }
  | { type: 'gallery'; gallery: DigitGallery }
  | { type: 'boundary'; requestId: number; map: BoundaryMap }
  | { type: 'confusion-rows'; requestId: number; rows: ConfusionRows }
  | { type: 'network'; requestId: number; network: NetworkPicture }
  | { type: 'checkpoints'; checkpoints: CheckpointInfo[]; persistent: boolean }
  | { type: 'download'; files: DownloadFile[] }
  /** Something the person should know that is not an error (shown once, role=status). */
  | { type: 'notice'; message: string }
  /** A request failed; what was loaded before is still loaded. */
  | { type: 'error'; message: string; requestId?: number };

/** Compile-time exhaustiveness check for switches over the unions above. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
