// Checkpoints of a regression model (issue #16): the meta carries the target, read back
// exactly and checked when untrusted; the export's model.json carries it to a fresh import
// (same weights, same de-standardised predictions); a model of one task is refused on
// data of the other, naming both; old checkpoints (no target) stay classifiers.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { checkImport, checkpointMeta, checkTask, exportFiles, fingerprint, fnv1a64, historyCsv, parseMeta, taskOf, validateImport, type CheckpointMeta } from '../../src/ml/checkpoint';
import { checkpointWeights } from '../../src/ml/checkpoint/weights';
import { bytesOf } from '../../src/ml/checkpoint/fingerprint';
import { initialWeights, modelFromWeights } from '../../src/ml/model/model';
import { unstandardize } from '../../src/ml/model/regression';
import { reasonError } from '../../src/shared/result';
import { IRIS_CONFIG, loadIris } from './helpers';
import { regressionCsv, REGRESSION_CONFIG } from './regressionData';
import { english } from './words';

const utf8 = (text: string) => new TextEncoder().encode(text);

function regressionMeta(): { meta: CheckpointMeta; reg: ReturnType<typeof regressionCsv> } {
  const reg = regressionCsv();
  const meta = checkpointMeta({ data: reg.data, source: 'csv', config: REGRESSION_CONFIG, globalStep: 300, schema: reg.schema, csvFormat: { delimiter: ',', encoding: 'utf-8', header: 'names', testFraction: 0.25 } });
  return { meta, reg };
}

/** A meta as it would come out of a file, with `edit` applied to the parsed JSON. */
function tampered(meta: CheckpointMeta, edit: (m: Record<string, unknown>) => void) {
  const copy = JSON.parse(JSON.stringify(meta)) as Record<string, unknown>;
  edit(copy);
  return parseMeta(copy, 'model.json');
}

const problemOf = (result: ReturnType<typeof parseMeta>) => (result.ok || typeof result.reason === 'string' ? null : (result.reason.params as { problem: { code: string; params: unknown } }).problem);

