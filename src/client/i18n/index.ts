/**
 * The UI's two languages, English and Korean (the tutorials this app comes from were
 * read in Korean). The page's own words live in small bundles beside the features that
 * use them (src/components/<feature>/messages.ts), each declared with defineMessages so
 * the Korean side must have every English key. What the worker tells a person comes as
 * message codes, worded in ./wording/. The choice is remembered in localStorage; the
 * first visit follows the browser's language. Numbers are formatted with Intl for the
 * UI's locale.
 */

export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];
/** Each language's name in itself, for the switch. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ko: '한국어' };

const STORAGE_KEY = 'playground.lang';

type Messages = Record<string, string>;

/** A bundle of messages: English, and Korean with exactly the same keys. */
export interface MessageBundle<E extends Messages> {
  en: E;
  ko: { [K in keyof E]: string };
}

export function defineMessages<const E extends Messages>(en: E, ko: { [K in keyof E]: string }): MessageBundle<E> {
  return { en, ko };
}

/** Parameters substituted for `{name}` in a message. */
export type MessageParams = Record<string, string | number>;

/**
 * The message `key` of `bundle` in `lang`, with `{name}` placeholders filled from
 * `params` (numbers formatted for the locale). A placeholder without a value stays as it is.
 */
export function translate<E extends Messages>(bundle: MessageBundle<E>, lang: Lang, key: keyof E, params?: MessageParams): string {
  const template = (bundle[lang] as Messages)[key as string] ?? (bundle.en as Messages)[key as string] ?? String(key);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** The BCP 47 locale for Intl. */
export function locale(lang: Lang): string {
  return lang === 'ko' ? 'ko-KR' : 'en-US';
}

/**
 * A number for people: grouping, at most `maxDigits` decimals (integers get none), at
 * least `minDigits` (6 and 6 print evaluate()'s 0.966667 the way the tutorial does).
 */
export function formatNumber(lang: Lang, value: number, maxDigits = 4, minDigits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const max = Math.max(maxDigits, minDigits);
  return numberFormat(lang, minDigits, max).format(value);
}

/**
 * Intl formatters by language and options: building one costs about a tenth of a
 * millisecond, and a wide file's column table formats two numbers per column, a run's
 * panels a few hundred percentages and times per second.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let format = formatters.get(key) as F | undefined;
  if (format === undefined) {
    format = make();
    formatters.set(key, format);
  }
  return format;
}

function numberFormat(lang: Lang, minDigits: number, maxDigits: number): Intl.NumberFormat {
  return cached(`number ${lang} ${minDigits} ${maxDigits}`, () => new Intl.NumberFormat(locale(lang), { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits }));
}

/** A fraction in [0, 1] as a percentage. */
export function formatPercent(lang: Lang, value: number, digits = 1): string {
  if (!Number.isFinite(value)) return String(value);
  return cached(`percent ${lang} ${digits}`, () => new Intl.NumberFormat(locale(lang), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits })).format(value);
}

/**
 * A moment for people in the UI's locale (checkpoint times): the time alone when it is
 * today, else the date and the time. `now` is a parameter so tests need no clock.
 */
export function formatDateTime(lang: Lang, when: Date, now: Date = new Date()): string {
  if (Number.isNaN(when.getTime())) return '—';
  const today = when.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = today ? { timeStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
  return cached(`date ${lang} ${today}`, () => new Intl.DateTimeFormat(locale(lang), options)).format(when);
}

/** The language to start with: the remembered choice, else the browser's first preference. */
export function initialLang(storage: Pick<Storage, 'getItem'> | null, languages: readonly string[]): Lang {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage can throw (blocked cookies): fall back to the browser's language.
  }
  if (stored === 'en' || stored === 'ko') return stored;
  return languages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}

export function rememberLang(storage: Pick<Storage, 'setItem'> | null, lang: Lang): void {
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, still switched.
  }
}
