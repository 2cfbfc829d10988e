/**
 * The model settings, declared once: the field table MODEL_FIELDS gives each ModelConfig
 * field its URL parameter, its reader, its default per built-in data set and whether a
 * change needs a new model. The page's URL schema, the config built from the settings,
 * the list of changes that wait for Reset and sameModel() are all derived from it, so a
 * new hyperparameter is one row here (plus the network that uses it).
 *
 * Also the settings added after checkpoints were first written: the hidden layers'
 * activation, dropout, the L2 penalty and the class weights. Checkpoints, stored page states and exported
 * model.json files from before them carry configs without these fields; they meant
 * ReLU, no dropout, no penalty, no class weights, so that is what they read as. Plain data and checks,
 * shared by the page (its controls and URL) and the worker (models, checkpoints).
 */
import { between, oneOf, positive, positiveInt, positiveInts, safeInt, type Reader } from './fieldReaders';
import type { Activation, ClassWeight, DatasetName, DatasetSource, ModelConfig, OptimizerName } from './types';
import type { MetaProblem } from './messages/checkpoint';

export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];
export const OPTIMIZERS: readonly OptimizerName[] = ['adagrad', 'sgd', 'momentum', 'adam', 'rmsprop'];
export const CLASS_WEIGHTS: readonly ClassWeight[] = ['none', 'balanced'];
/** The built-in data set whose tutorial defaults each kind trains with: a dropped CSV takes DNNClassifier's, as Iris does. */
export const DATASET_FAMILY: Record<DatasetSource, DatasetName> = { iris: 'iris', mnist: 'mnist', csv: 'iris' };
/** Largest dropout rate a model may have (the page's limit too). */
export const MAX_DROPOUT = 0.9;

/** The model settings' ranges: the URL readers check them and the page's controls offer them. */
export const MODEL_LIMITS = {
  batch: 4096,
  units: 1024,
  layers: 8,
  dropout: MAX_DROPOUT,
  l2: 1,
  learningRate: 10,
} as const;

// ---------------------------------------------------------------------------
// the field table

/** One model setting. */
export interface ModelField<V> {
  /** Its URL parameter (CONTRACT.md), or null: not in the URL, it comes with the data set's tutorial. */
  param: string | null;
  /** Parse and range-check a URL value; undefined = not accepted. */
  read: Reader<V>;
  /** What each built-in data set's tutorial uses (a dropped CSV takes iris's). */
  defaults: Record<DatasetName, V>;
  /** Fixed when a model is built, so a change waits for Reset; false only for the learning rate, which reaches a running model at once. */
  needsNewModel: boolean;
}

/** A field table: one row per field of the config C. */
export type ModelFields<C> = { readonly [K in keyof C]-?: ModelField<C[K]> };

/**
 * The rows in the order the settings panel shows its controls (the URL writes them in
 * this order too). Defaults: tf.estimator's DNNClassifier for the Iris tutorial,
 * fully_connected_feed.py (Mechanics 101) for MNIST.
 */
export const MODEL_FIELDS = {
  hiddenUnits: { param: 'hidden', read: positiveInts(MODEL_LIMITS.units, MODEL_LIMITS.layers), defaults: { iris: [10, 20, 10], mnist: [128, 32] }, needsNewModel: true },
  activation: { param: 'activation', read: oneOf(ACTIVATIONS), defaults: { iris: 'relu', mnist: 'relu' }, needsNewModel: true },
  dropout: { param: 'dropout', read: between(0, MODEL_LIMITS.dropout), defaults: { iris: 0, mnist: 0 }, needsNewModel: true },
  l2: { param: 'l2', read: between(0, MODEL_LIMITS.l2), defaults: { iris: 0, mnist: 0 }, needsNewModel: true },
  optimizer: { param: 'optimizer', read: oneOf(OPTIMIZERS), defaults: { iris: 'adagrad', mnist: 'sgd' }, needsNewModel: true },
  learningRate: { param: 'lr', read: positive(MODEL_LIMITS.learningRate), defaults: { iris: 0.05, mnist: 0.01 }, needsNewModel: false },
  batchSize: { param: 'batch', read: positiveInt(MODEL_LIMITS.batch), defaults: { iris: 128, mnist: 100 }, needsNewModel: true },
  seed: { param: 'seed', read: safeInt, defaults: { iris: 42, mnist: 42 }, needsNewModel: true },
  initializer: { param: null, read: oneOf(['glorot-uniform', 'truncated-normal']), defaults: { iris: 'glorot-uniform', mnist: 'truncated-normal' }, needsNewModel: true },
  reduction: { param: null, read: oneOf(['sum', 'mean']), defaults: { iris: 'sum', mnist: 'mean' }, needsNewModel: true },
  // A training setting kept with the model (checkpoints, exports) so a reload trains on as before; weights are fitted on the training rows when a model is built.
  classWeight: { param: 'classWeight', read: oneOf(CLASS_WEIGHTS), defaults: { iris: 'none', mnist: 'none' }, needsNewModel: true },
} as const satisfies ModelFields<ModelConfig>;

