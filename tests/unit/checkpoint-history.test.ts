// The history CSV (TensorBoard's scalar download), the data set fingerprint and the
// save schedule.
import { english } from './words';
import { describe, expect, it } from 'vitest';
import { csvSessionDataset } from '../../src/ml/app/sessionRecord';
import { fingerprint, fnv1a64, historyCsv } from '../../src/ml/checkpoint';
import { crossedCheckpoint } from '../../src/ml/train/checkpointPolicy';
import type { MetricPoint } from '../../src/shared/types';
import { loadIris } from './helpers';

describe('historyCsv', () => {
  it('writes step, split, loss, accuracy, seconds sorted by step then split, empty when absent', () => {
    const points: MetricPoint[] = [
      { step: 1000, split: 'test', loss: 0.25, accuracy: 0.9666666666666667, seconds: 1.5 },
      { step: 10, split: 'train', loss: 1.0986, seconds: 0.0125 },
      { step: 1000, split: 'train', loss: 0.125, accuracy: 0.975 },
      { step: 1000, split: 'validation', loss: 0.5, accuracy: 1 },
      { step: 20, split: 'train', loss: NaN },
      { step: 1000, split: 'train', loss: 0.2 },
    ];
    expect(historyCsv(points)).toBe(
      [
        'step,split,loss,accuracy,seconds',
        '10,train,1.0986,,0.0125',
        '20,train,,,',
        '1000,train,0.125,0.975,',
        '1000,train,0.2,,',
        '1000,validation,0.5,1,',
        '1000,test,0.25,0.9666666666666667,1.5',
        '',
      ].join('\n'),
    );
  });

  it('is just the header for no points', () => {
    expect(historyCsv([])).toBe('step,split,loss,accuracy,seconds\n');
  });
});

describe('fingerprint', () => {
  it('is FNV-1a 64 (published test vectors)', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(fnv1a64(text(''))).toBe('cbf29ce484222325');
    expect(fnv1a64(text('a'))).toBe('af63dc4c8601ec8c');
    expect(fnv1a64(text('foobar'))).toBe('85944171f73967e8');
    expect(fnv1a64(text('foo'), text('bar'))).toBe('85944171f73967e8');
  });

  it('changes with any training value, label or name, and not with the display name', () => {
    const iris = loadIris();
    const base = fingerprint(iris);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint({ ...iris, name: 'renamed' })).toBe(base);
    const features = iris.train.features.slice();
    features[17] += 0.1;
    expect(fingerprint({ ...iris, train: { ...iris.train, features } })).not.toBe(base);
    const labels = iris.train.labels.slice();
    labels[3] = (labels[3] + 1) % 3;
    expect(fingerprint({ ...iris, train: { ...iris.train, labels } })).not.toBe(base);
    expect(fingerprint({ ...iris, classNames: ['a', 'b', 'c'] })).not.toBe(base);
    expect(fingerprint({ ...iris, featureNames: [...iris.featureNames.slice(0, 3), 'other'] })).not.toBe(base);
  });

  it('hashes only the bytes a typed array views', () => {
    const iris = loadIris();
    const padded = new Float32Array(iris.train.features.length + 8);
    padded.set(iris.train.features, 4);
    const view = padded.subarray(4, 4 + iris.train.features.length);
    expect(fingerprint({ ...iris, train: { ...iris.train, features: view } })).toBe(fingerprint(iris));
  });
});

describe('when to save and what to keep', () => {
  it.each([
    [0, 1000, true],
    [990, 1010, true],
    [1000, 1990, false],
    [1999, 2000, true],
    [0, 999, false],
    [0, 5000, true],
  ])('steps %i -> %i crosses a 1000-step boundary: %s', (before, after, crossed) => {
    expect(crossedCheckpoint(before, after)).toBe(crossed);
  });

  it('keeps a small CSV and names a large one', () => {
    const small = csvSessionDataset({ name: 'a.csv', bytes: new ArrayBuffer(10) }, { name: 'b.csv', bytes: new ArrayBuffer(10) }, { labelColumn: 'y' }, 20);
    expect(small).toMatchObject({ source: 'csv', file: { name: 'a.csv' }, testFile: { name: 'b.csv' }, choices: { labelColumn: 'y' } });
    const large = csvSessionDataset({ name: 'big.csv', bytes: new ArrayBuffer(2 * 1024 * 1024) }, undefined, {}, 1024 * 1024);
    expect(large).toMatchObject({ source: 'not-stored', kind: 'csv', name: 'big.csv' });
    expect(large.source === 'not-stored' && english(large.reason)).toBe('big.csv is 2.0 MB; files over 1.0 MB are not kept in the browser. Drop it again to go on.');
  });
});
