/**
 * The judging program of a regression model (issue #16): its core run under node:vm (as
 * tests/unit/program.test.ts runs it) against the app's arithmetic for the same weights —
 * the fused forward pass's one output o, shown as o * sd + mean — for typed rows and a file
 * of rows, the predictions CSV's number column; and its page run against a small stand-in
 * DOM: the prediction's data-value and text, the batch table and download, the card's
 * RMSE / MAE / R² and regression baselines.
 */
import { runInNewContext, Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { programWords } from '../../src/components/checkpoints/programMessages';
import { encodeRow } from '../../src/ml/csv';
import { openCsv } from '../../src/ml/datasets/csv';
import type { DataSource } from '../../src/ml/datasets/source';
import { FastDenseNet, makeFastOptimizer } from '../../src/ml/fast';
import { initialWeights } from '../../src/ml/model/model';
import { unstandardize } from '../../src/ml/model/regression';
import { programData, type ProgramParts } from '../../src/ml/program/build';
import { programCore, programHtml, programScript } from '../../src/ml/program/html';
import type { ProgramData } from '../../src/ml/program/spec';
import type { CsvChoices, Evaluation, MetricPoint, RegressionBaselines } from '../../src/shared/types';
import { asRegressionData, housesCsv, REGRESSION_CONFIG } from './regressionData';

interface Judged {
  value: number;
}

interface Core {
  encodeTyped(texts: string[]): { ok: true; features: Float32Array } | { ok: false; input: number; problem: string };
  judgeRows(features: Float32Array, rows: number, file?: boolean): Judged[];
  readRows(text: string): { columns: string[]; rows: string[][]; features: Float32Array; missing: string[]; flags: { column: string; kind: string }[][] };
  judgeTable(table: ReturnType<Core['readRows']>): (Judged | null)[];
  predictionsCsv(columns: string[], rows: string[][], judged: (Judged | null)[], flags?: { column: string; kind: string }[][]): string;
}

function runCore(data: ProgramData): Core {
  return runInNewContext(`${programCore(data)}\n;({ encodeTyped, judgeRows, readRows, judgeTable, predictionsCsv })`, { atob }) as Core;
}

const ctx = { fetchBytes: async () => new Uint8Array(), progress: () => {} };

/** The houses CSV opened as the app opens a file, with its data turned into a regression on price (the contract's shape). */
async function housesSource(): Promise<DataSource> {
  const choices: CsvChoices = { labelColumn: 'price', validationFraction: 0, task: 'classification' };
  const source = await openCsv(Object.assign(new Blob([housesCsv()]), { name: 'houses.csv' }), undefined, choices, ctx);
  return { ...source, data: asRegressionData(source.data, 'price').data };
}

/** initialWeights of the regression network, moved off their start so a wrong weight shows, and the fused net holding them. */
function network(inputs: number): { weights: Float32Array[]; net: FastDenseNet } {
  const weights = initialWeights(inputs, 1, REGRESSION_CONFIG);
  weights.forEach((w, i) => w.forEach((_, j) => (w[j] += 0.03 * (((i * 7 + j * 3) % 11) - 5))));
  const net = new FastDenseNet({ widths: [inputs, ...REGRESSION_CONFIG.hiddenUnits, 1], optimizer: makeFastOptimizer('adagrad', 0.05) });
  net.setWeights(weights);
  return { weights, net };
}

function evaluation(split: 'train' | 'test', rmse: number): Evaluation {
  return { split, accuracy: 0, averageLoss: rmse * rmse, loss: 1, globalStep: 300, examples: split === 'train' ? 18 : 6, correct: 0, regression: { rmse, mae: rmse * 0.8, r2: 0.75 } };
}

const BASELINES: RegressionBaselines = { task: 'regression', testRows: 6, trainRows: 18, mean: { rmse: 16.5, mae: 14, r2: -0.02, ms: 1 }, linear: { rmse: 9.25, mae: 7, r2: 0.6, ms: 1 } };

function partsOf(source: DataSource, weights: Float32Array[]): ProgramParts {
  const points: MetricPoint[] = [
    ...Array.from({ length: 300 }, (_, i) => ({ step: i + 1, split: 'train' as const, loss: 10 / (i + 1) })),
    { step: 300, split: 'test', loss: 0.5, mae: 4.25 },
  ];
  return {
    source,
    config: REGRESSION_CONFIG,
    weights,
    globalStep: 300,
    history: { points, evaluations: [evaluation('train', 6), evaluation('test', 8.5)] },
    lang: 'en',
    baselines: BASELINES,
    cv: null,
    now: new Date('2026-12-01T12:00:00Z'),
  };
}

describe('a regression model’s program equals the app', () => {
  it('typed rows and a file of rows: o * sd + mean of the fused forward pass, within 1e-9; the CSV’s number column', async () => {
    const source = await housesSource();
    const target = source.data.target!;
    const inputs = source.data.featureNames.length;
    const { weights, net } = network(inputs);
    const data = programData(partsOf(source, weights));
    expect(data.target).toEqual(target);
    expect(data.network.widths).toEqual([inputs, 5, 3, 1]);
    expect(data.stem).toBe('houses-price-regressor');
    const core = runCore(data);
    const app = (features: Float32Array) => unstandardize(net.predict(features, 1)[0], target);
    let compared = 0;
    for (const typed of [['3', 'north'], ['1', 'east'], ['', 'south'], ['12.5', ''], ['6', 'west'], ['0', 'NA']]) {
      const encoded = source.encodeInput(typed);
      const program = core.encodeTyped(typed);
      expect(program.ok, JSON.stringify(typed)).toBe(encoded.ok);
      if (!encoded.ok || !program.ok) continue;
      expect(Array.from(program.features)).toEqual(Array.from(encoded.value));
      const [judged] = core.judgeRows(program.features, 1);
      expect(Math.abs(judged.value - app(encoded.value))).toBeLessThan(1e-9);
      compared++;
    }
    expect(compared).toBe(6);
    // Different rows predict different numbers (the check above is not of a constant).
    const values = new Set(core.judgeRows(Float32Array.from([1, 0, 1, 0, -1, 1, 0, 0]), 2).map((j) => j.value));
    expect(values.size).toBe(2);

    // A file of rows, judged as the app would: every row encoded by the schema, o * sd + mean.
    const text = `${housesCsv(10)}\n4,nowhere,\n`;
    const table = core.readRows(text);
    expect(table.missing).toEqual([]);
    const judged = core.judgeTable(table);
    const schema = source.record.schema!;
    table.rows.forEach((row, r) => expect(Math.abs(judged[r]!.value - app(encodeRow(schema, row)))).toBeLessThan(1e-9));
    const csv = core.predictionsCsv(table.columns, table.rows, judged, table.flags);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    // The unseen district of the last row adds the warnings column, as the app's CSV does.
    expect(lines[0]).toBe('rooms,district,price,warnings,predicted price');
    lines.slice(1).forEach((line, r) => {
      const cells = line.split(',');
      expect(cells.at(-1)).toBe(String(Number(app(encodeRow(schema, table.rows[r])).toPrecision(10))));
    });
    expect(lines.at(-1)).toMatch(/^4,nowhere,,district: unseen-category,\d/);
  });
});

// --- the page, against a stand-in DOM --------------------------------------------------

type Child = FakeElement | { textContent: string };

class FakeElement {
  attrs = new Map<string, string>();
  children: Child[] = [];
  listeners = new Map<string, ((e: object) => unknown)[]>();
  style: Record<string, string> = {};
  value = '';
  files: unknown[] = [];
  constructor(readonly tag: string) {}
  setAttribute(k: string, v: string) {
    this.attrs.set(k, String(v));
  }
  getAttribute(k: string) {
    return this.attrs.get(k) ?? null;
  }
  append(...c: Child[]) {
    this.children.push(...c);
  }
  replaceChildren(...c: Child[]) {
    this.children = c;
  }
  addEventListener(type: string, f: (e: object) => unknown) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), f]);
  }
  dispatch(type: string, extra: object = {}) {
    return (this.listeners.get(type) ?? []).map((f) => f({ preventDefault() {}, ...extra }));
  }
  click() {
    this.dispatch('click');
  }
  focus() {}
  get textContent(): string {
    return this.children.map((c) => c.textContent).join('');
  }
  /** Every element below (and this one) in document order. */
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => (c instanceof FakeElement ? c.all() : []))];
  }
  byTestId(id: string) {
    return this.all().find((e) => e.attrs.get('data-testid') === id);
  }
}

