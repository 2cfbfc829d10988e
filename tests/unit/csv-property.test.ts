import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeRow } from '../../src/ml/csv/encode';
import { loadCsv, type LoadOptions } from '../../src/ml/csv/index';
import { readTable } from '../../src/ml/csv/readTable';
import type { CsvEncoding, ParseResult } from '../../src/ml/csv/types';
import { inRange, isPointNumber, parseNumber } from '../../src/ml/csv/values';
import { english } from './words';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A result, never an exception; a failure is a real sentence, never the safety net's. */
function expectResultOrReason<T>(result: ParseResult<T>): void {
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) {
    expect(english(result.reason).length).toBeGreaterThan(10);
    expect(english(result.reason)).not.toMatch(/^Unexpected error/);
  }
}

const encodings = fc.constantFrom<CsvEncoding | 'auto'>('auto', 'utf-8', 'utf-16le', 'utf-16be', 'euc-kr', 'windows-1252');

/** Cells that stress quoting, numbers, gaps and Korean; mostly numbers and a few classes. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -50, max: 50 }).map((n) => String(n / 4)) },
  { weight: 3, arbitrary: fc.constantFrom('a', 'b', 'c', '꽃잎', '__proto__') },
  { weight: 2, arbitrary: fc.constantFrom('NA', '', '?', '-', '5,1', '"x,y"', '"q ""r"""', '1e3', '2024-01-02', '=1+1') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);

/** CSV-like text: mostly rectangular (a header or not, rows of one width), sometimes a ragged row. */
const csvText = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    columns: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ delimiter, newline, columns }) =>
    fc
      .record({
        header: fc.option(
          fc.array(fc.constantFrom('a', 'b', '', '__proto__', 'constructor', '꽃잎 길이'), { minLength: columns, maxLength: columns }),
        ),
        rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 40 }),
        ragged: fc.array(fc.tuple(fc.nat(), fc.array(cell, { maxLength: 7 })), { maxLength: 2 }),
      })
      .map(({ header, rows, ragged }) => {
        const lines = rows.map((r) => r.join(delimiter));
        for (const [at, r] of ragged) lines.splice(at % (lines.length + 1), 0, r.join(delimiter));
        if (header !== null) lines.unshift(header.join(delimiter));
        return lines.join(newline);
      }),
  );

const loadOptions: fc.Arbitrary<LoadOptions> = fc.record(
  {
    encoding: encodings,
    labelColumn: fc.constantFrom('column 1', 'a', '__proto__', 'constructor', 'nope'),
    excluded: fc.array(fc.constantFrom('column 2', 'a', 'b'), { maxLength: 2 }),
    testFraction: fc.constantFrom(0, 0.2, 0.5, 0.9, 2, -1, Number.NaN),
    seed: fc.integer(),
    chunkBytes: fc.integer({ min: 1, max: 64 }),
  },
  { requiredKeys: [] },
);

describe('the pipeline never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), encodings, (bytes, encoding) => {
        expectResultOrReason(loadCsv(bytes, 'random.csv', { encoding }));
      }),
      { numRuns: 400 },
    );
  });

  it('on arbitrary strings as UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expectResultOrReason(loadCsv(utf8(text), 'random.csv'));
      }),
      { numRuns: 400 },
    );
  });

  it('on CSV-like text with arbitrary options, and what it builds is well formed', () => {
    fc.assert(
      fc.property(csvText, loadOptions, fc.option(csvText, { nil: undefined }), (text, options, testText) => {
        const test = testText === undefined ? undefined : { bytes: utf8(testText), fileName: 'test.csv' };
        const loaded = loadCsv(utf8(text), 'data.csv', options, test);
        expectResultOrReason(loaded);
        if (!loaded.ok) return;
        const { data, schema } = loaded.value;
        const f = data.featureNames.length;
        expect(f).toBeGreaterThan(0);
        expect(schema.featureNames).toEqual(data.featureNames);
        for (const split of [data.train, data.test]) {
          expect(split.features.length).toBe(split.rows * f);
          expect(split.labels.length).toBe(split.rows);
          expect(split.features.every(Number.isFinite)).toBe(true);
          expect(split.labels.every((k) => k >= 0 && k < data.classNames.length)).toBe(true);
        }
        const row = encodeRow(schema, schema.columns.map(() => 'x'));
        expect(row.length).toBe(f);
      }),
      { numRuns: 400 },
    );
  });

  it('reads the same table whatever the chunk size', () => {
    fc.assert(
      fc.property(csvText, fc.integer({ min: 1, max: 32 }), (text, chunkBytes) => {
        const bytes = utf8(text);
        const whole = readTable(bytes, 'f.csv');
        const chunked = readTable(bytes, 'f.csv', { chunkBytes });
        expect(chunked.ok).toBe(whole.ok);
        if (whole.ok && chunked.ok) {
          expect(chunked.value.rows).toEqual(whole.value.rows);
          expect(chunked.value.columns).toEqual(whole.value.columns);
          expect(chunked.value.lines).toEqual(whole.value.lines);
        } else if (!whole.ok && !chunked.ok) expect(english(chunked.reason)).toBe(english(whole.reason));
      }),
      { numRuns: 300 },
    );
  });
});

describe('number parsing', () => {
  it('the fast path of parseNumber accepts exactly the decimal-point number syntax, and only finite values', () => {
    const numberish = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789+-.eExXoObB ,'.split('')), maxLength: 8 }),
      fc.double().map(String),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(numberish, (text) => {
        const v = parseNumber(text);
        // 4E900 overflows to Infinity and 1e200 is past MAX_MAGNITUDE: not values a feature
        // can hold, so not numbers. -0 reads as 0.
        if (isPointNumber(text) && inRange(Number(text.trim()))) expect(v).toBe(Number(text.trim()) + 0);
        else expect(v).toBeNaN();
        const w = parseNumber(text, true);
        expect(Number.isNaN(w) || inRange(w)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
