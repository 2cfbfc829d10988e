// The exported Python script of a regression model (issue #16): DNNRegressor's head in Keras
// (the same hidden layers, Dense(1) linear named "logits", mean squared error of the
// standardised label with the run's reduction, no class weights), the target's mean and sd
// written exactly, the label read as a number as the app reads it, and RMSE / MAE / R² in
// the label's units. TensorFlow is not on this machine: main() runs against a stand-in
// `tensorflow` (and a stand-in `pandas` that reads the CSV with Python's csv module) that
// records what Keras is asked to do, as tests/unit/python-fit.test.ts does; numpy is
// needed, so those checks skip without python3 + numpy.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointMeta, pythonScript, type CheckpointMeta } from '../../src/ml/checkpoint';
import { encodeRow, isMissing, parseNumber } from '../../src/ml/csv';
import { regressionMetrics, standardizeTarget, unstandardize } from '../../src/ml/model/regression';
import type { ModelConfig } from '../../src/shared/types';
import { housesCsv, regressionCsv, REGRESSION_CONFIG } from './regressionData';

const python = spawnSync('python3', ['--version']).status === 0;
const numpy = python && spawnSync('python3', ['-c', 'import numpy']).status === 0;
if (!numpy) console.warn('python3 with numpy not found: the regression script’s run checks are skipped.');

