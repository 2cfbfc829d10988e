/**
 * Broken files (issue 19, items 6, 7, 8, 10): an extreme number never reaches the network
 * as an infinity; a UTF-8 file with one stray byte stays UTF-8 and names the line; cells a
 * model cannot read are flagged in a file to classify; Excel's sep= line and formatted
 * numbers are read.
 */
import { describe, expect, it } from 'vitest';
import { build, table, utf8 } from './csvFixtures';
import { buildDataset } from '../../src/ml/csv/dataset';
import { readTable } from '../../src/ml/csv/readTable';
import { detectEncoding } from '../../src/ml/csv/sniff';
import { encodeTableForPrediction } from '../../src/ml/csv/predict';
import { predictionsToCsv, readPredictionsCsv } from '../../src/ml/csv/export';
import { english } from './words';

const rows = (n: number, row: (r: number) => string) => Array.from({ length: n }, (_, r) => row(r)).join('\n');

describe('extreme numbers (item 6)', () => {
  it.each(['1e300', '-1e300', '1e309', 'Infinity', '3e38', '1e150'])('%s in a training column: every encoded value is finite in float32, and the cell is named', (big) => {
    const text = `a,b,class\n${rows(40, (r) => `${r === 7 ? big : r % 5},${(r * 3) % 7},${r % 2 ? 'x' : 'y'}`)}`;
    const built = build(text);
    for (const split of [built.data.train, built.data.test]) {
      for (const v of split.features) expect(Number.isFinite(v) && Math.abs(v) < 3.4e38).toBe(true);
    }
    const tooLarge = Math.abs(Number(big)) > 1e150;
    if (tooLarge) expect(built.preview.warnings).toContainEqual({ code: 'csv.not-finite', params: { column: 'a', count: 1, first: big, line: 9 } });
  });
});

describe('encodings (item 7)', () => {
  // "café" on 40 rows, one stray 0xE9 (a Windows-1252 é pasted in) in place of the "#" on line 12.
  const bytes = (() => {
    const lines = ['name,class', ...Array.from({ length: 40 }, (_, r) => `${r === 10 ? 'caf#' : 'café'}${r % 3},${r % 2 ? 'x' : 'y'}`)];
    const encoded = utf8(lines.join('\n') + '\n');
    encoded[encoded.indexOf(0x23)] = 0xe9;
    return encoded;
  })();

  it('a UTF-8 file with one stray byte is UTF-8, not EUC-KR, with the reason', () => {
    expect(detectEncoding(bytes)).toMatchObject({ encoding: 'utf-8', evidence: 'utf-8-mostly', invalid: 1 });
    const read = readTable(bytes, 'cafe.csv');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.rows.map((r) => r[0]).filter((c) => !c.startsWith('café') && !c.startsWith('caf\uFFFD'))).toEqual([]);
    expect(read.value.encodingReason).toMatchObject({ code: 'csv.encoding-reason', params: { encoding: 'utf-8', why: 'utf-8-mostly', invalid: 1 } });
    const warning = read.value.warnings.find((w) => w.code === 'csv.replaced-bytes');
    expect(warning).toMatchObject({ params: { count: 1, lines: [12], more: 0 } });
    expect(read.value.rows[read.value.lines.indexOf(12)][0]).toBe('caf\uFFFD1');
    expect(english(warning!)).toMatch(/1 byte of cafe\.csv is not valid utf-8 .* on line 12\./);
  });

  it('real EUC-KR text is still EUC-KR', () => {
    // "품종,클래스" etc. in EUC-KR bytes: 한 = B0A1? use the browser-independent pairs of 가 (B0 A1) and 나 (B3 AA).
    const pairs = [0xb0, 0xa1, 0xb3, 0xaa];
    const body: number[] = [];
    for (let r = 0; r < 30; r++) body.push(...pairs, 0x2c, 0x31 + (r % 3), 0x0a);
    expect(detectEncoding(new Uint8Array(body)).encoding).toBe('euc-kr');
  });

  it('names the encoding it was told to use', () => {
    const read = readTable(utf8('a,class\n1,x\n2,y\n'), 'f.csv', { encoding: 'windows-1252' });
    expect(read.ok && read.value.encodingReason).toMatchObject({ params: { why: 'chosen', encoding: 'windows-1252' } });
  });
});

