/**
 * Classify every row of a file with the model trained on a CSV: read it like the
 * training file, encode it with the training schema, predict in slices, and return a
 * preview, the spreadsheet-safe CSV for download and, when the file has the label
 * column, the score.
 */
import type { Probabilities } from './source';
import type { BatchPredictions, CellFlag } from '../../shared/types';
import { predictionsToCsv, readTable, type CsvSchema } from '../csv';
import { encodeTableForPrediction } from '../csv/predict';
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

export async function predictFile(probabilitiesOf: Probabilities, schema: CsvSchema, bytes: Uint8Array, fileName: string): Promise<ParseResult<BatchPredictions>> {
  const table = readTable(bytes, fileName, { minColumns: 1 });
  if (!table.ok) return table;
  const encoded = encodeTableForPrediction(schema, table.value);
  if (!encoded.ok) return encoded;
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
