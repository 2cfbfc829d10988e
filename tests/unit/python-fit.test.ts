// The exported Python script trains as the run did (issue #14): a CSV's validation split
// carved from the training rows (stratified, the run's fraction), Keras' EarlyStopping on
// val_loss with restore_best_weights at the run's evaluation rhythm and patience, and
// balanced class weights in fit(). Checked by running the script's main() against a
// stand-in `tensorflow` module that records what Keras is asked to do (TensorFlow itself
// is not on this machine); numpy is needed, so the checks skip without python3 + numpy.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointMeta, pythonScript } from '../../src/ml/checkpoint';
import { loadCsv } from '../../src/ml/csv';
import { classWeights } from '../../src/ml/model/classWeights';
import { reasonError } from '../../src/shared/result';
import type { ModelConfig } from '../../src/shared/types';
import { IRIS_CONFIG, loadIris } from './helpers';

const numpy = spawnSync('python3', ['-c', 'import numpy']).status === 0;
if (!numpy) console.warn('python3 with numpy not found: the exported script’s fit checks are skipped.');

const dir = mkdtempSync(join(tmpdir(), 'python-fit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/**
 * A stand-in tensorflow: every call main() makes, recorded. load_data is replaced by one
 * that returns `rows` rows of fake training data with the labels given (and validation
 * rows when the script's data has them), or, with csv=True, the script's own load_data over
 * a replaced encode_file, so the CSV's validation carving runs for real.
 */
const STUB = `
import json, runpy, sys, types
import numpy as np
from types import SimpleNamespace as NS
from contextlib import nullcontext

log = {}

class Model:
    def __init__(self, name=None):
        self.layers = []
    def add(self, layer): self.layers.append(layer)
    def compile(self, **kw): pass
    def summary(self): pass
    def fit(self, data, **kw):
        log["fit"] = {k: kw.get(k) for k in ("epochs", "steps_per_epoch", "class_weight")}
        log["validation"] = None if kw.get("validation_data") is None else len(kw["validation_data"][1])
        log["callbacks"] = [c for c in kw["callbacks"] if isinstance(c, dict)]
    def evaluate(self, x, y, batch_size=None, verbose=0): return (0.0, 0.0)
    def save(self, path): pass
    def set_weights(self, w): log["set_weights"] = w

class Dataset:
    @staticmethod
    def from_tensor_slices(t): return Dataset()
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
    layers=NS(Dense=lambda *a, **k: None, Dropout=lambda *a, **k: None),
    regularizers=NS(L2=lambda l2: None),
    initializers=NS(GlorotUniform=lambda seed: None, TruncatedNormal=lambda mean, stddev, seed: None),
    utils=NS(set_random_seed=lambda s: None),
    optimizers=NS(Adagrad=lambda *a, **k: None, SGD=lambda *a, **k: None, Adam=lambda *a, **k: None, RMSprop=lambda *a, **k: None),
    losses=NS(SparseCategoricalCrossentropy=lambda **k: None),
    metrics=NS(SparseCategoricalAccuracy=lambda **k: None),
    callbacks=NS(TensorBoard=lambda **k: "tensorboard", EarlyStopping=EarlyStopping),
)
tf.data = NS(Dataset=Dataset)
tf.distribute = NS(get_strategy=lambda: NS(scope=nullcontext))
sys.modules["tensorflow"] = tf

path, spec = sys.argv[1], json.loads(sys.argv[2])
ns = runpy.run_path(path)
g = ns["main"].__globals__
y = np.array(spec["labels"], dtype=np.int32)
x = np.zeros((len(y), 2), dtype=np.float32)
if spec.get("csv"):
    g["encode_file"] = lambda p: (x, y)
else:
    g["load_data"] = lambda args: {"train": (x, y), "test": (x[:3], y[:3]), **({"validation": (x[:5], y[:5])} if spec.get("validation") else {})}
sys.argv = ["train.py", "--model-dir", spec["dir"]]
ns["main"]()
print(json.dumps(log, default=str))
`;

interface FitLog {
  fit: { epochs: number; steps_per_epoch: number; class_weight: Record<string, number> | null };
  validation: number | null;
  callbacks: { kind: string; monitor: string; patience: number; restore_best_weights: boolean }[];
  set_weights?: string;
}

function fitOf(script: string, spec: { labels: number[]; validation?: boolean; csv?: boolean }): FitLog {
  const path = join(dir, `train_${files++}.py`);
  writeFileSync(path, script, 'utf8');
  const result = spawnSync('python3', ['-c', STUB, path, JSON.stringify({ ...spec, dir: join(dir, 'model') })], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 failed:\n${result.stderr}`);
  // main() prints its own lines first; the log is the last one.
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as FitLog;
}

const irisMeta = (config: ModelConfig) => checkpointMeta({ data: loadIris(), source: 'iris', config, globalStep: 0 });
/** 30 rows of class 0, 10 of class 1, 5 of class 2. */
const LABELS = [...Array(30).fill(0), ...Array(10).fill(1), ...Array(5).fill(2)] as number[];

describe.skipIf(!numpy)('the exported script’s fit()', () => {
  it('without early stopping or class weights: whole Keras epochs of the steps, no callback but TensorBoard, no class_weight', () => {
    const log = fitOf(pythonScript(irisMeta(IRIS_CONFIG), { steps: 2000 }), { labels: LABELS });
    expect(log.fit).toEqual({ epochs: 2, steps_per_epoch: 1000, class_weight: null });
    expect(log.callbacks).toEqual([]);
  });

  it('balanced class weights: class_weight as scikit-learn’s balanced weights, equal to the app’s', () => {
    const log = fitOf(pythonScript(irisMeta({ ...IRIS_CONFIG, classWeight: 'balanced' }), { steps: 100 }), { labels: LABELS });
    const app = classWeights('balanced', Int32Array.from(LABELS), 3)!;
    expect(Object.keys(log.fit.class_weight!)).toEqual(['0', '1', '2']);
    Object.values(log.fit.class_weight!).forEach((w, c) => expect(w).toBeCloseTo(app[c], 6));
    expect(log.fit.class_weight!['2']).toBeCloseTo(45 / 15, 9);
  });

  it('early stopping: EarlyStopping(val_loss, the run’s patience, restore_best_weights) at the run’s evaluation rhythm; the best weights also at the last epoch', () => {
    const script = pythonScript(irisMeta(IRIS_CONFIG), { steps: 1005, evalEvery: 10, patience: 25 });
    const log = fitOf(script, { labels: LABELS, validation: true });
    // ceil(1005 / 10) Keras epochs of 10 steps: one evaluation of the validation split every 10 steps, as the run.
    expect(log.fit).toMatchObject({ epochs: 101, steps_per_epoch: 10 });
    expect(log.validation).toBe(5);
    expect(log.callbacks).toEqual([{ kind: 'EarlyStopping', monitor: 'val_loss', patience: 25, restore_best_weights: true }]);
    // The stand-in did not stop early: the script puts the best weights back itself, as the playground does at a run's last step.
    expect(log.set_weights).toBe('best');
  });

  it('early stopping asked for but no validation split (Iris): the plain run, as the app’s notice says', () => {
    const log = fitOf(pythonScript(irisMeta(IRIS_CONFIG), { steps: 2000, evalEvery: 100, patience: 5 }), { labels: LABELS });
    expect(log.fit).toMatchObject({ epochs: 2, steps_per_epoch: 1000 });
    expect(log.callbacks).toEqual([]);
  });

  it('a CSV with a validation split: the script carves the same fraction of the training rows, stratified', () => {
    const lines = ['a,b,label', ...LABELS.map((c, i) => `${i},${i % 3},${['x', 'y', 'z'][c]}`)];
    const loaded = loadCsv(new TextEncoder().encode(lines.join('\n')), 'v.csv', { testFraction: 0.2, validationFraction: 0.2 });
    if (!loaded.ok) throw reasonError(loaded.reason);
    const { data, schema, preview } = loaded.value;
    expect(data.validation?.rows).toBeGreaterThan(0);
    const validationFraction = Math.round((100 * data.validation!.rows) / (data.train.rows + data.validation!.rows)) / 100;
    const meta = checkpointMeta({ data, source: 'csv', config: IRIS_CONFIG, globalStep: 60, schema, csvFormat: { delimiter: preview.delimiter, encoding: preview.encoding, header: preview.header, testFraction: 0.2, validationFraction } });
    const script = pythonScript(meta, { steps: 60, evalEvery: 1, patience: 50 });
    expect(script).toContain(`VALIDATION_FRACTION = ${validationFraction}`);
    const log = fitOf(script, { labels: LABELS, csv: true });
    // 45 rows: test round(30 * .2) + round(10 * .2) + round(5 * .2) = 9; validation of the 36 left: 5 + 2 + 1 = 8.
    expect(log.validation).toBe(8);
    expect(log.fit).toMatchObject({ epochs: 60, steps_per_epoch: 1 });
    expect(log.callbacks).toHaveLength(1);
  });
});
