// First guesses for a dropped CSV: the label column (by name, then the last class-like
// column) and why; dates become year, month, weekday (and hour); JSON and Excel files are
// named for what they are; classes with too few rows are named, merged or dropped.
import { describe, expect, it } from 'vitest';
import { encodeRow, encodeRows } from '../../src/ml/csv/encode';
import { encodeInputs, encodeTableForPrediction, featureInputs } from '../../src/ml/csv/predict';
import { readTable } from '../../src/ml/csv/readTable';
import { rareClasses, rareRemap } from '../../src/ml/csv/rare';
import { targetNameRank } from '../../src/ml/csv/labelGuess';
import { dateOrder, parseDate } from '../../src/ml/csv/values';
import { checkpointMeta, parseMeta } from '../../src/ml/checkpoint/meta';
import { formatMessage } from '../../src/client/i18n/wording';
import { fitSchema, openCsv } from '../../src/ml/datasets/csv';
import { build, table, utf8 } from './csvFixtures';
import { english } from './words';
import { IRIS_CONFIG } from './helpers';


const labelOf = (b: ReturnType<typeof build>) => b.schema.columns[b.schema.labelIndex].name;

/** Penguins' shape: species first, sex last (with "." for unknown), one class of a single row. */
function penguins(rows = 40, speciesName = 'species'): string {
  const lines = [`${speciesName},island,bill_length_mm,bill_depth_mm,body_mass_g,sex`];
  const species = ['Adelie', 'Gentoo', 'Chinstrap'];
  for (let r = 0; r < rows; r++) {
    const sex = r % 9 === 0 ? '.' : r % 2 === 0 ? 'MALE' : 'FEMALE';
    lines.push(`${species[r % 3]},${['Biscoe', 'Dream', 'Torgersen'][(r * 7) % 3]},${(38 + (r % 11) * 1.3).toFixed(1)},${(15 + (r % 7) * 0.6).toFixed(1)},${3200 + r * 25},${sex}`);
  }
  return lines.join('\n');
}

describe('the label guess', () => {
  it('takes a column named like a target over the last column, and says why', () => {
    const b = build(penguins());
    expect(labelOf(b)).toBe('species');
    expect(b.preview.labelReason).toEqual({ code: 'csv.label-reason', params: { label: 'species', why: 'name', classes: 3 } });
    expect(english(b.preview.labelReason)).toBe('species: its name says it is the target (3 classes)');
    expect(formatMessage('ko', b.preview.labelReason!)).toContain('species: 이름이 예측 대상임을');
    // The other class-like columns are offered: island and sex (right to left), not the measurements.
    expect(b.preview.labelAlternatives).toEqual(['sex', 'island']);
    expect(b.preview.warnings.filter((w) => w.code === 'csv.label-fallback')).toEqual([]);
  });

  it.each(['Species', 'SPECIES', ' Class ', 'target', 'Survived', 'y', '품종', '클래스', '레이블', 'class_label', 'Target value'])(
    'a column named %j is the target',
    (name) => {
      expect(targetNameRank(name)).toBeGreaterThan(0);
      expect(labelOf(build(penguins(40, name)))).toBe(name.trim());
    },
  );

  it.each(['speciesism', 'classy', 'yes', 'body_y', 'island'])('a column named %j is not', (name) => {
    expect(targetNameRank(name)).toBe(0);
  });

  it('ranks a whole-name match above a word match', () => {
    const lines = ['class_code,colour,label'];
    for (let r = 0; r < 20; r++) lines.push(`${['p', 'q'][r % 2]},${['red', 'blue'][r % 2]},${['a', 'b', 'c'][r % 3]}`);
    expect(labelOf(build(lines.join('\n')))).toBe('label');
  });

  it('does not take a target-named column of measurements over a last column of classes (a y coordinate), but over a last measurement', () => {
    const lines = ['y,colour'];
    for (let r = 0; r < 30; r++) lines.push(`${(r % 15) * 1.5 + 0.25},${['red', 'blue', 'green'][r % 3]}`);
    const b = build(lines.join('\n'));
    expect(labelOf(b)).toBe('colour');
    expect(b.preview.labelReason?.params).toMatchObject({ why: 'last-class-like' });
    const numbers = ['y,colour,width'];
    for (let r = 0; r < 30; r++) numbers.push(`${(r % 15) * 1.5 + 0.25},${['red', 'blue', 'green'][r % 3]},${(r * 0.37).toFixed(2)}`);
    const named = build(numbers.join('\n'));
    expect(labelOf(named)).toBe('y');
    expect(named.preview.task).toBe('regression');
    expect(named.preview.labelReason?.params).toMatchObject({ why: 'name-quantity' });
    expect(named.preview.labelAlternatives).toEqual(['colour']);
  });

  it('predicts a last column of 15 measured values (bill_mm) as a number, and with classes asked skips it for the last class-like column', () => {
    const lines = ['colour,size,bill_mm'];
    for (let r = 0; r < 60; r++) lines.push(`${['red', 'blue', 'green'][r % 3]},${r % 4},${(30 + (r % 15) * 0.7).toFixed(1)}`);
    const number = build(lines.join('\n'));
    expect(labelOf(number)).toBe('bill_mm');
    expect(number.preview.labelReason?.params).toMatchObject({ why: 'last-quantity' });
    const b = build(lines.join('\n'), { task: 'classification' });
    // size: whole numbers 0-3, 15 rows each: class-like, and the last such column.
    expect(labelOf(b)).toBe('size');
    expect(b.preview.labelReason).toEqual({ code: 'csv.label-reason', params: { label: 'size', why: 'last-class-like', classes: 4 } });
    expect(english(b.preview.labelReason)).toBe('size: the last column with few distinct values (4 classes)');
    const fallback = b.preview.warnings.find((w) => w.code === 'csv.label-fallback');
    expect(fallback?.params).toMatchObject({ last: 'bill_mm', label: 'size', why: 'measurement', distinct: 15 });
    expect(english(fallback)).toContain('bill_mm');
    expect(b.preview.labelAlternatives).toEqual(['colour']);
  });

  it('says "you picked it" for a chosen label and still offers the others', () => {
    const b = build(penguins(), { labelColumn: 'island' });
    expect(labelOf(b)).toBe('island');
    expect(b.preview.labelReason?.params).toMatchObject({ why: 'chosen', label: 'island' });
    expect(b.preview.labelAlternatives).toEqual(['species', 'sex']);
  });

  it('falls back to the last column when no column looks like classes (a tiny file)', () => {
    const b = build('x,kind\n1.5,a\n2.5,b\n3.5,c\n4.5,a');
    expect(labelOf(b)).toBe('kind');
    expect(b.preview.labelReason?.params).toMatchObject({ why: 'last-column' });
  });
});

