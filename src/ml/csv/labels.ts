/**
 * The label column: which one, which classes, and each row's class id. Classes are
 * what the model predicts, so their order is fixed by the training file alone
 * (TensorFlow header order, else numeric or code-unit order) and a test-file class
 * the training file never showed is an error, not a new class.
 */
import { listLines } from './shape';
import { msg, type Message } from '../../shared/message';
import type { LabelProblemKind, LabelReasonKind } from '../../shared/messages/csv';
import type { DatasetOptions, ParseResult, RawTable } from './types';
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

/** Why a column cannot be the label (csv.label-fallback, csv.no-label), with its numbers. */
export interface LabelProblem {
  why: LabelProblemKind;
  /** The one class, for 'one-class' (else ''). */
  value: string;
  /** Distinct values counted (up to the limit + 1). */
  distinct: number;
}

/**
 * Column names that say "this is what to predict", compared trimmed and lower-cased, as a
 * whole name or as one word of it (`class_label`, `Target value`); `y` only as a whole name.
 */
export const TARGET_NAMES: readonly string[] = [
  'class', 'label', 'target', 'species', 'y', 'outcome', 'diagnosis', 'survived', 'category', 'labels', 'classes',
  '품종', '클래스', '레이블', '라벨', '정답', '타깃', '타겟', '분류', '종류', '결과', '목표',
];
const TARGETS = new Set(TARGET_NAMES);
const WORDS = /[\s_.:/()[\]-]+/;
/** Alternatives offered next to the guessed label. */
const MAX_ALTERNATIVES = 6;

/** 2: the whole name is a target name; 1: one of its words is; 0: neither. */
export function targetNameRank(name: string): number {
  const t = name.trim().toLowerCase();
  if (TARGETS.has(t)) return 2;
  return t.split(WORDS).some((w) => w !== 'y' && TARGETS.has(w)) ? 1 : 0;
}

/** The label column, why it was taken (csv.label-reason), and other columns that could be it. */
export interface LabelChoice {
  index: number;
  reason: Message;
  /** Other columns that look like classes, best first (name matches, then right to left). */
  alternatives: string[];
}

/**
 * The label column: the named one (trainLabels refuses it if it cannot serve, with the
 * reason); else, guessed, a column whose name says it is the target (TARGET_NAMES) and that
 * looks like classes (see isClassColumn); else the last column that looks like classes,
 * with a warning naming the last column when it was skipped and why; else the last column
 * when it can be a label at all (few values, but some with one row). When none can, a
 * reason naming the file. A column of numbers that are all different (2, 4, 6, 8) or of
 * measurements (15.2, 17.1) is never guessed as classes.
 */
export function resolveLabel(table: RawTable, options: DatasetOptions, warnings: Message[] = []): ParseResult<LabelChoice> {
  const last = table.columns.length - 1;
  const classLike = table.columns.map((_, c) => isClassColumn(table, c));
  const byName = table.columns.map((name, c) => (classLike[c] ? targetNameRank(name) : 0));
  const ranked = table.columns
    .map((_, c) => c)
    .filter((c) => classLike[c])
    .sort((a, b) => byName[b] - byName[a] || b - a);
  const choice = (index: number, why: LabelReasonKind): ParseResult<LabelChoice> => {
    const classes = classCounts(table, index, MAX_CLASSES, allNumeric(table, index)).size;
    const reason = msg('csv.label-reason', { label: table.columns[index], why, classes });
    const alternatives = ranked.filter((c) => c !== index).slice(0, MAX_ALTERNATIVES).map((c) => table.columns[c]);
    return { ok: true, value: { index, reason, alternatives } };
  };
  if (options.labelColumn !== undefined) {
    const index = table.columns.indexOf(options.labelColumn);
    if (index < 0) {
      return { ok: false, reason: msg('csv.no-label-column', { file: table.fileName, label: options.labelColumn, columns: table.columns }) };
    }
    return choice(index, 'chosen');
  }
  if (usesTensorFlowIds(table, last)) return choice(last, 'tensorflow');
  const named = ranked.find((c) => byName[c] > 0);
  if (named !== undefined) return choice(named, 'name');
  if (classLike[last]) return choice(last, 'last-class-like');
  const problem = labelProblem(table, last) ?? guessProblem(table, last);
  const other = ranked[0];
  if (other !== undefined) {
    warnings.push(msg('csv.label-fallback', { last: table.columns[last], label: table.columns[other], ...problem }));
    return choice(other, 'last-class-like');
  }
  // Few values but some of one row (a tiny file): still the last column, said as such.
  if (labelProblem(table, last) === null) return choice(last, 'last-column');
  return { ok: false, reason: msg('csv.no-label', { file: table.fileName, last: table.columns[last], ...problem }) };
}

/** Index of the label column (see resolveLabel). */
export function resolveLabelIndex(table: RawTable, options: DatasetOptions, warnings: Message[] = []): ParseResult<number> {
  const resolved = resolveLabel(table, options, warnings);
  return resolved.ok ? { ok: true, value: resolved.value.index } : resolved;
}

/**
 * Present values of column `c` and their counts (numbers by value, as trainLabels names
 * them: `1` and `1.0` are one class); counting stops past `limit` distinct.
 */
function classCounts(table: RawTable, c: number, limit: number, numeric: boolean): Map<string, number> {
  const decimalComma = table.delimiter !== ',';
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    if (isMissing(row[c])) continue;
    const t = numeric ? String(parseNumber(row[c], decimalComma)) : row[c].trim();
    counts.set(t, (counts.get(t) ?? 0) + 1);
    if (counts.size > limit) break;
  }
  return counts;
}

/** Why column `c` cannot be the label, as trainLabels would refuse it; null when it can. */
function labelProblem(table: RawTable, c: number): LabelProblem | null {
  if (usesTensorFlowIds(table, c)) return null;
  const numeric = allNumeric(table, c);
  const limit = numeric ? MAX_NUMERIC_CLASSES : MAX_CLASSES;
  const counts = classCounts(table, c, limit, numeric);
  const distinct = counts.size;
  if (distinct === 0) return { why: 'empty', value: '', distinct };
  if (distinct === 1) return { why: 'one-class', value: [...counts.keys()][0], distinct };
  if (distinct > limit) return { why: numeric ? 'quantity' : 'too-many', value: '', distinct };
  return null;
}

/** Why a column that can be a label does not look like classes (see isClassColumn). */
function guessProblem(table: RawTable, c: number): LabelProblem {
  const numeric = allNumeric(table, c);
  const distinct = classCounts(table, c, MAX_CLASSES, numeric).size;
  return { why: numeric ? 'measurement' : 'unique', value: '', distinct };
}

/**
 * True when column `c` looks like classes, so the guess may take it: it can be a label,
 * and either its values are text with at least 2 rows per class on average, or they are
 * whole numbers with at least 2 rows each (numbers that never repeat, or with decimals,
 * are a measurement, not classes).
 */
function isClassColumn(table: RawTable, c: number): boolean {
  if (usesTensorFlowIds(table, c)) return true;
  if (labelProblem(table, c) !== null) return false;
  const numeric = allNumeric(table, c);
  const counts = classCounts(table, c, MAX_CLASSES, numeric);
  if (!numeric) {
    let present = 0;
    for (const n of counts.values()) present += n;
    return present >= 2 * counts.size;
  }
  return [...counts].every(([value, n]) => n >= 2 && Number.isInteger(Number(value)));
}

/** True when the label column holds TensorFlow-header class ids. */
function usesTensorFlowIds(table: RawTable, labelIndex: number): table is RawTable & { tensorflowClasses: string[] } {
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