type RealFields = typeof MODEL_FIELDS;

/** The settings the person can change (they have a URL parameter and a control) that wait for a new model; the panel names them. */
export type ModelChange = { [K in keyof RealFields]: RealFields[K] extends { needsNewModel: true; param: string } ? K : never }[keyof RealFields];

/** The table's keys, in its order (Object.keys types them as string). */
export function fieldKeys<C>(fields: ModelFields<C>): (keyof C & string)[] {
  return Object.keys(fields) as (keyof C & string)[];
}

/** A value as the URL writes it: "10,20,10" for a list. */
export function formatField(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** The config of a data set's tutorial; lists are fresh copies. */
export function modelDefaults<C>(dataset: DatasetName, fields: ModelFields<C>): C {
  const config: Partial<C> = {};
  for (const key of fieldKeys(fields)) {
    const value = fields[key].defaults[dataset];
    config[key] = (Array.isArray(value) ? [...value] : value) as C[typeof key];
  }
  return config as C;
}

/** The model's part of `values` (the page's settings): exactly the table's fields. */
export function pickModelConfig<C>(values: C, fields: ModelFields<C>): C {
  const config: Partial<C> = {};
  for (const key of fieldKeys(fields)) config[key] = values[key];
  return config as C;
}

/** The fields that need a new model and that the person can change, in the panel's order. */
export function modelChangeKeys<C>(fields: ModelFields<C>): (keyof C & string)[] {
  return fieldKeys(fields).filter((key) => fields[key].needsNewModel && fields[key].param !== null);
}

/** Which of those differ between the model built and the settings. */
export function changedFields<C>(model: C, settings: C, fields: ModelFields<C>): (keyof C & string)[] {
  return modelChangeKeys(fields).filter((key) => formatField(model[key]) !== formatField(settings[key]));
}

/** What a config written before these fields existed meant. */
export const CONFIG_EXTRAS_DEFAULTS = { activation: 'relu', dropout: 0, l2: 0, classWeight: 'none' } as const satisfies Pick<ModelConfig, 'activation' | 'dropout' | 'l2' | 'classWeight'>;

type Extras = keyof typeof CONFIG_EXTRAS_DEFAULTS;
/** A config as stored: from before these fields, or with them. */
export type StoredModelConfig = Omit<ModelConfig, Extras> & Partial<Pick<ModelConfig, Extras>>;

type Obj = Record<string, unknown>;

/** Why the activation, dropout, l2 or classWeight fields of an untrusted config are wrong (absent is fine), or null. */
export function configExtrasProblem(config: Obj): MetaProblem | null {
  const { activation, dropout, l2 } = config;
  if (activation !== undefined && !(ACTIVATIONS as readonly unknown[]).includes(activation)) {
    return { code: 'checkpoint.meta-one-of', params: { field: 'config.activation', options: ACTIVATIONS } };
  }
  if (dropout !== undefined && !(typeof dropout === 'number' && dropout >= 0 && dropout <= MAX_DROPOUT)) {
    return { code: 'checkpoint.meta-range', params: { field: 'config.dropout', min: 0, max: MAX_DROPOUT } };
  }
  if (l2 !== undefined && !(typeof l2 === 'number' && Number.isFinite(l2) && l2 >= 0)) return { code: 'checkpoint.meta-min', params: { field: 'config.l2', min: 0 } };
  const { classWeight } = config;
  if (classWeight !== undefined && !(CLASS_WEIGHTS as readonly unknown[]).includes(classWeight)) {
    return { code: 'checkpoint.meta-one-of', params: { field: 'config.classWeight', options: CLASS_WEIGHTS } };
  }
  return null;
}

/** A stored config with the fields it lacks filled as they were meant (relu, 0, 0, no class weights); a new object. */
export function withConfigDefaults(config: StoredModelConfig): ModelConfig {
  return {
    ...config,
    activation: config.activation ?? CONFIG_EXTRAS_DEFAULTS.activation,
    dropout: config.dropout ?? CONFIG_EXTRAS_DEFAULTS.dropout,
    l2: config.l2 ?? CONFIG_EXTRAS_DEFAULTS.l2,
    classWeight: config.classWeight ?? CONFIG_EXTRAS_DEFAULTS.classWeight,
  };
}

/**
 * The same model settings (every field of the table, the seed and learning rate
 * included): a stored session belongs to them. A config stored before activation,
 * dropout and l2 existed meant relu, 0 and 0.
 */
export function sameModel(a: StoredModelConfig, b: StoredModelConfig, fields: ModelFields<ModelConfig> = MODEL_FIELDS): boolean {
  const ca = withConfigDefaults(a);
  const cb = withConfigDefaults(b);
  return fieldKeys(fields).every((key) => formatField(ca[key]) === formatField(cb[key]));
}
