/**
 * The label column's classes and each row's class id (which column it is, and whether it
 * holds classes or a number, is labelGuess.ts). Classes are what the model predicts, so
 * their order is fixed by the training file alone (TensorFlow header order, else numeric
 * or code-unit order) and a test-file class the training file never showed is an error,
 * not a new class.
 */
import { listLines } from './shape';
import { msg } from '../../shared/message';
import type { ParseResult, RawTable } from './types';
import { isMissing, parseNumber } from './values';

/** Most classes a label column may have. */
export const MAX_CLASSES = 100;
/** A numeric label with more distinct values than this is a quantity, not classes. */
export const MAX_NUMERIC_CLASSES = 20;

/** Class ids per row of a table: -1 where the label is missing (those rows are dropped). */
export interface Labelled {
  classNames: string[];
  ids: Int32Array;
  /** Rows with a missing label. */
  missing: number;
}

/** True when the label column holds TensorFlow-header class ids. */
export function usesTensorFlowIds(table: RawTable, labelIndex: number): table is RawTable & { tensorflowClasses: string[] } {
  return table.header === 'tensorflow' && table.tensorflowClasses !== undefined && labelIndex === table.columns.length - 1;
}

/**
 * The class name of each row's label cell (null when missing), or a reason naming
 * the line of a TensorFlow class id that is not one.
 */
function labelNames(table: RawTable, labelIndex: number, numeric: boolean): ParseResult<(string | null)[]> {
  const decimalComma = table.delimiter !== ',';
  const tf = usesTensorFlowIds(table, labelIndex) ? table.tensorflowClasses : null;
  const names: (string | null)[] = new Array<string | null>(table.rows.length);
  for (let r = 0; r < table.rows.length; r++) {
    const cell = table.rows[r][labelIndex];
    if (isMissing(cell)) {
      names[r] = null;
      continue;
    }
    const t = cell.trim();
    if (tf !== null) {
      const id = /^\d+$/.test(t) ? Number(t) : NaN;
      if (!(id >= 0 && (tf.length === 0 || id < tf.length))) {
        return { ok: false, reason: msg('csv.bad-class-id', { file: table.fileName, line: table.lines[r], id: t, classes: tf.length }) };
      }
      names[r] = tf.length === 0 ? String(id) : tf[id];
    } else names[r] = numeric ? String(parseNumber(t, decimalComma)) : t;
  }
  return { ok: true, value: names };
}

/** True when every present label is a number: `1` and `1.0` are then the same class. */
function allNumeric(table: RawTable, labelIndex: number): boolean {
  const decimalComma = table.delimiter !== ',';
  return table.rows.every((row) => isMissing(row[labelIndex]) || !Number.isNaN(parseNumber(row[labelIndex], decimalComma)));
}

/** Classes of the training table and the class id of each row. */
export function trainLabels(table: RawTable, labelIndex: number): ParseResult<Labelled> {
  const column = { file: table.fileName, label: table.columns[labelIndex] };
  const tf = usesTensorFlowIds(table, labelIndex);
  const numeric = !tf && allNumeric(table, labelIndex);
  const named = labelNames(table, labelIndex, numeric);
  if (!named.ok) return named;
  const counts = new Map<string, number>();
  for (const n of named.value) if (n !== null) counts.set(n, (counts.get(n) ?? 0) + 1);
  if (counts.size === 0) return { ok: false, reason: msg('csv.label-empty', column) };

  let classNames: string[];
  if (tf && table.tensorflowClasses.length > 0) classNames = table.tensorflowClasses.slice();
  else if (numeric || tf) classNames = [...counts.keys()].sort((a, b) => Number(a) - Number(b));
  else classNames = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  if (counts.size === 1) {
    return { ok: false, reason: msg('csv.label-one-class', { ...column, value: [...counts.keys()][0] }) };
  }
  if (numeric && counts.size > MAX_NUMERIC_CLASSES) {
    return { ok: false, reason: msg('csv.label-quantity', { ...column, distinct: counts.size }) };
  }
  if (classNames.length > MAX_CLASSES) {
    return { ok: false, reason: msg('csv.label-too-many', { ...column, distinct: classNames.length, max: MAX_CLASSES }) };
  }
  const index = new Map(classNames.map((name, i) => [name, i] as const));
  const ids = new Int32Array(table.rows.length);
  let missing = 0;
  named.value.forEach((n, r) => {
    ids[r] = n === null ? -1 : (index.get(n) ?? -1);
    if (n === null) missing++;
  });
  return { ok: true, value: { classNames, ids, missing } };
}

/**
 * Class ids of a test table's rows against the training classes. A class the training
 * file never showed is an error naming it and its line.
 */
export function testLabels(table: RawTable, labelIndex: number, classNames: readonly string[], trainFile: string): ParseResult<Labelled> {
  const numeric = !usesTensorFlowIds(table, labelIndex) && classNames.every((c) => !Number.isNaN(parseNumber(c)));
  const named = labelNames(table, labelIndex, numeric && allNumeric(table, labelIndex));
  if (!named.ok) return named;
  const index = new Map(classNames.map((name, i) => [name, i] as const));
  const ids = new Int32Array(table.rows.length);
  let missing = 0;
  const unknown = new Map<string, number[]>();
  named.value.forEach((n, r) => {
    if (n === null) {
      ids[r] = -1;
      missing++;
      return;
    }
    const id = index.get(n);
    if (id === undefined) {
      const at = unknown.get(n) ?? [];
      at.push(table.lines[r]);
      unknown.set(n, at);
    }
    ids[r] = id ?? -1;
  });
  if (unknown.size > 0) {
    const [name, at] = [...unknown][0];
    const params = { file: table.fileName, line: at[0], name, train: trainFile, others: unknown.size - 1, ...listLines(at) };
    return { ok: false, reason: msg('csv.unknown-class', params) };
  }
  return { ok: true, value: { classNames: classNames.slice(), ids, missing } };
}
