/**
 * Making a checkpoint's metadata, and checking one read from a file someone hands us.
 * An imported playground.json / userDefinedMetadata is untrusted: every field the app
 * later reads (to encode rows, name classes, write Python) is checked here, so the
 * rest of the code can rely on the CheckpointMeta type.
 */
import { msg } from '../../shared/message';
import type { MetaProblem, MetaProblemMessages } from '../../shared/messages/checkpoint';
import type { Evaluation, ModelConfig, RegressionTarget, Task } from '../../shared/types';
import type { ColumnSchema, CsvSchema } from '../../shared/csv';
import type { ClassificationData } from '../datasets/data';
import { parameterCount } from '../model/model';
import { configExtrasProblem, MODEL_FIELDS, withConfigDefaults, type StoredModelConfig } from '../../shared/modelConfig';
import { readsBack, type Reader } from '../../shared/fieldReaders';
import type { ParseResult } from '../../shared/result';
import { fingerprint as fingerprintOf } from './fingerprint';
import { CHECKPOINT_VERSION, type CheckpointMeta, type CsvFormat, type DatasetSource } from './types';

/**
 * A unique, time-ordered id: `ckpt-<ms since 1970, base 36, 9 digits>-<8 random hex>`.
 * Two tabs saving in the same millisecond still differ in the random part.
 */
export function newCheckpointId(now = Date.now()): string {
  const random = crypto.getRandomValues(new Uint32Array(1))[0].toString(16).padStart(8, '0');
  return `ckpt-${now.toString(36).padStart(9, '0')}-${random}`;
}

export interface MetaInput {
  data: ClassificationData;
  source: DatasetSource;
  config: ModelConfig;
  globalStep: number;
  /** The latest evaluation of each split. */
  evaluations?: Evaluation[];
  /** A CSV's schema and how its file was read. */
  schema?: CsvSchema | null;
  csvFormat?: CsvFormat;
  /** fingerprint(data), when the caller has it cached (hashing MNIST takes 0.2-1 s). */
  fingerprint?: string;
  now?: Date;
}

/** The metadata of a checkpoint of a model trained on `input.data`. */
export function checkpointMeta(input: MetaInput): CheckpointMeta {
  const { data, config } = input;
  const now = input.now ?? new Date();
  return {
    version: CHECKPOINT_VERSION,
    id: newCheckpointId(now.getTime()),
    globalStep: input.globalStep,
    savedAt: now.toISOString(),
    config: structuredClone(config),
    featureNames: data.featureNames.slice(),
    classNames: data.classNames.slice(),
    ...(data.target ? { target: { ...data.target } } : {}),
    schema: input.schema ? structuredClone(input.schema) : null,
    ...(input.csvFormat ? { csvFormat: { ...input.csvFormat } } : {}),
    datasetName: data.name,
    datasetSource: input.source,
    fingerprint: input.fingerprint ?? fingerprintOf(data),
    evaluations: structuredClone(input.evaluations ?? []),
    parameterCount: parameterCount(data.featureNames.length, config.hiddenUnits, data.classNames.length),
  };
}

/** What a model predicts: a number (its meta has a target) or a class. */
export const taskOf = (meta: Pick<CheckpointMeta, 'target'>): Task => (meta.target ? 'regression' : 'classification');

/** What a loaded data set's label is: a number (its data has a target) or classes. */
export const dataTaskOf = (data: Pick<ClassificationData, 'target'>): Task => (data.target ? 'regression' : 'classification');

/**
 * Whether a model (a stored checkpoint or an imported file named `file`) may be used on
 * `data`: a regressor only on data with a number to predict, a classifier only on data
 * with classes. The inputs and classes are compared after this (the workspace does).
 */
export function checkTask(meta: Pick<CheckpointMeta, 'target' | 'classNames' | 'datasetName'>, data: Pick<ClassificationData, 'target' | 'name'>, file: string): ParseResult<null> {
  const model = taskOf(meta);
  const loaded = dataTaskOf(data);
  if (model === loaded) return { ok: true, value: null };
  // The number to predict: the model's target, or the loaded data's label.
  const target = meta.target?.name ?? data.target?.name ?? '';
  return { ok: false, reason: msg('checkpoint.task-differs', { file, dataset: meta.datasetName, loaded: data.name, model, data: loaded, target, classes: meta.target ? [] : meta.classNames.slice(0, 20) }) };
}

