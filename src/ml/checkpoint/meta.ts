/**
 * Making a checkpoint's metadata, and checking one read from a file someone hands us.
 * An imported playground.json / userDefinedMetadata is untrusted: every field the app
 * later reads (to encode rows, name classes, write Python) is checked here, so the
 * rest of the code can rely on the CheckpointMeta type.
 */
import type { Evaluation, ModelConfig } from '../../shared/types';
import type { ColumnSchema, CsvSchema } from '../../shared/csv';
import type { ClassificationData } from '../datasets/data';
import { parameterCount } from '../model/model';
import { configExtrasProblem, withConfigDefaults, type StoredModelConfig } from '../../shared/modelConfig';
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
    schema: input.schema ? structuredClone(input.schema) : null,
    ...(input.csvFormat ? { csvFormat: { ...input.csvFormat } } : {}),
    datasetName: data.name,
    datasetSource: input.source,
    fingerprint: input.fingerprint ?? fingerprintOf(data),
    evaluations: structuredClone(input.evaluations ?? []),
    parameterCount: parameterCount(data.featureNames.length, config.hiddenUnits, data.classNames.length),
  };
}

// ---------------------------------------------------------------------------
// Checking untrusted metadata

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const oneOf = <T extends string>(v: unknown, options: readonly T[]): v is T => typeof v === 'string' && (options as readonly string[]).includes(v);

const OPTIMIZERS = ['adagrad', 'sgd', 'momentum', 'adam', 'rmsprop'] as const;
const SPLITS = ['train', 'validation', 'test'] as const;
const SOURCES = ['iris', 'mnist', 'csv'] as const;

/** Most hidden layers / units / classes / inputs an imported model may declare. */
const LIMITS = { layers: 16, units: 4096, classes: 1000, features: 100_000 };

function checkConfig(v: unknown): string | null {
  if (!isObj(v)) return 'config is missing';
  if (!Array.isArray(v.hiddenUnits) || v.hiddenUnits.length > LIMITS.layers || !v.hiddenUnits.every((u) => isInt(u, 1) && u <= LIMITS.units)) {
    return `config.hiddenUnits must be up to ${LIMITS.layers} whole numbers from 1 to ${LIMITS.units}`;
  }
  if (!oneOf(v.optimizer, OPTIMIZERS)) return `config.optimizer must be one of ${OPTIMIZERS.join(', ')}`;
  if (!isNum(v.learningRate) || v.learningRate <= 0) return 'config.learningRate must be a positive number';
  if (!isInt(v.batchSize, 1)) return 'config.batchSize must be a whole number of at least 1';
  if (!isInt(v.seed)) return 'config.seed must be a whole number';
  if (!oneOf(v.initializer, ['glorot-uniform', 'truncated-normal'] as const)) return 'config.initializer is not glorot-uniform or truncated-normal';
  if (!oneOf(v.reduction, ['sum', 'mean'] as const)) return 'config.reduction is not sum or mean';
  // Absent in files written before them (they meant relu, no dropout, no penalty).
  return configExtrasProblem(v);
}

function checkEvaluations(v: unknown): string | null {
  if (!Array.isArray(v)) return 'evaluations must be a list';
  const bad = v.findIndex(
    (e) => !isObj(e) || !oneOf(e.split, SPLITS) || !isInt(e.globalStep) || !isInt(e.examples) || !isInt(e.correct) ||
      ![e.accuracy, e.averageLoss, e.loss].every((x) => typeof x === 'number'),
  );
  return bad >= 0 ? `evaluation ${bad + 1} is not an evaluation` : null;
}

function checkColumn(c: unknown, i: number): string | null {
  const at = `schema column ${i + 1}`;
  if (!isObj(c) || typeof c.name !== 'string' || c.index !== i) return `${at} has no name or the wrong index`;
  if (!oneOf(c.role, ['feature', 'label', 'ignored'] as const) || !oneOf(c.kind, ['numeric', 'categorical'] as const)) return `${at} has an unknown role or kind`;
  if (!isNum(c.mean) || !isNum(c.std) || c.std <= 0) return `${at} needs a finite mean and a positive std`;
  if (!isStrings(c.vocabulary) || typeof c.missingSlot !== 'boolean' || typeof c.decimalComma !== 'boolean') return `${at} has a bad vocabulary`;
  return null;
}

/** Encoded width of a checked column (as encode.ts's columnWidth). */
const width = (c: ColumnSchema) => (c.role !== 'feature' ? 0 : c.kind === 'numeric' ? 1 : c.vocabulary.length + (c.missingSlot ? 1 : 0));