describe('date columns', () => {
  it('reads dates calendar-checked, with weekday 0 = Monday and two-digit years as Python does', () => {
    expect(parseDate('2024-03-04', 'dmy')).toEqual({ year: 2024, month: 3, day: 4, weekday: 0, hour: 0, timed: false });
    expect(parseDate('2024-03-10 17:30', 'dmy')).toMatchObject({ weekday: 6, hour: 17, timed: true });
    expect(parseDate('04/03/2024', 'dmy')).toMatchObject({ month: 3, day: 4 });
    expect(parseDate('04/03/2024', 'mdy')).toMatchObject({ month: 4, day: 3 });
    expect(parseDate('1.3.68', 'dmy')).toMatchObject({ year: 2068 });
    expect(parseDate('1.3.69', 'dmy')).toMatchObject({ year: 1969 });
    expect(parseDate('2024-02-30', 'dmy')).toBeNull();
    expect(parseDate('2023-02-29', 'dmy')).toBeNull();
    expect(parseDate('2024-02-29', 'dmy')).toMatchObject({ weekday: 3 });
    expect(parseDate('2024-01-01 24:00', 'dmy')).toBeNull();
    expect(parseDate('soon', 'dmy')).toBeNull();
    expect(dateOrder(['01/02/2024', '13/02/2024'])).toBe('dmy');
    expect(dateOrder(['01/02/2024', '02/13/2024'])).toBe('mdy');
    expect(dateOrder(['01/02/2024'])).toBe('mdy');
    expect(dateOrder(['01.02.2024'])).toBe('dmy');
  });

  /** seattle-weather's shape: a date, a year column, a number and the weather. */
  function weather(timed: boolean): string {
    const lines = ['date,year,precipitation,weather'];
    for (let r = 0; r < 40; r++) {
      const day = new Date(Date.UTC(2012, 0, 1 + r * 9));
      const iso = day.toISOString().slice(0, 10) + (timed ? ` ${String(r % 24).padStart(2, '0')}:15` : '');
      lines.push(`${r === 5 ? '' : iso},${1990 + r},${(r % 7) * 0.8},${['rain', 'sun', 'fog'][r % 3]}`);
    }
    return lines.join('\n');
  }

  it('becomes year, month and weekday inputs; a year-like integer column stays numeric', () => {
    const b = build(weather(false));
    const date = b.schema.columns.find((c) => c.name === 'date');
    expect(date).toMatchObject({ role: 'feature', kind: 'date', missing: 1 });
    expect(date?.date?.parts).toEqual(['year', 'month', 'weekday']);
    expect(b.schema.columns.find((c) => c.name === 'year')).toMatchObject({ role: 'feature', kind: 'numeric' });
    expect(b.schema.featureNames).toEqual(['date:year', 'date:month', 'date:weekday', 'year', 'precipitation']);
    // Standardised over the training split: each part's mean encodes as 0.
    const { mean, std } = date!.date!;
    expect(std.every((s) => s > 0)).toBe(true);
    const row = encodeRow(b.schema, ['2013-06-03', '2000', '1.6', '']);
    expect(row[0]).toBeCloseTo((2013 - mean[0]) / std[0], 5);
    expect(row[1]).toBeCloseTo((6 - mean[1]) / std[1], 5);
    expect(row[2]).toBeCloseTo((0 - mean[2]) / std[2], 5); // a Monday
    // A missing date takes every part's mean.
    expect(Array.from(encodeRow(b.schema, ['', '2000', '1.6', '']).slice(0, 3))).toEqual([0, 0, 0]);
  });

  it('adds the hour only when the column has times', () => {
    const b = build(weather(true));
    expect(b.schema.columns[0].date?.parts).toEqual(['year', 'month', 'weekday', 'hour']);
    expect(b.schema.featureNames.slice(0, 4)).toEqual(['date:year', 'date:month', 'date:weekday', 'date:hour']);
  });

  it('is only its year when every date is one day of the year (Auto MPG’s 1970-01-01): no constant month, no weekday that only encodes the year', () => {
    const lines = ['made,weight,origin'];
    for (let r = 0; r < 40; r++) lines.push(`${1970 + (r % 13)}-01-01,${2000 + r * 37},${['usa', 'japan', 'europe'][r % 3]}`);
    const b = build(lines.join('\n'));
    expect(b.schema.columns[0]).toMatchObject({ role: 'feature', kind: 'date' });
    expect(b.schema.columns[0].date?.parts).toEqual(['year']);
    expect(b.schema.featureNames).toEqual(['made:year', 'weight']);
    const { mean, std } = b.schema.columns[0].date!;
    expect(encodeRow(b.schema, ['1975-01-01', '2100', ''])[0]).toBeCloseTo((1975 - mean[0]) / std[0], 5);
    // One other day anywhere, and the date is a date again.
    lines[7] = '1976-06-01,2222,usa';
    expect(build(lines.join('\n')).schema.columns[0].date?.parts).toEqual(['year', 'month', 'weekday']);
  });

  it('is one input in the form, encoded as the training rows are, and refuses a text that is no date', () => {
    const b = build(weather(true));
    const inputs = featureInputs(b.schema);
    expect(inputs.map((i) => [i.name, i.kind])).toEqual([['date', 'date'], ['year', 'numeric'], ['precipitation', 'numeric']]);
    const t = table(weather(true));
    const typed = encodeInputs(b.schema, [t.rows[3][0], t.rows[3][1], t.rows[3][2]]);
    expect(typed.ok && Array.from(typed.value)).toEqual(Array.from(encodeRows(b.schema, t.rows, [3], [0, 1, 2, 3], false)));
    const bad = encodeInputs(b.schema, ['next week', '2000', '1']);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && english(bad.reason)).toBe('date: "next week" is not a date; write it like 2024-03-01.');
    // A file of rows: the same numbers as the form's.
    const file = encodeTableForPrediction(b.schema, t);
    const width = b.schema.featureNames.length;
    expect(file.ok && Array.from(file.value.features.slice(3 * width, 4 * width))).toEqual(typed.ok ? Array.from(typed.value) : []);
  });

  it('travels in a checkpoint: the meta check accepts a date schema and refuses a broken one', () => {
    const b = build(weather(false));
    const meta = checkpointMeta({ data: b.data, source: 'csv', config: IRIS_CONFIG, globalStep: 10, schema: b.schema });
    expect(parseMeta(JSON.parse(JSON.stringify(meta)), 'meta.json').ok).toBe(true);
    const broken = JSON.parse(JSON.stringify(meta));
    broken.schema.columns[0].date.std = [1];
    expect(parseMeta(broken, 'meta.json').ok).toBe(false);
    // A date column left out, or the label, has no parts: still a valid schema.
    for (const options of [{ excluded: ['date'] }, { labelColumn: 'date' }]) {
      const other = build(weather(false), options);
      expect([other.schema.columns[0].kind, other.schema.columns[0].date]).toEqual(['date', undefined]);
      const m = checkpointMeta({ data: other.data, source: 'csv', config: IRIS_CONFIG, globalStep: 10, schema: other.schema });
      expect(parseMeta(JSON.parse(JSON.stringify(m)), 'meta.json').ok).toBe(true);
    }
  });
});