function fakeDocument() {
  const root = new FakeElement('div');
  root.setAttribute('id', 'program');
  const blobs: Blob[] = [];
  const find = (pred: (e: FakeElement) => boolean) => root.all().find(pred) ?? null;
  const document = {
    title: '',
    documentElement: { lang: '' },
    getElementById: (id: string) => find((e) => e.attrs.get('id') === id),
    querySelector: (selector: string) => {
      const m = /^\[data-testid="([^"]+)"\]$/.exec(selector);
      return m ? find((e) => e.attrs.get('data-testid') === m[1]) : null;
    },
    createElement: (tag: string) => new FakeElement(tag),
    createElementNS: (_ns: string, tag: string) => new FakeElement(tag),
    createTextNode: (text: string) => ({ textContent: text }),
  };
  const URL = { createObjectURL: (blob: Blob) => (blobs.push(blob), `blob:${blobs.length}`), revokeObjectURL: () => {} };
  return { root, blobs, context: { document, URL, Blob, atob, setTimeout } };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a regression model’s program page', () => {
  it('shows the number (data-value in full, the text as written), judges and downloads a file, and puts RMSE / MAE / R² on the card', async () => {
    const source = await housesSource();
    const { weights, net } = network(source.data.featureNames.length);
    const data = programData(partsOf(source, weights));
    const { root, blobs, context } = fakeDocument();
    runInNewContext(programScript(data, programWords), context);

    // Type a row and judge it.
    const form = root.byTestId('program-form')!;
    const fields = form.all().filter((e) => e.tag === 'input' || e.tag === 'select');
    expect(fields.map((f) => f.attrs.get('name'))).toEqual(['rooms', 'district']);
    fields[0].value = '4';
    fields[0].dispatch('input');
    fields[1].value = 'south';
    fields[1].dispatch('change');
    form.dispatch('submit');
    const prediction = root.byTestId('program-prediction')!;
    const encoded = source.encodeInput(['4', 'south']);
    if (!encoded.ok) throw new Error('the app refused the row');
    const expected = unstandardize(net.predict(encoded.value, 1)[0], source.data.target!);
    expect(Math.abs(Number(prediction.attrs.get('data-value')) - expected)).toBeLessThan(1e-9);
    expect(prediction.textContent).toBe(new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(expected));
    expect(prediction.attrs.has('data-class')).toBe(false);

    // A file of rows: the table's number column, and the download.
    const batch = root.byTestId('program-batch')!;
    batch.files = [{ name: 'rows.csv', text: async () => housesCsv(5) }];
    batch.dispatch('change');
    await tick();
    await tick();
    const table = root.byTestId('program-batch-table')!;
    const head = table.all().filter((e) => e.tag === 'th').map((e) => e.textContent);
    expect(head).toEqual(['rooms', 'district', 'price', 'predicted price']);
    root.byTestId('program-download')!.click();
    expect(blobs).toHaveLength(1);
    const csv = await blobs[0].text();
    expect(csv.split('\r\n')[0]).toBe('rooms,district,price,predicted price');
    expect(csv.split('\r\n')).toHaveLength(7);

    // The card: what it predicts, the metrics table, the regression baselines, the MAE curve.
    const card = root.byTestId('program-card')!;
    const text = card.textContent;
    expect(text).toContain('Predictsa number: price (training values');
    expect(text).not.toContain('Classes');
    expect(card.all().filter((e) => e.tag === 'th' && e.attrs.get('scope') === 'col').map((e) => e.textContent)).toEqual(['split', 'RMSE', 'MAE', 'R²', 'rows']);
    const testRow = card.all().find((e) => e.tag === 'tr' && e.attrs.get('data-split') === 'test')!;
    expect(testRow.children.map((c) => c.textContent)).toEqual(['test', '8.5', '6.8', '0.75', '6']);
    expect(text).toContain('Baselines (test RMSE)predicting the training mean 16.5, linear least squares 9.25');
    expect(text).toContain('Mean absolute error by step');
    expect(text).toContain('(RMSE and MAE in the units of price)');

    // Korean too.
    const language = root.byTestId('program-language')!;
    language.value = 'ko';
    language.dispatch('change');
    expect(root.byTestId('program-card')!.textContent).toContain('예측 대상숫자: price');
  });

  it('the file is whole: one script that parses, the target inside, named as a regressor', async () => {
    const source = await housesSource();
    const { weights } = network(source.data.featureNames.length);
    const html = programHtml(programData(partsOf(source, weights)), programWords);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    expect(() => new Script(script)).not.toThrow();
    expect(html).toContain('<title>houses-price-regressor</title>');
    expect(script).toContain('"target":{"name":"price"');
  });
});
