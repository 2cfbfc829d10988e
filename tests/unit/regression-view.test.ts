/**
 * The regression pictures' pure parts: the decision map's colour scale (orange at the
 * training targets' min, white in the middle, blue at max) and the fit plots' axes
 * (one scale for actual and predicted, residuals symmetric about zero).
 */
import { describe, expect, it } from 'vitest';
import { fitAxes, labelDigits, tickStepDigits } from '../../src/components/analysis/fitAxes';
import { NEURON_NEGATIVE, NEURON_POSITIVE } from '../../src/components/analysis/neuronDraw';
import { extent, valueColour, valueCss, valueGradient } from '../../src/components/analysis/valueScale';

describe('the regression map colour scale', () => {
  const range: [number, number] = [100, 300];

  it('is orange at the min, white in the middle, blue at the max, and clamps outside the range', () => {
    expect(valueColour(100, range)).toEqual(NEURON_NEGATIVE);
    expect(valueColour(200, range)).toEqual([255, 255, 255]);
    expect(valueColour(300, range)).toEqual(NEURON_POSITIVE);
    expect(valueColour(-1e6, range)).toEqual(NEURON_NEGATIVE);
    expect(valueColour(1e6, range)).toEqual(NEURON_POSITIVE);
  });

  it('moves one way from min to max: blue grows and red falls past the middle', () => {
    const blues = [200, 225, 250, 275, 300].map((v) => valueColour(v, range));
    for (let i = 1; i < blues.length; i++) expect(blues[i][0]).toBeLessThan(blues[i - 1][0]);
    const oranges = [200, 175, 150, 125, 100].map((v) => valueColour(v, range));
    for (let i = 1; i < oranges.length; i++) expect(oranges[i][2]).toBeLessThan(oranges[i - 1][2]);
  });

  it.each<[number, [number, number]]>([
    [5, [5, 5]],
    [NaN, [0, 1]],
    [1, [0, NaN]],
  ])('%s on %j is the middle white (no scale to place it on)', (v, r) => {
    expect(valueColour(v, r)).toEqual([255, 255, 255]);
  });

  it('the legend gradient has the scale’s three stops, min first', () => {
    expect(valueCss(100, range)).toBe(`rgb(${NEURON_NEGATIVE.join(', ')})`);
    expect(valueGradient()).toBe(`linear-gradient(to right, rgb(${NEURON_NEGATIVE.join(', ')}), rgb(255, 255, 255), rgb(${NEURON_POSITIVE.join(', ')}))`);
  });

  it('extent skips numbers that are not finite', () => {
    expect(extent(new Float32Array([3, NaN, -2, Infinity, 7]))).toEqual([-2, 7]);
    expect(extent([])).toEqual([NaN, NaN]);
  });
});

describe('the fit plots’ axes', () => {
  it('one round scale covering the training range and every shown row, residuals symmetric about zero', () => {
    const axes = fitAxes([12.5, 48.3], [13, 40, 47], [10.2, 41, 52.7]);
    expect(axes.domain[0]).toBeLessThanOrEqual(10.2);
    expect(axes.domain[1]).toBeGreaterThanOrEqual(52.7);
    expect(axes.ticks[0]).toBe(axes.domain[0]);
    expect(axes.ticks[axes.ticks.length - 1]).toBe(axes.domain[1]);
    // Largest |actual - predicted| is 5.7 (47 - 52.7).
    expect(axes.residualDomain[0]).toBe(-axes.residualDomain[1]);
    expect(axes.residualDomain[1]).toBeGreaterThanOrEqual(5.7);
    expect(axes.residualTicks).toContain(0);
  });

  it('a perfect fit of one value still has axes with a span', () => {
    const axes = fitAxes([5, 5], [5, 5], [5, 5]);
    expect(axes.domain[1]).toBeGreaterThan(axes.domain[0]);
    expect(axes.domain[0]).toBeLessThanOrEqual(5);
    expect(axes.domain[1]).toBeGreaterThanOrEqual(5);
    expect(axes.residualDomain[1]).toBeGreaterThan(0);
  });

  it.each<[number, number]>([
    [150_000, 0],
    [40, 1],
    [4, 2],
    [0.04, 4],
    [0, 2],
    [1e-12, 6],
  ])('a label whose values span %s is written with %s decimals', (span, digits) => {
    expect(labelDigits(span)).toBe(digits);
  });

  it.each<[number[], number]>([
    [[0, 5, 10], 0],
    [[0, 0.25, 0.5], 2],
    [[-0.2, 0, 0.2], 1],
    [[1000, 2000], 0],
    [[3], 2],
  ])('ticks %j need %s decimals', (ticks, digits) => {
    expect(tickStepDigits(ticks)).toBe(digits);
  });
});