const dir = mkdtempSync(join(tmpdir(), 'python-regression-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function writeScript(script: string): string {
  const path = join(dir, `train_${files++}.py`);
  writeFileSync(path, script, 'utf8');
  return path;
}

function run(args: string[], input?: string): string {
  const result = spawnSync('python3', args, { encoding: 'utf8', input, env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  if (result.status !== 0) throw new Error(`python3 ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

/** The script's module body run, then calls [[name, args], ...] on JSON arguments. */
function callPython(script: string, calls: [string, unknown[]][]): unknown[] {
  const code = 'import json, math, runpy, sys\nns = runpy.run_path(sys.argv[1])\ncalls = json.load(sys.stdin)\nout = [ns[f](*a) for f, a in calls]\nprint(json.dumps([None if isinstance(v, float) and math.isnan(v) else v for v in out]))';
  return JSON.parse(run(['-c', code, writeScript(script)], JSON.stringify(calls)));
}

/**
 * Stand-ins for tensorflow and pandas; every Keras call main() makes is recorded. The model's
 * predict() is z = 0.5 * x[:, 0] + 0.1 (float64), so the metrics it prints can be checked.
 * spec.csv: the script's own load_data over the CSV file; else load_data returns spec's rows.
 */
const STUB = `
import csv, json, runpy, sys, types
import numpy as np
from types import SimpleNamespace as NS
from contextlib import nullcontext

log = {"dense": [], "dropout": 0}

class Model:
    def __init__(self, name=None): pass
    def add(self, layer): pass
    def compile(self, **kw): log["compile"] = {"loss": kw["loss"], "metrics": kw["metrics"]}
    def summary(self): pass
    def fit(self, data, **kw):
        log["fit"] = {k: kw.get(k) for k in ("epochs", "steps_per_epoch", "class_weight")}
        log["validation"] = None if kw.get("validation_data") is None else len(kw["validation_data"][1])
        log["callbacks"] = [c for c in kw["callbacks"] if isinstance(c, dict)]
    def predict(self, x, batch_size=None, verbose=0):
        return (0.5 * x[:, 0].astype(np.float64) + 0.1).reshape(-1, 1)
    def evaluate(self, *a, **k): raise AssertionError("a regressor is evaluated by predict()")
    def save(self, path): pass
    def set_weights(self, w): log["set_weights"] = w

def dense(units, activation=None, name=None, **k):
    log["dense"].append({"units": units, "activation": activation, "name": name})

class Dataset:
    @staticmethod
    def from_tensor_slices(t):
        log["y_dtype"] = str(t[1].dtype)
        return Dataset()
    def shuffle(self, *a, **k): return self
    def repeat(self): return self
    def batch(self, n): return self

class EarlyStopping(dict):
    def __init__(self, **kw):
        super().__init__(kind="EarlyStopping", **kw)
        self.stopped_epoch = 0
        self.best_weights = "best"

tf = types.ModuleType("tensorflow")
tf.keras = NS(
    Sequential=Model,
    Input=lambda shape: None,
    layers=NS(Dense=dense, Dropout=lambda *a, **k: log.__setitem__("dropout", log["dropout"] + 1)),
    regularizers=NS(L2=lambda l2: None),
    initializers=NS(GlorotUniform=lambda seed: None, TruncatedNormal=lambda mean, stddev, seed: None),
    utils=NS(set_random_seed=lambda s: None),
    optimizers=NS(Adagrad=lambda *a, **k: "Adagrad", SGD=lambda *a, **k: "SGD", Adam=lambda *a, **k: "Adam", RMSprop=lambda *a, **k: "RMSprop"),
    losses=NS(MeanSquaredError=lambda **k: {"kind": "MeanSquaredError", **k}, SparseCategoricalCrossentropy=lambda **k: {"kind": "SparseCategoricalCrossentropy", **k}),
    metrics=NS(MeanAbsoluteError=lambda **k: {"kind": "MeanAbsoluteError", **k}, SparseCategoricalAccuracy=lambda **k: {"kind": "SparseCategoricalAccuracy", **k}),
    callbacks=NS(TensorBoard=lambda **k: "tensorboard", EarlyStopping=EarlyStopping),
)
tf.data = NS(Dataset=Dataset)
tf.distribute = NS(get_strategy=lambda: NS(scope=nullcontext))
sys.modules["tensorflow"] = tf

class Frame:
    def __init__(self, rows): self.rows = rows
    def fillna(self, v): return self
    @property
    def values(self): return NS(tolist=lambda: self.rows)

def read_csv(path, sep=",", encoding="utf-8", **k):
    with open(path, newline="", encoding=encoding) as f:
        return Frame([r for r in csv.reader(f, delimiter=sep) if r])

pd = types.ModuleType("pandas")
pd.read_csv = read_csv
sys.modules["pandas"] = pd

path, spec = sys.argv[1], json.loads(sys.argv[2])
ns = runpy.run_path(path)
g = ns["main"].__globals__
if spec.get("csv") is None:
    x = np.array(spec["x"], dtype=np.float32)
    y = np.array(spec["y"], dtype=np.float32)
    g["load_data"] = lambda args: {"train": (x, y), "test": (x, y), **({"validation": (x[:5], y[:5])} if spec.get("validation") else {})}
    sys.argv = ["train.py", "--model-dir", spec["dir"]]
else:
    log["encoded"] = [a.tolist() for a in g["encode_file"](spec["csv"])]
    sys.argv = ["train.py", "--model-dir", spec["dir"], "--csv", spec["csv"]]
ns["main"]()
print(json.dumps(log, default=str))
`;

interface RunLog {
  dense: { units: number; activation: string | null; name: string }[];
  dropout: number;
  compile: { loss: Record<string, unknown>; metrics: Record<string, unknown>[] };
  fit: { epochs: number; steps_per_epoch: number; class_weight: unknown };
  validation: number | null;
  callbacks: { kind: string; monitor: string; patience: number; restore_best_weights: boolean }[];
  y_dtype: string;
  encoded?: [number[][], number[]];
  set_weights?: string;
}

/** main() under the stand-ins: what Keras was asked and the lines it printed, by split. */
function runMain(script: string, spec: { x?: number[][]; y?: number[]; validation?: boolean; csv?: string }, modelDir = join(dir, `model_${files}`)) {
  const result = spawnSync('python3', ['-c', STUB, writeScript(script), JSON.stringify({ ...spec, dir: modelDir })], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 failed:\n${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  const printed = new Map<string, { rmse: number; mae: number; r2: number; examples: number }>();
  for (const line of lines) {
    const m = /^(train|validation|test): rmse = (\S+), mae = (\S+), r2 = (\S+) \((\d+) examples, price\)$/.exec(line);
    if (m) printed.set(m[1], { rmse: Number(m[2]), mae: Number(m[3]), r2: Number(m[4]), examples: Number(m[5]) });
  }
  return { log: JSON.parse(lines.at(-1)!) as RunLog, printed, modelDir };
}

function regressionMeta(config: ModelConfig = REGRESSION_CONFIG, validationFraction = 0): { meta: CheckpointMeta; reg: ReturnType<typeof regressionCsv> } {
  const reg = regressionCsv();
  const meta = checkpointMeta({ data: reg.data, source: 'csv', config, globalStep: 400, schema: reg.schema, csvFormat: { delimiter: ',', encoding: 'utf-8', header: 'names', testFraction: 0.25, validationFraction } });
  return { meta, reg };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));

describe.skipIf(!python)('a regression model’s Python script', () => {
  it('compiles and writes the target exactly; the label is read as the app reads a number', () => {
    const { meta, reg } = regressionMeta();
    const script = pythonScript(meta, { steps: 400 });
    const path = writeScript(script);
    run(['-m', 'py_compile', path]);
    const values = JSON.parse(run(['-c', 'import json, runpy, sys\nns = runpy.run_path(sys.argv[1])\nprint(json.dumps({k: ns[k] for k in ["TASK", "TARGET_NAME", "TARGET_MEAN", "TARGET_SD", "TARGET_RANGE", "CLASS_NAMES", "REDUCTION"]}))', path]));
    const t = reg.data.target!;
    expect(values).toEqual({ TASK: 'regression', TARGET_NAME: 'price', TARGET_MEAN: t.mean, TARGET_SD: t.sd, TARGET_RANGE: [t.min, t.max], CLASS_NAMES: ['price'], REDUCTION: 'sum' });
    const cells = ['100.25', ' 7 ', '-3.5e2', 'NA', '', '?', 'abc', '1e309', '0x10', '5,1', '1,234.5'];
    const read = callPython(script, cells.map((c) => ['target_value', [c]]));
    expect(read).toEqual(cells.map((c) => {
      const v = isMissing(c) ? NaN : parseNumber(c, false);
      return Number.isNaN(v) ? null : v;
    }));
    // A classifier's script keeps its head: no target, softmax cross-entropy.
    const classifier = pythonScript(checkpointMeta({ data: reg.csv.data, source: 'csv', config: REGRESSION_CONFIG, globalStep: 1, schema: reg.csv.schema }), { steps: 10 });
    expect(classifier).toContain('TASK = "classification"');
    expect(classifier).not.toContain('TARGET_MEAN = ');
    expect(classifier).not.toContain('MeanSquaredError');
  });

  it('a hostile label name stays a string literal', () => {
    const label = '"""); import os; os.system("echo pwned") # 가격 😀\\';
    const text = housesCsv().replace('price', `"${label.replace(/"/g, '""')}"`);
    const reg = regressionCsv(text, 'h.csv', label);
    const meta = checkpointMeta({ data: reg.data, source: 'csv', config: REGRESSION_CONFIG, globalStep: 1, schema: reg.schema });
    const path = writeScript(pythonScript(meta, { steps: 1 }));
    run(['-m', 'py_compile', path]);
    const values = JSON.parse(run(['-c', 'import json, runpy, sys\nns = runpy.run_path(sys.argv[1])\nprint(json.dumps([ns["TARGET_NAME"], ns["CLASS_NAMES"], ns["COLUMN_NAMES"]]))', path]));
    expect(values).toEqual([label, [label], ['rooms', 'district', label]]);
  });

  it.skipIf(!numpy)('main(): Dense(1) linear "logits", MSE with the run’s reduction, no class weights; RMSE/MAE/R² in the label’s units', () => {
    const { meta, reg } = regressionMeta({ ...REGRESSION_CONFIG, classWeight: 'balanced', dropout: 0.2 });
    const { test } = reg.data;
    const inputs = reg.data.featureNames.length;
    const x = Array.from({ length: test.rows }, (_, r) => Array.from(test.features.subarray(r * inputs, (r + 1) * inputs)));
    const y = Array.from(test.targets!);
    const { log, printed, modelDir } = runMain(pythonScript(meta, { steps: 400 }), { x, y });
    expect(log.dense).toEqual([
      { units: 5, activation: 'relu', name: 'hiddenlayer_0' },
      { units: 3, activation: 'relu', name: 'hiddenlayer_1' },
      { units: 1, activation: null, name: 'logits' },
    ]);
    expect(log.dropout).toBe(2);
    expect(log.compile.loss).toEqual({ kind: 'MeanSquaredError', reduction: 'sum' });
    expect(log.compile.metrics).toEqual([{ kind: 'MeanAbsoluteError', name: 'mae' }]);
    expect(log.fit).toEqual({ epochs: 1, steps_per_epoch: 400, class_weight: null });
    expect(log.y_dtype).toBe('float32');
    // The stand-in predicts z = 0.5 x0 + 0.1; the script reports it in the label's units, as the app would.
    const target = reg.data.target!;
    const predicted = x.map((row) => unstandardize(0.5 * row[0] + 0.1, target));
    const actual = y.map((z) => unstandardize(z, target));
    const app = regressionMetrics(predicted, actual);
    const test_ = printed.get('test')!;
    expect(test_.examples).toBe(test.rows);
    expect([close(test_.rmse, app.rmse), close(test_.mae, app.mae), close(test_.r2, app.r2)]).toEqual([true, true, true]);
    expect(app.rmse).toBeGreaterThan(0);
    // The test rows' predictions, in the label's units.
    const rows = readFileSync(join(modelDir, 'test_predictions.csv'), 'utf8').trim().split(/\r?\n/);
    expect(rows[0]).toBe('price,predicted price');
    expect(rows).toHaveLength(test.rows + 1);
    rows.slice(1).forEach((line, r) => {
      const [a, p] = line.split(',').map(Number);
      expect(close(a, actual[r]) && close(p, predicted[r])).toBe(true);
    });
    // The mean reduction is Keras' sum_over_batch_size, as for the classifier.
    const mean = runMain(pythonScript(regressionMeta({ ...REGRESSION_CONFIG, reduction: 'mean' }).meta, { steps: 10 }), { x, y });
    expect(mean.log.compile.loss).toEqual({ kind: 'MeanSquaredError', reduction: 'sum_over_batch_size' });
  });

  it.skipIf(!numpy)('main() on the CSV: the rows encoded as the app encodes them, labels standardised, validation carved, early stopping as the classifier’s', () => {
    const text = housesCsv();
    const csvPath = join(dir, 'houses.csv');
    writeFileSync(csvPath, text, 'utf8');
    const { meta, reg } = regressionMeta(REGRESSION_CONFIG, 0.2);
    const { log, printed } = runMain(pythonScript(meta, { steps: 50, evalEvery: 5, patience: 3 }), { csv: csvPath });
    const rows = text.split('\n').slice(1).map((line) => line.split(','));
    const [xs, ys] = log.encoded!;
    expect(xs).toEqual(rows.map((cells) => Array.from(encodeRow(reg.schema, cells))));
    const z = standardizeTarget(rows.map((cells) => Number(cells[2])), reg.data.target!);
    expect(ys).toEqual(Array.from(z));
    // 24 rows: round(24 * 0.25) = 6 test rows; of the 18 left, round(18 * 0.2) = 4 for validation.
    expect([printed.get('train')?.examples, printed.get('validation')?.examples, printed.get('test')?.examples]).toEqual([14, 4, 6]);
    expect(log.validation).toBe(4);
    expect(log.fit).toMatchObject({ epochs: 10, steps_per_epoch: 5, class_weight: null });
    expect(log.callbacks).toEqual([{ kind: 'EarlyStopping', monitor: 'val_loss', patience: 3, restore_best_weights: true }]);
    expect(log.set_weights).toBe('best');
  });
});
