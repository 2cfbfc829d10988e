/**
 * A trained model as the judging program's data (spec.ts): how its data source encodes a
 * row, serialised from the same CsvSchema the app encodes with (or Iris's raw numbers, or
 * MNIST's drawn digit), its weights as base64 float32, and the model card from the run's
 * history. Pure: the worker calls it with the shown session's parts.
 */
import type { CvSummary } from '../../shared/cv';
import type { Baselines, Evaluation, MetricPoint, ModelConfig } from '../../shared/types';
import { columnWidth } from '../csv/encode';
import type { InputView } from '../analysis/inputView';
import type { DataSource } from '../datasets/source';
import type { History } from '../train/history';
import { base64 } from './sha256';
import type { ProgramCard, ProgramData, ProgramInput } from './spec';

/** Points per curve kept for the card's picture. */
const CURVE_POINTS = 100;

export interface ProgramParts {
  source: DataSource;
  config: ModelConfig;
  /** getWeights() order: kernel0, bias0, kernel1, ... */
  weights: readonly Float32Array[];
  globalStep: number;
  history: History;
  lang: 'en' | 'ko';
  baselines: Baselines | null;
  cv: CvSummary | null;
  now: Date;
}

/** Little-endian float32 bytes of `values`, as base64. */
export function floatsBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return base64(bytes);
}

/** A file-name part: letters (any script), digits, `.`, `_`; the rest becomes `-`. */
function slug(text: string): string {
  return text
    .replace(/\.(csv|tsv|txt)$/i, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** The training range of input `i` (in the units typed), rounded outward to 6 significant digits; undefined when unknown. */
function rangeOf(view: InputView, i: number): { min?: number; max?: number } {
  const values = view.numbers('train', i);
  if (values === null) return {};
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return Number.isFinite(min) && Number.isFinite(max) ? { min: Number(min.toPrecision(6)), max: Number(max.toPrecision(6)) } : {};
}

/** The form's inputs and how each is encoded, in the order the network reads them. */
function inputsOf(source: DataSource): { encoding: ProgramData['encoding']; inputs: ProgramInput[] } {
  const schema = source.record.schema;
  if (source.readDrawing) return { encoding: 'pixels', inputs: [] };
  const view = source.view(false);
  if (schema !== null) {
    let at = 0;
    const inputs: ProgramInput[] = [];
    for (const c of schema.columns) {
      if (c.role !== 'feature') continue;
      const i = inputs.length;
      if (c.kind === 'numeric') inputs.push({ kind: 'numeric', name: c.name, at, initial: '', mean: c.mean, std: c.std, decimalComma: c.decimalComma, ...(c.formatted === true ? { formatted: true } : {}), ...rangeOf(view, i) });
      else if (c.kind === 'date' && c.date) inputs.push({ kind: 'date', name: c.name, at, initial: '', order: c.date.order, parts: c.date.parts, mean: c.date.mean, std: c.date.std });
      else if (c.kind === 'categorical') inputs.push({ kind: 'categorical', name: c.name, at, initial: c.vocabulary[0] ?? '', vocabulary: c.vocabulary, missingSlot: c.missingSlot });
      at += columnWidth(c);
    }
    return { encoding: 'csv', inputs };
  }
  return { encoding: 'plain', inputs: source.data.featureNames.map((name, i) => ({ kind: 'plain', name, at: i, initial: '', ...rangeOf(view, i) })) };
}

/** Every `k`-th point of a curve and its last: about CURVE_POINTS. */
function thin(points: [number, number][]): [number, number][] {
  if (points.length <= CURVE_POINTS) return points;
  const k = Math.ceil(points.length / CURVE_POINTS);
  return points.filter((_, i) => i % k === 0 || i === points.length - 1);
}

function curves(points: readonly MetricPoint[]): ProgramCard['curves'] {
  const splits = ['train', 'validation', 'test'] as const;
  return (['loss', 'accuracy', 'mae'] as const).flatMap((kind) =>
    splits.flatMap((split) => {
      const series = points.flatMap((p): [number, number][] => {
        const v = kind === 'loss' ? p.loss : kind === 'accuracy' ? p.accuracy : p.mae;
        return p.split === split && v !== undefined && Number.isFinite(v) ? [[p.step, Number(v.toPrecision(4))]] : [];
      });
      return series.length > 0 ? [{ kind, split, points: thin(series) }] : [];
    }),
  );
}

/** The newest evaluation of each split, without its confusion matrix. */
function latest(evaluations: readonly Evaluation[]): Evaluation[] {
  const bySplit = new Map<string, Evaluation>();
  for (const e of evaluations) {
    const seen = bySplit.get(e.split);
    if (!seen || e.globalStep >= seen.globalStep) bySplit.set(e.split, e);
  }
  return (['train', 'validation', 'test'] as const).flatMap((split) => {
    const e = bySplit.get(split);
    if (!e) return [];
    const rest = { ...e };
    delete rest.confusion;
    return [rest];
  });
}

export function programData(parts: ProgramParts): ProgramData {
  const { source, config, weights } = parts;
  const { data, summary } = source;
  const schema = source.record.schema;
  const label = schema !== null ? (schema.columns[schema.labelIndex]?.name ?? null) : (data.target?.name ?? null);
  const stem = [slug(data.name), label !== null ? slug(label) : '', data.target ? 'regressor' : 'classifier'].filter((s) => s !== '').join('-');
  const { encoding, inputs } = inputsOf(source);
  const widths = [data.featureNames.length, ...config.hiddenUnits, data.classNames.length];
  return {
    version: 1,
    encoding,
    lang: parts.lang,
    stem,
    inputs,
    classNames: data.classNames.slice(),
    network: { widths, activation: config.activation, weights: weights.map(floatsBase64) },
    ...(data.target ? { target: { ...data.target } } : {}),
    card: {
      dataset: { name: data.name, trainRows: summary.trainRows, validationRows: summary.validationRows, testRows: summary.testRows },
      label,
      parameters: weights.reduce((n, w) => n + w.length, 0),
      globalStep: parts.globalStep,
      settings: { ...config, hiddenUnits: config.hiddenUnits.slice() },
      evaluations: latest(parts.history.evaluations),
      // Cross-validation reports accuracy: a classifier's only.
      cv: parts.cv && !data.target ? { folds: parts.cv.folds, rows: parts.cv.rows, accuracy: parts.cv.accuracy } : null,
      baselines: parts.baselines,
      exportedAt: parts.now.toISOString(),
      curves: curves(parts.history.points),
    },
  };
}
