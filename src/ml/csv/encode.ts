/**
 * Cells -> the numbers the network reads, with statistics fitted on the training split
 * only (fitting on test rows would leak them into training). Numeric columns are
 * standardised, (x - mean) / std; categorical columns are one-hot; a date column gives one
 * standardised input per part (year, month, weekday, hour: see ColumnSchema.date). The fitted numbers
 * live in the CsvSchema, which travels with the model, so a row typed at prediction time
 * is encoded exactly like the training rows.
 *
 * Gaps: a missing number takes the training mean (so it encodes as 0). A missing
 * category takes its column's "(missing)" slot when the training split had gaps in that
 * column, else all zeros. A category the training split never showed encodes as all
 * zeros: "none of the known values", which the model has seen for no row but which
 * leaves every known slot neutral.
 */
import type { ColumnSchema, CsvSchema, DateEncoding, DatePart } from './types';
import { inRange, isMissing, parseDate, parseFormatted, parseNumber, type DateFields } from './values';

/**
 * Largest standardised value handed to the network, in standard deviations from the
 * training mean. Training rows never reach it (a population z-score is at most
 * sqrt(rows)); a test or typed value far outside the training range would, and in
 * float32 (max 3.4e38) times the weights it could become Infinity. A million standard
 * deviations out tells the network nothing more than that.
 */
export const MAX_STANDARD = 1e6;

/** One cell handed to encodeRow: text as in a file, a number, or null for missing. */
export type CellValue = string | number | null;

/** Number in a cell, or NaN when missing, not a number or too large to use (see MAX_MAGNITUDE). */
export function cellNumber(value: CellValue | undefined, decimalComma: boolean): number {
  if (value === null || value === undefined) return NaN;
  if (typeof value === 'number') return inRange(value) ? value + 0 : NaN;
  return isMissing(value) ? NaN : parseNumber(value, decimalComma);
}

/** cellNumber, also reading 1,234.5, 12%, $3 and (12) (a column read so: ColumnSchema.formatted). */
export function formattedNumber(value: CellValue | undefined, decimalComma: boolean): number {
  const v = cellNumber(value, decimalComma);
  if (!Number.isNaN(v) || typeof value !== 'string') return v;
  return parseFormatted(value)?.value ?? NaN;
}

/** Category key of a cell, or null when missing. */
export function cellCategory(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  return isMissing(value) ? null : value.trim();
}

/** Column `c` of `rows` as numbers (NaN = missing), shape [rows.length]. */
export function numericColumn(rows: readonly (readonly string[])[], c: number, decimalComma: boolean): Float64Array {
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = cellNumber(rows[r][c], decimalComma);
  return out;
}

/**
 * Training mean and std (population) of the usable `values[trainRows]`, in float64. NaN
 * and values past ±MAX_MAGNITUDE (which cellNumber never returns, but a caller's array
 * might hold) are gaps, so the sums stay finite; a std that is 0 or not finite is stored
 * as 1, a mean that is not finite as 0: both always finite.
 */
export function fitNumeric(values: Float64Array, trainRows: Int32Array): { mean: number; std: number } {
  let n = 0;
  let sum = 0;
  for (const r of trainRows) {
    const v = values[r];
    if (inRange(v)) {
      n++;
      sum += v;
    }
  }
  const mean = n > 0 ? sum / n : 0;
  if (n === 0 || !Number.isFinite(mean)) return { mean: 0, std: 1 };
  let squares = 0;
  for (const r of trainRows) {
    const v = values[r];
    if (inRange(v)) squares += (v - mean) * (v - mean);
  }
  const std = Math.sqrt(squares / n);
  return { mean, std: std > 0 && Number.isFinite(std) ? std : 1 };
}

/** Vocabulary of column `c` over the training rows (most frequent first, ties in code-unit
 * order) and whether those rows had gaps. */
export function fitCategorical(
  rows: readonly (readonly string[])[],
  c: number,
  trainRows: Int32Array,
): { vocabulary: string[]; missingSlot: boolean } {
  const counts = new Map<string, number>();
  let missing = false;
  for (const r of trainRows) {
    const key = cellCategory(rows[r][c]);
    if (key === null) missing = true;
    else counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const vocabulary = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([value]) => value);
  return { vocabulary, missingSlot: missing };
}

/** A date cell's value of `part`, or NaN when the cell is missing or no date. */
export function datePart(value: CellValue | undefined, date: Pick<DateEncoding, 'order'>, part: DatePart): number {
  if (typeof value !== 'string' || isMissing(value)) return NaN;
  const fields = parseDate(value, date.order);
  return fields === null ? NaN : partOf(fields, part);
}

function partOf(fields: DateFields, part: DatePart): number {
  switch (part) {
    case 'year':
      return fields.year;
    case 'month':
      return fields.month;
    case 'weekday':
      return fields.weekday;
    case 'hour':
      return fields.hour;
    default: {
      const never: never = part;
      return never;
    }
  }
}

/**
 * The parts a date column becomes: year, month, weekday, and hour when `timed`; only the
 * year when every date is the same day of the year (`yearOnly`: the other parts would be
 * a constant and a spurious function of the year).
 */
