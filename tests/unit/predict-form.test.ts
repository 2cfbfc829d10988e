/**
 * The prediction form's words beside its fields (client/predictForm.ts) and the training
 * ranges they come from (ml/analysis/ranges.ts), on the real Iris rows.
 */
import { describe, expect, it } from 'vitest';
import { fieldOfReason, isOutside, outsideFields } from '../../src/client/predictForm';
import { numericView } from '../../src/ml/analysis/inputView';
import { rangeOf, withInputRanges } from '../../src/ml/analysis/ranges';
import { irisSource } from '../../src/ml/datasets/iris';
import { msg } from '../../src/shared/message';
import type { InputField } from '../../src/shared/types';
import { loadIris } from './helpers';

const inputs: InputField[] = [
  { name: 'a', kind: 'numeric', range: { min: 0, max: 10, mean: 5, sd: 1 } },
  { name: 'b', kind: 'categorical', options: ['x'] },
  { name: 'when', kind: 'date' },
];

describe('which field a refused row is about', () => {
  it.each([
    [msg('app.enter-number', { input: 'a' }), 0],
    [msg('csv.predict-not-number', { column: 'a' }), 0],
    [msg('csv.predict-not-date', { column: 'when', value: 'soon', example: '2024-03-01' }), 2],
    [msg('csv.predict-not-finite', { column: 'a', value: '1e309', max: 1e300 }), 0],
    [msg('csv.predict-not-number', { column: 'elsewhere' }), null],
    [msg('app.nothing-loaded'), null],
    ['a plain reason', null],
  ])('%j -> field %s', (reason, field) => {
    expect(fieldOfReason(reason, inputs)).toBe(field);
  });
});

describe('a value outside what the model was trained on', () => {
  const range = { min: 0, max: 10, mean: 5, sd: 1 };
  it.each([
    [5, false],
    [10, false],
    // Past the max but within 3 sd of the mean? Not here (sd 1): 11 is 6 sd away.
    [11, true],
    [-0.5, true],
    [Number.NaN, false],
  ])('%f -> %s', (value, flagged) => {
    expect(isOutside(value, range)).toBe(flagged);
  });

  it('is never a value the training rows hold, even 3 sd from the mean', () => {
    expect(isOutside(10, { min: 0, max: 10, mean: 1, sd: 1 })).toBe(false);
  });

  it('flags only numeric fields with plain numbers', () => {
    expect(outsideFields(['99', 'x', '2024-01-01'], inputs)).toEqual([true, false, false]);
    expect(outsideFields(['', 'x', ''], inputs)).toEqual([false, false, false]);
    expect(outsideFields(['abc', 'x', ''], inputs)).toEqual([false, false, false]);
  });
});

describe('the training ranges on Iris', () => {
  it('are the training rows’ min, max, mean and sd, in centimetres', () => {
    const data = loadIris();
    const summary = withInputRanges(irisSource(data).summary, numericView(data));
    const sepal = summary.inputs[0].range;
    expect(sepal?.min).toBeCloseTo(4.4, 5);
    expect(sepal?.max).toBeCloseTo(7.9, 5);
    expect(sepal?.mean).toBeGreaterThan(5.5);
    expect(sepal?.mean).toBeLessThan(6.2);
    // The tutorial's samples are inside; a 20 cm sepal is not.
    expect(outsideFields(['6.4', '3.2', '4.5', '1.5'], summary.inputs)).toEqual([false, false, false, false]);
    expect(outsideFields(['20', '3.2', '4.5', '1.5'], summary.inputs)).toEqual([true, false, false, false]);
  });

  it('rangeOf skips unknown values and is null without any', () => {
    expect(rangeOf(Float64Array.of(1, Number.NaN, 3))).toEqual({ min: 1, max: 3, mean: 2, sd: 1 });
    expect(rangeOf(Float64Array.of(Number.NaN))).toBeNull();
  });
});
