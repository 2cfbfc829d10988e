/**
 * Readers of settings as a URL spells them: each parses and range-checks one raw value
 * and returns undefined for anything it does not accept (the caller falls back to the
 * default and says so). Plain functions, shared by the model's field table and the page's.
 */
export type Reader<T> = (raw: string) => T | undefined;

export const positiveInt =
  (max: number): Reader<number> =>
  (raw) => {
    const n = Number(raw);
    return /^\d+$/.test(raw.trim()) && n >= 1 && n <= max ? n : undefined;
  };

export const nonNegativeInt =
  (max: number): Reader<number> =>
  (raw) => {
    const n = Number(raw);
    return /^\d+$/.test(raw.trim()) && n <= max ? n : undefined;
  };

export const oneOf =
  <T extends string>(values: readonly T[]): Reader<T> =>
  (raw) =>
    (values as readonly string[]).includes(raw) ? (raw as T) : undefined;

/** A number in [min, max] (a fraction, a penalty). */
export const between =
  (min: number, max: number): Reader<number> =>
  (raw) => {
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) && n >= min && n <= max ? n : undefined;
  };

/** A number in (0, max]. */
export const positive =
  (max: number): Reader<number> =>
  (raw) => {
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) && n > 0 && n <= max ? n : undefined;
  };

/** Any whole number JavaScript holds exactly, negative too. */
export const safeInt: Reader<number> = (raw) => {
  const n = Number(raw);
  return /^-?\d+$/.test(raw.trim()) && Number.isSafeInteger(n) ? n : undefined;
};

/** Comma-separated positive whole numbers, e.g. "10,20,10": at most `maxCount` of them, each at most `max`. */
export const positiveInts =
  (max: number, maxCount: number): Reader<number[]> =>
  (raw) => {
    const parts = raw.split(',');
    const values = parts.map(positiveInt(max));
    if (parts.length > maxCount || values.some((v) => v === undefined)) return undefined;
    return values as number[];
  };
