/**
 * MNIST as a Session loads it (TensorFlow Mechanics 101): 784 pixel inputs in [0, 1],
 * read_data_sets' three splits, and the gallery of test digits the page shows with
 * what the model reads in them.
 */
import type { DigitGallery } from '../../shared/types';
import type { LabelledSplit, LoadedDataset } from './data';
import type { MnistData } from '../mnist/dataset';

/** Digits of the test split sent to the page: the first ones, then mistakes. */
const GALLERY_FIRST = 100;
const GALLERY_MISTAKES = 100;

export function mnistDataset(mnist: MnistData, splitNote: string): LoadedDataset {
  const featureNames: string[] = [];
  for (let r = 0; r < mnist.rows; r++) for (let c = 0; c < mnist.cols; c++) featureNames.push(`pixel ${r},${c}`);
  const data = {
    name: mnist.name,
    featureNames,
    classNames: mnist.classNames,
    train: mnist.train,
    validation: mnist.validation,
    test: mnist.test,
  };
  return {
    data,
    summary: {
      source: 'mnist',
      name: mnist.name,
      inputs: [],
      classNames: mnist.classNames,
      trainRows: mnist.train.rows,
      testRows: mnist.test.rows,
      validationRows: mnist.validation.rows,
      splitNote,
      preview: [],
    },
    encodeInput: () => ({ ok: false, reason: 'MNIST reads drawn digits: draw one on the pad.' }),
  };
}

/**
 * The confusion matrix of the test split from its predicted classes, and the pixels of
 * the first digits and of up to GALLERY_MISTAKES misread ones.
 * test: features [rows, 784] in [0, 1]; predictions [rows].
 */
export function digitGallery(test: LabelledSplit, predictions: ArrayLike<number>, classes: number, globalStep: number): DigitGallery {
  const labels = test.labels;
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < test.rows; i++) confusion[labels[i]][predictions[i]]++;
  const chosen: number[] = [];
  for (let i = 0; i < Math.min(GALLERY_FIRST, test.rows); i++) chosen.push(i);
  for (let i = GALLERY_FIRST, m = 0; i < test.rows && m < GALLERY_MISTAKES; i++) {
    if (predictions[i] !== labels[i]) {
      chosen.push(i);
      m++;
    }
  }
  const size = test.features.length / test.rows;
  const pixels = new Uint8Array(chosen.length * size);
  chosen.forEach((row, k) => {
    for (let p = 0; p < size; p++) pixels[k * size + p] = Math.round(test.features[row * size + p] * 255);
  });
  return { globalStep, pixels, labels: chosen.map((i) => labels[i]), predicted: chosen.map((i) => predictions[i]), confusion };
}
