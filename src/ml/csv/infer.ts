/**
 * What kind of column is this? One pass over a column's cells decides: numeric (a few
 * stray non-numbers are treated as missing), categorical (few distinct strings, one-hot
 * encoded), a date (read as year, month, weekday and hour by encode.ts), or ignored with a
 * reason the person can read and act on: empty, constant, an identifier, free text, or too
 * many categories. Identifiers carry no pattern a classifier can learn from row to row;
 * one-hot over thousands of values would swamp the model. A number too large to use (1e309, Infinity) is a gap of a
 * numeric column, with a warning; numbers written with units or separators (12%, $3,
 * 1,234.5, (12)) are text, with a note saying what to write instead.
 */
import type { ColumnKind, IgnoreCause } from './types';
import type { ColumnNote, ColumnNoteCode, ColumnNoteMessages, NumberFormat } from '../../shared/messages/csv';
import { dateOrder, isFormattedNumber, parseFormatted, isMissing, isOutOfRange, looksLikeDate, parseDate, parseNumber, type DateOrder } from './values';

/** Most one-hot slots a categorical column may have. */
export const MAX_CATEGORIES = 50;
/** Distinct values counted per column; past this the column cannot be categorical anyway. */
const DISTINCT_CAP = 1000;
/** A numeric column may hold up to this fraction of non-numbers (treated as missing)... */
const STRAY_TEXT = 0.02;
/** ...or up to this fraction when they are spelled in at most 3 ways (gap markers). */
const GAP_MARKERS = 0.2;
/** More distinct values than this fraction of the rows: an identifier, not categories. */
const MOSTLY_DISTINCT = 0.5;
/** Consecutive whole numbers needed before a column counts as a row number. */
const MIN_ROW_NUMBERS = 10;
/** Whole numbers within these bounds look like years (1990, 2024): a column of them stays numeric, never a row number. */
const YEARS = { min: 1800, max: 2100 };
const ID_NAME = /^(?:id|.*[ _.-]id|index|idx|row|row ?(?:no|number|id)|no\.?|#)$/i;

/** A column's note, typed by its code. */
export function note<C extends ColumnNoteCode>(code: C, params: ColumnNoteMessages[C]): ColumnNote {
  return { code, params } as ColumnNote;
}

export interface ColumnFacts {
  kind: ColumnKind;
  missing: number;
  invalid: number;
  distinct: number;
  decimalComma: boolean;
  /** Set when the values make the column unusable as a feature. */
  ignoreCause?: IgnoreCause;
  /** Why it is ignored; or, for a categorical feature, why its numbers are read as text. */
  reason?: ColumnNote;
  /** First non-number in a numeric column, for the warning. */
  firstInvalid?: { line: number; value: string };
  /** Numbers too large to use (`1e309`, `Infinity`), treated as missing; the first, for the warning. */
  outOfRange: number;
  firstOutOfRange?: { line: number; value: string };
  /** Numeric column: its values by row, NaN where missing or not a number, shape [rows]. */
  values?: Float64Array;
  /** Numeric column read through parseFormatted (1,234.5, 12%, $3): rows to classify are read so too. */
  formatted?: boolean;
  /** Date column (kind 'date'): the order of its year-last dates, and whether any has a time of day. */
  date?: { order: DateOrder; timed: boolean; yearOnly: boolean };
}

/** What one pass over a column's cells counts. */
interface ColumnScan {
  missing: number;
  present: number;
  numbers: number;
  /** Distinct trimmed values, up to DISTINCT_CAP; `presentAtCap` is how many present values it took to reach it (-1 if never). */
  seen: Set<string>;
  presentAtCap: number;
  /** Distinct non-number spellings, up to 4 ("unknown", "n.d." used as gaps). */
  spellings: Set<string>;
  commas: number;
  allInteger: boolean;
  sequential: boolean;
  min: number;
  max: number;
  dates: number;
  spaced: number;
  firstText?: { line: number; value: string };
  /** Numbers too large to use (missing, not present), and the first. */
  outOfRange: number;
  firstOutOfRange?: { line: number; value: string };
  /** Numbers written with `%`, a currency sign, thousands separators or parentheses, and the first. */
  formatted: number;
  firstFormatted?: { line: number; value: string };
  values: Float64Array;
}

function scanColumn(rows: readonly (readonly string[])[], lines: readonly number[], c: number, decimalComma: boolean): ColumnScan {
  const scan: ColumnScan = {
    missing: 0,
    present: 0,
    numbers: 0,
    seen: new Set(),
    presentAtCap: -1,
    spellings: new Set(),
    commas: 0,
    allInteger: true,
    sequential: true,
    min: Infinity,
    max: -Infinity,
    dates: 0,
    spaced: 0,
    outOfRange: 0,
    formatted: 0,
    values: new Float64Array(rows.length).fill(NaN),
  };
  let previous = NaN;
  for (let r = 0; r < rows.length; r++) {
    const cell = rows[r][c];
    if (isMissing(cell)) {
      scan.missing++;
      continue;
    }
    const t = cell.trim();
    const v = parseNumber(t, decimalComma);
    // 1e309, Infinity: a number no feature can hold. A gap, not a text (warned about).
    if (Number.isNaN(v) && isOutOfRange(t, decimalComma)) {
      scan.outOfRange++;
      scan.firstOutOfRange ??= { line: lines[r], value: t };
      continue;
    }
    scan.present++;
    if (scan.seen.size < DISTINCT_CAP) {
      scan.seen.add(t);
      if (scan.seen.size === DISTINCT_CAP) scan.presentAtCap = scan.present;
    }
    if (Number.isNaN(v)) {
      scan.firstText ??= { line: lines[r], value: t };
      if (isFormattedNumber(t)) {
        scan.formatted++;
        scan.firstFormatted ??= { line: lines[r], value: t };
      }
      if (scan.spellings.size < 4) scan.spellings.add(t);
      if (looksLikeDate(t)) scan.dates++;
      if (t.includes(' ')) scan.spaced++;
      continue;
    }
    scan.values[r] = v;
    scan.numbers++;
    if (decimalComma && t.includes(',')) scan.commas++;
    if (!Number.isInteger(v)) scan.allInteger = false;
    if (scan.numbers > 1 && v !== previous + 1) scan.sequential = false;
    previous = v;
    if (v < scan.min) scan.min = v;
    if (v > scan.max) scan.max = v;
  }
  return scan;
}

/**
 * Numeric when nearly every value is a number: at most 2% strays, or up to 20% spelled
 * in at most 3 ways (a file's own gap markers, like "unknown" or "n.d."). The strays
 * are treated as missing, with a warning.
 */
function isNumericColumn(s: ColumnScan): boolean {
  const texts = s.present - s.numbers;
  return s.numbers > 0 && (texts <= s.present * STRAY_TEXT || (s.spellings.size <= 3 && texts <= s.present * GAP_MARKERS));
}

/**
 * Facts about column `c` of `rows` (`lines[r]` is row r's line). `decimalComma`: the file's
 * delimiter is not ',', so `5,1` may be a number.
 */
export function inferColumn(
  name: string,
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  c: number,
  decimalComma: boolean,
): ColumnFacts {
  const s = scanColumn(rows, lines, c, decimalComma);
  const texts = s.present - s.numbers;
  const distinct = s.seen.size;
  const base = { missing: s.missing + s.outOfRange, distinct, decimalComma: s.commas > 0, outOfRange: s.outOfRange, firstOutOfRange: s.firstOutOfRange };
  if (s.present === 0) return { ...base, kind: 'numeric', invalid: 0, ignoreCause: 'empty', reason: note('csv.column-empty', {}) };

  if (isNumericColumn(s)) {
    const facts: ColumnFacts = { ...base, kind: 'numeric', invalid: texts, firstInvalid: s.firstText, values: s.values };
    if (s.min === s.max) return { ...facts, ignoreCause: 'constant', reason: note('csv.column-constant', { value: s.min }) };
    // 1, 2, 3, ... down the file is a row number once there are enough rows to be sure;
    // 1990, 1991, ... is a year (a quantity a model can use), unless its name says id.
    const years = s.allInteger && s.min >= YEARS.min && s.max <= YEARS.max;
    const rowNumber = s.sequential && s.numbers >= MIN_ROW_NUMBERS && !years;
    if (s.allInteger && s.numbers > 2 && (rowNumber || (ID_NAME.test(name.trim()) && allDistinct(s.values)))) {
      return { ...facts, ignoreCause: 'identifier', reason: note('csv.column-row-number', {}) };
    }
    return facts;
  }

  // 1,234.5 / 12% / $3 / (12): when every value is a number, plain or so written, read them all.
  if (s.formatted > 0 && s.formatted === texts) {
    const read = formattedColumn(rows, c, decimalComma, s);
    if (read !== null) return { ...base, ...read };
  }
  // Dates (with at most a tenth of other text, read as gaps) become year, month, weekday
  // (and hour): a date as such repeats never, its parts do (seasons, weekends).
  if (s.numbers < texts && s.dates >= texts * 0.9 && distinct > 1) {
    const date = dateFacts(rows, c);
    return { ...base, kind: 'date', missing: s.missing + (texts - s.dates), invalid: 0, decimalComma: false, outOfRange: 0, firstOutOfRange: undefined, date };
  }
  // A text column one-hots an `Infinity` cell like any other value: not a gap there.
  const facts = textColumn(s, { ...base, kind: 'categorical', missing: s.missing, invalid: 0, decimalComma: false, outOfRange: 0, firstOutOfRange: undefined });
  // Numbers written as 12%, $3, 1,234.5 or (12): read as text, and the note says why and
  // what to change (taking a unit off would be a guess about what it means).
  if (s.formatted > 0 && s.formatted >= texts / 2 && s.firstFormatted !== undefined && facts.ignoreCause !== 'constant') {
    const params = { count: s.formatted, first: s.firstFormatted.value, line: s.firstFormatted.line };
    return { ...facts, reason: note('csv.column-formatted-numbers', params) };
  }
  return facts;
}

/**
 * A column of numbers some of which carry thousands separators, a percent or currency sign
 * or parentheses, read as numbers (kind numeric, `formatted`), with a note saying what
 * was taken off; null when a cell does not read (then it stays text, as before).
 */
function formattedColumn(rows: readonly (readonly string[])[], c: number, decimalComma: boolean, s: ColumnScan): Omit<ColumnFacts, 'missing' | 'distinct' | 'outOfRange' | 'firstOutOfRange'> | null {
  const values = s.values.slice();
  const formats = new Set<NumberFormat>();
  for (let r = 0; r < rows.length; r++) {
    const cell = rows[r][c];
    if (!Number.isNaN(values[r]) || isMissing(cell) || isOutOfRange(cell, decimalComma)) continue;
    const read = parseFormatted(cell);
    if (read === null) return null;
    // In a file of decimal commas, `1,234` is 1.234: no thousands separators there.
    if (decimalComma && read.formats.includes('thousands')) return null;
    values[r] = read.value;
    for (const f of read.formats) formats.add(f);
  }
  const first = s.firstFormatted ?? { line: 0, value: '' };
  const reason = note('csv.column-read-formatted', { count: s.formatted, formats: [...formats], first: first.value, line: first.line });
  return { kind: 'numeric', invalid: 0, decimalComma: s.commas > 0, values, formatted: true, reason };
}

/**
 * The order of a date column's year-last dates, whether any has a time of day, and
 * whether every date falls on one day of the year (a year written as a date, as Auto
 * MPG's 1970-01-01: its month is a constant and its weekday only the year in disguise).
 */
function dateFacts(rows: readonly (readonly string[])[], c: number): { order: DateOrder; timed: boolean; yearOnly: boolean } {
  const cells = rows.map((row) => row[c]).filter((cell) => !isMissing(cell) && looksLikeDate(cell));
  const order = dateOrder(cells);
  const dates = cells.map((cell) => parseDate(cell, order)).filter((d) => d !== null);
  const timed = dates.some((d) => d.timed);
  const yearOnly = !timed && dates.length > 0 && dates.every((d) => d.month === dates[0].month && d.day === dates[0].day);
  return { order, timed, yearOnly };
}

/** A column that is not numeric: categorical, or ignored with its cause and note. */
function textColumn(s: ColumnScan, facts: ColumnFacts): ColumnFacts {
  const texts = s.present - s.numbers;
  const distinct = s.seen.size;
  if (distinct === 1) return { ...facts, ignoreCause: 'constant', reason: note('csv.column-constant', { value: [...s.seen][0] }) };
  // Small files: up to 10 distinct values are categories even if every row differs.
  const capped = s.presentAtCap >= 0;
  const mostlyDistinct = capped
    ? s.presentAtCap <= DISTINCT_CAP / MOSTLY_DISTINCT
    : distinct > Math.max(10, s.present * MOSTLY_DISTINCT);
  if (!mostlyDistinct && distinct <= MAX_CATEGORIES) return facts;
  const many = { distinct: capped ? DISTINCT_CAP : distinct, capped };
  // A column of numbers with too much text in it: say so, it is the fixable part.
  const mixed =
    s.numbers >= texts && s.firstText !== undefined ? { texts, first: s.firstText.value, line: s.firstText.line } : null;
  if (mixed === null && s.dates >= texts * 0.9) {
    return { ...facts, ignoreCause: 'dates', reason: note('csv.column-dates', many) };
  }
  if (!mostlyDistinct) {
    const reason =
      mixed === null
        ? note('csv.column-too-many-categories', { ...many, max: MAX_CATEGORIES })
        : note('csv.column-mixed-categories', { ...mixed, ...many, max: MAX_CATEGORIES });
    return { ...facts, ignoreCause: 'too-many-categories', reason };
  }
  if (mixed === null && s.spaced >= texts * 0.5) {
    return { ...facts, ignoreCause: 'free-text', reason: note('csv.column-free-text', { ...many, rows: s.present }) };
  }
  const reason =
    mixed === null
      ? note('csv.column-identifier', { ...many, rows: s.present })
      : note('csv.column-mixed-identifier', { ...mixed, ...many, rows: s.present });
  return { ...facts, ignoreCause: 'identifier', reason };
}

/** True when the column's numbers never repeat (sorting a copy: only for id-named columns). */
function allDistinct(values: Float64Array): boolean {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return false;
  return true;
}
