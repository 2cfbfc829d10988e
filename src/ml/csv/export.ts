/**
 * Predictions -> a CSV the person opens in a spreadsheet: their original columns, the
 * predicted class, then one probability column per class.
 *
 * Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (CSV
 * injection: `=HYPERLINK(...)` in a data file becomes live on export), and tab or CR
 * at the start can smuggle one in. So such a text cell gets a leading `'`, which the
 * spreadsheet shows as text; a number (`-1.5`, `+3`) stays a number. A cell that
 * itself starts with `'` gets one more, so `readPredictionsCsv` can undo the escaping
 * exactly. Written with a UTF-8 BOM and CRLF line ends: without the BOM, Excel reads
 * UTF-8 as the local code page and garbles Korean names.
 */
import { msg } from '../../shared/message';
import type { CellFlag } from '../../shared/types';
import { parseCsvText } from './tokenize';
import type { ParseResult } from './types';
import { uniqueNames } from './values';

/**
 * The cell writer, made by a function that refers to nothing outside its own body: the
 * judging program (src/ml/program) inlines this function's source, so the file it writes
 * escapes cells by the very same rules as the app's download.
 */
export function makeCsvCell(): (value: string) => string {
  const FORMULA_START = /^[=+\-@\t\r']/;
  const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
  const NEEDS_QUOTES = /[",\r\n]/;
  return (value: string): string => {
    const safe = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
    return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
}

/** A cell made safe to open: formula escaping, then RFC 4180 quoting. */
export const csvCell: (value: string) => string = makeCsvCell();

/** Undo `csvCell`'s formula escaping (quoting is undone by the tokenizer). */
export function uncsvCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** A probability in at most 6 significant digits; empty when not a number. */
function formatProbability(p: number): string {
  return Number.isFinite(p) ? String(Number(p.toPrecision(6))) : '';
}

/**
 * The predictions CSV. `originalRows[r]` is aligned with `originalHeader`;
 * `predictedClass[r]` indexes `classNames`; `probabilities[r][k]` is class k's
 * probability. Added columns are `predicted class` and `P(<class>)`, renamed `x (2)`
 * if the file already has such a column.
 */
export function predictionsToCsv(
  originalHeader: readonly string[],
  originalRows: readonly (readonly string[])[],
  classNames: readonly string[],
  predictedClass: ArrayLike<number>,
  probabilities: readonly ArrayLike<number>[],
  flags?: readonly (readonly CellFlag[] | undefined)[],
): string {
  const added = ['predicted class', ...classNames.map((c) => `P(${c})`)];
  return withAddedColumns(originalHeader, originalRows, added, flags, (r) => {
    const p = probabilities[r];
    return [csvCell(classNames[predictedClass[r]] ?? ''), ...classNames.map((_, c) => formatProbability(p?.[c] ?? NaN))];
  });
}

/**
 * A regression's predictions as CSV: the file's own columns (and `warnings` as above), then
 * `column` with each row's number (7 significant digits, float32's).
 */
export function numbersToCsv(
  originalHeader: readonly string[],
  originalRows: readonly (readonly string[])[],
  column: string,
  predicted: ArrayLike<number>,
  flags?: readonly (readonly CellFlag[] | undefined)[],
): string {
  return withAddedColumns(originalHeader, originalRows, [column], flags, (r) => [Number.isFinite(predicted[r]) ? String(Number(predicted[r].toPrecision(7))) : '']);
}

/** The file's rows with `added` columns (cells from `cellsOf(row)`, already CSV-safe) and a `warnings` column when a cell was flagged. */
function withAddedColumns(
  originalHeader: readonly string[],
  originalRows: readonly (readonly string[])[],
  addedNames: readonly string[],
  flags: readonly (readonly CellFlag[] | undefined)[] | undefined,
  cellsOf: (row: number) => string[],
): string {
  // A `warnings` column (after the file's own, so a reader of the added columns is unchanged)
  // when some cell could not be read as trained: `column: kind` codes, the same in any language.
  const warned = flags !== undefined && flags.some((f) => f !== undefined);
  const added = [...(warned ? ['warnings'] : []), ...addedNames];
  const header = uniqueNames([...originalHeader, ...added]).names;
  // Keep the original names exactly (uniqueNames trims); only the added ones may change.
  const names = [...originalHeader, ...header.slice(originalHeader.length)];
  const lines = [names.map(csvCell).join(',')];
  for (let r = 0; r < originalRows.length; r++) {
    const cells = originalRows[r].map(csvCell);
    if (warned) cells.push(csvCell((flags[r] ?? []).map((f) => `${f.column}: ${f.kind}`).join('; ')));
    cells.push(...cellsOf(r));
    lines.push(cells.join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface PredictionsTable {
  header: string[];
  /** The original cells of each row. */
  rows: string[][];
  /** Predicted class name per row. */
  predicted: string[];
  /** Probabilities per row, shape [rows, classCount] (NaN for an empty cell). */
  probabilities: number[][];
}

/**
 * Read back a predictions CSV written for `classCount` classes: the last
 * 1 + classCount columns are the added ones.
 */
export function readPredictionsCsv(text: string, classCount: number): ParseResult<PredictionsTable> {
  const parsed = parseCsvText(text, ',');
  if (!parsed.ok) return parsed;
  const [head, ...body] = parsed.value.records;
  if (head === undefined) return { ok: false, reason: msg('csv.predictions-empty') };
  const original = head.length - 1 - classCount;
  if (original < 0) return { ok: false, reason: msg('csv.predictions-narrow', { columns: head.length, added: classCount + 1 }) };
  const result: PredictionsTable = { header: head.slice(0, original).map(uncsvCell), rows: [], predicted: [], probabilities: [] };
  for (let r = 0; r < body.length; r++) {
    const cells = body[r];
    if (cells.length !== head.length) {
      return { ok: false, reason: msg('csv.predictions-ragged', { line: parsed.value.lines[r + 1], found: cells.length, expected: head.length }) };
    }
    result.rows.push(cells.slice(0, original).map(uncsvCell));
    result.predicted.push(uncsvCell(cells[original]));
    result.probabilities.push(cells.slice(original + 1).map((c) => (c === '' ? NaN : Number(c))));
  }
  return { ok: true, value: result };
}
