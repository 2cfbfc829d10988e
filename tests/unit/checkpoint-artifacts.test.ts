// Checkpoint <-> model: export in the TF.js layers format, import back through the
// validator, restore into the engine's model: the same probabilities, the same step.
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointMeta, checkpointOf, exportFiles, filesOf, fingerprint, memoryCheckpointStore, restoreWeights, saveArtifacts, validateImport } from '../../src/ml/checkpoint';
import { encodeRow, loadCsv } from '../../src/ml/csv';
import { buildClassifier } from '../../src/ml/model/model';
import { IRIS_CONFIG, loadIris } from './helpers';
import { reasonError } from '../../src/shared/result';
import { english } from './words';

const data = loadIris();
/** 12 Iris rows, [12, 4]. */
const rows = tf.tensor2d(data.test.features.slice(0, 48), [12, 4]);

/** A classifier with weights far from its initial ones, so a lost weight shows. */
function trainedLookingModel(): tf.Sequential {
  const model = buildClassifier(4, 3, IRIS_CONFIG);
  const weights = model.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, 0.7, 'float32', 100 + i));
  model.setWeights(weights);
  weights.forEach((w) => w.dispose());
  return model;
}

async function probabilities(model: tf.LayersModel): Promise<Float32Array> {
  const p = tf.tidy(() => tf.softmax(model.predict(rows) as tf.Tensor2D));
  const values = (await p.data()) as Float32Array;
  p.dispose();
  return values;
}

function expectClose(a: Float32Array, b: Float32Array, tolerance = 1e-4) {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  expect(worst).toBeLessThanOrEqual(tolerance);
}

