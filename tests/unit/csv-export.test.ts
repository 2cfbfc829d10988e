import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, predictionsToCsv, readPredictionsCsv } from '../../src/ml/csv/export';

describe('spreadsheet-safe cells', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+cmd', "'+cmd"],
    ['-', "'-"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ["'quoted", "''quoted"],
    ['-1.5', '-1.5'],
    ['+3', '+3'],
    ['1e-7', '1e-7'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['꽃잎 길이', '꽃잎 길이'],
    ['', ''],
  ])('%j is written as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('writes the original columns, the predicted class and one probability per class', () => {
    const text = predictionsToCsv(
      ['x', 'note'],
      [['1.5', '=2+2'], ['-1', 'a,b']],
      ['setosa', '부채붓꽃'],
      [1, 0],
      [[0.25, 0.75], [0.9, 0.1]],
    );
    expect(text).toBe(
      '\uFEFFx,note,predicted class,P(setosa),P(부채붓꽃)\r\n' + "1.5,'=2+2,부채붓꽃,0.25,0.75\r\n" + '-1,"a,b",setosa,0.9,0.1\r\n',
    );
  });

  it('renames an added column that the file already has', () => {
    const text = predictionsToCsv(['predicted class'], [['a']], ['a', 'b'], [0], [[1, 0]]);
    expect(text.split('\r\n')[0]).toBe('\uFEFFpredicted class,predicted class (2),P(a),P(b)');
  });

  it('reads back the same values (property)', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('=1+1', '-1.5', "'", '"', ',', '\r\n', '\t=x', '@', '+', ' padded '),
    );
    const input = fc
      .record({ columns: fc.integer({ min: 1, max: 4 }), classes: fc.integer({ min: 1, max: 4 }), rows: fc.integer({ min: 0, max: 8 }) })
      .chain(({ columns, classes, rows }) =>
        fc.record({
          header: fc.array(cell, { minLength: columns, maxLength: columns }),
          rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }),
          classNames: fc.array(cell, { minLength: classes, maxLength: classes }),
          predicted: fc.array(fc.integer({ min: 0, max: classes - 1 }), { minLength: rows, maxLength: rows }),
          probabilities: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: classes, maxLength: classes }), {
            minLength: rows,
            maxLength: rows,
          }),
        }),
      );
    fc.assert(
      fc.property(input, ({ header, rows, classNames, predicted, probabilities }) => {
        const text = predictionsToCsv(header, rows, classNames, predicted, probabilities);
        const back = readPredictionsCsv(text, classNames.length);
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(back.value.header).toEqual(header);
        expect(back.value.rows).toEqual(rows);
        expect(back.value.predicted).toEqual(predicted.map((k) => classNames[k]));
        back.value.probabilities.forEach((ps, r) =>
          ps.forEach((p, k) => expect(p).toBe(Number(probabilities[r][k].toPrecision(6)))),
        );
      }),
      { numRuns: 300 },
    );
  });
});