describe('a regression model’s checkpoint meta', () => {
  it('stores the target and one output; reads back the same target, exactly', () => {
    const { meta, reg } = regressionMeta();
    expect(meta.target).toEqual(reg.data.target);
    expect(meta.classNames).toEqual(['price']);
    // rooms (1) + district one-hot (3) inputs, [5, 3] hidden, ONE output.
    expect(meta.parameterCount).toBe(4 * 5 + 5 + 5 * 3 + 3 + 3 * 1 + 1);
    expect(taskOf(meta)).toBe('regression');
    const read = parseMeta(JSON.parse(JSON.stringify(meta)), 'model.json');
    if (!read.ok) throw reasonError(read.reason);
    expect(read.value.target).toEqual(meta.target);
    // Bit for bit: JSON writes a double so that it reads back the same.
    expect(Object.is(read.value.target!.sd, reg.data.target!.sd)).toBe(true);
    expect(Object.is(read.value.target!.mean, reg.data.target!.mean)).toBe(true);
  });

  it('a classifier’s meta has no target; an old meta (no target field) reads as a classifier', () => {
    const meta = checkpointMeta({ data: loadIris(), source: 'iris', config: IRIS_CONFIG, globalStep: 1 });
    expect('target' in meta).toBe(false);
    const read = parseMeta(JSON.parse(JSON.stringify(meta)), 'model.json');
    if (!read.ok) throw reasonError(read.reason);
    expect(read.value.target).toBeUndefined();
    expect(taskOf(read.value)).toBe('classification');
  });

  it('refuses a bad target: sd 0 or negative, non-finite mean, no name, no target object', () => {
    const { meta } = regressionMeta();
    const cases: [(m: Record<string, unknown>) => void, string, unknown][] = [
      [(m) => ((m.target as Record<string, unknown>).sd = 0), 'checkpoint.meta-target', { field: 'target.sd', fault: 'sd' }],
      [(m) => ((m.target as Record<string, unknown>).sd = -2), 'checkpoint.meta-target', { field: 'target.sd', fault: 'sd' }],
      // NaN and Infinity become null in JSON.
      [(m) => ((m.target as Record<string, unknown>).mean = null), 'checkpoint.meta-target', { field: 'target.mean', fault: 'finite' }],
      [(m) => ((m.target as Record<string, unknown>).max = '9'), 'checkpoint.meta-target', { field: 'target.max', fault: 'finite' }],
      [(m) => ((m.target as Record<string, unknown>).name = 7), 'checkpoint.meta-target', { field: 'target.name', fault: 'name' }],
      [(m) => (m.target = [1]), 'checkpoint.meta-object', { field: 'target' }],
    ];
    for (const [edit, code, params] of cases) expect(problemOf(tampered(meta, edit))).toEqual({ code, params });
    const zero = tampered(meta, (m) => ((m.target as Record<string, unknown>).sd = 0));
    expect(zero.ok ? '' : english(zero.reason)).toContain('target.sd must be a positive finite number');
  });

  it('a regression meta has exactly one class name, its target’s; a classifier meta needs two or more', () => {
    const { meta } = regressionMeta();
    expect(problemOf(tampered(meta, (m) => (m.classNames = ['price', 'other'])))).toMatchObject({ code: 'checkpoint.meta-target-classes', params: { target: 'price' } });
    expect(problemOf(tampered(meta, (m) => (m.classNames = ['cost'])))).toMatchObject({ code: 'checkpoint.meta-target-classes' });
    // Without its target, a one-output meta is a classifier of one class: refused as before.
    expect(problemOf(tampered(meta, (m) => delete m.target))).toEqual({ code: 'checkpoint.meta-names', params: { field: 'classNames', min: 2, max: 1000 } });
    // The schema's label column must be the target's, and numeric.
    const schema = (m: Record<string, unknown>) => m.schema as { columns: { kind: string }[]; labelIndex: number; classNames: string[] };
    const rooms = (m: Record<string, unknown>) => {
      (m.target as Record<string, unknown>).name = 'rooms';
      m.classNames = ['rooms'];
      schema(m).classNames = ['rooms'];
    };
    expect(problemOf(tampered(meta, rooms))).toEqual({ code: 'checkpoint.meta-target', params: { field: 'target.name', fault: 'label' } });
    expect(problemOf(tampered(meta, (m) => (schema(m).columns[schema(m).labelIndex].kind = 'categorical')))).toMatchObject({ params: { fault: 'label' } });
    // A schema listing no classes is fine for a regressor (the label is a number).
    expect(tampered(meta, (m) => (schema(m).classNames = [])).ok).toBe(true);
    // A schema carrying the target too must name the same label.
    const named = (name: string) => (m: Record<string, unknown>) => ((m.schema as Record<string, unknown>).target = { ...(m.target as object), name });
    expect(tampered(meta, named('price')).ok).toBe(true);
    expect(problemOf(tampered(meta, named('cost')))).toEqual({ code: 'checkpoint.meta-differ', params: { field: 'schema.target', other: 'target' } });
  });

  it('the fingerprint covers the targets (the labels are all 0); a classifier’s is as before', () => {
    const reg = regressionCsv();
    const other = structuredClone(reg.data);
    other.train.targets![0] += 0.5;
    expect(fingerprint(other)).not.toBe(fingerprint(reg.data));
    const iris = loadIris();
    const text = utf8(JSON.stringify({ features: iris.featureNames, classes: iris.classNames, rows: iris.train.rows }));
    expect(fingerprint(iris)).toBe(fnv1a64(text, bytesOf(iris.train.features), bytesOf(iris.train.labels)));
  });
});

