/**
 * Importing an exported model: model.json (+ its weights file, + optionally a
 * playground.json) checked in full BEFORE anything replaces the model on screen. The
 * pure checks (checkImport) never call tfjs: sizes, JSON, format, layer classes,
 * manifest vs layers vs metadata, byte length, finite weights. Only then does
 * validateImport let tfjs build the model, and check its input and output widths once more.
 */
import { msg, type Message } from '../../shared/message';
import type * as tf from '@tensorflow/tfjs';
import type { ParseResult } from '../../shared/result';
import { loadFromArtifacts, META_KEY, MODEL_FILE } from './artifacts';
import type { ClassificationData } from '../datasets/data';
import { checkTask, parseMeta } from './meta';
import { denseStack, matchManifest, type DenseLayer } from './topology';
import type { Checkpoint, CheckpointMeta } from './types';

/** Largest model.json accepted (a playground model.json is a few kB; the CSV schema adds vocabularies). */
export const MAX_MODEL_JSON_BYTES = 1024 * 1024;
/** Largest total of weight files accepted (12.5M float32 parameters). */
export const MAX_WEIGHTS_BYTES = 50 * 1024 * 1024;
/** The separate metadata file an export may come with. */
export const META_FILE = 'playground.json';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const baseName = (name: string) => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
const fail = (reason: Message): { ok: false; reason: Message } => ({ ok: false, reason });

/** model.json by name, else the only .json that is not playground.json. */
function findModelFile(files: readonly ImportFile[]): ImportFile | undefined {
  const exact = files.find((f) => baseName(f.name) === MODEL_FILE);
  if (exact) return exact;
  const json = files.filter((f) => /\.json$/i.test(f.name) && baseName(f.name) !== META_FILE);
  return json.length === 1 ? json[0] : undefined;
}

function parseJson(file: ImportFile): ParseResult<unknown> {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(msg('checkpoint.not-json', { file: baseName(file.name), detail: why }));
  }
}

