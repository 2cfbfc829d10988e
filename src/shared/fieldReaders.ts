/**
 * Readers of settings as a URL spells them: each parses and range-checks one raw value
 * and returns undefined for anything it does not accept (the caller falls back to the
 * default and says so). Plain functions, shared by the model's field table and the page's.
 */
export interface Reader<T> {
  (raw: string): T | undefined;
  /** What it accepts, for the notice that says a value was ignored (and the import check). */
  range: ValueRange;
}

/**
 * The values a reader accepts, as data the page words: whole numbers from `min` to `max`
 * (null: no bound), numbers from `min` (or above it, `above`) to `max`, up to `count`
 * comma-separated whole numbers from 1 to `max`, or one of `options`.
 */
export type ValueRange =
  | { kind: 'int'; min: number | null; max: number | null }
  | { kind: 'number'; min: number; max: number; above: boolean }
  | { kind: 'ints'; max: number; count: number }
  | { kind: 'one-of'; options: readonly string[] };

function reader<T>(read: (raw: string) => T | undefined, range: ValueRange): Reader<T> {
  return Object.assign(read, { range });
}

export const positiveInt = (max: number): Reader<number> =>
  reader((raw) => {
    const n = Number(raw);
    return /^\d+$/.test(raw.trim()) && n >= 1 && n <= max ? n : undefined;
  }, { kind: 'int', min: 1, max });

export const nonNegativeInt = (max: number): Reader<number> =>
  reader((raw) => {
    const n = Number(raw);
    return /^\d+$/.test(raw.trim()) && n <= max ? n : undefined;
  }, { kind: 'int', min: 0, max });

export const oneOf = <T extends string>(values: readonly T[]): Reader<T> =>
  reader((raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : undefined), { kind: 'one-of', options: values });

/**
 * A decimal number as a person writes it: digits, a point, an exponent. `Number()` alone
 * also takes `0x1F`, `0b1`, `Infinity` and '' (0), which no number field of the page
 * takes (the whole-number readers never did; now the decimal ones agree).
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True for a decimal number as the page's number fields and URL readers take it (no hex, no Infinity, not blank). */
export function isDecimalText(raw: string): boolean {
  return DECIMAL.test(raw.trim());
}

/** A number in [min, max] (a fraction, a penalty). */
export const between = (min: number, max: number): Reader<number> =>
  reader((raw) => {
    const n = Number(raw);
    return DECIMAL.test(raw.trim()) && n >= min && n <= max ? n : undefined;
  }, { kind: 'number', min, max, above: false });

/** A number in (0, max]. */
export const positive = (max: number): Reader<number> =>
  reader((raw) => {
    const n = Number(raw);
    return DECIMAL.test(raw.trim()) && n > 0 && n <= max ? n : undefined;
  }, { kind: 'number', min: 0, max, above: true });

/** Any whole number JavaScript holds exactly, negative too. */
export const safeInt: Reader<number> = reader((raw) => {
  const n = Number(raw);
  return /^[+-]?\d+$/.test(raw.trim()) && Number.isSafeInteger(n) ? n + 0 : undefined;
}, { kind: 'int', min: null, max: null });

/** Comma-separated positive whole numbers, e.g. "10,20,10": at most `maxCount` of them, each at most `max`. */
export const positiveInts = (max: number, maxCount: number): Reader<number[]> =>
  reader((raw) => {
    const parts = raw.split(',');
    const values = parts.map(positiveInt(max));
    if (parts.length > maxCount || values.some((v) => v === undefined)) return undefined;
    return values as number[];
  }, { kind: 'ints', max, count: maxCount });

/**
 * True when `value` (from a file: an imported model's config) is one the reader accepts
 * as the URL would write it, and reads back as the same value: what an import may put
 * into the URL. `-1` is a seed both ways; `1.5` and `"5"` are not.
 */
export function readsBack<T>(read: Reader<T>, value: unknown): boolean {
  const text = Array.isArray(value) ? value.join(',') : String(value);
  if (typeof value !== 'string' && typeof value !== 'number' && !(Array.isArray(value) && value.every((v) => typeof v === 'number'))) return false;
  const back = read(text);
  return back !== undefined && (Array.isArray(back) ? back.join(',') : String(back)) === text;
}