describe('files that are no CSV', () => {
  const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(utf8(p)) : p)));
  const read = (b: Uint8Array, name: string) => {
    const r = readTable(b, name);
    return r.ok ? null : r.reason;
  };
  const PK = [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0];
  const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const utf16 = (s: string) => Array.from(s).flatMap((ch) => [ch.charCodeAt(0), 0]);

  it.each<[string, Uint8Array, string, string]>([
    ['an object', bytes('{"species": "Adelie"}'), 'data.csv', 'json'],
    ['an array of records after a BOM and spaces', bytes([0xef, 0xbb, 0xbf], '\n  [ {"a": 1} ]'), 'rows.txt', 'json'],
    ['an array of numbers', bytes('[1, 2.5, -3]'), 'x.json', 'json'],
    ['an array of strings', bytes('["a","b"]'), 'x.json', 'json'],
    ['an .xlsx workbook', bytes(PK, '[Content_Types].xml', [0, 0, 1]), 'penguins.csv', 'xlsx'],
    ['an .xlsx workbook by its xl/ folder', bytes(PK, 'xl/workbook.xml'), 'book.bin', 'xlsx'],
    ['an .xls workbook by its stream', bytes(CFB, [0, 0], utf16('Workbook')), 'old.csv', 'xls'],
    ['an .xls workbook by its name', bytes(CFB, [0, 0, 0]), 'old.XLS', 'xls'],
  ])('%s is named as what it is, with how to save it as CSV', (_, b, name, format) => {
    const reason = read(b, name);
    expect(reason).toEqual({ code: 'csv.other-format', params: { file: name, format } });
    expect(english(reason)).toContain(name);
    expect(english(reason)).toMatch(/save/i);
    expect(english(reason)).toMatch(/CSV/);
    expect(formatMessage('ko', reason!)).toContain('CSV로 저장');
  });

  it.each([
    ['a plain ZIP', bytes(PK, 'notes.txt'), 'binary-file'],
    ['a Word file', bytes(CFB, [0, 0], utf16('WordDocument')), 'binary-file'],
  ])('%s stays a binary file', (_, b, code) => {
    expect(read(b, 'x.csv')).toMatchObject({ code: `csv.${code}` });
  });

  it.each(['[a],[b]\n1,2\n3,4', '[1] note,b\n1,2\n3,4', '[x] cm,label\n1,a\n2,b', 'true,false\n1,2\n3,4'])('a CSV starting %j is read as CSV', (text) => {
    expect(readTable(utf8(text), 'ok.csv').ok).toBe(true);
  });
});

