/**
 * Generated digits for tests and demos, in the spirit of read_data_sets(fake_data=True).
 * The tutorial's fake data is one all-ones image labelled 0, repeated, which nothing can
 * learn from; these are learnable instead: class c is a bright horizontal bar on rows
 * 4 + 2c and 5 + 2c (columns 4..23) over faint uniform noise, with seeded labels.
 */
import type { LabelledSplit } from '../datasets/data';
import { mulberry32 } from '../model/rng';
import { MNIST_CLASSES } from './dataset';

const SIZE = 28;

/**
 * `n` fake 28 x 28 digits: features [n, 784] in [0, 1], labels [n] in 0..9.
 * The same `seed` gives the same data.
 */
export function fakeData(n: number, seed: number): LabelledSplit {
  const random = mulberry32(seed);
  const features = new Float32Array(n * SIZE * SIZE);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = Math.floor(random() * MNIST_CLASSES);
    labels[i] = label;
    const image = features.subarray(i * SIZE * SIZE, (i + 1) * SIZE * SIZE);
    for (let p = 0; p < image.length; p++) image[p] = 0.2 * random();
    for (let row = 4 + 2 * label; row < 6 + 2 * label; row++) {
      for (let col = 4; col < 24; col++) image[row * SIZE + col] = 1;
    }
  }
  return { features, labels, rows: n };
}
