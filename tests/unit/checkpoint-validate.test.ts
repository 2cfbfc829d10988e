// The import validator: an exported model comes back; every kind of bad file is
// refused before anything is replaced, with a reason naming the file and the problem.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkImport, checkpointMeta, exportFiles, MAX_WEIGHTS_BYTES, validateImport, type ImportFile } from '../../src/ml/checkpoint';
import { buildClassifier } from '../../src/ml/model/model';
import { IRIS_CONFIG, loadIris } from './helpers';
import { reasonError } from '../../src/shared/result';
import { english } from './words';

const data = loadIris();
const meta = checkpointMeta({ data, source: 'iris', config: IRIS_CONFIG, globalStep: 700 });
const utf8 = (text: string) => new TextEncoder().encode(text);

let modelJson: string;
let weights: Uint8Array;

beforeAll(async () => {
  const model = buildClassifier(4, 3, IRIS_CONFIG);
  const files = await exportFiles(model, meta);
  model.dispose();
  modelJson = files['model.json'];
  weights = new Uint8Array(files['weights.bin']);
});

/** The exported files with model.json's parsed JSON changed by `edit`. */
function withJson(edit: (json: Record<string, any>) => void): ImportFile[] { // eslint-disable-line @typescript-eslint/no-explicit-any
  const json = JSON.parse(modelJson);
  edit(json);
  return [{ name: 'model.json', bytes: utf8(JSON.stringify(json)) }, { name: 'weights.bin', bytes: weights }];
}

function withWeights(edit: (floats: Float32Array) => void): ImportFile[] {
  const copy = weights.slice();
  edit(new Float32Array(copy.buffer));
  return [{ name: 'model.json', bytes: utf8(modelJson) }, { name: 'weights.bin', bytes: copy }];
}

const good = (): ImportFile[] => [{ name: 'model.json', bytes: utf8(modelJson) }, { name: 'weights.bin', bytes: weights }];

describe('validateImport accepts', () => {
  it('the files an export wrote, picked in any order and from a folder', async () => {
    const result = await validateImport([{ name: 'dl/weights.bin', bytes: weights }, { name: 'dl/model.json', bytes: utf8(modelJson) }]);
    if (!result.ok) throw reasonError(result.reason);
    expect(result.value.meta).toEqual(meta);
    expect(result.value.checkpoint.weights.byteLength).toBe(weights.length);
    result.value.model.dispose();
  });

  it('metadata in a separate playground.json when model.json has none', () => {
    const files = withJson((j) => delete j.userDefinedMetadata);
    files.push({ name: 'playground.json', bytes: utf8(JSON.stringify(meta)) });
    expect(checkImport(files).ok).toBe(true);
  });

  it('a weights file named otherwise, as long as the manifest names it', () => {
    const files = withJson((j) => (j.weightsManifest[0].paths = ['iris.weights.bin']));
    files[1] = { name: 'iris.weights.bin', bytes: weights };
    expect(checkImport(files).ok).toBe(true);
  });
});

type Case = [string, () => ImportFile[], RegExp];