describe('rare classes', () => {
  it('lists classes with fewer rows than a minimum, for any minimum (k folds)', () => {
    const ids = Int32Array.from([0, 0, 0, 1, 2, 2, -1, 3, 3, 3, 3]);
    const names = ['a', 'b', 'c', 'd', 'never'];
    expect(rareClasses(ids, names)).toEqual([{ name: 'b', rows: 1 }]);
    expect(rareClasses(ids, names, 3)).toEqual([{ name: 'b', rows: 1 }, { name: 'c', rows: 2 }]);
    expect(rareClasses(ids, names, 5)).toEqual([{ name: 'a', rows: 3 }, { name: 'b', rows: 1 }, { name: 'c', rows: 2 }, { name: 'd', rows: 4 }]);
  });

  it('merges into "other" (joining an existing one) or drops', () => {
    expect(rareRemap(['a', 'b', 'c'], ['b'], 'merge')).toMatchObject({ classNames: ['a', 'c', 'other'], map: Int32Array.from([0, 2, 1]), changed: ['b'] });
    expect(rareRemap(['a', 'b', 'other'], ['a'], 'merge')).toMatchObject({ classNames: ['b', 'other'], map: Int32Array.from([1, 0, 1]) });
    expect(rareRemap(['a', 'b', 'c'], ['b'], 'drop')).toMatchObject({ classNames: ['a', 'c'], map: Int32Array.from([0, -1, 1]) });
    expect(rareRemap(['a', 'b'], ['b'], 'keep')).toBeNull();
    expect(rareRemap(['a', 'b'], [], 'merge')).toBeNull();
  });

  /** Penguins with one more species of a single row (two with `king`). */
  const withRare = (king = false) => `${penguins()}\nEmperor,Dream,40.1,18.0,5000,MALE${king ? '\nKing,Biscoe,42.0,17.5,4800,FEMALE' : ''}`;

  it('warns naming a class of one row, and offers to merge or drop it', () => {
    const b = build(withRare());
    expect(b.preview.rare).toEqual({ classes: ['Emperor'], min: 2 });
    const warning = b.preview.warnings.find((w) => w.code === 'csv.rare-classes');
    expect(warning?.params).toEqual({ label: 'species', classes: ['Emperor'], rows: [1], min: 2 });
    expect(english(warning)).toBe('species: "Emperor" (1 row) has fewer than 2 rows: too few to learn from and to test on. Merge them into "other" or drop their rows.');
  });

  it('merges them into "other": one more class, the rows kept, and predicted files scored against it', () => {
    const kept = build(withRare(true));
    expect(kept.preview.rare?.classes).toEqual(['Emperor', 'King']);
    const b = build(withRare(true), { rareClasses: 'merge' });
    expect(b.schema.classNames).toEqual(['Adelie', 'Chinstrap', 'Gentoo', 'other']);
    expect(b.schema.merged).toEqual(['Emperor', 'King']);
    // "other" has 2 rows: nothing is rare any more.
    expect(b.preview.rare).toBeUndefined();
    expect(b.data.train.rows + b.data.test.rows).toBe(kept.data.train.rows + kept.data.test.rows);
    expect(english(b.preview.warnings.find((w) => w.code === 'csv.rare-merged'))).toBe('Merged the classes "Emperor", "King" (2 rows) into "other".');
    const file = encodeTableForPrediction(b.schema, table(withRare(true)));
    expect(file.ok && Array.from(file.value.labels!.slice(-2))).toEqual([3, 3]);
    // One rare class merged alone is still too small: the warning now names "other".
    expect(build(withRare(), { rareClasses: 'merge' }).preview.rare).toEqual({ classes: ['other'], min: 2 });
  });

  it('drops their rows', () => {
    const kept = build(withRare());
    const b = build(withRare(), { rareClasses: 'drop' });
    expect(b.schema.classNames).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(b.data.train.rows + b.data.test.rows).toBe(kept.data.train.rows + kept.data.test.rows - 1);
    expect(b.preview.warnings.find((w) => w.code === 'csv.rare-dropped')?.params).toEqual({ classes: ['Emperor'], rows: 1 });
  });

  it('remaps a test file the same way', () => {
    const test = `${penguins(12)}\nEmperor,Biscoe,41.0,18.2,5100,FEMALE`;
    const b = build(withRare(), { rareClasses: 'merge' }, test);
    expect(b.data.test.rows).toBe(13);
    expect(b.data.test.labels.at(-1)).toBe(3);
    const dropped = build(withRare(), { rareClasses: 'drop' }, test);
    expect(dropped.data.test.rows).toBe(12);
  });
});

