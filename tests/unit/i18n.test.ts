/**
 * The UI's two languages: translation with parameters, numbers, percentages and times
 * in each locale, which language a visit starts in, and that every message bundle
 * (src/client/i18n/messages/*.ts, whoever wrote it) is complete in Korean.
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineMessages, formatDateTime, formatNumber, formatPercent, initialLang, rememberLang, translate, type Lang } from '../../src/client/i18n';

const bundle = defineMessages(
  { steps: 'Train {n} more steps', file: '{rows} rows of {file} classified.', plain: 'Stop', missing: 'step {done} / {total}' },
  { steps: '{n}단계 더 학습', file: '{file}의 {rows}행을 분류했습니다.', plain: '중지', missing: '{done} / {total}단계' },
);

/** A Storage stand-in holding one map; `throws` makes every call throw, as blocked storage does. */
function memoryStorage(initial: Record<string, string> = {}, throws = false) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    getItem(key: string): string | null {
      if (throws) throw new DOMException('blocked', 'SecurityError');
      return map.get(key) ?? null;
    },
    setItem(key: string, value: string): void {
      if (throws) throw new DOMException('blocked', 'SecurityError');
      map.set(key, value);
    },
  };
}

describe('translate', () => {
  it.each<[Lang, keyof typeof bundle.en, Record<string, string | number> | undefined, string]>([
    ['en', 'plain', undefined, 'Stop'],
    ['ko', 'plain', undefined, '중지'],
    ['en', 'steps', { n: 2000 }, 'Train 2,000 more steps'],
    ['ko', 'steps', { n: 2000 }, '2,000단계 더 학습'],
    ['en', 'file', { rows: 30, file: 'iris_test.csv' }, '30 rows of iris_test.csv classified.'],
    ['ko', 'file', { rows: 30, file: 'iris_test.csv' }, 'iris_test.csv의 30행을 분류했습니다.'],
    // A string parameter is inserted as it is, never formatted or re-read as a template.
    ['en', 'file', { rows: '1234', file: '{rows}' }, '1234 rows of {rows} classified.'],
    // A placeholder without a value stays visible rather than vanishing.
    ['ko', 'missing', { done: 5 }, '5 / {total}단계'],
  ])('%s %s %j -> %s', (lang, key, params, expected) => {
    expect(translate(bundle, lang, key, params)).toBe(expected);
  });

  it('falls back to English, then to the key, for a message the language lacks', () => {
    const partial = { en: { only: 'English only' }, ko: {} as { only: string } };
    expect(translate(partial, 'ko', 'only')).toBe('English only');
    expect(translate(partial, 'ko', 'nothing' as 'only')).toBe('nothing');
  });
});