// ---------------------------------------------------------------------------
// Checking untrusted metadata

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
/** An untrusted value as JSON, cut short, for a message. */
const json = (v: unknown) => String(JSON.stringify(v)).slice(0, 80);
const oneOf = <T extends string>(v: unknown, options: readonly T[]): v is T => typeof v === 'string' && (options as readonly string[]).includes(v);

const SPLITS = ['train', 'validation', 'test'] as const;
const SOURCES = ['iris', 'mnist', 'csv'] as const;

/** Most hidden layers / units / classes / inputs an imported model may declare. */
const LIMITS = { layers: 16, units: 4096, classes: 1000, features: 100_000 };

/** A metadata problem, typed by its code. */
function problem<C extends keyof MetaProblemMessages>(code: C, params: MetaProblemMessages[C]): MetaProblem {
  return { code, params } as MetaProblem;
}

const INITIALIZERS = ['glorot-uniform', 'truncated-normal'] as const;
const REDUCTIONS = ['sum', 'mean'] as const;

/**
 * The config fields the URL carries, checked by the URL's own readers (MODEL_FIELDS): an
 * imported model takes exactly the values a link takes, so it never writes into the URL
 * a value the page would then refuse (a seed of -1 is both; 2,048 units are neither).
 * The fields added later (activation, dropout, l2) may be absent (configExtrasProblem).
 */
const URL_FIELDS = ['hiddenUnits', 'optimizer', 'learningRate', 'batchSize', 'seed', 'activation', 'dropout', 'l2'] as const;
const LATER_FIELDS: ReadonlySet<string> = new Set(['activation', 'dropout', 'l2']);

function checkConfig(v: unknown): MetaProblem | null {
  if (!isObj(v)) return problem('checkpoint.meta-missing', { field: 'config' });
  for (const key of URL_FIELDS) {
    const value = v[key];
    if (value === undefined && LATER_FIELDS.has(key)) continue;
    const field: { param: string; read: Reader<unknown> } = MODEL_FIELDS[key];
    if (!readsBack(field.read, value)) return problem('checkpoint.meta-setting', { field: `config.${key}`, value: json(value), param: field.param, range: field.read.range });
  }
  if (!oneOf(v.initializer, INITIALIZERS)) return problem('checkpoint.meta-one-of', { field: 'config.initializer', options: INITIALIZERS });
  if (!oneOf(v.reduction, REDUCTIONS)) return problem('checkpoint.meta-one-of', { field: 'config.reduction', options: REDUCTIONS });
  // Absent in files written before them (they meant relu, no dropout, no penalty).
  return configExtrasProblem(v);
}

function checkEvaluations(v: unknown): MetaProblem | null {
  if (!Array.isArray(v)) return problem('checkpoint.meta-list', { field: 'evaluations' });
  const bad = v.findIndex(
    (e) => !isObj(e) || !oneOf(e.split, SPLITS) || !isInt(e.globalStep) || !isInt(e.examples) || !isInt(e.correct) ||
      ![e.accuracy, e.averageLoss, e.loss].every((x) => typeof x === 'number') ||
      (e.regression !== undefined && !(isObj(e.regression) && [e.regression.rmse, e.regression.mae, e.regression.r2].every((x) => typeof x === 'number'))),
  );
  return bad >= 0 ? problem('checkpoint.meta-evaluation', { index: bad + 1 }) : null;
}

function checkColumn(c: unknown, i: number): MetaProblem | null {
  const column = i + 1;
  if (!isObj(c) || typeof c.name !== 'string' || c.index !== i) return problem('checkpoint.meta-column', { column, fault: 'name' });
  if (!oneOf(c.role, ['feature', 'label', 'ignored'] as const) || !oneOf(c.kind, ['numeric', 'categorical', 'date'] as const)) {
    return problem('checkpoint.meta-column', { column, fault: 'role' });
  }
  if (!isNum(c.mean) || !isNum(c.std) || c.std <= 0) return problem('checkpoint.meta-column', { column, fault: 'stats' });
  if (!isStrings(c.vocabulary) || typeof c.missingSlot !== 'boolean' || typeof c.decimalComma !== 'boolean') {
    return problem('checkpoint.meta-column', { column, fault: 'vocabulary' });
  }
  // A date feature's parts and statistics; a date column left out or used as the label has none.
  if (c.kind === 'date' && c.role === 'feature' && !isDateEncoding(c.date)) return problem('checkpoint.meta-column', { column, fault: 'stats' });
  return null;
}

