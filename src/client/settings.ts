/**
 * The run's settings, declared once and read from / written to the URL, so a shared
 * link reproduces a run (TensorFlow Playground's state schema). Every parameter is
 * optional; an invalid value falls back to its default with a notice and never breaks
 * the page. Parameter names are fixed by CONTRACT.md.
 */
import { between, nonNegativeInt, oneOf, positiveInt, type Reader, type ValueRange } from '../shared/fieldReaders';
import { MODEL_FIELDS, MODEL_LIMITS, fieldKeys, formatField, modelDefaults, pickModelConfig, type ModelFields } from '../shared/modelConfig';
import type { BackendChoice, DatasetName, DatasetSource, EngineChoice, ModelConfig, Task } from '../shared/types';

export { OPTIMIZERS } from '../shared/modelConfig';

/** The settings that are the page's, not the model's (the model's are MODEL_FIELDS). */
export interface PageSettings {
  /** What is loaded (or asked for by the link): `csv` is the file dropped and kept in this browser. */
  dataset: DatasetSource;
  steps: number;
  /**
   * A run's length in epochs (passes over the training rows), or 0: `steps` says it.
   * A dropped CSV's default: its size decides the steps (2,000 steps are 1,800 epochs on
   * a 150-row file and 25 on a 10,000-row one); the tutorials' is 0 (their steps).
   */
  epochs: number;
  backend: BackendChoice;
  engine: EngineChoice;
  /** Early stopping: epochs without a better validation loss before a run ends; 0 = off. */
  patience: number;
  /** Fraction of a dropped CSV's rows held out for testing (stratified), when it has no test file. */
  testFraction: number;
  /** Fraction of a dropped CSV's training rows held out for validation (what early stopping watches); 0 = none. */
  validation: number;
  /** k-fold cross-validation before the run (Train trains k fold models first); 0 or 1 = off. */
  folds: number;
  /**
   * A dropped CSV's label as classes or a number (DNNRegressor); `auto`: the file says (a
   * label of many numbers is a regression, anything class-like a classification).
   */
  task: TaskChoice;
}

export type TaskChoice = 'auto' | Task;
const TASKS: readonly TaskChoice[] = ['auto', 'classification', 'regression'];

export interface Settings extends ModelConfig, PageSettings {}

/** Steps between evaluations: the Iris curves every 100; Mechanics 101's do_eval every 1000. */
export const EVAL_EVERY: Record<DatasetSource, number> = { iris: 100, mnist: 1000, csv: 100 };

const BACKENDS: readonly BackendChoice[] = ['auto', 'webgl', 'wasm', 'cpu', 'webgpu'];
const DATASETS: readonly DatasetSource[] = ['iris', 'mnist', 'csv'];
const ENGINES: readonly EngineChoice[] = ['auto', 'tfjs', 'fused', 'fused-js'];

/** The settings' ranges: the URL schema checks them and the controls offer them. */
export const LIMITS = {
  ...MODEL_LIMITS,
  steps: 1_000_000,
  epochs: 100_000,
  patience: 1000,
  testFraction: 0.9,
  validation: 0.5,
  folds: 20,
} as const;

/** A page setting: its URL parameter (CONTRACT.md), reader and defaults. */
interface PageField<V> {
  param: string;
  read: Reader<V>;
  defaults: Record<DatasetName, V>;
}

const both = <V,>(value: V): Record<DatasetName, V> => ({ iris: value, mnist: value });

/** The URL writes `dataset` and `steps` before the model's fields and the rest after them, as it always has. */
const PAGE_FIELDS_FIRST: { readonly [K in 'dataset' | 'steps']: PageField<PageSettings[K]> } = {
  dataset: { param: 'dataset', read: oneOf(DATASETS), defaults: { iris: 'iris', mnist: 'mnist' } },
  steps: { param: 'steps', read: positiveInt(LIMITS.steps), defaults: both(2000) },
};
const PAGE_FIELDS_LAST: { readonly [K in 'epochs' | 'backend' | 'engine' | 'patience' | 'testFraction' | 'validation' | 'folds' | 'task']: PageField<PageSettings[K]> } = {
  epochs: { param: 'epochs', read: nonNegativeInt(LIMITS.epochs), defaults: both(0) },
  backend: { param: 'backend', read: oneOf(BACKENDS), defaults: both('auto') },
  engine: { param: 'engine', read: oneOf(ENGINES), defaults: both('auto') },
  patience: { param: 'patience', read: nonNegativeInt(LIMITS.patience), defaults: both(0) },
  testFraction: { param: 'test', read: between(0, LIMITS.testFraction), defaults: both(0.2) },
  validation: { param: 'validation', read: between(0, LIMITS.validation), defaults: both(0.2) },
  folds: { param: 'folds', read: nonNegativeInt(LIMITS.folds), defaults: both(0) },
  task: { param: 'task', read: oneOf(TASKS), defaults: both('auto') },
};

