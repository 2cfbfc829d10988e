/**
 * MNIST as a DataSource (TensorFlow Mechanics 101): 784 pixel inputs in [0, 1],
 * read_data_sets' three splits, drawn digits as input, and the gallery of test digits
 * the page shows with what the model reads in them. Opened from the 10,000 digits the app
 * ships (public/data) or from the four original IDX files a person drops. Registered in
 * registry.ts.
 */
import { MessageError, msg } from '../../shared/message';
import { orThrow } from '../../shared/result';
import type { Reason } from '../../shared/result';
import type { DigitGallery } from '../../shared/types';
import { pixelView } from '../analysis/inputView';
import { idxSessionDataset } from '../app/sessionRecord';
import type { SessionDataset } from '../checkpoint/types';
import { decodeMnistBinary, MNIST_BINARY_FILE, splitMnist } from '../mnist/binary';
import type { MnistData } from '../mnist/dataset';
import { fromIdx } from '../mnist/idx';
import { preprocessDigit } from '../mnist/preprocess';
import type { LabelledSplit } from './data';
import type { DataSource, NamedBlob, OpenContext } from './source';

/** Digits of the test split sent to the page: the first ones, then mistakes. */
const GALLERY_FIRST = 100;
const GALLERY_MISTAKES = 100;

/** Largest MNIST IDX file accepted (the real train-images file is 47 MB inflated). */
export const MAX_IDX_BYTES = 64 * 1024 * 1024;

export function mnistSource(mnist: MnistData, splitNote: Reason, stored: SessionDataset): DataSource {
  const featureNames: string[] = [];
  for (let r = 0; r < mnist.rows; r++) for (let c = 0; c < mnist.cols; c++) featureNames.push(`pixel ${r},${c}`);
  const data = { name: mnist.name, featureNames, classNames: mnist.classNames, train: mnist.train, validation: mnist.validation, test: mnist.test };
  return {
    data,
    family: 'mnist',
    stored,
    record: { schema: null },
    pictures: true,
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
    encodeInput: () => ({ ok: false, reason: msg('app.mnist-draw') }),
    view: pixelView,
    readDrawing: (ink, width, height) => {
      const digit = preprocessDigit(ink, width, height);
      if (!digit.ok) return digit;
      const { pixels, empty } = digit.value;
      return { ok: true, value: { features: pixels, digit: Uint8Array.from(pixels, (v) => Math.round(v * 255)), empty } };
    },
    gallery: (predictions, globalStep) => digitGallery(data.test, predictions, data.classNames.length, globalStep),
  };
}

/** The 10,000 digits the app ships, split 8,000 / 1,000 / 1,000. */
export async function openMnist(ctx: OpenContext): Promise<DataSource> {
  const images = orThrow(await decodeMnistBinary(await ctx.fetchBytes(`data/${MNIST_BINARY_FILE}`, (fraction) => ctx.progress('MNIST digits', fraction))));
  const mnist = orThrow(splitMnist(images));
  return mnistSource(mnist, msg('app.split-mnist-shipped', { train: mnist.train.rows, validation: mnist.validation.rows, test: mnist.test.rows }), { source: 'mnist' });
}

/** The four original MNIST files, found among `files` by name, checked for size before they are read. */
export async function openIdx(files: NamedBlob[]): Promise<DataSource> {
  const find = (re: RegExp, wanted: string) => {
    const f = files.find((x) => re.test(x.name));
    if (!f) throw new MessageError(msg('app.idx-missing', { wanted, got: files.map((x) => x.name) }));
    if (f.size > MAX_IDX_BYTES) throw new MessageError(msg('app.idx-too-large', { file: f.name, bytes: f.size, maxBytes: MAX_IDX_BYTES }));
    return f;
  };
  const picked = [
    find(/train-images/i, 'train-images-idx3-ubyte'),
    find(/train-labels/i, 'train-labels-idx1-ubyte'),
    find(/t10k-images/i, 't10k-images-idx3-ubyte'),
    find(/t10k-labels/i, 't10k-labels-idx1-ubyte'),
  ];
  const [a, b, c, d] = await Promise.all(picked.map(async (f) => new Uint8Array(await f.arrayBuffer())));
  const names = { trainImages: picked[0].name, trainLabels: picked[1].name, testImages: picked[2].name, testLabels: picked[3].name };
  const mnist = orThrow(await fromIdx(a, b, c, d, { names, maxBytes: MAX_IDX_BYTES }));
  const note = msg('app.split-mnist-idx', { train: mnist.train.rows, validation: mnist.validation.rows, test: mnist.test.rows });
  return mnistSource(mnist, note, idxSessionDataset(picked.map((f) => f.name)));
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