const DATE_PARTS = ['year', 'month', 'weekday', 'hour'] as const;

/** A date column's order, parts and one finite mean and positive std per part (absent before date columns existed). */
function isDateEncoding(d: unknown): boolean {
  if (!isObj(d) || !oneOf(d.order, ['dmy', 'mdy'] as const) || !Array.isArray(d.parts) || !d.parts.every((p) => oneOf(p, DATE_PARTS))) return false;
  const n = d.parts.length;
  return Array.isArray(d.mean) && Array.isArray(d.std) && d.mean.length === n && d.std.length === n &&
    d.mean.every(isNum) && d.std.every((x) => isNum(x) && x > 0);
}

/** Encoded width of a checked column (as encode.ts's columnWidth). */
const width = (c: ColumnSchema) =>
  c.role !== 'feature' ? 0 : c.kind === 'numeric' ? 1 : c.kind === 'date' ? (c.date?.parts.length ?? 0) : c.vocabulary.length + (c.missingSlot ? 1 : 0);

function checkSchema(v: unknown, featureNames: string[], classNames: string[], target: RegressionTarget | undefined): MetaProblem | null {
  if (v === null) return null;
  if (!isObj(v) || v.version !== 1 || !Array.isArray(v.columns) || typeof v.fileName !== 'string') return problem('checkpoint.meta-not-schema', {});
  for (let i = 0; i < v.columns.length; i++) {
    const bad = checkColumn(v.columns[i], i);
    if (bad) return bad;
  }
  if (v.merged !== undefined && !isStrings(v.merged)) return problem('checkpoint.meta-not-schema', {});
  const columns = v.columns as ColumnSchema[];
  if (!isInt(v.labelIndex) || columns[v.labelIndex]?.role !== 'label') return problem('checkpoint.meta-label-index', {});
  if (!isStrings(v.featureNames) || v.featureNames.join('\n') !== featureNames.join('\n')) {
    return problem('checkpoint.meta-differ', { field: 'schema.featureNames', other: 'featureNames' });
  }
  // A regressor's schema may list no classes (the label is a number) or the meta's one.
  const noClasses = target !== undefined && isStrings(v.classNames) && v.classNames.length === 0;
  if (!isStrings(v.classNames) || (!noClasses && v.classNames.join('\n') !== classNames.join('\n'))) {
    return problem('checkpoint.meta-differ', { field: 'schema.classNames', other: 'classNames' });
  }
  if (target !== undefined) {
    const label = columns[v.labelIndex];
    if (label.kind !== 'numeric' || label.name !== target.name) return problem('checkpoint.meta-target', { field: 'target.name', fault: 'label' });
    // A schema that carries the target too must name the same column (its statistics are the meta's to give).
    if (isObj(v.target) && v.target.name !== target.name) return problem('checkpoint.meta-differ', { field: 'schema.target', other: 'target' });
  }
  const encoded = columns.reduce((sum, c) => sum + width(c), 0);
  if (encoded !== featureNames.length) return problem('checkpoint.meta-schema-width', { encoded, features: featureNames.length });
  return null;
}

const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'euc-kr', 'windows-1252'] as const;
const HEADERS = ['names', 'none', 'tensorflow'] as const;

function checkCsvFormat(v: unknown): MetaProblem | null {
  if (v === undefined) return null;
  if (!isObj(v)) return problem('checkpoint.meta-object', { field: 'csvFormat' });
  if (!oneOf(v.delimiter, [',', ';', '\t', '|'] as const)) return problem('checkpoint.meta-one-of', { field: 'csvFormat.delimiter', options: [',', ';', '\\t', '|'] });
  if (!oneOf(v.encoding, ENCODINGS)) return problem('checkpoint.meta-one-of', { field: 'csvFormat.encoding', options: ENCODINGS });
  if (!oneOf(v.header, HEADERS)) return problem('checkpoint.meta-one-of', { field: 'csvFormat.header', options: HEADERS });
  if (v.testFraction !== undefined && !(isNum(v.testFraction) && v.testFraction >= 0 && v.testFraction < 1)) {
    return problem('checkpoint.meta-fraction', { field: 'csvFormat.testFraction' });
  }
  if (v.validationFraction !== undefined && !(isNum(v.validationFraction) && v.validationFraction >= 0 && v.validationFraction < 1)) {
    return problem('checkpoint.meta-fraction', { field: 'csvFormat.validationFraction' });
  }
  return null;
}