/**
 * What a dropped CSV trains with besides DNNClassifier's model defaults: a length in
 * epochs sized to the file, early stopping on its validation split (which puts the best
 * weights back), as Keras' EarlyStopping(patience, restore_best_weights=True) would. The
 * Iris and MNIST tutorials keep their exact defaults (no early stopping), so their numbers stay.
 */
export const CSV_RUN_DEFAULTS = { epochs: 2000, patience: 50 } as const satisfies Partial<PageSettings>;

/**
 * Where a dropped CSV's model differs from DNNClassifier's: one hidden layer of 100 ReLU
 * units, the default of scikit-learn's MLPClassifier and Orange's Neural Network (Weka's
 * MultilayerPerceptron also builds one layer). The tutorial's three layers [10, 20, 10]
 * overfit a file of a few hundred rows before early stopping sees it: on cars (258
 * training rows) the best validation loss comes within 9-171 steps and the test accuracy
 * is 0.712 against the logistic regression's 0.763; with [100] it is 0.778 (npm run
 * bench:quality). Fresh lists each call, so no settings object shares them.
 */
export const csvModelDefaults = (): Pick<ModelConfig, 'hiddenUnits'> => ({ hiddenUnits: [100] });

/** A URL parameter that was ignored: the page says so, in its language. */
export interface IgnoredParam {
  param: string;
  /** The value as written (at most 40 characters). */
  raw: string;
  /** The default used instead, as the URL would write it. */
  fallback: string;
  /** What the parameter takes (absent in notices stored before ranges were given). */
  range?: ValueRange;
}

export interface ParsedSettings<S = Settings> {
  settings: S;
  /** One per parameter that was ignored, for the page to show. */
  notices: IgnoredParam[];
}

/** Settings read by key name (the URL schema's keys are strings). */
const byKey = (settings: object): Record<string, unknown> => settings as Record<string, unknown>;

/** One URL parameter: which settings key it fills and how it is read. */
interface Param {
  param: string;
  key: string;
  read: Reader<unknown>;
}

/**
 * The URL schema and defaults for a table of model fields (MODEL_FIELDS for the page;
 * tests pass a copy with a field added). Every parameter is optional; an invalid value
 * falls back to its default with a notice and never breaks the page.
 */
