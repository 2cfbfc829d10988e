/**
 * The judging program (src/ml/program): its embedded arithmetic, run under node:vm as the
 * exported file runs it, against the app's own code for the same inputs — the encoding of
 * a typed row and of a file of rows (src/ml/csv), the fused forward pass (src/ml/fast), the
 * predictions CSV (src/ml/csv/export.ts), the digit pad (src/ml/mnist/preprocess.ts) — and
 * the file itself: its CSP hashes, its size, hostile names kept as text.
 */
import { createHash } from 'node:crypto';
import { runInNewContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/ml/datasets/csv';
import { irisSource } from '../../src/ml/datasets/iris';
import type { DataSource } from '../../src/ml/datasets/source';
import { FastDenseNet, makeFastOptimizer, probabilitiesNet } from '../../src/ml/fast';
import { preprocessDigit } from '../../src/ml/mnist/preprocess';
import { predictionOf } from '../../src/ml/model/metrics';
import { mulberry32 } from '../../src/ml/model/rng';
import { floatsBase64, programData, type ProgramParts } from '../../src/ml/program/build';
import { programCore, programHtml, scriptJson } from '../../src/ml/program/html';
import { cspHash, sha256Bytes } from '../../src/ml/program/sha256';
import type { ProgramData } from '../../src/ml/program/spec';
import { programWords } from '../../src/components/checkpoints/programMessages';
import type { MetricPoint, ModelConfig } from '../../src/shared/types';

/** What the program's core defines, as the file's page script uses it. */
interface Core {
  encodeTyped(texts: string[]): { ok: true; features: Float32Array } | { ok: false; input: number; problem: string };
  judgeRows(features: Float32Array, rows: number, file?: boolean): { classId: number; probabilities: number[] }[];
  readRows(text: string): { columns: string[]; rows: string[][]; features: Float32Array; missing: string[]; flags: { column: string; kind: string }[][] };
  judgeTable(table: ReturnType<Core['readRows']>): ({ classId: number; probabilities: number[] } | null)[];
  predictionsCsv(columns: string[], rows: string[][], judged: ReturnType<Core['judgeTable']>, flags?: { column: string; kind: string }[][]): string;
  readDigit(ink: Float32Array, width: number, height: number): Float32Array | null;
  csvCell(value: string): string;
}

function runCore(data: ProgramData): Core {
  const names = 'encodeTyped, judgeRows, readRows, judgeTable, predictionsCsv, readDigit, csvCell';
  return runInNewContext(`${programCore(data)}\n;({ ${names} })`, { atob }) as Core;
}

/** Seeded weights of a [widths] network in getWeights() order, and the app's fused net holding them. */
function network(widths: number[], seed: number): { weights: Float32Array[]; net: FastDenseNet } {
  const random = mulberry32(seed);
  const weights = widths.slice(1).flatMap((out, l) => [
    Float32Array.from({ length: widths[l] * out }, () => (random() - 0.5) * (2 / Math.sqrt(widths[l]))),
    Float32Array.from({ length: out }, () => (random() - 0.5) * 0.2),
  ]);
  const net = new FastDenseNet({ widths, optimizer: makeFastOptimizer('adagrad', 0.05) });
  net.setWeights(weights);
  return { weights, net };
}

function partsOf(source: DataSource, config: ModelConfig, weights: Float32Array[]): ProgramParts {
  return { source, config, weights, globalStep: 10, history: { points: [], evaluations: [] }, lang: 'en', baselines: null, cv: null, now: new Date('2026-12-01T12:00:00Z') };
}

const maxDiff = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

const IRIS_ROWS = [
  [5.1, 3.5, 1.4, 0.2, 0],
  [7.0, 3.2, 4.7, 1.4, 1],
  [6.3, 3.3, 6.0, 2.5, 2],
  [4.9, 3.0, 1.4, 0.2, 0],
  [6.4, 3.2, 4.5, 1.5, 1],
  [5.8, 2.7, 5.1, 1.9, 2],
];

function irisLike(): DataSource {
  const features = Float32Array.from(IRIS_ROWS.flatMap((r) => r.slice(0, 4)));
  const labels = Int32Array.from(IRIS_ROWS.map((r) => r[4]));
  const split = { features, labels, rows: IRIS_ROWS.length };
  return irisSource({ name: 'Iris (tf.estimator tutorial)', featureNames: ['sepal length', 'sepal width', 'petal length', 'petal width'], classNames: ['setosa', 'versicolor', 'virginica'], train: split, test: split });
}

const HOSTILE = {
  html: '<img src=x onerror=alert(1)>',
  script: '</script><script>alert(2)</script>',
  formula: "=cmd|' /C calc'!A0",
};

/** A CSV with numeric, categorical (with gaps) and date columns, and hostile column and class names. */
function hostileCsv(): string {
  const head = ['weight', HOSTILE.html, 'colour', 'day', 'kind'];
  const colours = ['red', 'blue', '', 'NA', HOSTILE.formula];
  const kinds = [HOSTILE.script, '+SUM(1)', 'plain'];
  const rows = Array.from({ length: 30 }, (_, i) => [
    i % 7 === 0 ? '' : String(40 + ((i * 37) % 23) + (i % 3) * 0.5),
    i % 5 === 0 ? '?' : String((i * 13) % 17),
    colours[i % colours.length],
    i % 9 === 0 ? '' : `2024-0${1 + (i % 9)}-${10 + (i % 18)}`,
    kinds[i % 3],
  ]);
  const cell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [head, ...rows].map((r) => r.map(cell).join(',')).join('\n');
}

const ctx = { fetchBytes: async () => new Uint8Array(), progress: () => {} };

describe('the program arithmetic equals the app', () => {
  it('Iris: a typed row gives the app prediction (fused forward pass, float64 softmax)', () => {
    const source = irisLike();
    const { weights, net } = network([4, 10, 20, 10, 3], 1);
    const core = runCore(programData(partsOf(source, modelOf([10, 20, 10]), weights)));
    for (const row of [[6.4, 3.2, 4.5, 1.5], [5.8, 3.1, 5.0, 1.7], [0, 0, 0, 0], [100, -3, 0.001, 7]]) {
      const texts = row.map(String);
      const app = predictionOf(net.predict(orThrow(source.encodeInput(texts)), 1), source.data.classNames);
      const typed = core.encodeTyped(texts);
      expect(typed.ok).toBe(true);
      if (!typed.ok) continue;
      const [judged] = core.judgeRows(typed.features, 1);
      expect(judged.classId).toBe(app.classId);
      expect(maxDiff(Array.from(judged.probabilities), app.probabilities)).toBeLessThan(1e-12);
    }
    // The tutorial's own iris_test.csv (a header of counts) is read by position; a row with a word judges nothing.
    const table = core.readRows('30,4,setosa,versicolor,virginica\n6.4,3.2,4.5,1.5,1\nx,3.0,4.2,1.5,1\n');
    expect(table.missing).toEqual([]);
    const [first, second] = core.judgeTable(table);
    expect(first?.classId).toBe(predictionOf(net.predict(Float32Array.of(6.4, 3.2, 4.5, 1.5), 1), source.data.classNames).classId);
    expect(second).toBeNull();
    // The form refuses what the app's form refuses (an empty or non-number field).
    for (const bad of ['', 'abc', 'Infinity']) {
      expect(source.encodeInput([bad, '1', '1', '1']).ok).toBe(false);
      expect(core.encodeTyped([bad, '1', '1', '1'])).toMatchObject({ ok: false, input: 0, problem: 'number' });
    }
  });

  it('a CSV with categorical, missing and date cells: typed rows, edge cells and a file of rows', async () => {
    const text = hostileCsv();
    const source = await openCsv(Object.assign(new Blob([text]), { name: 'hostile.csv' }), undefined, { labelColumn: 'kind', validationFraction: 0 }, ctx);
    const schema = source.record.schema!;
    expect(schema.columns.map((c) => `${c.name}:${c.role}:${c.kind}`)).toEqual([`weight:feature:numeric`, `${HOSTILE.html}:feature:numeric`, 'colour:feature:categorical', 'day:feature:date', 'kind:label:categorical']);
    const widths = [schema.featureNames.length, 8, 5, source.data.classNames.length];
    const { weights, net } = network(widths, 2);
    const data = programData(partsOf(source, modelOf([8, 5]), weights));
    const core = runCore(data);
    // Edge cells in every field: gaps, decimal commas, huge numbers, hex, unknown categories, bad dates.
    const cells = ['', ' ', 'NA', '?', '-', '.', '45', ' 45.5 ', '5,1', '1e309', 'Infinity', '0x1F', 'abc', '-0', '1e-300'];
    const categories = ['red', ' blue ', '', 'NA', 'green', HOSTILE.formula];
    const dates = ['2024-03-01', '01/03/2024', '2024-02-30', '', 'NA', '2024-03-01 13:45', 'soon'];
    let compared = 0;
    for (const a of cells) {
      for (const [k, c] of categories.entries()) {
        const typed = [a, cells[(k * 5) % cells.length], c, dates[(k + cells.indexOf(a)) % dates.length]];
        const app = source.encodeInput(typed);
        const program = core.encodeTyped(typed);
        expect(program.ok, JSON.stringify(typed)).toBe(app.ok);
        if (!app.ok || !program.ok) continue;
        expect(Array.from(program.features)).toEqual(Array.from(app.value));
        const expected = predictionOf(net.predict(app.value, 1), source.data.classNames);
        const [judged] = core.judgeRows(program.features, 1);
        expect(judged.classId).toBe(expected.classId);
        expect(maxDiff(Array.from(judged.probabilities), expected.probabilities)).toBeLessThan(1e-12);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);

    // A file of rows: the same predictions CSV as the app's download, to the byte.
    const rows = `${text}\n41,3,purple,2025-12-31,${HOSTILE.script.replace(/"/g, '')}\n`;
    const app = await source.predictFile!(new TextEncoder().encode(rows), 'rows.csv', async (features, n) => probabilitiesNet(net, features, n));
    expect(app.ok).toBe(true);
    const table = core.readRows(rows);
    expect(table.missing).toEqual([]);
    const csv = core.predictionsCsv(table.columns, table.rows, core.judgeTable(table), table.flags);
    if (app.ok) expect(csv).toBe(app.value.csv);
    // The formula payloads are written as text for spreadsheets.
    expect(csv).toContain(`'${HOSTILE.formula}`);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
  });

  it('a file of rows without an input column names it', async () => {
    const source = await openCsv(Object.assign(new Blob([hostileCsv()]), { name: 'h.csv' }), undefined, { labelColumn: 'kind', validationFraction: 0 }, ctx);
    const schema = source.record.schema!;
    const { weights } = network([schema.featureNames.length, 3, source.data.classNames.length], 3);
    const core = runCore(programData(partsOf(source, modelOf([3]), weights)));
    expect(core.readRows('weight,colour\n1,red\n').missing).toEqual([HOSTILE.html, 'day']);
  });

  it('MNIST-shaped network (784-128-32-10) and the digit pad', () => {
    const { weights, net } = network([784, 128, 32, 10], 4);
    const data: ProgramData = {
      version: 1,
      encoding: 'pixels',
      lang: 'en',
      stem: 'mnist-classifier',
      inputs: [],
      classNames: Array.from({ length: 10 }, (_, i) => String(i)),
      network: { widths: [784, 128, 32, 10], activation: 'relu', weights: weights.map(floatsBase64) },
      card: programData(partsOf(irisLike(), modelOf([10, 20, 10]), network([4, 10, 20, 10, 3], 1).weights)).card,
    };
    const core = runCore(data);
    // A drawn stroke, read by the app's preprocessing and by the program's.
    const ink = new Float32Array(280 * 280);
    for (let t = 0; t < 200; t++) {
      const x = Math.round(90 + 60 * Math.cos(t / 30)), y = Math.round(60 + t * 0.8);
      for (let dx = -9; dx <= 9; dx++) for (let dy = -9; dy <= 9; dy++) if (dx * dx + dy * dy <= 81) ink[(y + dy) * 280 + x + dx] = 1;
    }
    const app = preprocessDigit(ink, 280, 280);
    expect(app.ok).toBe(true);
    const pixels = core.readDigit(ink, 280, 280)!;
    if (app.ok) expect(Array.from(pixels)).toEqual(Array.from(app.value.pixels));
    expect(core.readDigit(new Float32Array(280 * 280), 280, 280)).toBeNull();
    const expected = predictionOf(net.predict(pixels, 1), data.classNames);
    const [judged] = core.judgeRows(pixels, 1);
    expect(judged.classId).toBe(expected.classId);
    expect(maxDiff(Array.from(judged.probabilities), expected.probabilities)).toBeLessThan(1e-12);
    const html = programHtml(data, programWords);
    expect(new TextEncoder().encode(html).length).toBeLessThan(1_000_000);
  });
});

describe('the model card', () => {
  it('carries the newest evaluation of each split, the cross-validation and baselines shown, and thinned curves', () => {
    const { weights } = network([4, 10, 20, 10, 3], 1);
    const evaluation = (split: 'train' | 'test', globalStep: number, accuracy: number) => ({ split, accuracy, averageLoss: 0.1, loss: 1, globalStep, examples: 30, correct: 29, confusion: [[1]] });
    const points: MetricPoint[] = Array.from({ length: 1000 }, (_, i) => ({ step: i + 1, split: 'train' as const, loss: 1 / (i + 1) }));
    const cv = { folds: 5, rows: 150, steps: 2000, seed: 42, results: [], accuracy: { mean: 0.97, sd: 0.015 }, averageLoss: { mean: 0.1, sd: 0.01 }, macroF1: { mean: 0.97, sd: 0.01 } };
    const baselines = { testRows: 30, trainRows: 120, majority: { accuracy: 0.27, classIndex: 0, ms: 1 }, logistic: { accuracy: 0.97, steps: 1, epochs: 1, ms: 1 }, forest: { accuracy: 0.97, trees: 30, rows: 120, features: 2, ms: 1 } };
    const { card } = programData({
      ...partsOf(irisLike(), modelOf([10, 20, 10]), weights),
      history: { points, evaluations: [evaluation('test', 100, 0.5), evaluation('train', 200, 0.9), evaluation('test', 200, 0.9667)] },
      cv,
      baselines,
    });
    expect(card.evaluations.map((e) => [e.split, e.globalStep, e.accuracy])).toEqual([['train', 200, 0.9], ['test', 200, 0.9667]]);
    expect(card.evaluations.every((e) => e.confusion === undefined)).toBe(true);
    expect(card.cv).toEqual({ folds: 5, rows: 150, accuracy: { mean: 0.97, sd: 0.015 } });
    expect(card.baselines).toEqual(baselines);
    expect(card.parameters).toBe(4 * 10 + 10 + 10 * 20 + 20 + 20 * 10 + 10 + 10 * 3 + 3);
    const [loss] = card.curves;
    expect(loss).toMatchObject({ kind: 'loss', split: 'train' });
    expect(loss.points.length).toBeLessThanOrEqual(101);
    expect(loss.points[0]).toEqual([1, 1]);
    expect(loss.points[loss.points.length - 1]).toEqual([1000, 0.001]);
  });
});

describe('the file', () => {
  it('sha256 equals node:crypto (block boundaries, UTF-8)', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000), '판정 프로그램 ✓']) {
      const bytes = new TextEncoder().encode(text);
      expect(Buffer.from(sha256Bytes(bytes)).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('holds a CSP that allows only its own script and style, by hash; hostile names stay text', async () => {
    const source = await openCsv(Object.assign(new Blob([hostileCsv()]), { name: 'hostile.csv' }), undefined, { labelColumn: 'kind', validationFraction: 0 }, ctx);
    const schema = source.record.schema!;
    const { weights } = network([schema.featureNames.length, 4, source.data.classNames.length], 5);
    const html = programHtml(programData(partsOf(source, modelOf([4]), weights)), programWords);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/^default-src 'none'; /);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    const node = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    expect(csp).toContain(`script-src ${node(scripts[0])};`);
    expect(csp).toContain(`style-src ${node(styles[0])};`);
    expect(cspHash(scripts[0])).toBe(node(scripts[0]));
    // Names from the data never become markup: one script element, no <img, no closing tag of the data's.
    expect(html.split('</script>')).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(scripts[0]).toContain(scriptJson(HOSTILE.script));
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });

  it('Iris is under 40 KB; the file is named after the data set and label', async () => {
    const { weights } = network([4, 10, 20, 10, 3], 1);
    // The tutorial's run: a training loss every step, train and test evaluated every 100 steps.
    const points: MetricPoint[] = Array.from({ length: 2000 }, (_, i) => ({ step: i + 1, split: 'train' as const, loss: 1 / (i + 1) + Math.random() * 0.01 }));
    for (let step = 100; step <= 2000; step += 100) for (const split of ['train', 'test'] as const) points.push({ step, split, loss: 1 / step, accuracy: 0.9 + Math.random() * 0.1 });
    const data = programData({ ...partsOf(irisLike(), modelOf([10, 20, 10]), weights), history: { points, evaluations: [] } });
    expect(data.stem).toBe('iris-tf-estimator-tutorial-classifier');
    const html = programHtml(data, programWords);
    expect(new TextEncoder().encode(html).length).toBeLessThan(40_000);
    // The whole script, page included, still parses after its comments are taken out.
    expect(() => new Script(/<script>([\s\S]*?)<\/script>/.exec(html)![1])).not.toThrow();
    const penguins = await openCsv(Object.assign(new Blob(['bill,flipper,species\n' + Array.from({ length: 12 }, (_, i) => `${30 + ((i * 7) % 11)}.5,${180 + ((i * 5) % 13)}.25,${i % 2 ? "Adelie" : "Gentoo"}`).join('\n')]), { name: 'penguins.csv' }), undefined, {}, ctx);
    expect(programData(partsOf(penguins, modelOf([3]), network([2, 3, 2], 1).weights)).stem).toBe('penguins-species-classifier');
  });
});

function modelOf(hiddenUnits: number[]): ModelConfig {
  return { hiddenUnits, optimizer: 'adagrad', learningRate: 0.05, batchSize: 32, seed: 42, initializer: 'glorot-uniform', reduction: 'sum', activation: 'relu', dropout: 0, l2: 0, classWeight: 'none' };
}

function orThrow<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error('refused');
  return result.value;
}
