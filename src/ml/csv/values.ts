/**
 * What one cell means: missing, a number (with a decimal point or, in semicolon files,
 * a decimal comma) or text. Strict on purpose: `Number('')` is 0 and `Number('0x1F')`
 * is 31, which are not what a spreadsheet cell means.
 */
import { msg, type Message } from '../../shared/message';

/**
 * Spellings of "no value", compared trimmed and lower-cased: pandas' and R's defaults
 * (NA, N/A, NaN, null), the `?` of the UCI files and the `.` of SAS exports (penguins'
 * `sex` is `.` where unknown). A whole cell only: `.5` and `-1` are numbers.
 */
export const MISSING_TOKENS: readonly string[] = ['', 'na', 'n/a', 'nan', 'null', '?', '-', '.'];

const MISSING = new Set(MISSING_TOKENS);

/** True for empty, NA, N/A, NaN, null, ?, -, . (any case, surrounding spaces ignored). */
export function isMissing(cell: string): boolean {
  const t = cell.trim();
  if (t.length > 4) return false;
  return MISSING.has(t.toLowerCase());
}

const POINT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(?:\d+[.,]?\d*|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Largest magnitude read as a number. Past it a value is treated like Infinity (missing,
 * with a warning): the square of a difference of two such values, (2e150)^2 = 4e300,
 * summed over the rows of the largest file accepted, stays finite in float64, so a
 * column's mean and std are always finite.
 */
export const MAX_MAGNITUDE = 1e150;

/** True when `v` is a number a feature may hold: finite and within ±MAX_MAGNITUDE. */
export function inRange(v: number): boolean {
  return v >= -MAX_MAGNITUDE && v <= MAX_MAGNITUDE;
}

/**
 * The number a cell holds, or NaN. `decimalComma` also accepts `5,1` as 5.1 (and still
 * accepts `5.1`); no thousands separators, no hex, nothing infinite or past ±MAX_MAGNITUDE
 * (`1e400` overflows: NaN, so it cannot turn a feature's mean into Infinity; isOutOfRange
 * tells those apart from text). `-0` reads as 0.
 */
export function parseNumber(cell: string, decimalComma = false): number {
  const t = cell.trim();
  if (t === '') return NaN;
  // Fast path (most cells of a large file): what Number() accepts beyond POINT_NUMBER
  // is only Infinity (not finite) and 0x/0o/0b prefixes. `+ 0` turns -0 into 0.
  const v = Number(t);
  if (inRange(v) && !hasRadixPrefix(t)) return v + 0;
  if (decimalComma && COMMA_NUMBER.test(t)) {
    const w = Number(t.replace(',', '.'));
    return inRange(w) ? w + 0 : NaN;
  }
  return NaN;
}

const INFINITY = /^[+-]?(?:inf|infinity)$/i;

/**
 * True when the cell is written as a number that parseNumber refuses for its size:
 * `1e309`, `Infinity`, `-inf`, `1e200`. These are treated as missing with a warning
 * (csv.not-finite), never as text or categories.
 */
export function isOutOfRange(cell: string, decimalComma = false): boolean {
  const t = cell.trim();
  if (INFINITY.test(t)) return true;
  if (POINT_NUMBER.test(t)) return !inRange(Number(t));
  return decimalComma && COMMA_NUMBER.test(t) && !inRange(Number(t.replace(',', '.')));
}

/**
 * A number written with a sign or separator this reader does not take off: `12%`, `$3`,
 * `€3`, `1,234.5`, `(12)`. Such a column is read as text, with a note saying so
 * (csv.column-formatted-numbers), rather than guessing the unit or the sign.
 */
const FORMATTED_NUMBER = /^(?:\(\s*[$€£¥₩]?\s*\d[\d.,]*\s*%?\s*\)|[+-]?\s*[$€£¥₩]\s*\d[\d.,]*|[+-]?\d[\d.,]*\s*%|[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?)$/;

/** True for `12%`, `$3`, `€3`, `1,234.5`, `(12)`: see FORMATTED_NUMBER. */
export function isFormattedNumber(cell: string): boolean {
  return FORMATTED_NUMBER.test(cell.trim());
}

import type { NumberFormat } from '../../shared/messages/csv';

const CURRENCY = /[$€£¥₩]/;

/**
 * The number a formatted cell holds, with what was taken off, or null when it is none:
 * `1,234.5` is 1234.5 (thousands), `12%` is 12 (the percent sign only: the column's unit
 * stays the file's), `$3` is 3, `(12)` is -12 (accounting). Only for a column whose every
 * value is a number or such a cell (infer.ts), so no unit is guessed for a stray one.
 */
export function parseFormatted(cell: string): { value: number; formats: NumberFormat[] } | null {
  const t = cell.trim();
  if (!FORMATTED_NUMBER.test(t)) return null;
  const formats: NumberFormat[] = [];
  let body = t;
  let sign = 1;
  if (body.startsWith('(')) {
    formats.push('parentheses');
    sign = -1;
    body = body.slice(1, -1).trim();
  }
  if (CURRENCY.test(body)) {
    formats.push('currency');
    body = body.replace(CURRENCY, '').replace(/\s+/g, '');
  }
  if (body.endsWith('%')) {
    formats.push('percent');
    body = body.slice(0, -1).trim();
  }
  if (body.includes(',')) {
    // Only groups of three after the first: `1,234.5`; `1,5` is no thousands separator.
    if (!/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(body)) return null;
    formats.push('thousands');
    body = body.replace(/,/g, '');
  }
  if (!POINT_NUMBER.test(body)) return null;
  const value = sign * Number(body);
  return inRange(value) ? { value: value + 0, formats } : null;
}

/**
 * A label cell as a number to predict: a plain number (parseNumber), else a formatted one
 * (`$250,000`, `12%`: parseFormatted), else NaN. Prices are often written so.
 */
export function parseQuantity(cell: string, decimalComma = false): number {
  const v = parseNumber(cell, decimalComma);
  return Number.isNaN(v) ? (parseFormatted(cell)?.value ?? NaN) : v;
}

/** `0x1F`, `0o7`, `0b1` (any case): Number() reads them, a spreadsheet does not. */
function hasRadixPrefix(t: string): boolean {
  if (t.length < 3 || t.charCodeAt(0) !== 48) return false;
  const c = t.charCodeAt(1) | 0x20; // lower case
  return c === 0x78 || c === 0x6f || c === 0x62; // x, o, b
}

/** The rule parseNumber's fast path implements, kept for the property test that checks it. */
export function isPointNumber(cell: string): boolean {
  return POINT_NUMBER.test(cell.trim());
}

/** True when the cell is written as a number with a decimal comma (`5,1`, `-0,25`). */
export function hasDecimalComma(cell: string): boolean {
  const t = cell.trim();
  return t.includes(',') && COMMA_NUMBER.test(t);
}

const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** True for common date and date-time spellings: 2024-03-01, 01/03/2024, 1.3.24 12:00. */
export function looksLikeDate(cell: string): boolean {
  return DATE.test(cell.trim());
}

/** The same spellings with their fields captured: year first, or year last (day and month in a column's order). */
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** Which of the two leading fields of a year-last date (01/03/2024) is the day. */
export type DateOrder = 'dmy' | 'mdy';

/** A date cell's fields: weekday 0 = Monday ... 6 = Sunday (Python's `date.weekday()`); hour 0 when no time is written. */
export interface DateFields {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  /** True when the cell had a time of day. */
  timed: boolean;
}

/**
 * The fields of a date cell, or null when it is none (or no real day: 2024-02-30).
 * Year-first cells are year-month-day; year-last ones take `order`. A two-digit year is
 * 1969-2068, as Python's `%y` reads it. Strict and calendar-checked, so the Python export
 * can read the same cells the same way (checkpoint/pythonCsv.ts).
 */
export function parseDate(cell: string, order: DateOrder): DateFields | null {
  const t = cell.trim();
  let m = YEAR_FIRST.exec(t);
  let year: number;
  let month: number;
  let day: number;
  if (m !== null) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = YEAR_LAST.exec(t);
    if (m === null) return null;
    const [a, b] = [Number(m[1]), Number(m[2])];
    year = Number(m[3]);
    if (m[3].length === 2) year += year < 69 ? 2000 : 1900;
    [day, month] = order === 'dmy' ? [a, b] : [b, a];
  }
  const timed = m[4] !== undefined;
  const hour = timed ? Number(m[4]) : 0;
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || (timed && Number(m[5]) > 59)) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCDate() !== day) return null; // 2024-02-30 rolled over into March
  return { year, month, day, weekday: (date.getUTCDay() + 6) % 7, hour, timed };
}