describe('formatted numbers and Excel (item 10)', () => {
  it("reads Excel's sep=; line as the delimiter, keeping the file's line numbers", () => {
    const t = table('sep=;\na;b;class\n1,5;2;x\n2,5;3;y\n3,5;1;x\n4;2;y\n');
    expect(t.delimiter).toBe(';');
    expect(t.columns).toEqual(['a', 'b', 'class']);
    expect(t.lines[0]).toBe(3);
  });

  it.each([
    ['1,234.5 (quoted)', ['"1,234.5"', '"12,000"', '7', '"2,500.25"'], [1234.5, 12000, 7, 2500.25], ['thousands']],
    ['12%', ['12%', '5%', '100%', '0.5%'], [12, 5, 100, 0.5], ['percent']],
    ['$3', ['$3', '$10.50', '$0', '$7'], [3, 10.5, 0, 7], ['currency']],
    ['(12)', ['(12)', '4', '(3.5)', '8'], [-12, 4, -3.5, 8], ['parentheses']],
  ])('a column of %s is numeric, with a note saying what was taken off', (_name, cells, values, formats) => {
    const text = `amount,class\n${rows(24, (r) => `${cells[r % 4]},${r % 2 ? 'x' : 'y'}`)}`;
    const built = build(text, { testFraction: 0 });
    const column = built.schema.columns[0];
    expect(column).toMatchObject({ kind: 'numeric', role: 'feature', formatted: true, reason: { code: 'csv.column-read-formatted', params: { formats } } });
    // Standardised with the parsed values: mean of the four values repeated.
    const mean = values.reduce((a, b) => a + b, 0) / 4;
    expect(column.mean).toBeCloseTo(mean, 6);
    expect(english(column.reason!)).toMatch(/^read as numbers: .* removed/);
  });

  it('a column with formatted numbers and words stays text, saying why', () => {
    const text = `amount,class\n${rows(24, (r) => `${['12%', 'lots', 'few', '3%'][r % 4]},${r % 2 ? 'x' : 'y'}`)}`;
    expect(build(text).schema.columns[0].kind).toBe('categorical');
  });
});

describe('a file to classify (item 8)', () => {
  const training = `size,colour,class\n${rows(30, (r) => `${r % 7},${['red', 'blue'][r % 2]},${r % 2 ? 'x' : 'y'}`)}`;
  const { schema } = build(training);

  it('flags text, Infinity and unseen categories by cell, and the download names them', () => {
    const file = table('size,colour\n3,red\nbig,blue\nInfinity,green\n4,\n', 'new.csv');
    const encoded = encodeTableForPrediction(schema, file);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.value.flaggedRows).toBe(2);
    expect(encoded.value.flags).toEqual([
      undefined,
      [{ column: 'size', kind: 'not-a-number' }],
      [{ column: 'size', kind: 'not-finite' }, { column: 'colour', kind: 'unseen-category' }],
      undefined,
    ]);
    const probabilities = file.rows.map(() => [0.5, 0.5]);
    const csv = predictionsToCsv(file.columns, file.rows, schema.classNames, [0, 1, 0, 1], probabilities, encoded.value.flags);
    const back = readPredictionsCsv(csv.slice(1), 2);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.value.header).toEqual(['size', 'colour', 'warnings']);
    expect(back.value.rows.map((r) => r[2])).toEqual(['', 'size: not-a-number', 'size: not-finite; colour: unseen-category', '']);
  });

  it('adds no warnings column when every cell reads', () => {
    const file = table('size,colour\n3,red\n4,blue\n', 'new.csv');
    const encoded = encodeTableForPrediction(schema, file);
    expect(encoded.ok && encoded.value.flaggedRows).toBe(0);
    if (!encoded.ok) return;
    const csv = predictionsToCsv(file.columns, file.rows, schema.classNames, [0, 1], [[1, 0], [0, 1]], encoded.value.flags);
    expect(csv.split('\r\n')[0]).not.toContain('warnings');
  });

  it('keeps a built data set buildable after the schema gained flags', () => {
    expect(buildDataset(table(training)).ok).toBe(true);
  });
});