const metaAt = (globalStep: number) => checkpointMeta({ data, source: 'iris', config: IRIS_CONFIG, globalStep, evaluations: [] });
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('checkpoint artifacts', () => {
  let model: tf.Sequential;
  beforeEach(() => {
    model = trainedLookingModel();
  });
  afterEach(() => model.dispose());

  it('saves the layers and weights tfjs names, in the order of model.weights', async () => {
    const saved = await saveArtifacts(model);
    expect(saved.weightSpecs.map((s) => s.name)).toEqual([
      'hiddenlayer_0/kernel', 'hiddenlayer_0/bias', 'hiddenlayer_1/kernel', 'hiddenlayer_1/bias',
      'hiddenlayer_2/kernel', 'hiddenlayer_2/bias', 'logits/kernel', 'logits/bias',
    ]);
    expect(saved.weightData.byteLength).toBe(metaAt(0).parameterCount * 4);
    expect(saved.generatedBy).toMatch(/^TensorFlow\.js tfjs-layers v4\./);
  });

  it('exports model.json in the layers format with the metadata, and imports it back predicting the same', async () => {
    const before = await probabilities(model);
    const meta = metaAt(1234);
    const files = await exportFiles(model, meta);
    const json = JSON.parse(files['model.json']);
    expect(json.format).toBe('layers-model');
    expect(json.convertedBy).toBeNull();
    expect(json.weightsManifest).toEqual([{ paths: ['weights.bin'], weights: expect.any(Array) }]);
    expect(json.userDefinedMetadata.playground).toEqual(meta);

    const imported = await validateImport([
      { name: 'model.json', bytes: utf8(files['model.json']) },
      { name: 'weights.bin', bytes: new Uint8Array(files['weights.bin']) },
    ]);
    if (!imported.ok) throw reasonError(imported.reason);
    expect(imported.value.meta).toEqual(meta);
    expect(imported.value.meta.globalStep).toBe(1234);
    expectClose(await probabilities(imported.value.model), before);
    imported.value.model.dispose();
  });

  it('loads with plain tf.loadLayersModel too (what any TF.js page does with the files)', async () => {
    const files = await exportFiles(model, metaAt(5));
    const json = JSON.parse(files['model.json']);
    const loaded = await tf.loadLayersModel(tf.io.fromMemory({ ...json, weightSpecs: json.weightsManifest[0].weights, weightData: files['weights.bin'] }));
    expectClose(await probabilities(loaded), await probabilities(model));
    loaded.dispose();
  });

  it('restores a stored checkpoint into a fresh model: same probabilities, same global step', async () => {
    const store = memoryCheckpointStore();
    const saved = await store.save(await checkpointOf(model, metaAt(3000)));
    if (!saved.ok) throw reasonError(saved.reason);
    const loaded = await store.load(saved.value.meta.id);
    if (!loaded.ok) throw reasonError(loaded.reason);
    expect(loaded.value.meta.globalStep).toBe(3000);
    expect(loaded.value.meta.fingerprint).toBe(fingerprint(data));

    const fresh = buildClassifier(4, 3, IRIS_CONFIG);
    const variables = fresh.weights.map((w) => w.read());
    expect(restoreWeights(fresh, loaded.value)).toEqual({ ok: true, value: undefined });
    // The same variables (the optimizer holds them), now with the checkpoint's values.
    expect(fresh.weights.map((w) => w.read())).toEqual(variables);
    expectClose(await probabilities(fresh), await probabilities(model), 0);
    fresh.dispose();
  });

  it('refuses to restore into a model of another shape, leaving it as it was', async () => {
    const checkpoint = await checkpointOf(model, metaAt(10));
    const other = buildClassifier(4, 3, { ...IRIS_CONFIG, hiddenUnits: [8] });
    const before = await probabilities(other);
    const result = restoreWeights(other, checkpoint);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(english(result.reason)).toMatch(/8 weight tensors; the model has 4|\[4, 10\] in the checkpoint but \[4, 8\]/);
    expectClose(await probabilities(other), before, 0);
    other.dispose();
  });

  it('leaves no tensors behind: save, export, import and dispose', async () => {
    await saveArtifacts(model); // warm-up: tfjs caches a few scalars on first use
    const tensors = tf.memory().numTensors;
    const checkpoint = await checkpointOf(model, metaAt(1));
    const files = filesOf(checkpoint);
    const imported = await validateImport([
      { name: 'model.json', bytes: utf8(files['model.json']) },
      { name: 'weights.bin', bytes: new Uint8Array(files['weights.bin']) },
    ]);
    if (!imported.ok) throw reasonError(imported.reason);
    imported.value.model.dispose();
    const fresh = buildClassifier(4, 3, IRIS_CONFIG);
    restoreWeights(fresh, checkpoint);
    fresh.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('a CSV model comes back with its schema, and encodes and predicts a row the same', async () => {
    const lines = ['width,"colour ""name""",kind'];
    for (let r = 0; r < 30; r++) lines.push(`${r % 7}.5,${['red', 'blue', ''][r % 3]},${['cat', 'dog'][r % 2]}`);
    const csv = loadCsv(new TextEncoder().encode(lines.join('\n')), 'pets.csv');
    if (!csv.ok) throw reasonError(csv.reason);
    const { data, schema, preview } = csv.value;
    const meta = checkpointMeta({ data, source: 'csv', config: { ...IRIS_CONFIG, hiddenUnits: [6] }, globalStep: 42, schema, csvFormat: { delimiter: preview.delimiter, encoding: preview.encoding, header: preview.header } });
    const csvModel = buildClassifier(data.featureNames.length, data.classNames.length, meta.config);
    const files = await exportFiles(csvModel, meta);
    const imported = await validateImport([
      { name: 'model.json', bytes: utf8(files['model.json']) },
      { name: 'weights.bin', bytes: new Uint8Array(files['weights.bin']) },
    ]);
    if (!imported.ok) throw reasonError(imported.reason);
    expect(imported.value.meta.schema).toEqual(schema);
    const row = encodeRow(imported.value.meta.schema ?? schema, ['3.5', 'blue', null]);
    const predict = (m: tf.LayersModel) => tf.tidy(() => (m.predict(tf.tensor2d(row, [1, row.length])) as tf.Tensor).dataSync());
    expect(Array.from(predict(imported.value.model))).toEqual(Array.from(predict(csvModel)));
    imported.value.model.dispose();
    csvModel.dispose();
  });
});