/**
 * The order of a column's year-last dates: a first field past 12 can only be a day (dmy),
 * a second one only a month's day (mdy); with neither, slashes read as month/day (as US
 * spreadsheets write them) and dots or dashes as day.month.
 */
export function dateOrder(cells: Iterable<string>): DateOrder {
  let slash = false;
  for (const cell of cells) {
    const m = YEAR_LAST.exec(cell.trim());
    if (m === null) continue;
    if (Number(m[1]) > 12) return 'dmy';
    if (Number(m[2]) > 12) return 'mdy';
    if (cell.includes('/')) slash = true;
  }
  return slash ? 'mdy' : 'dmy';
}

/**
 * Column names made unique and non-empty, with a note for each change. Empty names
 * become `column i` (1-based position); a repeated name `x` becomes `x (2)`, `x (3)`...
 * Names are only trimmed otherwise: `__proto__` is an ordinary name (callers use Maps).
 */
export function uniqueNames(raw: readonly string[]): { names: string[]; notes: Message[] } {
  const taken = new Set<string>();
  const notes: Message[] = [];
  const trimmed = raw.map((r) => r.trim());
  // Reserve the file's own non-empty names first so a generated name never steals one.
  const reserved = new Set(trimmed.filter((t) => t !== ''));
  const names = trimmed.map((t, i) => {
    let name = t;
    if (name === '') {
      name = `column ${i + 1}`;
      for (let k = 2; reserved.has(name) || taken.has(name); k++) name = `column ${i + 1} (${k})`;
      notes.push(msg('csv.column-unnamed', { position: i + 1, name }));
    } else if (taken.has(name)) {
      let k = 2;
      while (taken.has(`${t} (${k})`) || reserved.has(`${t} (${k})`)) k++;
      name = `${t} (${k})`;
      notes.push(msg('csv.column-renamed', { position: i + 1, original: t, name }));
    }
    taken.add(name);
    return name;
  });
  return { names, notes };
}

/** `column 1` .. `column n`, for files without a header. */
export function defaultNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `column ${i + 1}`);
}
