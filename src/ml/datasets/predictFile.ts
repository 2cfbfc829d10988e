/**
 * Classify every row of a file with the model trained on a CSV: read it like the
 * training file, encode it with the training schema, predict in slices, and return a
 * preview, the spreadsheet-safe CSV for download and, when the file has the label
 * column, the score.
 */
import type { Probabilities } from './source';
import type { BatchPredictions, CellFlag, RegressionTarget } from '../../shared/types';
import { numbersToCsv, predictionsToCsv, readTable, type CsvSchema, type RawTable } from '../csv';
import { encodeTableForPrediction, type EncodedRows } from '../csv/predict';
import { isMissing, parseQuantity } from '../csv/values';
import { regressionMetrics } from '../model/regression';
import { shortNumber } from './data';
import { msg } from '../../shared/message';
import type { ParseResult } from '../../shared/result';

const PREVIEW_ROWS = 50;
/** Rows per forward pass, so a large file never needs one huge array of outputs at once. */
const SLICE = 4096;

/** The columns named in any flag, in the order first met. */
function flaggedColumns(flags: readonly (readonly CellFlag[] | undefined)[]): string[] {
  const names = new Set<string>();
  for (const row of flags) for (const f of row ?? []) names.add(f.column);
  return [...names];
}

/**
 * `probabilitiesOf`: class probabilities of encoded rows, or for a regression (schema.target)
 * each row's number in the label's units (Session.outputs).
 */
export async function predictFile(probabilitiesOf: Probabilities, schema: CsvSchema, bytes: Uint8Array, fileName: string): Promise<ParseResult<BatchPredictions>> {
  const table = readTable(bytes, fileName, { minColumns: 1 });
  if (!table.ok) return table;
  const encoded = encodeTableForPrediction(schema, table.value);
  if (!encoded.ok) return encoded;
  if (schema.target) return { ok: true, value: await predictNumbers(probabilitiesOf, schema, schema.target, table.value, encoded.value, fileName) };
  const { features, rows, labels, flags, flaggedRows } = encoded.value;
  const width = schema.featureNames.length;
  const classes = schema.classNames.length;
  const probabilities: Float32Array[] = [];
  const predicted = new Int32Array(rows);
  for (let start = 0; start < rows; start += SLICE) {
    const n = Math.min(SLICE, rows - start);
    const values = await probabilitiesOf(features.subarray(start * width, (start + n) * width), n);
    for (let r = 0; r < n; r++) {
      const p = values.slice(r * classes, (r + 1) * classes);
      probabilities.push(p);
      let best = 0;
      for (let c = 1; c < classes; c++) if (p[c] > p[best]) best = c;
      predicted[start + r] = best;
    }
  }
  const csv = predictionsToCsv(table.value.columns, table.value.rows, schema.classNames, predicted, probabilities, flags);
  const columns = [...table.value.columns, 'predicted class', ...schema.classNames.map((c) => `P(${c})`)];
  const preview = table.value.rows.slice(0, PREVIEW_ROWS).map((row, r) => [
    ...row,
    schema.classNames[predicted[r]],
    ...Array.from(probabilities[r], (p) => p.toFixed(4)),
  ]);
  let score: BatchPredictions['score'];
  if (labels) {
    let examples = 0;
    let correct = 0;
    labels.forEach((label, r) => {
      if (label < 0) return;
      examples++;
      if (label === predicted[r]) correct++;
    });
    if (examples > 0) score = { examples, correct, accuracy: correct / examples };
  }
  const warnings = [...table.value.warnings];
  if (labels && score && score.examples < rows) warnings.push(msg('data.rows-not-scored', { count: rows - score.examples }));
  if (flaggedRows > 0) warnings.push(msg('data.cells-flagged', { rows: flaggedRows, columns: flaggedColumns(flags) }));
  const previewFlags = preview.map((_, r) => flags[r] ?? []);
  return { ok: true, value: { fileName, rows, columns, preview, csv, score, warnings, ...(flaggedRows > 0 ? { previewFlags } : {}) } };
}

/** A regression's file: one column of predicted numbers (label units) and, with the label column, RMSE/MAE/R². */
async function predictNumbers(valuesOf: Probabilities, schema: CsvSchema, target: RegressionTarget, table: RawTable, encoded: EncodedRows, fileName: string): Promise<BatchPredictions> {
  const { features, rows, flags, flaggedRows } = encoded;
  const width = schema.featureNames.length;
  const predicted = new Float32Array(rows);
  for (let start = 0; start < rows; start += SLICE) {
    const n = Math.min(SLICE, rows - start);
    predicted.set((await valuesOf(features.subarray(start * width, (start + n) * width), n)).subarray(0, n), start);
  }
  const column = `predicted ${target.name}`;
  const csv = numbersToCsv(table.columns, table.rows, column, predicted, flags);
  const preview = table.rows.slice(0, PREVIEW_ROWS).map((row, r) => [...row, shortNumber(predicted[r])]);
  const warnings = [...table.warnings];
  const labelAt = table.columns.indexOf(target.name);
  let regressionScore: BatchPredictions['regressionScore'];
  if (labelAt >= 0) {
    const actual: number[] = [];
    const guessed: number[] = [];
    table.rows.forEach((row, r) => {
      const v = isMissing(row[labelAt]) ? NaN : parseQuantity(row[labelAt].trim(), table.delimiter !== ',');
      if (!Number.isFinite(v)) return;
      actual.push(v);
      guessed.push(predicted[r]);
    });
    if (actual.length > 0) {
      const { rmse, mae, r2 } = regressionMetrics(guessed, actual);
      regressionScore = { examples: actual.length, rmse, mae, r2 };
      if (actual.length < rows) warnings.push(msg('data.rows-not-scored', { count: rows - actual.length }));
    }
  }
  if (flaggedRows > 0) warnings.push(msg('data.cells-flagged', { rows: flaggedRows, columns: flaggedColumns(flags) }));
  const previewFlags = preview.map((_, r) => flags[r] ?? []);
  return { fileName, rows, columns: [...table.columns, column], preview, csv, ...(regressionScore ? { regressionScore } : {}), warnings, ...(flaggedRows > 0 ? { previewFlags } : {}) };
}
