/**
 * The label guess: which column is the label, why (csv.label-reason), the other columns
 * that could be it, and whether it holds classes or a number to predict (regression).
 * One pass per column profiles it as a label (labels.ts then reads its classes, target.ts
 * its numbers).
 */
import { msg, type Message } from '../../shared/message';
import type { LabelProblemKind, LabelReasonKind } from '../../shared/messages/csv';
import type { Task } from '../../shared/types';
import { MAX_CLASSES, MAX_NUMERIC_CLASSES, usesTensorFlowIds } from './labels';
import type { DatasetOptions, ParseResult, RawTable } from './types';
import { isMissing, parseNumber, parseQuantity } from './values';

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
  /** Classes, or a number to predict (regression). */
  task: Task;
  /** The label's values can be read either way (whole numbers, few of them): the page offers the switch. */
  switchable: boolean;
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
  // One pass per column, stopping as soon as it cannot be a label: a float column of a
  // 100,000-row file is read for about a hundred rows.
  const profiles = table.columns.map((_, c) => profile(table, c));
  const classLike = profiles.map(isClassLike);
  const byName = table.columns.map((name, c) => (classLike[c] ? targetNameRank(name) : 0));
  const ranked = table.columns
    .map((_, c) => c)
    .filter((c) => classLike[c])
    .sort((a, b) => byName[b] - byName[a] || b - a);
  const quantity = profiles.map(isQuantityLike);
  const choice = (index: number, why: LabelReasonKind, task: Task = 'classification'): ParseResult<LabelChoice> => {
    const reason = msg('csv.label-reason', { label: table.columns[index], why, classes: classesOf(profiles[index]).size });
    const alternatives = ranked.filter((c) => c !== index).slice(0, MAX_ALTERNATIVES).map((c) => table.columns[c]);
    const p = profiles[index];
    // Whole numbers that can be classes: 1-5 stars are classes by default, and a number on request.
    const switchable = p.numeric && !p.tensorflow && p.present >= 2 && (task === 'regression' ? labelProblem(p) === null : true) && classesOf(p).size >= 2;
    return { ok: true, value: { index, task, switchable, reason, alternatives } };
  };
  const asked = options.task;
  if (options.labelColumn !== undefined) {
    const index = table.columns.indexOf(options.labelColumn);
    if (index < 0) {
      return { ok: false, reason: msg('csv.no-label-column', { file: table.fileName, label: options.labelColumn, columns: table.columns }) };
    }
    if (asked === 'regression') return choice(index, 'asked', 'regression');
    // A column of many numbers is a quantity: predicted as one unless classes were asked for (then trainLabels says why not).
    if (asked === undefined && quantity[index] && labelProblem(profiles[index]) !== null) return choice(index, 'chosen-quantity', 'regression');
    return choice(index, 'chosen');
  }
  if (asked === 'regression') {
    // The named target, else the last column of numbers; quantities before whole numbers of few values.
    const numeric = table.columns.map((_, c) => c).filter((c) => profiles[c].numeric && classesOf(profiles[c]).size >= 2 && !profiles[c].tensorflow && !profiles[c].rowNumber);
    const order = numeric.sort((a, b) => Number(quantity[b]) - Number(quantity[a]) || targetNameRank(table.columns[b]) - targetNameRank(table.columns[a]) || b - a);
    if (order.length > 0) return choice(order[0], 'asked', 'regression');
    // No column of numbers to predict: said of the last column, with its first cell that is no number.
    const r = table.rows.findIndex((row) => !isMissing(row[last]) && Number.isNaN(parseNumber(row[last].trim(), table.delimiter !== ',')));
    return { ok: false, reason: msg('csv.regression-not-numeric', { file: table.fileName, label: table.columns[last], value: r >= 0 ? table.rows[r][last].trim() : '', line: r >= 0 ? table.lines[r] : 0 }) };
  }
  if (profiles[last].tensorflow) return choice(last, 'tensorflow');
  const named = ranked.find((c) => byName[c] > 0);
  if (named !== undefined) return choice(named, 'name');
  if (classLike[last]) return choice(last, 'last-class-like');
  // A quantity named like a target (`y`, `target`: a coordinate is often called y too, so only when the last column is no class).
  if (asked !== 'classification') {
    const namedQuantity = table.columns.findIndex((name, c) => quantity[c] && targetNameRank(name) > 0);
    if (namedQuantity >= 0) return choice(namedQuantity, 'name-quantity', 'regression');
  }
  // As Weka reads a file: the last column is the target, and a last column of many numbers is a quantity to predict.
  if (asked !== 'classification' && quantity[last]) return choice(last, 'last-quantity', 'regression');
  const problem = labelProblem(profiles[last]) ?? guessProblem(profiles[last]);
  const other = ranked[0];
  if (other !== undefined) {
    warnings.push(msg('csv.label-fallback', { last: table.columns[last], label: table.columns[other], ...problem }));
    return choice(other, 'last-class-like');
  }
  // Few values but some of one row (a tiny file): still the last column, said as such.
  if (labelProblem(profiles[last]) === null) return choice(last, 'last-column');
  return { ok: false, reason: msg('csv.no-label', { file: table.fileName, last: table.columns[last], ...problem }) };
}