const cases: Case[] = [
  ['no model.json', () => [{ name: 'weights.bin', bytes: weights }], /^model\.json is missing: choose model\.json and its weights file together \(got weights\.bin\)/],
  ['no weights file', () => [{ name: 'model.json', bytes: utf8(modelJson) }], /^weights\.bin is missing: model\.json reads its weights from it/],
  ['a truncated model.json', () => [{ name: 'model.json', bytes: utf8(modelJson.slice(0, 600)) }, { name: 'weights.bin', bytes: weights }], /^model\.json is not valid JSON \(is it cut short\?\)/],
  ['a truncated weights.bin', () => [{ name: 'model.json', bytes: utf8(modelJson) }, { name: 'weights.bin', bytes: weights.slice(0, weights.length - 10) }], /^weights\.bin is 2,042 bytes, but model\.json's weightsManifest needs 2,052 \(513 float32 values\): the file is cut short/],
  ['a weights.bin too long', () => [{ name: 'model.json', bytes: utf8(modelJson) }, { name: 'weights.bin', bytes: new Uint8Array(weights.length + 4) }], /weights\.bin is 2,056 bytes, but .* needs 2,052/],
  ['a graph model', () => withJson((j) => (j.format = 'graph-model')), /has the format "graph-model"; the playground imports TF\.js "layers-model" files\. It is a graph-model/],
  ['no format', () => withJson((j) => delete j.format), /has the format null/],
  ['a Conv2D layer', () => withJson((j) => (j.modelTopology.config.layers[1].class_name = 'Conv2D')), /layer 2 \("hiddenlayer_1"\) is a "Conv2D" layer; the playground imports only Dense, Dropout, InputLayer layers/],
  ['a Lambda layer', () => withJson((j) => j.modelTopology.config.layers.splice(1, 0, { class_name: 'Lambda', config: { name: 'evil' } })), /layer 2 \("evil"\) is a "Lambda" layer/],
  ['a functional model', () => withJson((j) => (j.modelTopology.class_name = 'Functional')), /the model is a "Functional"; the playground imports Sequential stacks/],
  ['softmax logits', () => withJson((j) => (j.modelTopology.config.layers[3].config.activation = 'softmax')), /the last Dense layer \("logits"\) applies "softmax"; the playground reads logits/],
  ['a manifest shape that does not fit the layers', () => withJson((j) => (j.weightsManifest[0].weights[0].shape = [4, 11])), /weightsManifest gives "hiddenlayer_0\/kernel" the shape \[4,11\], but the layers make it \[4,10\]/],
  ['a manifest missing a tensor', () => withJson((j) => j.weightsManifest[0].weights.pop()), /weightsManifest lacks "logits\/bias" \[3\]/],
  ['quantized weights', () => withJson((j) => (j.weightsManifest[0].weights[0].quantization = { dtype: 'uint8', scale: 1, min: 0 })), /"hiddenlayer_0\/kernel" is quantized/],
  ['more classes in the metadata than logits', () => withJson((j) => {
    const m = j.userDefinedMetadata.playground;
    m.classNames.push('Iris extra');
    m.parameterCount += 11;
  }), /the logits layer has 3 units, but the metadata names 4 classes/],
  ['fewer features in the metadata than inputs', () => withJson((j) => {
    const m = j.userDefinedMetadata.playground;
    m.featureNames.pop();
    m.parameterCount -= 10;
  }), /the model reads 4 inputs, but the metadata names 3 features/],
  ['other hidden units in the metadata', () => withJson((j) => {
    const m = j.userDefinedMetadata.playground;
    m.config.hiddenUnits = [10, 20, 11];
    m.parameterCount = 4 * 10 + 10 + 10 * 20 + 20 + 20 * 11 + 11 + 11 * 3 + 3;
  }), /the hidden layers have \[10, 20, 10\] units, but the metadata says \[10, 20, 11\]/],
  ['a parameter count that does not add up', () => withJson((j) => (j.userDefinedMetadata.playground.parameterCount = 999)), /parameterCount is 999, but 4 inputs, hidden units \[10, 20, 10\] and 3 classes make 513/],
  ['no metadata at all', () => withJson((j) => delete j.userDefinedMetadata), /has no playground metadata \(userDefinedMetadata\.playground\) and no playground\.json/],
  ['metadata of a later version', () => withJson((j) => (j.userDefinedMetadata.playground.version = 2)), /version is 2; this playground reads version 1/],
  ['an unknown optimizer in the metadata', () => withJson((j) => (j.userDefinedMetadata.playground.config.optimizer = 'lion')), /config\.optimizer is "lion"; .*takes one of adagrad/],
  ['NaN in the weights', () => withWeights((f) => (f[5] = NaN)), /^weights\.bin: the weight "hiddenlayer_0\/kernel" holds NaN at index 5; a model with NaN or infinite weights cannot predict/],
  ['Infinity in the weights', () => withWeights((f) => (f[f.length - 1] = -Infinity)), /the weight "logits\/bias" holds -Infinity at index 2/],
  ['a model.json over 1 MB', () => [{ name: 'model.json', bytes: utf8(modelJson + ' '.repeat(1024 * 1024)) }, { name: 'weights.bin', bytes: weights }], /^model\.json is 1\.0 MB; a playground model\.json is at most 1\.0 MB/],
  ['weights over 50 MB', () => [{ name: 'model.json', bytes: utf8(modelJson) }, { name: 'weights.bin', bytes: new Uint8Array(MAX_WEIGHTS_BYTES + 4) }], /^The weight files are 50\.0 MB; at most 50\.0 MB is accepted/],
  ['model.json that is not UTF-8', () => [{ name: 'model.json', bytes: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, { name: 'weights.bin', bytes: weights }], /model\.json is not valid JSON/],
  ['a JSON array', () => [{ name: 'model.json', bytes: utf8('[]') }, { name: 'weights.bin', bytes: weights }], /model\.json is not a TF\.js model\.json/],
];

describe('validateImport refuses', () => {
  it.each(cases)('%s', async (_name, files, reason) => {
    const checked = checkImport(files());
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(english(checked.reason)).toMatch(reason);
    // The async entry point refuses the same way and builds no model.
    const tensors = tf.memory().numTensors;
    const result = await validateImport(files());
    expect(result).toEqual(checked);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('refuses before tfjs runs: a hostile layer name cannot reach tfjs', () => {
    const result = checkImport(withJson((j) => (j.modelTopology.config.layers[0].class_name = '__proto__')));
    expect(result.ok).toBe(false);
  });

  it('sees the good files as good', () => {
    expect(checkImport(good()).ok).toBe(true);
  });
});