function checkSchema(v: unknown, featureNames: string[], classNames: string[]): string | null {
  if (v === null) return null;
  if (!isObj(v) || v.version !== 1 || !Array.isArray(v.columns) || typeof v.fileName !== 'string') return 'schema is not a CSV schema (version 1)';
  for (let i = 0; i < v.columns.length; i++) {
    const problem = checkColumn(v.columns[i], i);
    if (problem) return problem;
  }
  const columns = v.columns as ColumnSchema[];
  if (!isInt(v.labelIndex) || columns[v.labelIndex]?.role !== 'label') return 'schema.labelIndex does not point at the label column';
  if (!isStrings(v.featureNames) || v.featureNames.join('\n') !== featureNames.join('\n')) return 'schema.featureNames differ from featureNames';
  if (!isStrings(v.classNames) || v.classNames.join('\n') !== classNames.join('\n')) return 'schema.classNames differ from classNames';
  const encoded = columns.reduce((sum, c) => sum + width(c), 0);
  if (encoded !== featureNames.length) return `the schema's columns encode ${encoded} inputs, not the ${featureNames.length} featureNames`;
  return null;
}

function checkCsvFormat(v: unknown): string | null {
  if (v === undefined) return null;
  if (!isObj(v)) return 'csvFormat is not an object';
  if (!oneOf(v.delimiter, [',', ';', '\t', '|'] as const)) return 'csvFormat.delimiter is not , ; tab or |';
  if (!oneOf(v.encoding, ['utf-8', 'utf-16le', 'utf-16be', 'euc-kr', 'windows-1252'] as const)) return 'csvFormat.encoding is unknown';
  if (!oneOf(v.header, ['names', 'none', 'tensorflow'] as const)) return 'csvFormat.header is unknown';
  if (v.testFraction !== undefined && !(isNum(v.testFraction) && v.testFraction >= 0 && v.testFraction < 1)) return 'csvFormat.testFraction is not in [0, 1)';
  return null;
}

/** The first problem of metadata fields, or null. */
function metaProblem(m: Obj): string | null {
  if (m.version !== CHECKPOINT_VERSION) return `version is ${JSON.stringify(m.version)}; this playground reads version ${CHECKPOINT_VERSION}`;
  if (typeof m.id !== 'string' || m.id === '' || m.id.length > 200) return 'id is missing';
  if (!isInt(m.globalStep)) return 'globalStep must be a whole number';
  if (typeof m.savedAt !== 'string' || Number.isNaN(Date.parse(m.savedAt))) return 'savedAt is not a date';
  const config = checkConfig(m.config);
  if (config) return config;
  if (!isStrings(m.featureNames) || m.featureNames.length < 1 || m.featureNames.length > LIMITS.features) return 'featureNames must be 1 or more names';
  if (!isStrings(m.classNames) || m.classNames.length < 2 || m.classNames.length > LIMITS.classes) return `classNames must be 2 to ${LIMITS.classes} names`;
  if (!oneOf(m.datasetSource, SOURCES)) return `datasetSource must be one of ${SOURCES.join(', ')}`;
  if (typeof m.datasetName !== 'string' || typeof m.fingerprint !== 'string') return 'datasetName or fingerprint is missing';
  if (m.datasetSource === 'csv' && m.schema === null) return 'a CSV model needs its schema';
  const schema = checkSchema(m.schema ?? null, m.featureNames, m.classNames);
  if (schema) return schema;
  const csvFormat = checkCsvFormat(m.csvFormat);
  if (csvFormat) return csvFormat;
  const evaluations = checkEvaluations(m.evaluations);
  if (evaluations) return evaluations;
  const expected = parameterCount(m.featureNames.length, (m.config as ModelConfig).hiddenUnits, m.classNames.length);
  if (m.parameterCount !== expected) {
    return `parameterCount is ${JSON.stringify(m.parameterCount)}, but ${m.featureNames.length} inputs, hidden units [${(m.config as ModelConfig).hiddenUnits.join(', ')}] and ${m.classNames.length} classes make ${expected}`;
  }
  return null;
}

/** Check untrusted metadata; `where` names its file in the reason. */
export function parseMeta(value: unknown, where: string): ParseResult<CheckpointMeta> {
  if (!isObj(value)) return { ok: false, reason: `${where}: the playground metadata is not an object.` };
  const problem = metaProblem(value);
  if (problem) return { ok: false, reason: `${where}: the playground metadata is invalid: ${problem}.` };
  const config = withConfigDefaults(value.config as StoredModelConfig);
  return { ok: true, value: { ...value, config, schema: value.schema ?? null } as unknown as CheckpointMeta };
}
