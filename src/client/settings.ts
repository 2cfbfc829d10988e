/**
 * The run's settings, declared once and read from / written to the URL, so a shared
 * link reproduces a run (TensorFlow Playground's state schema). Every parameter is
 * optional; an invalid value falls back to its default with a notice and never breaks
 * the page. Parameter names are fixed by CONTRACT.md.
 */
import { ACTIVATIONS, MAX_DROPOUT } from '../shared/modelConfig';
import type { BackendChoice, DatasetName, EngineChoice, ModelConfig, OptimizerName } from '../shared/types';

export interface Settings extends ModelConfig {
  dataset: DatasetName;
  steps: number;
  backend: BackendChoice;
  engine: EngineChoice;
  /** Early stopping: evaluations without a better held-out loss before a run ends; 0 = off. */
  patience: number;
  /** Fraction of a dropped CSV's rows held out for testing (stratified), when it has no test file. */
  testFraction: number;
}

/** tf.estimator's DNNClassifier defaults for the Iris tutorial (and for a person's CSV). */
export const IRIS_DEFAULTS: Settings = {
  dataset: 'iris',
  steps: 2000,
  batchSize: 128,
  learningRate: 0.05,
  optimizer: 'adagrad',
  hiddenUnits: [10, 20, 10],
  backend: 'auto',
  engine: 'auto',
  seed: 42,
  initializer: 'glorot-uniform',
  reduction: 'sum',
  activation: 'relu',
  dropout: 0,
  l2: 0,
  patience: 0,
  testFraction: 0.2,
};

/** fully_connected_feed.py's defaults: 128 and 32 hidden units, gradient descent at 0.01, batch 100. */
export const MNIST_DEFAULTS: Settings = {
  ...IRIS_DEFAULTS,
  dataset: 'mnist',
  batchSize: 100,
  learningRate: 0.01,
  optimizer: 'sgd',
  hiddenUnits: [128, 32],
  initializer: 'truncated-normal',
  reduction: 'mean',
};

export const DEFAULTS: Record<DatasetName, Settings> = { iris: IRIS_DEFAULTS, mnist: MNIST_DEFAULTS };

/** Steps between evaluations: the Iris curves every 100; Mechanics 101's do_eval every 1000. */
export const EVAL_EVERY: Record<DatasetName, number> = { iris: 100, mnist: 1000 };

export const OPTIMIZERS: readonly OptimizerName[] = ['adagrad', 'sgd', 'momentum', 'adam', 'rmsprop'];
const BACKENDS: readonly BackendChoice[] = ['auto', 'webgl', 'wasm', 'cpu'];
const DATASETS: readonly DatasetName[] = ['iris', 'mnist'];
const ENGINES: readonly EngineChoice[] = ['auto', 'tfjs', 'fused'];

/** The settings' ranges: the URL schema checks them and the controls offer them. */
export const LIMITS = {
  steps: 1_000_000,
  batch: 4096,
  units: 1024,
  layers: 8,
  patience: 1000,
  dropout: MAX_DROPOUT,
  l2: 1,
  learningRate: 10,
  testFraction: 0.9,
} as const;

type Reader<T> = (raw: string) => T | undefined;

const positiveInt =
  (max: number): Reader<number> =>
  (raw) => {
    const n = Number(raw);
    return /^\d+$/.test(raw.trim()) && n >= 1 && n <= max ? n : undefined;
  };

const oneOf =
  <T extends string>(values: readonly T[]): Reader<T> =>
  (raw) =>
    (values as readonly string[]).includes(raw) ? (raw as T) : undefined;

const learningRate: Reader<number> = (raw) => {
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) && n > 0 && n <= LIMITS.learningRate ? n : undefined;
};

const hiddenUnits: Reader<number[]> = (raw) => {
  const parts = raw.split(',');
  const units = parts.map((p) => positiveInt(LIMITS.units)(p));
  if (parts.length > LIMITS.layers || units.some((u) => u === undefined)) return undefined;
  return units as number[];
};

/** A number in [min, max] (a fraction, a penalty). */
const between =
  (min: number, max: number): Reader<number> =>
  (raw) => {
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) && n >= min && n <= max ? n : undefined;
  };

const nonNegativeInt =
  (max: number): Reader<number> =>
  (raw) => {
    const n = Number(raw);
    return /^\d+$/.test(raw.trim()) && n <= max ? n : undefined;
  };

const seed: Reader<number> = (raw) => {
  const n = Number(raw);
  return /^-?\d+$/.test(raw.trim()) && Number.isSafeInteger(n) ? n : undefined;
};

/** URL parameter -> (settings key, reader). One row per parameter in CONTRACT.md. */
const SCHEMA = {
  dataset: ['dataset', oneOf(DATASETS)],
  steps: ['steps', positiveInt(LIMITS.steps)],
  batch: ['batchSize', positiveInt(LIMITS.batch)],
  lr: ['learningRate', learningRate],
  optimizer: ['optimizer', oneOf(OPTIMIZERS)],
  hidden: ['hiddenUnits', hiddenUnits],
  backend: ['backend', oneOf(BACKENDS)],
  engine: ['engine', oneOf(ENGINES)],
  seed: ['seed', seed],
  activation: ['activation', oneOf(ACTIVATIONS)],
  dropout: ['dropout', between(0, LIMITS.dropout)],
  l2: ['l2', between(0, LIMITS.l2)],
  patience: ['patience', nonNegativeInt(LIMITS.patience)],
  test: ['testFraction', between(0, LIMITS.testFraction)],
} as const satisfies Record<string, readonly [keyof Settings, Reader<unknown>]>;

/** A URL parameter that was ignored: the page says so, in its language. */
export interface IgnoredParam {
  param: string;
  /** The value as written (at most 40 characters). */
  raw: string;
  /** The default used instead, as the URL would write it. */
  fallback: string;
}

export interface ParsedSettings {
  settings: Settings;
  /** One per parameter that was ignored, for the page to show. */
  notices: IgnoredParam[];
}

export function parseSettings(search: string): ParsedSettings {
  const params = new URLSearchParams(search);
  // The data set decides the defaults of everything else, so it is read first.
  const dataset = oneOf(DATASETS)(params.get('dataset') ?? 'iris') ?? 'iris';
  const base = DEFAULTS[dataset];
  const settings: Settings = { ...base, hiddenUnits: [...base.hiddenUnits] };
  const notices: IgnoredParam[] = [];
  for (const [param, [key, read]] of Object.entries(SCHEMA)) {
    const raw = params.get(param);
    if (raw === null) continue;
    const value = read(raw);
    if (value === undefined) {
      notices.push({ param, raw: raw.slice(0, 40), fallback: formatValue(settings[key]) });
    } else {
      (settings as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return { settings, notices };
}

/** The URL query for these settings, with only the parameters that differ from the defaults. */
export function serializeSettings(settings: Settings): string {
  const params = new URLSearchParams();
  const base = DEFAULTS[settings.dataset];
  for (const [param, [key]] of Object.entries(SCHEMA)) {
    const value = formatValue(settings[key]);
    if (param === 'dataset' ? value !== 'iris' : value !== formatValue(base[key])) params.set(param, value);
  }
  return params.toString();
}

function formatValue(value: Settings[keyof Settings]): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

export function modelConfig(settings: Settings): ModelConfig {
  const { hiddenUnits, optimizer, learningRate: lr, batchSize, seed: s, initializer, reduction, activation, dropout, l2 } = settings;
  return { hiddenUnits, optimizer, learningRate: lr, batchSize, seed: s, initializer, reduction, activation, dropout, l2 };
}
