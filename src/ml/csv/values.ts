/**
 * What one cell means: missing, a number (with a decimal point or, in semicolon files,
 * a decimal comma) or text. Strict on purpose: `Number('')` is 0 and `Number('0x1F')`
 * is 31, which are not what a spreadsheet cell means.
 */
import { msg, type Message } from '../../shared/message';

/** Spellings of "no value", compared trimmed and lower-cased. */
export const MISSING_TOKENS: readonly string[] = ['', 'na', 'n/a', 'nan', 'null', '?', '-'];

const MISSING = new Set(MISSING_TOKENS);

/** True for empty, NA, N/A, NaN, null, ?, - (any case, surrounding spaces ignored). */
export function isMissing(cell: string): boolean {
  const t = cell.trim();
  if (t.length > 4) return false;
  return MISSING.has(t.toLowerCase());
}

const POINT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(?:\d+[.,]?\d*|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The number a cell holds, or NaN. `decimalComma` also accepts `5,1` as 5.1 (and still
 * accepts `5.1`); no thousands separators, no hex, nothing infinite (`1e400` overflows:
 * NaN, so it cannot turn a feature's mean into Infinity).
 */
export function parseNumber(cell: string, decimalComma = false): number {
  const t = cell.trim();
  if (t === '') return NaN;
  // Fast path (most cells of a large file): what Number() accepts beyond POINT_NUMBER
  // is only Infinity (not finite) and 0x/0o/0b prefixes.
  const v = Number(t);
  if (Number.isFinite(v) && !hasRadixPrefix(t)) return v;
  if (decimalComma && COMMA_NUMBER.test(t)) {
    const w = Number(t.replace(',', '.'));
    return Number.isFinite(w) ? w : NaN;
  }
  return NaN;
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
