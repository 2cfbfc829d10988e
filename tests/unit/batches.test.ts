import { thrown } from './words';
import { describe, expect, it } from 'vitest';
import { BatchStream } from '../../src/ml/train/batches';

describe('BatchStream (numpy_input_fn, shuffle=True, num_epochs=None)', () => {
  it('yields fixed-size batches that cover every row once per epoch', () => {
    const stream = new BatchStream(10, 5, 1);
    const epoch = [...stream.next(), ...stream.next()].sort((a, b) => a - b);
    expect(epoch).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('wraps a batch across the epoch boundary into a fresh permutation', () => {
    const stream = new BatchStream(120, 128, 7);
    const first = stream.next();
    expect(first.length).toBe(128);
    expect(new Set(first.subarray(0, 120)).size).toBe(120);
    expect(stream.epoch).toBe(1);
    // The 8 rows after the wrap start the second epoch: all distinct.
    expect(new Set(first.subarray(120)).size).toBe(8);
  });

  it('shuffles: the order is not the file order and differs between epochs', () => {
    const stream = new BatchStream(50, 50, 3);
    const a = Array.from(stream.next());
    const b = Array.from(stream.next());
    expect(a).not.toEqual([...Array(50).keys()]);
    expect(a).not.toEqual(b);
  });

  it('is repeatable with a seed and differs with another', () => {
    const take = (seed: number) => Array.from(new BatchStream(30, 16, seed).next());
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it('fills a given buffer with the same batches it would allocate', () => {
    const a = new BatchStream(30, 8, 5);
    const b = new BatchStream(30, 8, 5);
    const out = new Int32Array(8);
    for (let i = 0; i < 10; i++) {
      const expected = Array.from(a.next());
      expect(b.next(out)).toBe(out);
      expect(Array.from(out)).toEqual(expected);
    }
    expect(thrown(() => b.next(new Int32Array(3)))).toMatch(/8 indices/);
  });

  it.each([
    [0, 5],
    [5, 0],
    [5, 1.5],
  ])('rejects rows=%i batch=%s', (rows, batch) => {
    expect(() => new BatchStream(rows, batch, 1)).toThrow();
  });
});
