/**
 * The model of record <-> bytes. A checkpoint and an export are the same thing tfjs's
 * LayersModel.save() produces (Keras-style topology JSON + float32 weights + the
 * manifest of names and shapes), so an exported model.json loads with
 * tf.loadLayersModel in any page and converts with tensorflowjs_converter to Keras.
 */
import { msg, MessageError } from '../../shared/message';
import * as tf from '@tensorflow/tfjs';
import type { ParseResult } from '../../shared/result';
import type { Checkpoint, CheckpointMeta, ModelJson } from './types';

/** What save() hands a save handler, with the weights in one buffer. */
export interface SavedArtifacts extends ModelJson {
  weightData: ArrayBuffer;
  /** "TensorFlow.js tfjs-layers v4.22.0" */
  generatedBy: string;
}

/** The file names of an export; the manifest names WEIGHTS_FILE. */
export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';
/** Key under model.json's userDefinedMetadata that holds the CheckpointMeta. */
export const META_KEY = 'playground';

/** tfjs may hand weights over as several buffers; a checkpoint keeps one. */
function oneBuffer(data: tf.io.WeightData | undefined): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  return tf.io.CompositeArrayBuffer.join(data);
}

/**
 * Serialize `model` through tf.io.withSaveHandler. Reads the weights back from the
 * backend (one await); creates no tensors that outlive the call.
 */
export async function saveArtifacts(model: tf.LayersModel): Promise<SavedArtifacts> {
  let saved: SavedArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = {
        modelTopology: artifacts.modelTopology as object,
        weightSpecs: artifacts.weightSpecs ?? [],
        weightData: oneBuffer(artifacts.weightData),
        generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
      };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (saved === null) throw new MessageError(msg('checkpoint.no-save-handler'));
  return saved;
}

/** A checkpoint of `model` with the given metadata. */
export async function checkpointOf(model: tf.LayersModel, meta: CheckpointMeta): Promise<Checkpoint> {
  const { modelTopology, weightSpecs, weightData } = await saveArtifacts(model);
  return { meta, modelJson: { modelTopology, weightSpecs }, weights: weightData };
}

/**
 * A new LayersModel from stored artifacts (the caller owns and disposes it). Errors
 * from tfjs (an unknown layer, a shape mismatch) come back as a reason.
 */
export async function loadFromArtifacts(modelJson: ModelJson, weights: ArrayBuffer): Promise<ParseResult<tf.LayersModel>> {
  try {
    const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs: modelJson.weightSpecs, weightData: weights }));
    return { ok: true, value: model };
  } catch (error) {
    return { ok: false, reason: msg('checkpoint.build-failed', { detail: error instanceof Error ? error.message : String(error) }) };
  }
}

/**
 * Put a checkpoint's weights into an existing model of the same shape (the engine's
 * model of record, so the variables the optimizer holds stay the same objects).
 * Weights are matched by position and checked by shape; nothing changes on a mismatch.
 */
export function restoreWeights(model: tf.LayersModel, checkpoint: Pick<Checkpoint, 'modelJson' | 'weights'>): ParseResult<undefined> {
  const specs = checkpoint.modelJson.weightSpecs;
  const current = model.weights;
  if (specs.length !== current.length) {
    return { ok: false, reason: msg('checkpoint.tensor-count', { saved: specs.length, model: current.length }) };
  }
  for (let i = 0; i < specs.length; i++) {
    if (specs[i].shape.join('x') !== current[i].shape.join('x')) {
      return { ok: false, reason: msg('checkpoint.tensor-shape', { name: specs[i].name, saved: specs[i].shape, model: current[i].shape }) };
    }
  }
  let named: tf.NamedTensorMap;
  try {
    named = tf.io.decodeWeights(checkpoint.weights, specs);
  } catch (error) {
    return { ok: false, reason: msg('checkpoint.decode-failed', { detail: error instanceof Error ? error.message : String(error) }) };
  }
  const tensors = specs.map((s) => named[s.name]);
  model.setWeights(tensors);
  Object.values(named).forEach((t) => t.dispose());
  return { ok: true, value: undefined };
}

/** The files of an export (named MODEL_FILE and WEIGHTS_FILE). */
export interface ExportedFiles {
  'model.json': string;
  'weights.bin': ArrayBuffer;
}

/**
 * model.json in the TF.js layers format (what tf.io.browserDownloads writes, with the
 * weights file named weights.bin) with the CheckpointMeta under
 * userDefinedMetadata.playground. tf.loadLayersModel and tensorflowjs_converter
 * ignore the metadata; the playground's import reads it.
 */
export function filesOf(checkpoint: Checkpoint, generatedBy = `TensorFlow.js tfjs-layers v${tf.version.tfjs}`): ExportedFiles {
  const json = {
    modelTopology: checkpoint.modelJson.modelTopology,
    format: 'layers-model',
    generatedBy,
    convertedBy: null,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: checkpoint.modelJson.weightSpecs }],
    userDefinedMetadata: { [META_KEY]: checkpoint.meta },
  };
  return { 'model.json': JSON.stringify(json), 'weights.bin': checkpoint.weights.slice(0) };
}

/** Export `model` (the model of record, synced) with `meta`. */
export async function exportFiles(model: tf.LayersModel, meta: CheckpointMeta): Promise<ExportedFiles> {
  const saved = await saveArtifacts(model);
  return filesOf({ meta, modelJson: { modelTopology: saved.modelTopology, weightSpecs: saved.weightSpecs }, weights: saved.weightData }, saved.generatedBy);
}
