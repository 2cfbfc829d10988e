import { describe, expect, it } from 'vitest';
import { curves, onAxis, tickDigits, xOf, niceTicks, type CurvePoint } from '../../src/client/chartAxis';
import type { MetricPoint } from '../../src/shared/types';

describe('the charts x axis: step or training seconds', () => {
  it.each<[CurvePoint, number | undefined, number | undefined]>([
    [{ step: 100, seconds: 1.5, value: 0.3 }, 100, 1.5],
    [{ step: 0, seconds: 0, value: 1 }, 0, 0],
    [{ step: 200, value: 0.2 }, 200, undefined],
    [{ step: 300, seconds: NaN, value: 0.2 }, 300, undefined],
  ])('%j is at step %s and time %s', (point, step, time) => {
    expect(xOf(point, 'step')).toBe(step);
    expect(xOf(point, 'time')).toBe(time);
  });

  it('places every point by step, keeping its step, time and value', () => {
    const points: CurvePoint[] = [{ step: 1, value: 2 }, { step: 5, seconds: 0.25, value: 1 }];
    expect(onAxis(points, 'step')).toEqual([
      { step: 1, value: 2, x: 1 },
      { step: 5, seconds: 0.25, value: 1, x: 5 },
    ]);
  });

  it('skips points without a time in the time view, in order', () => {
    const points: CurvePoint[] = [
      { step: 100, value: 0.9 },
      { step: 200, seconds: 0.5, value: 0.8 },
      { step: 300, seconds: 1.25, value: 0.7 },
    ];
    expect(onAxis(points, 'time').map((p) => [p.x, p.step, p.value])).toEqual([
      [0.5, 200, 0.8],
      [1.25, 300, 0.7],
    ]);
  });
});

describe('curves: the worker points split into the charts series', () => {
  const points: MetricPoint[] = [
    { step: 1, split: 'train', loss: 2.3, seconds: 0.01 },
    { step: 2, split: 'train', loss: 2.1 },
    { step: 2, split: 'train', loss: 1.9, accuracy: 0.4, seconds: 0.02 },
    { step: 2, split: 'validation', loss: 1.8, accuracy: 0.5 },
    { step: 2, split: 'test', loss: 2.0, accuracy: 0.45, seconds: 0.02 },
    { step: 3, split: 'test', loss: 1.7 },
  ];
  const c = curves(points);

  it.each([
    ['batchLoss', [{ step: 1, seconds: 0.01, value: 2.3 }, { step: 2, value: 2.1 }]],
    ['trainAcc', [{ step: 2, seconds: 0.02, value: 0.4 }]],
    ['testLoss', [{ step: 2, seconds: 0.02, value: 2.0 }, { step: 3, value: 1.7 }]],
    ['testAcc', [{ step: 2, seconds: 0.02, value: 0.45 }]],
  ] as const)('%s', (key, expected) => {
    expect(c[key]).toEqual(expected);
  });
});

describe('x tick decimals', () => {
  it.each([
    ['step', 0, 2000, 0],
    ['time', 0.2, 0.33, 2],
    ['time', 0, 0.01, 3],
    ['time', 0, 12, 0],
    ['time', 0, 3, 1],
    ['time', 5, 5, 2],
  ] as const)('%s over [%s, %s]: %s decimals', (axis, min, max, digits) => {
    expect(tickDigits(axis, min, max, 6)).toBe(digits);
  });

  it('neighbouring ticks of a short run read differently', () => {
    const [min, max] = [0.2, 0.33];
    const d = tickDigits('time', min, max, 6);
    const labels = Array.from({ length: 6 }, (_, i) => (min + ((max - min) * i) / 5).toFixed(d));
    expect(new Set(labels).size).toBe(6);
  });
});

describe('niceTicks: round numbers on the x axis', () => {
  it('a 2000-step run reads 0, 500, 1,000, 1,500, 2,000', () => {
    expect(niceTicks(10, 2000)).toEqual([0, 500, 1000, 1500, 2000]);
  });
  it('never more than asked for, first at or below the data, last at or above it', () => {
    for (const [min, max] of [
      [1, 7],
      [100, 100_000],
      [2000, 4000],
      [0.013, 0.92],
      [3, 1234567],
    ]) {
      const t = niceTicks(min, max, 6);
      expect(t.length).toBeGreaterThanOrEqual(2);
      expect(t.length).toBeLessThanOrEqual(6);
      expect(t[0]).toBeLessThanOrEqual(min);
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(max);
      const step = t[1] - t[0];
      // 1, 2 or 5 times a power of ten, every gap the same.
      const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6));
      expect([1, 2, 5]).toContain(mantissa);
      for (let i = 1; i < t.length; i++) expect(t[i] - t[i - 1]).toBeCloseTo(step, 9);
    }
  });
  it('a continued run away from zero keeps its own start; seconds keep their decimals exact', () => {
    expect(niceTicks(2000, 4000)).toEqual([2000, 2500, 3000, 3500, 4000]);
    expect(niceTicks(0.1, 0.3, 3)).toEqual([0.1, 0.2, 0.3]);
    expect(niceTicks(0.1, 0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });
  it('degenerate ranges', () => {
    expect(niceTicks(5, 5)).toEqual([5]);
    expect(niceTicks(Number.NaN, 3)).toEqual([]);
    expect(niceTicks(4, 3)).toEqual([]);
  });
});
