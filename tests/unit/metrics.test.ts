import { describe, expect, it } from 'vitest';
import { classMetrics } from '../../src/client/metrics';
import { confusionMatrix } from '../../src/ml/model/metrics';

describe('confusion matrix and per-class metrics', () => {
  it('counts confusion[actual][predicted]', () => {
    expect(confusionMatrix([0, 1, 1, 2, 0], [0, 1, 2, 2, 1], 3)).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [0, 1, 1],
    ]);
  });

  it.each([
    // actual 0: 8 right, 2 read as 1; actual 1: 1 read as 0, 9 right.
    [[[8, 2], [1, 9]], [8 / 9, 9 / 11], [0.8, 0.9]],
    // A class never predicted: precision 0, not NaN.
    [[[5, 0], [5, 0]], [0.5, 0], [1, 0]],
  ])('precision and recall of %j', (confusion, precision, recall) => {
    const { perClass } = classMetrics(confusion);
    perClass.forEach((m, c) => {
      expect(m.precision).toBeCloseTo(precision[c], 10);
      expect(m.recall).toBeCloseTo(recall[c], 10);
      const f1 = m.precision + m.recall > 0 ? (2 * m.precision * m.recall) / (m.precision + m.recall) : 0;
      expect(m.f1).toBeCloseTo(f1, 10);
    });
  });

  it('macro averages are the plain means over classes', () => {
    const { perClass, macro } = classMetrics([[8, 2], [1, 9]]);
    expect(macro.recall).toBeCloseTo((perClass[0].recall + perClass[1].recall) / 2, 10);
    expect(perClass.map((m) => m.support)).toEqual([10, 10]);
  });

  it('averages over the classes present: a class with no test rows is named, not counted as 0', () => {
    // Three classes, the third with no test rows (and never predicted): the present two score 0.9 and 0.95.
    const report = classMetrics([
      [9, 1, 0],
      [1, 19, 0],
      [0, 0, 0],
    ]);
    expect(report.absent).toEqual([2]);
    expect(report.macro.recall).toBeCloseTo((0.9 + 0.95) / 2, 10);
    expect(report.macro.precision).toBeCloseTo((0.9 + 0.95) / 2, 10);
    // Over all three it would have been about 0.617: the figure the issue complained of.
    expect(report.macro.recall).toBeGreaterThan(0.9);
    expect(report.neverPredicted).toEqual([]);
  });

  it('names a class with rows that is never predicted', () => {
    const report = classMetrics([
      [40, 0],
      [10, 0],
    ]);
    expect(report.neverPredicted).toEqual([1]);
    expect(report.perClass[1]).toMatchObject({ recall: 0, predicted: 0, support: 10 });
    expect(report.absent).toEqual([]);
    expect(report.macro.recall).toBeCloseTo(0.5, 10);
  });
});
