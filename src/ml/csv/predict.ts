/**
 * Encoding rows to classify after training, with the CsvSchema the model was trained
 * with: one row typed into a form (one field per feature column), or a whole file of
 * rows (columns matched by name; the label column may be absent). Errors are values
 * that name the field, column or line.
 */
import { msg } from '../../shared/message';
import { cellNumber, encodeRow, encodeRows, formattedNumber, type CellValue } from './encode';
import type { CellFlag } from '../../shared/types';
import type { ColumnKind, CsvSchema, ParseResult, RawTable } from './types';
import { isMissing, isOutOfRange, MAX_MAGNITUDE, parseDate, parseNumber } from './values';
import { OTHER_CLASS } from './rare';

/** How a date is written in the message for a date field that holds none. */
const DATE_EXAMPLE = '2024-03-01';

/** One input a person fills in: a feature column (before one-hot), with its choices. */
export interface FeatureInput {
  name: string;
  kind: ColumnKind;
  /** Categorical: the training vocabulary, for a select. */
  options?: string[];
}

/** The feature columns of `schema`, in file order. */
export function featureInputs(schema: CsvSchema): FeatureInput[] {
  return schema.columns
    .filter((c) => c.role === 'feature')
    .map((c) => (c.kind === 'categorical' ? { name: c.name, kind: c.kind, options: c.vocabulary.slice() } : { name: c.name, kind: c.kind }));
}

/**
 * Encode one row typed into a form: `values[i]` is the text of `featureInputs(schema)[i]`.
 * A blank or missing-looking field (NA, ?) is a gap (numeric: the training mean); text
 * in a numeric field, or a number too large to use (1e309, Infinity), is an error naming
 * the field. Shape [schema.featureNames.length].
 */
export function encodeInputs(schema: CsvSchema, values: readonly string[]): ParseResult<Float32Array> {
  const features = schema.columns.filter((c) => c.role === 'feature');
  if (values.length !== features.length) {
    return { ok: false, reason: msg('csv.predict-count', { features: features.map((f) => f.name), got: values.length }) };
  }
  const row: CellValue[] = schema.columns.map(() => null);
  for (let i = 0; i < features.length; i++) {
    const column = features[i];
    const text = values[i] ?? '';
    if (column.kind === 'numeric' && !isMissing(text) && Number.isNaN(parseNumber(text, true))) {
      // 1e309 or Infinity would reach the network as a gap without a word: refuse it.
      if (isOutOfRange(text, true)) {
        return { ok: false, reason: msg('csv.predict-not-finite', { column: column.name, value: text.trim(), max: MAX_MAGNITUDE }) };
      }
      return { ok: false, reason: msg('csv.predict-not-number', { column: column.name }) };
    }
    // A date column is one field holding a date: it becomes its year, month, weekday (and hour).
    if (column.kind === 'date' && !isMissing(text) && parseDate(text, column.date?.order ?? 'dmy') === null) {
      return { ok: false, reason: msg('csv.predict-not-date', { column: column.name, value: text.trim(), example: DATE_EXAMPLE }) };
    }
    row[column.index] = text;
  }
  return { ok: true, value: encodeRow(schema, row) };
}

/**
 * The cells of `table` each feature column could not read as trained, by row (undefined:
 * none), and how many rows have any. One pass over the feature cells.
 */
export function cellFlags(schema: CsvSchema, table: RawTable, columnMap: readonly number[]): { flags: (CellFlag[] | undefined)[]; rows: number } {
  const flags: (CellFlag[] | undefined)[] = new Array<CellFlag[] | undefined>(table.rows.length);
  let rows = 0;
  const decimalComma = table.delimiter !== ',';
  schema.columns.forEach((column, i) => {
    if (column.role !== 'feature') return;
    const c = columnMap[i];
    const known = column.kind === 'categorical' ? new Set(column.vocabulary) : null;
    const read = column.formatted === true ? formattedNumber : cellNumber;
    for (let r = 0; r < table.rows.length; r++) {
      const cell = table.rows[r][c];
      if (cell === undefined || isMissing(cell)) continue;
      let kind: CellFlag['kind'] | null = null;
      if (column.kind === 'numeric' && Number.isNaN(read(cell, decimalComma || column.decimalComma))) {
        kind = isOutOfRange(cell, true) ? 'not-finite' : 'not-a-number';
      } else if (known !== null && !known.has(cell.trim())) kind = 'unseen-category';
      else if (column.kind === 'date' && parseDate(cell, column.date?.order ?? 'dmy') === null) kind = 'not-a-date';
      if (kind === null) continue;
      const at = flags[r];
      if (at === undefined) {
        flags[r] = [{ column: column.name, kind }];
        rows++;
      } else at.push({ column: column.name, kind });
    }
  });
  return { flags, rows };
}

/** A file of rows to classify, encoded. */
export interface EncodedRows {
  /** Row-major features, shape [rows, schema.featureNames.length]. */
  features: Float32Array;
  rows: number;
  /** When the file has the label column: each row's class id, -1 where missing or unknown. */
  labels?: Int32Array;
  /** Cells the model could not read as trained, by row (see cellFlags), and the rows with any. */
  flags: (CellFlag[] | undefined)[];
  flaggedRows: number;
}

/**
 * Encode every row of `table` for prediction. Its columns are matched to the schema's by
 * name; every feature column must be there (ignored columns and the label may be absent).
 * Cells that are not usable numbers (text, 1e309, Infinity) are gaps, as in training:
 * they take the training mean, so nothing non-finite reaches the network.
 */
export function encodeTableForPrediction(schema: CsvSchema, table: RawTable): ParseResult<EncodedRows> {
  const at = new Map(table.columns.map((name, i) => [name, i] as const));
  const absent = schema.columns.filter((c) => c.role === 'feature' && !at.has(c.name)).map((c) => c.name);
  if (absent.length > 0) return { ok: false, reason: msg('csv.predict-missing-columns', { file: table.fileName, columns: absent }) };
  const columnMap = schema.columns.map((c) => at.get(c.name) ?? -1);
  const indices = Int32Array.from(table.rows, (_, r) => r);
  const features = encodeRows(schema, table.rows, indices, columnMap, table.delimiter !== ',');
  const { flags, rows: flaggedRows } = cellFlags(schema, table, columnMap);
  const labelAt = at.get(schema.columns[schema.labelIndex]?.name ?? '');
  if (labelAt === undefined) return { ok: true, value: { features, rows: table.rows.length, flags, flaggedRows } };
  const classIndex = new Map(schema.classNames.map((name, i) => [name, i] as const));
  // Classes merged into "other" at training are "other" here too.
  const other = classIndex.get(OTHER_CLASS);
  if (other !== undefined) for (const name of schema.merged ?? []) classIndex.set(name, other);
  // A TensorFlow-format file holds class ids, named on its first line.
  const tfNames = table.header === 'tensorflow' && labelAt === table.columns.length - 1 ? table.tensorflowClasses : undefined;
  const labels = Int32Array.from(table.rows, (row) => {
    const cell = row[labelAt];
    if (isMissing(cell)) return -1;
    const trimmed = cell.trim();
    const t = tfNames !== undefined && tfNames.length > 0 && /^\d+$/.test(trimmed) ? (tfNames[Number(trimmed)] ?? trimmed) : trimmed;
    const n = parseNumber(t, table.delimiter !== ',');
    return classIndex.get(t) ?? (Number.isNaN(n) ? undefined : classIndex.get(String(n))) ?? -1;
  });
  return { ok: true, value: { features, rows: table.rows.length, labels, flags, flaggedRows } };
}
