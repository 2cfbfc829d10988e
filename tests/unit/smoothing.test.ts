import { describe, expect, it } from 'vitest';
import { smooth } from '../../src/client/smoothing';

const pts = (values: number[]) => values.map((value, step) => ({ step, value }));

describe('TensorBoard smoothing (debiased EMA)', () => {
  it('weight 0 changes nothing', () => {
    expect(smooth(pts([3, 1, 2]), 0)).toEqual(pts([3, 1, 2]));
  });

  it('is debiased: a constant curve stays at its value from the first point', () => {
    smooth(pts([5, 5, 5, 5]), 0.9).forEach((p) => expect(p.value).toBeCloseTo(5, 10));
  });

  it.each([
    [[1, 0], 0.5, [1, 1 / 3]],
    [[0, 2, 4], 0.6, [0, 2 * 0.4 / (1 - 0.36), (2 * 0.4 * 0.6 + 4 * 0.4) / (1 - 0.216)]],
  ])('smooths %j with weight %s', (values, weight, expected) => {
    smooth(pts(values), weight).forEach((p, i) => expect(p.value).toBeCloseTo(expected[i], 10));
  });

  it('keeps the steps and skips non-finite values', () => {
    const out = smooth(pts([1, NaN, 1]), 0.5);
    expect(out.map((p) => p.step)).toEqual([0, 1, 2]);
    expect(out[1].value).toBeNaN();
    expect(out[2].value).toBeCloseTo(1, 10);
  });
});

describe('smoothing keeps where each point was made', () => {
  it('keeps steps and training seconds, changes only the values', () => {
    const points = [
      { step: 100, seconds: 0.5, value: 2 },
      { step: 200, value: 1 },
      { step: 300, seconds: 1.5, value: 0 },
    ];
    const out = smooth(points, 0.5);
    expect(out.map((p) => [p.step, 'seconds' in p ? p.seconds : undefined])).toEqual([
      [100, 0.5],
      [200, undefined],
      [300, 1.5],
    ]);
    expect(out[1].value).toBeCloseTo((2 * 0.25 + 1 * 0.5) / 0.75, 10);
  });
});