export function settingsSchema<C extends ModelConfig>(fields: ModelFields<C>) {
  type S = PageSettings & C;
  const pageDefaults = (dataset: DatasetName): PageSettings => {
    const page: Record<string, unknown> = {};
    for (const [key, field] of [...Object.entries(PAGE_FIELDS_FIRST), ...Object.entries(PAGE_FIELDS_LAST)]) page[key] = field.defaults[dataset];
    return page as unknown as PageSettings;
  };
  // A dropped CSV trains with DNNClassifier's defaults as Iris does (DATASET_FAMILY), but for its run's length, early stopping and one wider layer.
  // Fresh lists each call, so the defaults are never changed through a settings object.
  const freshDefaults = (dataset: DatasetSource): S =>
    dataset === 'csv'
      ? { ...pageDefaults('iris'), ...modelDefaults('iris', fields), ...CSV_RUN_DEFAULTS, ...csvModelDefaults(), dataset: 'csv' }
      : { ...pageDefaults(dataset), ...modelDefaults(dataset, fields) };
  const defaults: Record<DatasetSource, S> = { iris: freshDefaults('iris'), mnist: freshDefaults('mnist'), csv: freshDefaults('csv') };
  const params: Param[] = [
    ...Object.entries(PAGE_FIELDS_FIRST).map(([key, f]) => ({ param: f.param, key, read: f.read })),
    ...fieldKeys(fields).flatMap((key) => {
      const { param, read } = fields[key];
      return param === null ? [] : [{ param, key, read }];
    }),
    ...Object.entries(PAGE_FIELDS_LAST).map(([key, f]) => ({ param: f.param, key, read: f.read })),
  ];

  function parse(search: string): ParsedSettings<S> {
    const query = new URLSearchParams(search);
    // The data set decides the defaults of everything else, so it is read first.
    const dataset = PAGE_FIELDS_FIRST.dataset.read(query.get('dataset') ?? 'iris') ?? 'iris';
    const settings = byKey(freshDefaults(dataset));
    const notices: IgnoredParam[] = [];
    for (const { param, key, read } of params) {
      const raw = query.get(param);
      if (raw === null) continue;
      const value = read(raw);
      if (value === undefined) notices.push({ param, raw: raw.slice(0, 40), fallback: formatField(settings[key]), range: read.range });
      else settings[key] = value;
    }
    // A link that gives a CSV run's steps means them: the epochs default gives way.
    if (dataset === 'csv' && query.has('steps') && !query.has('epochs')) settings.epochs = 0;
    // Every key is the data set's default or a value its reader accepted.
    return { settings: settings as unknown as S, notices };
  }

  /** The URL query for these settings, with only the parameters that differ from the defaults. */
  function serialize(settings: S): string {
    const query = new URLSearchParams();
    const base = byKey(defaults[settings.dataset]);
    const values = byKey(settings);
    for (const { param, key } of params) {
      const value = formatField(values[key]);
      if (param === 'dataset' ? value !== 'iris' : value !== formatField(base[key])) query.set(param, value);
    }
    return query.toString();
  }

  /** What the worker builds a model from: the table's fields of the settings. */
  const modelConfig = (settings: S): C => pickModelConfig<C>(settings, fields);

  return { defaults, parse, serialize, modelConfig };
}

const schema = settingsSchema(MODEL_FIELDS);

export const DEFAULTS: Record<DatasetSource, Settings> = schema.defaults;
/** tf.estimator's DNNClassifier defaults for the Iris tutorial (a person's CSV differs in CSV_RUN_DEFAULTS and csvModelDefaults). */
export const IRIS_DEFAULTS: Settings = DEFAULTS.iris;
/** fully_connected_feed.py's defaults: 128 and 32 hidden units, gradient descent at 0.01, batch 100. */
export const MNIST_DEFAULTS: Settings = DEFAULTS.mnist;

export const parseSettings: (search: string) => ParsedSettings = schema.parse;

/**
 * The data set the link names, or null when it names none (or one the page does not
 * know, which falls back to Iris with a notice): an explicit `dataset` wins over the
 * stored session, none lets the last visit's session go on.
 */
export function namedDataset(search: string): DatasetSource | null {
  const raw = new URLSearchParams(search).get('dataset');
  return raw === null ? null : (PAGE_FIELDS_FIRST.dataset.read(raw) ?? null);
}
export const serializeSettings: (settings: Settings) => string = schema.serialize;
export const modelConfig: (settings: Settings) => ModelConfig = schema.modelConfig;

/**
 * Settings carried to another kind of data set (Iris -> a dropped CSV shares the model
 * family): a run setting still at the old kind's default takes the new kind's (a CSV's
 * epochs and early stopping), one the person changed stays.
 */
export function settingsFor(settings: Settings, source: DatasetSource): Settings {
  if (settings.dataset === source) return settings;
  const from = DEFAULTS[settings.dataset];
  const to = DEFAULTS[source];
  const next: Settings = { ...settings, dataset: source };
  for (const key of ['steps', 'epochs', 'patience'] as const) if (settings[key] === from[key]) next[key] = to[key];
  // The hidden layers too (a CSV's one layer of 100, the tutorial's three), as fresh lists.
  if (formatField(settings.hiddenUnits) === formatField(from.hiddenUnits)) next.hiddenUnits = [...to.hiddenUnits];
  // Steps the person set (a link's steps=200) mean them: no epochs come in over them.
  if (settings.steps !== from.steps) next.epochs = 0;
  return next;
}