describe('exporting and importing a regression model', () => {
  it('model.json carries the target: a fresh import has the same weights, target and predictions', async () => {
    const { meta, reg } = regressionMeta();
    const inputs = reg.data.featureNames.length;
    const weights = initialWeights(inputs, 1, REGRESSION_CONFIG);
    // Move the weights off their initial values so a lost tensor shows.
    weights.forEach((w, i) => w.forEach((_, j) => (w[j] += 0.01 * ((i + j) % 7))));
    const model = modelFromWeights(inputs, 1, REGRESSION_CONFIG, weights);
    const files = await exportFiles(model, meta);
    expect(JSON.parse(files['model.json']).userDefinedMetadata.playground.target).toEqual(reg.data.target);
    const imported = await validateImport([{ name: 'model.json', bytes: utf8(files['model.json']) }, { name: 'weights.bin', bytes: new Uint8Array(files['weights.bin']) }], reg.data);
    if (!imported.ok) throw reasonError(imported.reason);
    expect(imported.value.meta.target).toEqual(reg.data.target);
    const back = checkpointWeights(imported.value.checkpoint);
    if (!back.ok) throw reasonError(back.reason);
    expect(back.value.map((w) => Array.from(w))).toEqual(weights.map((w) => Array.from(w)));
    // The same rows predict the same numbers in the label's units.
    const x = tf.tensor2d(reg.data.test.features, [reg.data.test.rows, inputs]);
    const out = (m: tf.LayersModel) => Array.from(tf.tidy(() => (m.predict(x) as tf.Tensor).dataSync()), (z) => unstandardize(z, imported.value.meta.target!));
    const before = out(model);
    expect(out(imported.value.model)).toEqual(before);
    expect(before.every(Number.isFinite)).toBe(true);
    x.dispose();
    model.dispose();
    imported.value.model.dispose();
  });

  it('refuses a regression model on classification data and a classifier on regression data, naming both', async () => {
    const { meta, reg } = regressionMeta();
    const inputs = reg.data.featureNames.length;
    const regModel = modelFromWeights(inputs, 1, REGRESSION_CONFIG, initialWeights(inputs, 1, REGRESSION_CONFIG));
    const regFiles = await exportFiles(regModel, meta);
    regModel.dispose();
    const asImport = (f: { 'model.json': string; 'weights.bin': ArrayBuffer }) => [{ name: 'model.json', bytes: utf8(f['model.json']) }, { name: 'weights.bin', bytes: new Uint8Array(f['weights.bin']) }];
    // The same file with classes: the CSV as the loader read it.
    const classes = reg.csv.data;
    const refused = checkImport(asImport(regFiles), classes);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.reason).toMatchObject({ code: 'checkpoint.task-differs', params: { file: 'model.json', model: 'regression', data: 'classification', target: 'price' } });
      expect(english(refused.reason)).toMatch(/predicts a number \("price"\).*has classes to predict/);
    }
    // Without the data (or with regression data) the same files import.
    expect(checkImport(asImport(regFiles)).ok).toBe(true);
    expect(checkImport(asImport(regFiles), reg.data).ok).toBe(true);

    const iris = loadIris();
    const irisModel = modelFromWeights(4, 3, IRIS_CONFIG, initialWeights(4, 3, IRIS_CONFIG));
    const irisFiles = await exportFiles(irisModel, checkpointMeta({ data: iris, source: 'iris', config: IRIS_CONFIG, globalStep: 5 }));
    irisModel.dispose();
    const other = await validateImport(asImport(irisFiles), reg.data);
    expect(other.ok).toBe(false);
    if (!other.ok) {
      expect(other.reason).toMatchObject({ code: 'checkpoint.task-differs', params: { model: 'classification', data: 'regression', target: 'price', classes: iris.classNames } });
      expect(english(other.reason)).toMatch(/predicts a class \(setosa, versicolor, virginica\).*has a number to predict \("price"\)/);
    }
  });

  it('checkTask: a stored checkpoint of either task on data of the other is refused, of the same task allowed', () => {
    const { meta, reg } = regressionMeta();
    const irisMeta = checkpointMeta({ data: loadIris(), source: 'iris', config: IRIS_CONFIG, globalStep: 5 });
    expect(checkTask(meta, reg.data, '').ok).toBe(true);
    expect(checkTask(irisMeta, loadIris(), '').ok).toBe(true);
    const a = checkTask(meta, reg.csv.data, '');
    const b = checkTask(irisMeta, reg.data, '');
    expect([a.ok, b.ok]).toEqual([false, false]);
    if (!a.ok) expect(english(a.reason)).toMatch(/^this model \(trained on houses\.csv\) predicts a number/);
  });
});

describe('a regression model’s history CSV', () => {
  it('has the MAE (the label’s units) where a classifier’s has the accuracy', () => {
    const csv = historyCsv([
      { step: 100, split: 'test', loss: 0.5, mae: 4.25, seconds: 2 },
      { step: 1, split: 'train', loss: 3.5 },
      { step: 100, split: 'train', loss: 0.25, mae: 3.125 },
    ]);
    expect(csv).toBe(['step,split,loss,mae,seconds', '1,train,3.5,,', '100,train,0.25,3.125,', '100,test,0.5,4.25,2', ''].join('\n'));
  });
});