/** A regression target: a name, finite mean, min and max, a positive finite sd. */
function checkTarget(v: unknown): MetaProblem | null {
  if (!isObj(v)) return problem('checkpoint.meta-object', { field: 'target' });
  if (typeof v.name !== 'string') return problem('checkpoint.meta-target', { field: 'target.name', fault: 'name' });
  for (const key of ['mean', 'min', 'max'] as const) if (!isNum(v[key])) return problem('checkpoint.meta-target', { field: `target.${key}`, fault: 'finite' });
  if (!isNum(v.sd) || v.sd <= 0) return problem('checkpoint.meta-target', { field: 'target.sd', fault: 'sd' });
  return null;
}

/** The first problem of metadata fields, or null. */
function metaProblem(m: Obj): MetaProblem | null {
  if (m.version !== CHECKPOINT_VERSION) return problem('checkpoint.meta-version', { found: json(m.version), supported: CHECKPOINT_VERSION });
  if (typeof m.id !== 'string' || m.id === '' || m.id.length > 200) return problem('checkpoint.meta-missing', { field: 'id' });
  if (!isInt(m.globalStep)) return problem('checkpoint.meta-whole', { field: 'globalStep' });
  if (typeof m.savedAt !== 'string' || Number.isNaN(Date.parse(m.savedAt))) return problem('checkpoint.meta-date', { field: 'savedAt' });
  const config = checkConfig(m.config);
  if (config) return config;
  if (!isStrings(m.featureNames) || m.featureNames.length < 1 || m.featureNames.length > LIMITS.features) {
    return problem('checkpoint.meta-names', { field: 'featureNames', min: 1, max: LIMITS.features });
  }
  // A regressor (it has a target) has one linear output named after its label; a classifier >= 2 classes.
  if (m.target !== undefined) {
    const target = checkTarget(m.target);
    if (target) return target;
    if (!isStrings(m.classNames) || m.classNames.length !== 1 || m.classNames[0] !== (m.target as RegressionTarget).name) {
      return problem('checkpoint.meta-target-classes', { found: json(m.classNames), target: (m.target as RegressionTarget).name });
    }
  } else if (!isStrings(m.classNames) || m.classNames.length < 2 || m.classNames.length > LIMITS.classes) {
    return problem('checkpoint.meta-names', { field: 'classNames', min: 2, max: LIMITS.classes });
  }
  if (!oneOf(m.datasetSource, SOURCES)) return problem('checkpoint.meta-one-of', { field: 'datasetSource', options: SOURCES });
  if (typeof m.datasetName !== 'string') return problem('checkpoint.meta-missing', { field: 'datasetName' });
  if (typeof m.fingerprint !== 'string') return problem('checkpoint.meta-missing', { field: 'fingerprint' });
  if (m.datasetSource === 'csv' && m.schema === null) return problem('checkpoint.meta-needs-schema', {});
  const schema = checkSchema(m.schema ?? null, m.featureNames, m.classNames, m.target as RegressionTarget | undefined);
  if (schema) return schema;
  const csvFormat = checkCsvFormat(m.csvFormat);
  if (csvFormat) return csvFormat;
  const evaluations = checkEvaluations(m.evaluations);
  if (evaluations) return evaluations;
  const expected = parameterCount(m.featureNames.length, (m.config as ModelConfig).hiddenUnits, m.classNames.length);
  if (m.parameterCount !== expected) {
    const hidden = (m.config as ModelConfig).hiddenUnits;
    return problem('checkpoint.meta-parameters', { found: json(m.parameterCount), inputs: m.featureNames.length, hidden, classes: m.classNames.length, expected });
  }
  return null;
}

/** Check untrusted metadata; `where` names its file in the reason. */
export function parseMeta(value: unknown, where: string): ParseResult<CheckpointMeta> {
  if (!isObj(value)) return { ok: false, reason: msg('checkpoint.meta-not-object', { file: where }) };
  const bad = metaProblem(value);
  if (bad) return { ok: false, reason: msg('checkpoint.meta-invalid', { file: where, problem: bad }) };
  const config = withConfigDefaults(value.config as StoredModelConfig);
  // Only the target's own fields are kept (the rest of the app reads these five).
  const t = value.target;
  const target = isObj(t) ? { target: { name: t.name, mean: t.mean, sd: t.sd, min: t.min, max: t.max } } : {};
  return { ok: true, value: { ...value, ...target, config, schema: value.schema ?? null } as unknown as CheckpointMeta };
}