export function dateParts(timed: boolean, yearOnly = false): DatePart[] {
  if (yearOnly) return ['year'];
  return timed ? ['year', 'month', 'weekday', 'hour'] : ['year', 'month', 'weekday'];
}

/** Training mean and std of each part of date column `c` (see fitNumeric). */
export function fitDate(rows: readonly (readonly string[])[], c: number, trainRows: Int32Array, date: DateEncoding): DateEncoding {
  const fits = date.parts.map((part) => {
    const values = new Float64Array(rows.length).fill(NaN);
    for (const r of trainRows) values[r] = datePart(rows[r][c], date, part);
    return fitNumeric(values, trainRows);
  });
  return { ...date, mean: fits.map((f) => f.mean), std: fits.map((f) => f.std) };
}

/** Encoded inputs of one column: 1 for numeric, one per category (+1 for missing) for categorical, one per part for a date. */
export function columnWidth(column: ColumnSchema): number {
  if (column.role !== 'feature') return 0;
  if (column.kind === 'date') return column.date?.parts.length ?? 0;
  return column.kind === 'numeric' ? 1 : column.vocabulary.length + (column.missingSlot ? 1 : 0);
}

/** Names of the encoded inputs, in order: `name`, or `name=value` and `name=(missing)`. */
export function encodedNames(columns: readonly ColumnSchema[]): string[] {
  const names: string[] = [];
  for (const column of columns) {
    if (column.role !== 'feature') continue;
    if (column.kind === 'numeric') names.push(column.name);
    else if (column.kind === 'date') for (const part of column.date?.parts ?? []) names.push(`${column.name}:${part}`);
    else {
      for (const value of column.vocabulary) names.push(`${column.name}=${value}`);
      if (column.missingSlot) names.push(`${column.name}=(missing)`);
    }
  }
  return names;
}

/**
 * Column `column`'s standardised value, within ±MAX_STANDARD; a gap (NaN, or a value
 * too large to use) takes the mean, so 0. Always finite, also in float32.
 */
function standardise(column: Pick<ColumnSchema, 'mean' | 'std'>, v: number): number {
  if (!inRange(v)) return 0;
  const z = (v - column.mean) / column.std;
  if (Number.isNaN(z)) return 0;
  return Math.max(-MAX_STANDARD, Math.min(MAX_STANDARD, z));
}

/** Value -> one-hot slot of a categorical column. */
function slotMap(column: ColumnSchema): Map<string, number> {
  return new Map(column.vocabulary.map((v, i) => [v, i] as const));
}

/**
 * Encode the rows `indices` of a table, column by column. `columnMap[i]` is where schema
 * column i sits in these rows (identity for the training file; by name for a test file).
 * `parsed[i]`, when given, is schema column i already parsed to numbers by row (the
 * training file's, from inference: parsing is most of the cost of a large file).
 * Returns row-major features, shape [indices.length, schema.featureNames.length].
 */
export function encodeRows(
  schema: CsvSchema,
  rows: readonly (readonly CellValue[])[],
  indices: ArrayLike<number>,
  columnMap: readonly number[],
  decimalComma: boolean,
  parsed?: readonly (Float64Array | null)[],
): Float32Array {
  const width = schema.featureNames.length;
  const n = indices.length;
  const out = new Float32Array(n * width);
  let at = 0;
  for (let i = 0; i < schema.columns.length; i++) {
    const column = schema.columns[i];
    if (column.role !== 'feature') continue;
    const c = columnMap[i];
    if (column.kind === 'numeric') {
      const values = parsed?.[i] ?? null;
      const comma = decimalComma || column.decimalComma;
      const read = column.formatted === true ? formattedNumber : cellNumber;
      for (let k = 0; k < n; k++) {
        const r = indices[k];
        out[k * width + at] = standardise(column, values !== null ? values[r] : read(rows[r][c], comma));
      }
      at += 1;
      continue;
    }
    if (column.kind === 'date') {
      const date = column.date;
      if (date === undefined) continue;
      for (let k = 0; k < n; k++) {
        const cell = rows[indices[k]][c];
        const fields = typeof cell === 'string' && !isMissing(cell) ? parseDate(cell, date.order) : null;
        date.parts.forEach((part, p) => {
          const stats = { mean: date.mean[p], std: date.std[p] };
          out[k * width + at + p] = standardise(stats, fields === null ? NaN : partOf(fields, part));
        });
      }
      at += date.parts.length;
      continue;
    }
    const slots = slotMap(column);
    const missingAt = column.missingSlot ? column.vocabulary.length : -1;
    for (let k = 0; k < n; k++) {
      const key = cellCategory(rows[indices[k]][c]);
      const slot = key === null ? missingAt : (slots.get(key) ?? -1);
      if (slot >= 0) out[k * width + at + slot] = 1;
    }
    at += columnWidth(column);
  }
  return out;
}

/**
 * Encode one row for prediction. `values` is aligned with `schema.columns` (every column
 * of the file, in file order; values of the label and ignored columns are not read, and
 * may be null). Strings are parsed as in the file (`5,1` accepted where the column used
 * decimal commas). Returns shape [schema.featureNames.length].
 */
export function encodeRow(schema: CsvSchema, values: readonly CellValue[]): Float32Array {
  return encodeRows(schema, [values], [0], schema.columns.map((_, i) => i), false);
}
