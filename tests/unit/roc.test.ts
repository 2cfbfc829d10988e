import { describe, expect, it } from 'vitest';
import { confusionAt, rates } from '../../src/client/threshold';
import { averagePrecision, operatingPoints, precisionRecallCurve, rocAuc, rocCurve, thinCurve } from '../../src/ml/model/roc';
import { mulberry32 } from '../../src/ml/model/rng';

// scikit-learn's documentation example (roc_auc_score, average_precision_score, roc_curve).
const Y = [0, 0, 1, 1];
const SCORES = [0.1, 0.4, 0.35, 0.8];

/** The probability that a random positive row outscores a random negative one, ties counting half (Mann-Whitney U / pq). */
function pairwiseAuc(scores: number[], positives: number[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((s, i) => {
    if (!positives[i]) return;
    scores.forEach((t, j) => {
      if (positives[j]) return;
      pairs++;
      wins += s > t ? 1 : s === t ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('ROC curve and AUC', () => {
  it('matches scikit-learn on its documentation example', () => {
    expect(rocAuc(SCORES, Y)).toBeCloseTo(0.75, 12);
    const roc = rocCurve(SCORES, Y)!;
    expect(roc.map((p) => p.fpr)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(roc.map((p) => p.tpr)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(roc.map((p) => p.threshold)).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
  });

  it.each([
    // Every score tied: the curve is the diagonal, AUC one half.
    [[0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5],
    // A positive and a negative tied at 0.3 count half a pair: (1 + 1 + 1 + 0.5) / 4.
    [[0.3, 0.3, 0.7, 0.1], [0, 1, 1, 0], 0.875],
    [[0.3, 0.3, 0.7, 0.1], [1, 0, 1, 0], 0.875],
    // Perfect and perfectly wrong rankings.
    [[0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0], 1],
    [[0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0],
  ])('ties move together: scores %j, labels %j -> %d', (scores, positives, auc) => {
    expect(rocAuc(scores, positives)).toBeCloseTo(auc, 12);
  });

  it('equals the pairwise (Mann-Whitney) probability, whatever the order of tied rows', () => {
    const rand = mulberry32(7);
    for (let trial = 0; trial < 20; trial++) {
      const n = 40;
      // Scores on a coarse grid, so ties are common.
      const scores = Array.from({ length: n }, () => Math.floor(rand() * 6) / 5);
      const positives = scores.map((s) => (rand() < 0.3 + 0.4 * s ? 1 : 0));
      if (!positives.includes(0) || !positives.includes(1)) continue;
      const auc = rocAuc(scores, positives)!;
      expect(auc).toBeCloseTo(pairwiseAuc(scores, positives), 10);
      const reversed = rocAuc([...scores].reverse(), [...positives].reverse())!;
      expect(reversed).toBeCloseTo(auc, 12);
    }
  });

  it('is undefined (null) when every row is of one class', () => {
    expect(rocAuc([0.2, 0.9], [1, 1])).toBeNull();
    expect(rocAuc([0.2, 0.9], [0, 0])).toBeNull();
    expect(rocCurve([], [])).toBeNull();
  });

  it('has one operating point per distinct score', () => {
    expect(operatingPoints([0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1])).toEqual([
      { threshold: 0.9, tp: 1, fp: 0 },
      { threshold: 0.5, tp: 2, fp: 1 },
      { threshold: 0.2, tp: 2, fp: 2 },
    ]);
  });
});

describe('precision-recall curve and average precision', () => {
  it('matches scikit-learn on its documentation example', () => {
    expect(averagePrecision(SCORES, Y)).toBeCloseTo(0.8333333333, 9);
    const pr = precisionRecallCurve(SCORES, Y)!;
    expect(pr.map((p) => p.recall)).toEqual([1, 0.5, 0.5, 0]);
    pr.map((p) => p.precision).forEach((v, i) => expect(v).toBeCloseTo([2 / 3, 0.5, 1, 1][i], 12));
    expect(pr.map((p) => p.threshold)).toEqual([0.35, 0.4, 0.8, Infinity]);
  });

  it('takes tied rows as one threshold', () => {
    // 0.5: one of two positives among two rows (P 1/2, R 1/2); 0.2: both positives among three (P 2/3, R 1).
    expect(averagePrecision([0.5, 0.5, 0.2], [1, 0, 1])).toBeCloseTo(0.5 * 0.5 + 0.5 * (2 / 3), 12);
  });

  it('is 1 for a perfect ranking and undefined without a positive row', () => {
    expect(averagePrecision([0.9, 0.8, 0.1], [1, 1, 0])).toBeCloseTo(1, 12);
    expect(averagePrecision([0.9, 0.8], [1, 1])).toBeCloseTo(1, 12);
    expect(averagePrecision([0.9, 0.8], [0, 0])).toBeNull();
    expect(precisionRecallCurve([0.9, 0.8], [0, 0])).toBeNull();
  });
});

describe('the confusion matrix at a threshold', () => {
  it('calls a row positive when its score is at least the threshold', () => {
    expect(confusionAt(SCORES, Y, 0.35)).toEqual({ tp: 2, fp: 1, fn: 0, tn: 1 });
    expect(confusionAt(SCORES, Y, 0.5)).toEqual({ tp: 1, fp: 0, fn: 1, tn: 2 });
    expect(confusionAt(SCORES, Y, 0)).toEqual({ tp: 2, fp: 2, fn: 0, tn: 0 });
    expect(confusionAt(SCORES, Y, 1)).toEqual({ tp: 0, fp: 0, fn: 2, tn: 2 });
  });

  it('agrees with the ROC point of the same threshold', () => {
    for (const point of rocCurve(SCORES, Y)!.slice(1)) {
      const c = confusionAt(SCORES, Y, point.threshold);
      expect(c.fp / (c.fp + c.tn)).toBe(point.fpr);
      expect(c.tp / (c.tp + c.fn)).toBe(point.tpr);
    }
  });

  it('has no precision where nothing is called positive', () => {
    expect(rates({ tp: 0, fp: 0, fn: 2, tn: 2 })).toEqual({ precision: null, recall: 0 });
    expect(rates({ tp: 1, fp: 1, fn: 1, tn: 1 })).toEqual({ precision: 0.5, recall: 0.5 });
  });
});

describe('thinning a curve for drawing', () => {
  it('keeps both ends and at most the asked number of points', () => {
    const points = Array.from({ length: 1001 }, (_, i) => i);
    const thin = thinCurve(points, 300);
    expect(thin).toHaveLength(300);
    expect(thin[0]).toBe(0);
    expect(thin.at(-1)).toBe(1000);
    expect(thinCurve([1, 2, 3], 300)).toEqual([1, 2, 3]);
  });
});