describe('numbers for people', () => {
  it.each<[Lang, number, number | undefined, number | undefined, string]>([
    ['en', 1234567, undefined, undefined, '1,234,567'],
    ['ko', 1234567, undefined, undefined, '1,234,567'],
    ['en', 0.96666667, undefined, undefined, '0.9667'],
    ['ko', 0.96666667, undefined, undefined, '0.9667'],
    ['en', 0.966667, 6, 6, '0.966667'],
    ['en', 0.9, 6, 6, '0.900000'],
    ['ko', 0.9, 6, 6, '0.900000'],
    ['en', -1.23456, 3, 3, '-1.235'],
    ['en', 12.34, 1, 1, '12.3'],
    ['ko', 0.00001, 10, undefined, '0.00001'],
  ])('%s formatNumber(%d, max %s, min %s) = %s', (lang, value, max, min, expected) => {
    expect(formatNumber(lang, value, max, min)).toBe(expected);
  });

  it.each<[Lang, number, number | undefined, string]>([
    ['en', 0.5, undefined, '50.0%'],
    ['ko', 0.5, undefined, '50.0%'],
    ['en', 0.96667, 1, '96.7%'],
    ['ko', 0.96667, 2, '96.67%'],
    ['en', 1, 0, '100%'],
  ])('%s formatPercent(%d, %s) = %s', (lang, value, digits, expected) => {
    expect(formatPercent(lang, value, digits)).toBe(expected);
  });

  it.each<Lang>(['en', 'ko'])('%s: a value that is not finite is shown as such, not as a wrong number', (lang) => {
    expect(formatNumber(lang, Number.NaN)).toBe('NaN');
    expect(formatNumber(lang, Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(formatPercent(lang, Number.NaN)).toBe('NaN');
  });
});

describe('checkpoint times', () => {
  // Local times, so the output does not depend on the machine's time zone.
  const saved = new Date(2024, 0, 15, 15, 4, 5);

  it.each<Lang>(['en', 'ko'])('%s: a time of today shows the time alone', (lang) => {
    const text = formatDateTime(lang, saved, new Date(2024, 0, 15, 23, 0, 0));
    expect(text).toMatch(/3:04:05/);
    expect(text).not.toContain('2024');
  });

  it.each<[Lang, string]>([
    ['en', 'Jan 15, 2024'],
    ['ko', '2024. 1. 15.'],
  ])('%s: an earlier day shows its date the way the locale writes dates (%s)', (lang, date) => {
    expect(formatDateTime(lang, saved, new Date(2024, 0, 16, 9, 0, 0))).toContain(date);
  });

  it('an unreadable time is a dash, not "Invalid Date"', () => {
    expect(formatDateTime('ko', new Date('not a date'))).toBe('—');
  });
});

describe('the language a visit starts in', () => {
  it.each<[string, Record<string, string>, string[], Lang]>([
    ['the stored choice wins over the browser', { 'playground.lang': 'en' }, ['ko-KR', 'ko'], 'en'],
    ['the stored choice wins over the browser (ko)', { 'playground.lang': 'ko' }, ['en-US'], 'ko'],
    ['a Korean browser starts in Korean', {}, ['ko-KR', 'en-US'], 'ko'],
    ['any Korean preference counts, upper case too', {}, ['en-US', 'KO'], 'ko'],
    ['another browser starts in English', {}, ['en-GB', 'de'], 'en'],
    ['no browser languages: English', {}, [], 'en'],
    ['a junk stored value is ignored', { 'playground.lang': 'fr' }, ['ko-KR'], 'ko'],
    ['a stored value is matched exactly', { 'playground.lang': 'KO ' }, ['en-US'], 'en'],
  ])('%s', (_name, stored, languages, expected) => {
    expect(initialLang(memoryStorage(stored), languages)).toBe(expected);
  });

  it('storage that throws (blocked cookies) or is missing falls back to the browser', () => {
    expect(initialLang(memoryStorage({ 'playground.lang': 'en' }, true), ['ko-KR'])).toBe('ko');
    expect(initialLang(null, ['ko-KR'])).toBe('ko');
  });

  it('a remembered choice is the next visit’s language; storage that throws loses it quietly', () => {
    const storage = memoryStorage();
    rememberLang(storage, 'ko');
    expect(initialLang(storage, ['en-US'])).toBe('ko');
    rememberLang(storage, 'en');
    expect(initialLang(storage, ['ko-KR'])).toBe('en');
    expect(() => rememberLang(memoryStorage({}, true), 'ko')).not.toThrow();
    expect(() => rememberLang(null, 'ko')).not.toThrow();
  });
});

/** Every bundle exported by a message file beside the components (src/components/<feature>/messages.ts, *Messages.ts), by file and export name. */
async function allBundles(): Promise<[string, { en: Record<string, string>; ko: Record<string, string> }][]> {
  const root = join(import.meta.dirname, '../../src/components');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)(messages|\w+Messages)\.ts$/.test(f.split(sep).join('/')));
  const found: [string, { en: Record<string, string>; ko: Record<string, string> }][] = [];
  for (const file of files) {
    const module = (await import(join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (value && typeof value === 'object' && 'en' in value && 'ko' in value) {
        found.push([`${file.split(sep).join('/')} ${name}`, value as { en: Record<string, string>; ko: Record<string, string> }]);
      }
    }
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message bundles', async () => {
  const bundles = await allBundles();

  it('the lead’s and the features’ bundles are all found', () => {
    const names = bundles.map(([name]) => name);
    for (const expected of ['app/messages.ts appMessages', 'data/messages.ts dataMessages', 'train/messages.ts trainMessages', 'train/settingsMessages.ts settingsMessages', 'predict/messages.ts predictMessages', 'checkpoints/messages.ts checkpointsMessages', 'mnist/messages.ts mnistMessages', 'analysis/messages.ts analysisMessages', 'charts/messages.ts chartsMessages']) {
      expect(names).toContain(expected);
    }
  });

  it.each(bundles)('%s: Korean has exactly the English keys, no empty message, the same placeholders', (_name, b) => {
    expect(Object.keys(b.ko).sort()).toEqual(Object.keys(b.en).sort());
    for (const [key, en] of Object.entries(b.en)) {
      const ko = b.ko[key];
      expect(typeof en === 'string' && en.trim().length > 0, `en.${key} is empty`).toBe(true);
      expect(typeof ko === 'string' && ko.trim().length > 0, `ko.${key} is empty`).toBe(true);
      expect(placeholders(ko), `ko.${key} placeholders`).toEqual(placeholders(en));
    }
  });
});
