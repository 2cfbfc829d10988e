// "Export as code": the Python script compiles, carries the run's settings, embeds
// hostile names safely, and encodes CSV rows exactly as the playground does (checked
// by running the script's plain-Python encoder, which needs neither numpy nor TensorFlow).
import { reasonError } from '../../src/shared/result';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointMeta, pythonScript, type CheckpointMeta } from '../../src/ml/checkpoint';
import { pyStr } from '../../src/ml/checkpoint/pyLiteral';
import { encodeRow, isMissing, loadCsv, parseNumber, type LoadedCsv } from '../../src/ml/csv';
import type { ClassificationData } from '../../src/ml/datasets/data';
import type { ModelConfig } from '../../src/shared/types';
import { IRIS_CONFIG, loadIris } from './helpers';

const python = spawnSync('python3', ['--version']).status === 0;
if (!python) console.warn('python3 not found: the checks that run Python are skipped.');

const dir = mkdtempSync(join(tmpdir(), 'checkpoint-python-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function run(args: string[], input?: string) {
  const result = spawnSync('python3', args, { encoding: 'utf8', input, env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  if (result.status !== 0) throw new Error(`python3 ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/** Write the script, py_compile it, and return the values of `names` after running its module body. */
function compileAndRead(script: string, names: string[]): Record<string, unknown> {
  const path = join(dir, `train_${files++}.py`);
  writeFileSync(path, script, 'utf8');
  run(['-m', 'py_compile', path]);
  const out = run(['-c', `import json, runpy, sys\nns = runpy.run_path(sys.argv[1])\nprint(json.dumps({k: ns[k] for k in json.loads(sys.argv[2])}))`, path, JSON.stringify(names)]);
  return JSON.parse(out);
}

/** Call functions of the script's module on JSON arguments: [[name, args], ...] -> results. */
function callPython(script: string, calls: [string, unknown[]][]): unknown[] {
  const path = join(dir, `train_${files++}.py`);
  writeFileSync(path, script, 'utf8');
  const code = 'import json, runpy, sys\nns = runpy.run_path(sys.argv[1])\ncalls = json.load(sys.stdin)\nprint(json.dumps([ns[f](*a) for f, a in calls]))';
  return JSON.parse(run(['-c', code, path], JSON.stringify(calls)));
}

const HOSTILE_CLASSES = ['cl"ass', "o'''k", '\\n', '😀', '"""); import os; os.system("echo pwned"); ("'];

/** A CSV whose column names, categories and classes try to break out of Python literals. */
function hostileCsv(): LoadedCsv {
  const names = ['na"me', "'''x'''", 'back\\slash', 'new\nline', 'ünï 😀 \u2028', '\\"; exit() #', 'label'];
  const cats = ['a"b', 'c\\d', 'é\u2028', "'''", '"""', ' spaced ', 'x\r\ny'];
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [names.map(q).join(',')];
  for (let r = 0; r < 70; r++) {
    const cells = [String(((r * 7) % 13) + 0.5), q(cats[r % cats.length]), r % 9 === 0 ? 'NA' : String(r % 5), q(r % 4 === 0 ? '' : cats[(r * 3) % cats.length]), String(r * 1.25), String(r % 3 === 0 ? '?' : r % 7), q(HOSTILE_CLASSES[r % HOSTILE_CLASSES.length])];
    lines.push(cells.join(','));
  }
  const loaded = loadCsv(new TextEncoder().encode(lines.join('\n')), 'h"ostile\'\'\'\n.csv', { testFraction: 0.25 });
  if (!loaded.ok) throw reasonError(loaded.reason);
  return loaded.value;
}

/** A semicolon file with decimal commas, gaps and numeric class labels (1 and 2.0 are classes 1 and 2). */
function commaCsv(): LoadedCsv {
  const lines = ['size;colour;class'];
  for (let r = 0; r < 40; r++) lines.push(`${r % 6 === 0 ? '' : `${r},${r % 10}`};${['red', 'blue', 'NA'][r % 3]};${['1', '2.0', '3'][r % 3]}`);
  const loaded = loadCsv(new TextEncoder().encode(lines.join('\r\n')), 'comma.csv');
  if (!loaded.ok) throw reasonError(loaded.reason);
  return loaded.value;
}

/** Dates (year first, d.m.y with times, a gap, a day that does not exist), a year column and two singleton classes merged into "other". */
function datedCsv(): LoadedCsv {
  const lines = ['day,when,year,rain,weather'];
  for (let r = 0; r < 40; r++) {
    const day = new Date(Date.UTC(2011, 11, 20 + r * 11)).toISOString().slice(0, 10);
    const when = r === 7 ? '' : `${String((r % 28) + 1)}.${String((r % 12) + 1).padStart(2, '0')}.${r % 2 ? '19' : '2019'} ${r % 24}:05`;
    lines.push(`${r === 3 ? '2024-02-30' : day},${when},${1990 + r},${(r % 5) * 0.4},${['rain', 'sun', 'fog'][r % 3]}`);
  }
  lines.push('2015-07-04,1.1.2020 00:00,2030,0.2,snow', '2016-01-01,2.2.2020 23:59,2031,0.1,hail');
  const loaded = loadCsv(new TextEncoder().encode(lines.join('\n')), 'dated.csv', { rareClasses: 'merge' });
  if (!loaded.ok) throw reasonError(loaded.reason);
  // What the check below is about: two date columns (one with hours), a numeric year, merged classes.
  const { schema } = loaded.value;
  expect(schema.columns.map((c) => [c.kind, c.role])).toEqual([['date', 'feature'], ['date', 'feature'], ['numeric', 'feature'], ['numeric', 'feature'], ['categorical', 'label']]);
  expect(schema.columns[1].date).toMatchObject({ order: 'dmy', parts: ['year', 'month', 'weekday', 'hour'] });
  expect(schema.merged).toEqual(['hail', 'snow']);
  return loaded.value;
}

/** Columns of 1,234.5, 12%, $3 and (12) (issue 19): read as numbers, in Python too. */
function formattedCsv(): LoadedCsv {
  const lines = ['amount,share,price,balance,class'];
  for (let r = 0; r < 40; r++) lines.push(`"${(r * 1037).toLocaleString('en')}.5",${r % 9}%,$${r % 7}.25,${r % 2 ? `(${r})` : r},${['a', 'b'][r % 2]}`);
  const loaded = loadCsv(new TextEncoder().encode(lines.join('\n')), 'formatted.csv');
  if (!loaded.ok) throw reasonError(loaded.reason);
  expect(loaded.value.schema.columns.slice(0, 4).map((c) => [c.kind, c.formatted])).toEqual(Array.from({ length: 4 }, () => ['numeric', true]));
  return loaded.value;
}

function csvMeta(csv: LoadedCsv, config: ModelConfig): CheckpointMeta {
  const { delimiter, encoding, header } = csv.preview;
  return checkpointMeta({ data: csv.data, source: 'csv', config, globalStep: 2000, schema: csv.schema, csvFormat: { delimiter, encoding, header, testFraction: 0.25 } });
}

const mnistData: ClassificationData = {
  name: 'MNIST',
  featureNames: Array.from({ length: 784 }, (_, i) => `pixel ${Math.floor(i / 28)},${i % 28}`),
  classNames: Array.from({ length: 10 }, (_, i) => String(i)),
  train: { features: new Float32Array(784), labels: new Int32Array(1), rows: 1 },
  test: { features: new Float32Array(784), labels: new Int32Array(1), rows: 1 },
};
const MNIST_CONFIG: ModelConfig = { hiddenUnits: [128, 32], optimizer: 'sgd', learningRate: 0.01, batchSize: 100, seed: 7, initializer: 'truncated-normal', reduction: 'mean', activation: 'relu', dropout: 0, l2: 0, classWeight: 'none' };

const RUN_NAMES = ['HIDDEN_UNITS', 'OPTIMIZER', 'LEARNING_RATE', 'BATCH_SIZE', 'STEPS', 'SEED', 'INITIALIZER', 'REDUCTION', 'CLASS_NAMES', 'FEATURE_NAMES', 'DATASET_NAME', 'DATA_FINGERPRINT'];

describe.skipIf(!python)('pythonScript', () => {
  it('Iris: compiles, carries the run, reads the TensorFlow CSV format', () => {
    const meta = checkpointMeta({ data: loadIris(), source: 'iris', config: IRIS_CONFIG, globalStep: 1000 });
    const script = pythonScript(meta, { steps: 2000 });
    const ns = compileAndRead(script, RUN_NAMES);
    expect(ns).toMatchObject({ HIDDEN_UNITS: [10, 20, 10], OPTIMIZER: 'adagrad', LEARNING_RATE: 0.05, BATCH_SIZE: 128, STEPS: 2000, SEED: 42, REDUCTION: 'sum', CLASS_NAMES: meta.classNames, FEATURE_NAMES: meta.featureNames });
    expect(script).toContain('tf.keras.optimizers.Adagrad(learning_rate=LEARNING_RATE, initial_accumulator_value=0.1)');
    expect(script).toContain('tf.keras.initializers.GlorotUniform(seed=SEED + layer)');
    expect(script).toContain('SparseCategoricalCrossentropy(from_logits=True, reduction=REDUCTION)');
    expect(script).toContain('np.loadtxt(path, delimiter=",", skiprows=1');
    expect(script).toContain('tf.distribute.MirroredStrategy()');
    expect(/^[\x20-\x7e\n]*$/.test(script)).toBe(true);
  });

  it('MNIST: compiles, truncated normal kernels, SGD, mean loss, /255', () => {
    const meta = checkpointMeta({ data: mnistData, source: 'mnist', config: MNIST_CONFIG, globalStep: 500 });
    const script = pythonScript(meta, { steps: 2000 });
    const ns = compileAndRead(script, [...RUN_NAMES, 'MNIST_VALIDATION']);
    expect(ns).toMatchObject({ HIDDEN_UNITS: [128, 32], OPTIMIZER: 'sgd', LEARNING_RATE: 0.01, BATCH_SIZE: 100, STEPS: 2000, SEED: 7, REDUCTION: 'sum_over_batch_size', MNIST_VALIDATION: 5000 });
    expect(script).toContain('tf.keras.initializers.TruncatedNormal(mean=0.0, stddev=1.0 / math.sqrt(fan_in), seed=SEED + layer)');
    expect(script).toContain('tf.keras.optimizers.SGD(learning_rate=LEARNING_RATE)');
    expect(script).toContain('tf.keras.datasets.mnist.load_data()');
    expect(script).toContain('/ 255.0');
  });

  it.each([
    ['momentum', 'tf.keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=0.9)'],
    ['adam', 'tf.keras.optimizers.Adam(learning_rate=LEARNING_RATE)'],
    ['rmsprop', 'tf.keras.optimizers.RMSprop(learning_rate=LEARNING_RATE)'],
  ] as const)('optimizer %s', (optimizer, line) => {
    const meta = checkpointMeta({ data: loadIris(), source: 'iris', config: { ...IRIS_CONFIG, optimizer, learningRate: 0.001 }, globalStep: 0 });
    const script = pythonScript(meta, { steps: 10 });
    expect(script).toContain(line);
    expect(compileAndRead(script, ['LEARNING_RATE'])).toEqual({ LEARNING_RATE: 0.001 });
  });

  it('a CSV with hostile names: compiles, every string round-trips, no code runs', () => {
    const csv = hostileCsv();
    const meta = csvMeta(csv, IRIS_CONFIG);
    const script = pythonScript(meta, { steps: 300, csvFileName: 'my "data"\n\'\'\'.csv' });
    expect(script).not.toContain('pwned"');
    const ns = compileAndRead(script, [...RUN_NAMES, 'CSV_FILE', 'COLUMN_NAMES', 'COLUMNS', 'LABEL_INDEX']);
    expect(ns.CLASS_NAMES).toEqual(meta.classNames);
    expect(ns.FEATURE_NAMES).toEqual(meta.featureNames);
    expect(ns.COLUMN_NAMES).toEqual(csv.schema.columns.map((c) => c.name));
    expect(ns.CSV_FILE).toBe('my "data"\n\'\'\'.csv');
    expect(ns.LABEL_INDEX).toBe(csv.schema.labelIndex);
    const features = csv.schema.columns.filter((c) => c.role === 'feature');
    const columns = ns.COLUMNS as { name: string; mean?: number; std?: number; vocabulary?: string[] }[];
    expect(columns.map((c) => c.name)).toEqual(features.map((c) => c.name));
    features.forEach((f, i) => {
      if (f.kind === 'numeric') expect([columns[i].mean, columns[i].std]).toEqual([f.mean, f.std]);
      else expect(columns[i].vocabulary).toEqual(f.vocabulary);
    });
  });

  it.each([['hostile', hostileCsv], ['semicolon with decimal commas', commaCsv], ['dated, with merged classes', datedCsv], ['formatted numbers', formattedCsv]] as const)('the %s CSV encodes in Python exactly as in the playground', (_name, make) => {
    const csv = make();
    const script = pythonScript(csvMeta(csv, IRIS_CONFIG), { steps: 10 });
    const rows = csv.table.rows;
    const label = csv.schema.labelIndex;
    const results = callPython(script, [...rows.map((row): [string, unknown[]] => ['encode_row', [row]]), ...rows.map((row): [string, unknown[]] => ['class_id', [row[label], null]])]);
    const encoded = results.slice(0, rows.length) as number[][];
    const ids = results.slice(rows.length) as number[];
    rows.forEach((row, r) => {
      const expected = Array.from(encodeRow(csv.schema, row));
      expect(encoded[r].length).toBe(expected.length);
      encoded[r].forEach((v, k) => expect(Math.abs(Math.fround(v) - expected[k])).toBeLessThanOrEqual(1e-6));
    });
    // labels.ts's rule: a trimmed label names its class; numeric labels by the number's JS spelling.
    const numeric = csv.schema.classNames.every((c) => !Number.isNaN(parseNumber(c)));
    const expectedIds = rows.map((row) => {
      const cell = row[label];
      if (isMissing(cell)) return -1;
      if (csv.schema.merged?.includes(cell.trim())) return csv.schema.classNames.indexOf('other');
      return csv.schema.classNames.indexOf(numeric ? String(parseNumber(cell, csv.table.delimiter !== ',')) : cell.trim());
    });
    expect(ids).toEqual(expectedIds);
    expect(ids.every((id) => id >= 0)).toBe(true);
  });

  it('names numeric classes as JavaScript writes numbers', () => {
    const script = pythonScript(csvMeta(commaCsv(), IRIS_CONFIG), { steps: 10 });
    const values = [1, 2.5, 100, 0.00001, 0.000001, 1e-7, 1.5e-8, 1e21, 123456789.125, -0.5, 3e-7, 2.5e-6];
    expect(callPython(script, values.map((v): [string, unknown[]] => ['js_number', [v]]))).toEqual(values.map(String));
    expect(callPython(script, [['class_id', ['2,0', null]], ['class_id', [' 1 ', null]], ['class_id', ['NA', null]], ['class_id', ['4', null]]])).toEqual([1, 0, -1, -1]);
  });
});

describe.skipIf(!python)('pyStr', () => {
  it('round-trips quotes, backslashes, newlines, triple quotes, NUL, surrogates and emoji through Python', () => {
    const hostile = ['"', "'", '\\', '\\"', '\n', '\r\n', "'''", '"""', '\0', '\x7f', 'é', '\u2028', '😀', '\ud800', 'a\\\nb', '{x}', '%s', "'\"'''\"\"\"\\"];
    const out = run(['-c', 'import ast, json, sys\nprint(json.dumps([ast.literal_eval(line) for line in sys.stdin.read().split("\\n")]))'], hostile.map(pyStr).join('\n'));
    expect(JSON.parse(out)).toEqual(hostile);
  });
});

describe.skipIf(!python)('steps_per_epoch', () => {
  it('splits the steps into whole Keras epochs of at most 1000 steps', () => {
    const meta = checkpointMeta({ data: loadIris(), source: 'iris', config: IRIS_CONFIG, globalStep: 0 });
    const steps = [1000, 2000, 1337, 997, 5000, 1, 1009];
    const per = callPython(pythonScript(meta, { steps: 10 }), steps.map((n): [string, unknown[]] => ['steps_per_epoch', [n]]));
    expect(per).toEqual([1000, 1000, 191, 997, 1000, 1, 1]);
  });
});

/**
 * Run the script's build_model(4, 3) against a stand-in `tensorflow` module (TensorFlow
 * itself is not needed): it records what Keras would be asked to build, layer by layer.
 */
function builtLayers(script: string): Record<string, unknown>[] {
  const path = join(dir, `train_${files++}.py`);
  writeFileSync(path, script, 'utf8');
  const stub = `
import json, runpy, sys, types
from types import SimpleNamespace as NS

class Sequential:
    def __init__(self, name=None):
        self.layers = []
    def add(self, layer):
        self.layers.append(layer)

def Dense(units, activation=None, kernel_initializer=None, bias_initializer=None, kernel_regularizer=None, name=None):
    return {"class": "Dense", "units": units, "activation": activation, "kernel_regularizer": kernel_regularizer, "name": name}

def Dropout(rate, name=None):
    return {"class": "Dropout", "rate": rate, "name": name}

tf = types.ModuleType("tensorflow")
tf.keras = NS(
    Sequential=Sequential,
    Input=lambda shape: {"class": "Input", "shape": list(shape)},
    layers=NS(Dense=Dense, Dropout=Dropout),
    regularizers=NS(L2=lambda l2: {"L2": l2}),
    initializers=NS(GlorotUniform=lambda seed: None, TruncatedNormal=lambda mean, stddev, seed: None),
)
sys.modules["tensorflow"] = tf
ns = runpy.run_path(sys.argv[1])
print(json.dumps(ns["build_model"](4, 3).layers))
`;
  return JSON.parse(run(['-c', stub, path]));
}

describe.skipIf(!python)('the model controls in the Python script', () => {
  it('the defaults: ReLU, no Dropout layer, no regularizer (the tutorials unchanged)', () => {
    const script = pythonScript(checkpointMeta({ data: loadIris(), source: 'iris', config: IRIS_CONFIG, globalStep: 0 }), { steps: 10 });
    expect(compileAndRead(script, ['ACTIVATION', 'DROPOUT', 'L2'])).toEqual({ ACTIVATION: 'relu', DROPOUT: 0, L2: 0 });
    expect(builtLayers(script)).toEqual([
      { class: 'Input', shape: [4] },
      ...[0, 1, 2].map((i) => ({ class: 'Dense', units: [10, 20, 10][i], activation: 'relu', kernel_regularizer: null, name: `hiddenlayer_${i}` })),
      { class: 'Dense', units: 3, activation: null, kernel_regularizer: null, name: 'logits' },
    ]);
  });

  it.each([
    ['tanh', 0.3, 0.001],
    ['sigmoid', 0.5, 0],
    ['linear', 0, 0.05],
  ] as const)('%s, dropout %f, l2 %f: the same layers as buildClassifier, Keras adds the penalty', (activation, dropout, l2) => {
    const config: ModelConfig = { ...IRIS_CONFIG, hiddenUnits: [8, 6], activation, dropout, l2 };
    const script = pythonScript(checkpointMeta({ data: loadIris(), source: 'iris', config, globalStep: 0 }), { steps: 10 });
    expect(compileAndRead(script, ['ACTIVATION', 'DROPOUT', 'L2'])).toEqual({ ACTIVATION: activation, DROPOUT: dropout, L2: l2 });
    const regularizer = l2 > 0 ? { L2: l2 } : null;
    const hidden = (i: number) => [
      { class: 'Dense', units: [8, 6][i], activation, kernel_regularizer: regularizer, name: `hiddenlayer_${i}` },
      ...(dropout > 0 ? [{ class: 'Dropout', rate: dropout, name: `dropout_${i}` }] : []),
    ];
    expect(builtLayers(script)).toEqual([
      { class: 'Input', shape: [4] },
      ...hidden(0),
      ...hidden(1),
      { class: 'Dense', units: 3, activation: null, kernel_regularizer: regularizer, name: 'logits' },
    ]);
  });
});
