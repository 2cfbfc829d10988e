/**
 * The one protocol between the page and the training worker.
 *
 * Both threads import this file and nothing else from each other. Messages are
 * discriminated unions on `type`; every training event carries the `runId` of the
 * run that produced it so the page can drop events from a run it has already
 * replaced (TensorFlow Playground's generation counter). Everything here is plain
 * structured-clone data: no tensors, no classes.
 */

/** tfjs backends the worker can run on. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';
/** What the URL may ask for: a backend, or `auto` to let the worker choose. */
export type BackendChoice = 'auto' | BackendName;

export type OptimizerName = 'adagrad' | 'sgd' | 'momentum' | 'adam' | 'rmsprop';

export type DatasetName = 'iris';

/** Hyperparameters of one model; changing any of them except `steps` needs a new model. */
export interface ModelConfig {
  hiddenUnits: number[];
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  seed: number;
}

/** What the page shows about the loaded data set. */
export interface DatasetSummary {
  name: string;
  featureNames: string[];
  classNames: string[];
  trainRows: number;
  testRows: number;
  validationRows: number;
  /** The first rows of the training split: feature values then the class name. */
  preview: { features: number[]; label: string }[];
}

export type Split = 'train' | 'test' | 'validation';

/** One point of a learning curve, at a global step. */
export interface MetricPoint {
  step: number;
  split: Split;
  /** Mean cross-entropy per example. */
  loss: number;
  /** Fraction correct in [0, 1]; absent when only the loss was measured. */
  accuracy?: number;
}

/** What tf.estimator's `classifier.evaluate()` returns, plus the counts behind it. */
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
}

/** What `classifier.predict()` yields for one row. */
export interface Prediction {
  classId: number;
  className: string;
  probabilities: number[];
  logits: number[];
}

export type RunEnd = 'done' | 'stopped' | 'error';

// ---------------------------------------------------------------------------
// page -> worker

export type WorkerRequest =
  | { type: 'init'; backend: BackendChoice; dataset: DatasetName; model: ModelConfig }
  /** Train `steps` more steps from the current global step (tf.estimator's train()). */
  | { type: 'train'; runId: number; steps: number }
  | { type: 'stop'; runId: number }
  /** Throw the model away and build a fresh one at global step 0. */
  | { type: 'reset'; model: ModelConfig }
  | { type: 'predict'; requestId: number; features: number[] };

// ---------------------------------------------------------------------------
// worker -> page

export type WorkerEvent =
  | { type: 'backend'; backend: BackendName; reason: string }
  | { type: 'dataset'; summary: DatasetSummary }
  /** A model was (re)built; `tensors` is tf.memory().numTensors, for leak checks. */
  | { type: 'model'; globalStep: number; parameters: number; tensors: number }
  | {
      type: 'progress';
      runId: number;
      globalStep: number;
      /** New curve points since the previous progress event (never the whole history). */
      points: MetricPoint[];
      /** The newest evaluation of the test split, when one was made since the last event. */
      evaluation?: Evaluation;
    }
  | {
      type: 'run-end';
      runId: number;
      end: RunEnd;
      globalStep: number;
      tensors: number;
      message?: string;
    }
  | { type: 'prediction'; requestId: number; prediction: Prediction }
  | { type: 'error'; message: string };

/** Compile-time exhaustiveness check for switches over the unions above. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
