/**
 * The domain vocabulary both threads speak: model settings, data set summaries, curve
 * points, evaluations, predictions. Plain structured-clone data (no tensors, no classes);
 * protocol.ts builds its messages out of these.
 */
import type { CsvEncoding, CsvPreview } from './csv';
import type { Reason } from './result';
import type { Message } from './message';
import type { RegressionTarget, Task } from './task';

/** tfjs backends the worker can run on. */
export type BackendName = 'webgl' | 'wasm' | 'cpu' | 'webgpu';
/** What the URL may ask for: a backend, or `auto` to let the worker choose. */
export type BackendChoice = 'auto' | BackendName;
/** Who runs the training steps: tfjs kernels, or the fused Float32Array loop (src/ml/fast). */
export type EngineName = 'tfjs' | 'fused';
/** `fused-js`: the fused loops without WebAssembly SIMD (the fallback, for comparing; `npm run bench`). */
export type EngineChoice = 'auto' | EngineName | 'fused-js';
/** What runs the fused engine's matrix products: WebAssembly SIMD (src/ml/fast/simd.ts) or the JS loops (matmul.ts). */
export type FusedLoops = 'simd' | 'js';

export type OptimizerName = 'adagrad' | 'sgd' | 'momentum' | 'adam' | 'rmsprop';
/** The hidden layers' activation (the logits layer is always linear). */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';
/** Built-in data sets. */
export type DatasetName = 'iris' | 'mnist';
/** What can be loaded, as the URL's `dataset` names it: a built-in set, or the CSV dropped and kept in this browser. */
export type DatasetSource = DatasetName | 'csv';

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
  /**
   * Class weights in the training loss: 'balanced' weighs each training row's loss by
   * n / (k * n_class) over the training rows (scikit-learn's and Keras' class_weight), so a
   * rare class counts as much as a common one; 'none' (both tutorials, and Keras' default).
   * Held-out losses stay unweighted, as Keras' validation loss is.
   */
  classWeight: ClassWeight;
}

export type ClassWeight = 'none' | 'balanced';

export type { RegressionTarget, Task } from './task';

/** A regression evaluation in the label's own units (RMSE, MAE) and R² = 1 - SSE / SST about the split's own mean. */
export interface RegressionMetrics {
  rmse: number;
  mae: number;
  r2: number;
}

/** How the page may ask for one input of a row to classify. */
export interface InputField {
  name: string;
  /** 'date': one text field, read as a date (2024-03-01). */
  kind: 'numeric' | 'categorical' | 'date';
  /** Categorical: the values seen in training, for a select. */
  options?: string[];
  /** Numeric: the training split's range, mean and standard deviation, in the input's own units (the form flags a value far outside). */
  range?: InputRange;
}

/** A numeric input over the training rows (known values only). */
export interface InputRange {
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation. */
  sd: number;
}

/** What the page shows about the loaded data set. */
export interface DatasetSummary {
  source: DatasetSource;
  name: string;
  /** The input columns a person fills in to classify a row (before any one-hot encoding). */
  inputs: InputField[];
  /** The classes, in the model's order; [] for regression. */
  classNames: string[];
  /** 'regression' when the label is a number to predict (then `target`); absent = classification. */
  task?: Task;
  target?: RegressionTarget;
  trainRows: number;
  testRows: number;
  validationRows: number;
  /** How the rows were split, in words ("8,000 / 1,000 / 1,000 as read_data_sets does"). */
  splitNote: Reason;
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
  /** Fraction correct in [0, 1]; absent for the training batches' loss and for regression. */
  accuracy?: number;
  /** Regression: mean absolute error in the label's units (absent for the training batches). */
  mae?: number;
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
  /** Regression: 0 (see `regression`). */
  accuracy: number;
  /** Mean loss per example (regression: the mean squared error in the label's units, DNNRegressor's average_loss). */
  averageLoss: number;
  /** Mean over evaluation batches of the summed batch loss (the TF1 head's `loss`). */
  loss: number;
  globalStep: number;
  examples: number;
  correct: number;
  /** Test split only: confusion[actual][predicted] counts. */
  confusion?: number[][];
  /**
   * Early stopping put back the weights of this step's evaluation (Keras'
   * restore_best_weights) at `globalStep`, which keeps counting: this evaluation is of
   * the restored model. Absent for an ordinary evaluation.
   */
  restoredFrom?: number;
  /**
   * The split had this many rows and `examples` of them, an even sample, were evaluated
   * (a training split of more than 100,000 rows: train/evaluateChunked.ts). Absent when every row was.
   */
  ofRows?: number;
  /** Regression only: RMSE, MAE and R² on the split, in the label's units. */
  regression?: RegressionMetrics;
}

/** What `classifier.predict()` yields for one row (a regressor's: `value`, with classId -1, no probabilities). */
export interface Prediction {
  classId: number;
  className: string;
  probabilities: number[];
  logits: number[];
  /** Regression: the predicted number in the label's units. */
  value?: number;
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
  warnings: Message[];
  /** Cells the model could not read as trained (they took the training mean, or no category): per preview row, its flags. */
  previewFlags?: CellFlag[][];
}

/**
 * A cell of a file to classify that the model could not use as it was trained: text or
 * a number too large in a numeric column, a category the training file never showed, no
 * date in a date column. The cell took the training mean (or no one-hot slot).
 */
export interface CellFlag {
  column: string;
  kind: 'not-a-number' | 'not-finite' | 'unseen-category' | 'not-a-date';
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

/** Why a run was stopped as diverging (train/divergence.ts): its training loss far above its start, or accuracy below chance. */
export interface DivergenceInfo {
  step: number;
  kind: 'loss' | 'chance';
  loss: number;
  start: number;
  accuracy: number;
  chance: number;
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
  /** Fraction of the training rows held out for validation (early stopping watches it); default 0.2, 0 = none. */
  validationFraction?: number;
  /** Classes with too few rows: kept (default), merged into "other", or their rows dropped. */
  rareClasses?: 'keep' | 'merge' | 'drop';
  /** Classes or a number: absent = the app's guess (regression for a label of many numbers). */
  task?: Task;
}

/**
 * Reference scores on the loaded data set's test split (src/ml/baselines), computed in
 * the worker as it loads, to show beside the network's: what a model must beat to have
 * learned anything. Accuracies in [0, 1]; `ms` is how long each took in the worker.
 */
export type Baselines = ClassificationBaselines | RegressionBaselines;

/** A regression baseline's test scores, in the label's units. */
export interface RegressionScore extends RegressionMetrics {
  ms: number;
}

/** Regression: predict the training mean, and a linear least-squares fit (the network without hidden layers, solved exactly). */
export interface RegressionBaselines {
  task: 'regression';
  testRows: number;
  trainRows: number;
  mean: RegressionScore;
  linear: RegressionScore;
}

export interface ClassificationBaselines {
  task?: 'classification';
  testRows: number;
  trainRows: number;
  /** ZeroR: always the most frequent training class (`classIndex` into the class names). */
  majority: { accuracy: number; classIndex: number; ms: number };
  /** Softmax regression on the encoded, standardised features (the fused network without hidden layers). */
  logistic: { accuracy: number; steps: number; epochs: number; ms: number };
  /** A random forest: `trees` CART trees on bootstrap bags of `rows` rows, `features` tried per split. */
  forest: { accuracy: number; trees: number; rows: number; features: number; ms: number };
}
