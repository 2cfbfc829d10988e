/**
 * What a checkpoint is: the weights and topology of the model of record, and everything
 * needed to use them without the run that made them (tf.estimator's model_dir: the
 * checkpoint plus the graph and the feature columns). Also the page state kept across a
 * reload. Plain structured-clone data: IndexedDB stores these objects as they are.
 */
import type * as tf from '@tensorflow/tfjs';
import type { CsvChoices, DatasetSummary, Evaluation, MetricPoint, ModelConfig, RegressionTarget } from '../../shared/types';
import type { CsvEncoding, CsvSchema, Delimiter, HeaderKind } from '../../shared/csv';
import type { Reason } from '../../shared/result';

/** Bumped when CheckpointMeta changes shape; readers reject versions they do not know. */
export const CHECKPOINT_VERSION = 1;

export type DatasetSource = DatasetSummary['source'];

/** How a CSV file was read, so exported code reads it the same way. */
export interface CsvFormat {
  delimiter: Delimiter;
  encoding: CsvEncoding;
  header: HeaderKind;
  /** Fraction held out when there was no test file (CsvChoices.testFraction). */
  testFraction?: number;
  /** Fraction of the training rows held out for validation (CsvChoices.validationFraction); absent = none (older checkpoints). */
  validationFraction?: number;
}

/** Everything about a checkpoint except its weights: what `list()` returns. */
export interface CheckpointMeta {
  version: typeof CHECKPOINT_VERSION;
  /** Unique across tabs: save time + random (see newCheckpointId). */
  id: string;
  /** Training steps taken when the weights were saved; a restored run continues from here. */
  globalStep: number;
  /** ISO 8601 time of the save. */
  savedAt: string;
  config: ModelConfig;
  /** The encoded inputs, in the order the network reads them ([features]). */
  featureNames: string[];
  /** Class names by class id ([classes]); the logits layer has one unit per class. A regression model's is [target.name] (one linear unit). */
  classNames: string[];
  /**
   * A regression model (DNNRegressor): the label column and its training statistics; the
   * network outputs (y - mean) / sd, so a prediction is out * sd + mean. Absent: a
   * classifier (every checkpoint written before regression existed is one).
   */
  target?: RegressionTarget;
  /** For a CSV: how a row is encoded (means, stds, vocabularies). Null for Iris and MNIST. */
  schema: CsvSchema | null;
  /** For a CSV: delimiter, encoding and header kind of the file. */
  csvFormat?: CsvFormat;
  datasetName: string;
  datasetSource: DatasetSource;
  /** fingerprint(data): FNV-1a 64 of the training split and names, 16 hex digits. */
  fingerprint: string;
  /** The latest evaluation of each split at this step (may be empty). */
  evaluations: Evaluation[];
  /** Weights + biases of the network; equals the weightsManifest's total size. */
  parameterCount: number;
}

/** The part of tfjs's ModelArtifacts a checkpoint keeps besides the bytes. */
export interface ModelJson {
  /** Keras-style JSON of the layers, as LayersModel.save() writes it. */
  modelTopology: object;
  /** Names, shapes and dtypes of the tensors in `weights`, in order. */
  weightSpecs: tf.io.WeightsManifestEntry[];
}

/** A model as stored: meta, topology and the float32 weights in weightSpecs order. */
export interface Checkpoint {
  meta: CheckpointMeta;
  modelJson: ModelJson;
  weights: ArrayBuffer;
}

/** A file kept for the next visit. */
export interface StoredFile {
  name: string;
  bytes: ArrayBuffer;
}

/**
 * The data set to re-open after a reload. Built-in sets are fetched again; a CSV is kept
 * as its bytes plus the choices that built it, up to MAX_SESSION_FILE_BYTES; a file that
 * was too large (or MNIST's IDX files) is named so the page can ask for it again.
 */
export type SessionDataset =
  | { source: 'iris' }
  | { source: 'mnist' }
  | { source: 'csv'; file: StoredFile; testFile?: StoredFile; choices: CsvChoices }
  | { source: 'not-stored'; kind: 'csv' | 'idx'; name: string; reason: Reason };

/** Everything the page needs to look as it did before a reload or crash. */
export interface SessionState {
  version: typeof CHECKPOINT_VERSION;
  savedAt: string;
  dataset: SessionDataset;
  config: ModelConfig;
  /** The checkpoint holding the model on screen, or null before its first save. */
  checkpointId: string | null;
  globalStep: number;
  /**
   * The data set's fingerprint (what its checkpoints are filed under), so a reload can find
   * a checkpoint saved after this state (a reload during a save); absent in older states.
   */
  fingerprint?: string;
  /** The charts' history: every curve point and evaluation so far. */
  points: MetricPoint[];
  evaluations: Evaluation[];
}