/**
 * True when a column reads as a quantity to predict: every present value a number, at
 * least two rows, and either more distinct numbers than a numeric label may have classes
 * or numbers with decimals; a row number (1, 2, 3, ... in order) is not one.
 */
function isQuantityLike(p: Profile): boolean {
  if (p.tensorflow || !p.numeric || p.present < 2 || classesOf(p).size < 2) return false;
  return (classesOf(p).size > MAX_NUMERIC_CLASSES || !p.integers) && !p.rowNumber;
}

/** Index of the label column (see resolveLabel). */
export function resolveLabelIndex(table: RawTable, options: DatasetOptions, warnings: Message[] = []): ParseResult<number> {
  const resolved = resolveLabel(table, options, warnings);
  return resolved.ok ? { ok: true, value: resolved.value.index } : resolved;
}

/**
 * What one pass over a column tells about it as a label: its present values counted as
 * text (trimmed) and, while every value is a number, by number (as trainLabels names
 * them: `1` and `1.0` are one class). Each count stops past its limit (MAX_CLASSES,
 * MAX_NUMERIC_CLASSES), and the pass stops when both have: such a column is no label.
 */
interface Profile {
  tensorflow: boolean;
  /** Every present value is a number (as far as the pass went). */
  numeric: boolean;
  /** Every number is whole (as far as the pass went). */
  integers: boolean;
  present: number;
  texts: Map<string, number>;
  numbers: Map<string, number>;
  /** Every present value so far is the previous one plus 1 (a row number). */
  rowNumber: boolean;
}

function profile(table: RawTable, c: number): Profile {
  const decimalComma = table.delimiter !== ',';
  const p: Profile = { tensorflow: usesTensorFlowIds(table, c), numeric: true, integers: true, present: 0, texts: new Map(), numbers: new Map(), rowNumber: true };
  let previous = NaN;
  for (const row of table.rows) {
    const cell = row[c];
    if (isMissing(cell)) continue;
    p.present++;
    const t = cell.trim();
    if (p.texts.size <= MAX_CLASSES) p.texts.set(t, (p.texts.get(t) ?? 0) + 1);
    if (p.numeric) {
      // A formatted number ($250,000) counts: a price column is a quantity however it is written.
      const v = parseQuantity(t, decimalComma);
      if (Number.isNaN(v)) p.numeric = false;
      else {
        if (!Number.isInteger(v)) p.integers = false;
        if (p.present > 1 && v !== previous + 1) p.rowNumber = false;
        previous = v;
        const key = String(v);
        if (p.numbers.size <= MAX_NUMERIC_CLASSES) p.numbers.set(key, (p.numbers.get(key) ?? 0) + 1);
      }
    }
    if (p.texts.size > MAX_CLASSES && (!p.numeric || p.numbers.size > MAX_NUMERIC_CLASSES)) break;
  }
  return p;
}

/** The classes a profiled column would have (capped: see Profile). */
const classesOf = (p: Profile) => (p.numeric ? p.numbers : p.texts);

/** Why a profiled column cannot be the label, as trainLabels would refuse it; null when it can. */
function labelProblem(p: Profile): LabelProblem | null {
  if (p.tensorflow) return null;
  const counts = classesOf(p);
  const distinct = counts.size;
  if (distinct === 0) return { why: 'empty', value: '', distinct };
  if (distinct === 1) return { why: 'one-class', value: [...counts.keys()][0], distinct };
  if (distinct > (p.numeric ? MAX_NUMERIC_CLASSES : MAX_CLASSES)) return { why: p.numeric ? 'quantity' : 'too-many', value: '', distinct };
  return null;
}

/** Why a column that can be a label does not look like classes (see isClassLike). */
function guessProblem(p: Profile): LabelProblem {
  return { why: p.numeric ? 'measurement' : 'unique', value: '', distinct: classesOf(p).size };
}

/**
 * True when a column looks like classes, so the guess may take it: it can be a label,
 * and either its values are text with at least 2 rows per class on average, or they are
 * whole numbers with at least 2 rows each (numbers that never repeat, or with decimals,
 * are a measurement, not classes).
 */
function isClassLike(p: Profile): boolean {
  if (p.tensorflow) return true;
  if (labelProblem(p) !== null) return false;
  if (!p.numeric) return p.present >= 2 * p.texts.size;
  return p.integers && [...p.numbers.values()].every((n) => n >= 2);
}