describe('a session stored by older rules', () => {
  it('is rebuilt to its checkpoint schema: the label it had, the date column left out as it was', async () => {
    const lines = ['when,species,bill_length_mm,sex'];
    for (let r = 0; r < 30; r++) lines.push(`2024-01-${String(r + 1).padStart(2, '0')},${['Adelie', 'Gentoo', 'Chinstrap'][r % 3]},${(38 + (r % 9) * 1.1).toFixed(1)},${r % 2 ? 'MALE' : 'FEMALE'}`);
    const text = lines.join('\n');
    // What the old rules built: the last column (sex) as label, the dates left out ("a date as such is no feature").
    const old = build(text, { labelColumn: 'sex', excluded: ['when'] }).schema;
    old.columns[0] = { ...old.columns[0], ignoreCause: 'dates', reason: { code: 'csv.column-dates', params: { distinct: 30, capped: false } } };
    const ctx = { fetchBytes: () => Promise.reject(new Error('no fetch')), progress: () => {} };
    const stored = { source: 'csv' as const, file: { name: 'p.csv', bytes: utf8(text).buffer as ArrayBuffer }, choices: {} };
    const source = await openCsv(new File([text], 'p.csv'), undefined, {}, ctx);
    // Read again by today's rules: species by its name, the dates as three inputs.
    expect(source.data.classNames).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    const fitted = await fitSchema(source, stored, old, ctx);
    expect(fitted.data.featureNames).toEqual(old.featureNames);
    expect(fitted.data.classNames).toEqual(['FEMALE', 'MALE']);
    // A schema that fits is left as it is; none at all too.
    expect(await fitSchema(fitted, stored, old, ctx)).toBe(fitted);
    expect(await fitSchema(source, stored, undefined, ctx)).toBe(source);
  });
});