/** The manifest's groups flattened: every path in order, every entry in order. */
function readManifest(manifest: unknown, where: string): ParseResult<{ paths: string[]; specs: tf.io.WeightsManifestEntry[] }> {
  if (!Array.isArray(manifest) || manifest.length === 0) return fail(msg('checkpoint.manifest-empty', { file: where }));
  const paths: string[] = [];
  const specs: tf.io.WeightsManifestEntry[] = [];
  for (const group of manifest) {
    if (!isObj(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) return fail(msg('checkpoint.manifest-group', { file: where }));
    for (const p of group.paths) {
      if (typeof p !== 'string' || p === '') return fail(msg('checkpoint.manifest-path', { file: where }));
      paths.push(baseName(p));
    }
    for (const w of group.weights) {
      if (!isObj(w) || typeof w.name !== 'string') return fail(msg('checkpoint.manifest-entry', { file: where }));
      specs.push(w as unknown as tf.io.WeightsManifestEntry);
    }
  }
  return { ok: true, value: { paths, specs } };
}

/** The metadata: userDefinedMetadata.playground, else a playground.json beside model.json. */
function readMeta(json: Obj, files: readonly ImportFile[], where: string): ParseResult<CheckpointMeta> {
  const embedded = isObj(json.userDefinedMetadata) ? json.userDefinedMetadata[META_KEY] : undefined;
  if (embedded !== undefined) return parseMeta(embedded, where);
  const file = files.find((f) => baseName(f.name) === META_FILE);
  if (!file) return fail(msg('checkpoint.no-meta', { file: where, key: META_KEY, metaFile: META_FILE }));
  if (file.bytes.length > MAX_MODEL_JSON_BYTES) return fail(msg('checkpoint.meta-too-large', { file: META_FILE, bytes: file.bytes.length, max: MAX_MODEL_JSON_BYTES }));
  const parsed = parseJson(file);
  return parsed.ok ? parseMeta(parsed.value, META_FILE) : parsed;
}

/**
 * The layers against the metadata: input width, hidden units, hidden activation, class
 * count, parameter count. The playground rebuilds the model from the metadata's config,
 * so a topology that says otherwise would predict differently than the file it came in.
 */
function matchMeta(meta: CheckpointMeta, inputs: number, layers: readonly DenseLayer[], parameters: number, where: string): ParseResult<null> {
  const units = layers.map((l) => l.units);
  const classes = units[units.length - 1];
  if (inputs !== meta.featureNames.length) return fail(msg('checkpoint.inputs-differ', { file: where, inputs, features: meta.featureNames.length }));
  if (classes !== meta.classNames.length) return fail(msg('checkpoint.classes-differ', { file: where, units: classes, classes: meta.classNames.length }));
  const hidden = units.slice(0, -1);
  if (hidden.join(',') !== meta.config.hiddenUnits.join(',')) {
    return fail(msg('checkpoint.hidden-differ', { file: where, layers: hidden, meta: meta.config.hiddenUnits }));
  }
  const other = layers.slice(0, -1).find((l) => l.activation !== meta.config.activation);
  if (other) return fail(msg('checkpoint.activation-differ', { file: where, name: other.name, activation: other.activation, meta: meta.config.activation }));
  if (parameters !== meta.parameterCount) return fail(msg('checkpoint.parameters-differ', { file: where, parameters, meta: meta.parameterCount }));
  return { ok: true, value: null };
}

/** The weight files in manifest order, joined; checks presence, size and length. */
function joinWeights(paths: string[], files: readonly ImportFile[], floats: number, where: string): ParseResult<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  for (const path of paths) {
    const file = files.find((f) => baseName(f.name) === path);
    if (!file) return fail(msg('checkpoint.weights-missing', { path, file: where, paths }));
    parts.push(file.bytes);
  }
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  if (total !== floats * 4) {
    return fail(msg('checkpoint.weights-size', { file: where, paths, bytes: total, floats }));
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { ok: true, value: out.buffer };
}

/** The first non-finite weight, named by tensor and index. */
function firstNonFinite(weights: ArrayBuffer, specs: readonly tf.io.WeightsManifestEntry[]): { name: string; value: string; index: number } | null {
  const values = new Float32Array(weights);
  let at = 0;
  for (const spec of specs) {
    const n = spec.shape.reduce((a, b) => a * b, 1);
    for (let i = 0; i < n; i++) {
      const v = values[at + i];
      if (!Number.isFinite(v)) return { name: spec.name, value: String(v), index: i };
    }
    at += n;
  }
  return null;
}

/**
 * Every check that needs no tfjs, in the order a person fixes them: which files,
 * their sizes, JSON, format, layers, manifest, metadata, (given the loaded `data`) that
 * the model's task is the data's (a regressor on data with a number to predict, a
 * classifier on data with classes), weight bytes. On success the files as a Checkpoint (not yet a model).
 */
export function checkImport(files: readonly ImportFile[], data?: Pick<ClassificationData, 'target' | 'name'>): ParseResult<Checkpoint> {
  const modelFile = findModelFile(files);
  if (!modelFile) return fail(msg('checkpoint.no-model-file', { model: MODEL_FILE, got: files.map((f) => baseName(f.name)) }));
  const where = baseName(modelFile.name);
  if (modelFile.bytes.length > MAX_MODEL_JSON_BYTES) {
    return fail(msg('checkpoint.model-too-large', { file: where, bytes: modelFile.bytes.length, max: MAX_MODEL_JSON_BYTES, model: MODEL_FILE }));
  }
  const weightBytes = files.filter((f) => f !== modelFile && !/\.json$/i.test(f.name)).reduce((sum, f) => sum + f.bytes.length, 0);
  if (weightBytes > MAX_WEIGHTS_BYTES) return fail(msg('checkpoint.weights-too-large', { bytes: weightBytes, max: MAX_WEIGHTS_BYTES }));
  const parsed = parseJson(modelFile);
  if (!parsed.ok) return parsed;
  const json = parsed.value;
  if (!isObj(json)) return fail(msg('checkpoint.not-object', { file: where }));
  if (json.format !== 'layers-model') {
    const format = String(JSON.stringify(json.format ?? null)).slice(0, 80);
    return fail(msg('checkpoint.wrong-format', { file: where, format, graph: json.format === 'graph-model' }));
  }
  const manifest = readManifest(json.weightsManifest, where);
  if (!manifest.ok) return manifest;
  const stack = denseStack(json.modelTopology, where);
  if (!stack.ok) return stack;
  const floats = matchManifest(manifest.value.specs, stack.value.layers, where);
  if (!floats.ok) return floats;
  const meta = readMeta(json, files, where);
  if (!meta.ok) return meta;
  if (data) {
    const task = checkTask(meta.value, data, where);
    if (!task.ok) return task;
  }
  const matched = matchMeta(meta.value, stack.value.inputs, stack.value.layers, floats.value, where);
  if (!matched.ok) return matched;
  const weights = joinWeights(manifest.value.paths, files, floats.value, where);
  if (!weights.ok) return weights;
  const bad = firstNonFinite(weights.value, manifest.value.specs);
  if (bad) return fail(msg('checkpoint.non-finite', { paths: manifest.value.paths, ...bad }));
  return {
    ok: true,
    value: { meta: meta.value, modelJson: { modelTopology: json.modelTopology as object, weightSpecs: manifest.value.specs }, weights: weights.value },
  };
}

/**
 * checkImport, then build the model with tfjs and check its input and output widths.
 * The caller owns `model` (dispose it, or make it the model of record); `checkpoint`
 * is what to store.
 */
export async function validateImport(files: readonly ImportFile[], data?: Pick<ClassificationData, 'target' | 'name'>): Promise<ParseResult<{ model: tf.LayersModel; meta: CheckpointMeta; checkpoint: Checkpoint }>> {
  try {
    return await validateChecked(files, data);
  } catch (error) {
    // Past every check, the runtime's own error ("Invalid typed array length") says nothing of which files: name them.
    return fail(msg('checkpoint.broken-import', { files: files.map((f) => baseName(f.name)), detail: String(error) }));
  }
}

async function validateChecked(files: readonly ImportFile[], data?: Pick<ClassificationData, 'target' | 'name'>): Promise<ParseResult<{ model: tf.LayersModel; meta: CheckpointMeta; checkpoint: Checkpoint }>> {
  const checked = checkImport(files, data);
  if (!checked.ok) return checked;
  const { meta, modelJson, weights } = checked.value;
  const loaded = await loadFromArtifacts(modelJson, weights);
  // tfjs's own words, in a build-failed message that says tfjs could not build the model.
  if (!loaded.ok) return loaded;
  const model = loaded.value;
  const inputs = model.inputs[0]?.shape[1];
  const outputs = model.outputs[0]?.shape[1];
  if (model.inputs.length !== 1 || model.outputs.length !== 1 || inputs !== meta.featureNames.length || outputs !== meta.classNames.length) {
    model.dispose();
    return fail(msg('checkpoint.built-shape', { file: MODEL_FILE, inputs: String(inputs), outputs: String(outputs), features: meta.featureNames.length, classes: meta.classNames.length }));
  }
  return { ok: true, value: { model, meta, checkpoint: checked.value } };
}
