import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/ml/csv/delimiter';
import { checkFileSize, MAX_FILE_BYTES, readTable } from '../../src/ml/csv/readTable';
import { CsvTokenizer, parseCsvText } from '../../src/ml/csv/tokenize';
import type { Delimiter, HeaderKind, ReadOptions } from '../../src/ml/csv/types';
import { isMissing, parseNumber, uniqueNames } from '../../src/ml/csv/values';
import { english } from './words';

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (text: string, options?: ReadOptions) => readTable(utf8(text), 'data.csv', options);

describe('tokenizer', () => {
  it.each<[string, string, string[][], number[]]>([
    ['plain', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']], [1, 2]],
    ['CRLF and no final newline', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']], [1, 2]],
    ['lone CR', 'a,b\r1,2\r', [['a', 'b'], ['1', '2']], [1, 2]],
    ['quoted delimiter, quote and newline', 'a,"b,""c""\nd"\n1,2\n', [['a', 'b,"c"\nd'], ['1', '2']], [1, 3]],
    ['blank lines skipped, line numbers kept', 'a,b\n\n  \n1,2\n', [['a', 'b'], ['1', '2']], [1, 4]],
    ['empty fields', ',,\n', [['', '', '']], [1]],
    ['quote inside an unquoted field is literal', 'a"b,c\n', [['a"b', 'c']], [1]],
    ['text after a closing quote is kept', '"ab"c,d\n', [['abc', 'd']], [1]],
    ['CRLF inside quotes counts one line', '"a\r\nb",c\r\nx,y\r\n', [['a\r\nb', 'c'], ['x', 'y']], [1, 3]],
  ])('%s', (_, text, records, lines) => {
    const parsed = parseCsvText(text);
    expect(parsed.ok && parsed.value).toEqual({ records, lines });
  });

  it('gives the same records whatever the chunking of the text', () => {
    const text = 'name,note\r\n"x, y","he said ""hi""\r\nbye"\r\n\r\nz,w\r\n"q"';
    const expected = parseCsvText(text);
    for (let size = 1; size <= text.length; size++) {
      const records: string[][] = [];
      const lines: number[] = [];
      const tokenizer = new CsvTokenizer(',', (cells, line) => {
        records.push(cells);
        lines.push(line);
      });
      for (let at = 0; at < text.length; at += size) tokenizer.push(text.slice(at, at + size));
      expect(tokenizer.end().ok).toBe(true);
      expect({ records, lines }, `chunks of ${size}`).toEqual(expected.ok && expected.value);
    }
  });

  it('names the line an unterminated quote starts on', () => {
    const parsed = parseCsvText('a,b\n1,2\n3,"oops\n4,5\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(english(parsed.reason)).toMatch(/line 3 opens a quoted value/);
  });
});

describe('delimiter detection', () => {
  it.each<[string, string, Delimiter]>([
    ['comma', 'a,b,c\n1,2,x\n3,4,y\n', ','],
    ['semicolon', 'a;b;c\n1;2;x\n3;4;y\n', ';'],
    ['tab', 'a\tb\tc\n1\t2\tx\n3\t4\ty\n', '\t'],
    ['pipe', 'a|b|c\n1|2|x\n3|4|y\n', '|'],
    ['semicolon with decimal commas and a header', 'l;w;class\n5,1;3,5;x\n4,9;3,0;y\n', ';'],
    ['semicolon with decimal commas, no header', '5,1;3,5\n4,9;3,0\n4,7;3,2\n', ';'],
    ['comma with semicolons inside quotes', 'a,b\n"x;y;z",1\n"p;q;r",2\n', ','],
    ['comma with a text column holding semicolons', 'a,b,c\n1.5,2.5,x;y\n1.5,3.5,p;q\n', ','],
    ['tab with commas in text', 'name\tnote\nx\ta, b\ny\tc, d\n', '\t'],
  ])('%s', (_, text, delimiter) => {
    expect(detectDelimiter(text, true)).toBe(delimiter);
  });

  it('a delimiter option overrides detection', () => {
    const table = read('a;b,c\n1;2,3\n4;5,6\n', { delimiter: ';' });
    expect(table.ok && table.value.columns).toEqual(['a', 'b,c']);
  });
});

describe('header detection', () => {
  it.each<[string, string, HeaderKind, string[]]>([
    ['names over numbers', 'x,y,class\n1,2,a\n3,4,b\n', 'names', ['x', 'y', 'class']],
    ['all numeric first row', '1,2,0\n3,4,1\n5,6,0\n', 'none', ['column 1', 'column 2', 'column 3']],
    ['first row numeric with a missing cell', '1,,0\n3,4,1\n', 'none', ['column 1', 'column 2', 'column 3']],
    ['text data whose values recur', 'red,small,yes\nblue,large,no\nred,large,yes\n', 'none', ['column 1', 'column 2', 'column 3']],
    ['text names over text data', 'colour,size,buy\nred,small,yes\nblue,large,no\n', 'names', ['colour', 'size', 'buy']],
    ['TensorFlow header', '3,2,setosa,versicolor\n1,2,0\n3,4,1\n5,6,1\n', 'tensorflow', ['column 1', 'column 2', 'class']],
    ['TensorFlow header without class names', '2,2\n1,2,0\n3,4,1\n', 'tensorflow', ['column 1', 'column 2', 'class']],
    ['Korean names', '꽃잎 길이,품종\n1.4,부채붓꽃\n1.3,setosa\n', 'names', ['꽃잎 길이', '품종']],
  ])('%s', (_, text, header, columns) => {
    const table = read(text);
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.value.header).toBe(header);
    expect(table.value.columns).toEqual(columns);
  });

  it('keeps the TensorFlow class names for the label ids', () => {
    const table = read('2,2,setosa,versicolor\n1,2,0\n3,4,1\n');
    expect(table.ok && table.value.tensorflowClasses).toEqual(['setosa', 'versicolor']);
  });

  it('a header option overrides detection', () => {
    const table = read('1,2,0\n3,4,1\n5,6,0\n', { header: 'names' });
    expect(table.ok && table.value.columns).toEqual(['1', '2', '0']);
  });

  it.each<[string[], string[]]>([
    [['x', 'x', 'x'], ['x', 'x (2)', 'x (3)']],
    [['a', '', 'c'], ['a', 'column 2', 'c']],
    [['x', 'x', 'x (2)'], ['x', 'x (3)', 'x (2)']],
    [['column 2', ''], ['column 2', 'column 2 (2)']],
    [['__proto__', 'constructor', ' toString '], ['__proto__', 'constructor', 'toString']],
  ])('unique names %j -> %j', (raw, names) => {
    expect(uniqueNames(raw).names).toEqual(names);
  });

  it('reports renamed columns as warnings', () => {
    const table = read('x,x,\n1,2,3\n4,5,6\n');
    expect(table.ok && table.value.columns).toEqual(['x', 'x (2)', 'column 3']);
    expect(table.ok && table.value.warnings.map(english).join(' ')).toMatch(/Column 2 repeats the name "x".*Column 3 has no name/);
  });
});

describe('cells', () => {
  it.each([['', true], [' NA ', true], ['n/a', true], ['NaN', true], ['NULL', true], ['?', true], ['-', true], ['.', true], [' . ', true], ['0', false], ['none', false], ['-1', false], ['.5', false]])(
    'isMissing(%j) is %s',
    (cell, missing) => {
      expect(isMissing(cell)).toBe(missing);
    },
  );

  it.each<[string, boolean, number]>([
    ['5.1', false, 5.1],
    [' -1.5 ', false, -1.5],
    ['1e3', false, 1000],
    ['.5', false, 0.5],
    ['5,1', false, NaN],
    ['5,1', true, 5.1],
    ['5.1', true, 5.1],
    ['0x1F', false, NaN],
    ['Infinity', false, NaN],
    ['1e400', false, NaN],
    ['1e200', false, NaN],
    ['-0', false, 0],
    ['12%', false, NaN],
    ['$3', false, NaN],
    ['1,5e400', true, NaN],
    ['1,000.5', true, NaN],
    ['', false, NaN],
  ])('parseNumber(%j, decimalComma %s) is %s', (cell, comma, value) => {
    expect(parseNumber(cell, comma)).toBe(value);
  });
});

describe('bad input is refused with a reason naming the file and the line', () => {
  it.each<[string, string, RegExp]>([
    ['an empty file', '', /^data\.csv is empty/],
    ['only blank lines', '\n\n  \n', /^data\.csv is empty/],
    ['a header with no rows', 'a,b,c\n', /data\.csv has a header \(line 1\) but no rows/],
    ['a single column', 'value\n1\n2\n3\n', /data\.csv has only one column/],
    ['an unterminated quote', 'a,b\n1,2\n3,"x\n4,5\n', /data\.csv: line 3 opens a quoted value .* never closed/],
    ['many ragged rows', 'a,b,c\n1,2,3\n4,5\n6,7,8\n9\n', /2 of 4 rows do not have 3 values \(lines 3, 5\)/],
    ['a header that does not match the rows', 'a,b\n1,2,3\n4,5,6\n7,8,9\n', /line 1 names 2 columns but most rows have 3 values/],
    ['only missing values', 'a,b\nNA,\n?,-\n', /has no values/],
  ])('%s', (_, text, reason) => {
    const table = read(text);
    expect(table.ok).toBe(false);
    if (!table.ok) expect(english(table.reason)).toMatch(reason);
  });

  it('skips a few ragged rows, counting them and naming their lines', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i},${i % 2}`);
    rows[9] = '9,1,extra';
    const table = read(`x,y\n${rows.join('\n')}\n`);
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.value.rows.length).toBe(39);
    expect(table.value.skippedLines).toEqual([11]);
    expect(table.value.warnings.map(english).join(' ')).toMatch(/Skipped 1 rows .* \(lines 11\)/);
  });

  it('accepts a single column when asked to (a file of rows to classify)', () => {
    const table = read('size\n1\n2\n', { minColumns: 1 });
    expect(table.ok && table.value.rows).toEqual([['1'], ['2']]);
  });

  it('drops blank trailing cells left by a trailing delimiter', () => {
    const table = read('a,b\n1,2,\n3,4,,\n');
    expect(table.ok && table.value.rows).toEqual([['1', '2'], ['3', '4']]);
  });

  it('refuses a file over the memory budget before parsing, saying what is allowed', () => {
    expect(MAX_FILE_BYTES).toBe(200 * 1024 * 1024);
    const big = checkFileSize(250 * 1024 * 1024, 'huge.csv');
    expect(big.ok).toBe(false);
    if (!big.ok) expect(english(big.reason)).toBe('huge.csv is 250 MB; files up to 200 MB can be loaded here. Remove rows or columns, or split the file.');
    const table = readTable(utf8('a,b\n1,2\n'), 'small.csv', { maxBytes: 4 });
    expect(!table.ok && english(table.reason)).toMatch(/small\.csv is 8 bytes; files up to 4 bytes can be loaded/);
  });
});
