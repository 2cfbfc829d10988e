/**
 * Where the built-in data sets come from: the Iris CSVs and the MNIST digits the app
 * ships (fetched from public/data), and MNIST's original IDX files a person drops.
 * Each returns a LoadedDataset or throws an Error whose message names the file.
 */
import type { LoadedDataset } from './data';
import { irisDataset, irisFromCsv } from './iris';
import { decodeMnistBinary, MNIST_BINARY_FILE, splitMnist } from '../mnist/binary';
import { fromIdx } from '../mnist/idx';
import { mnistDataset } from './mnist';
import { orThrow } from '../../shared/result';

/** A File, or any Blob with a name (what tests build under Node). */
export type NamedBlob = Blob & { name: string };

/** Bytes of a file the app ships in public/data, with progress in [0, 1]. */
export type FetchBytes = (path: string, onProgress: (fraction: number) => void) => Promise<Uint8Array>;

/** Largest MNIST IDX file accepted (the real train-images file is 47 MB inflated). */
export const MAX_IDX_BYTES = 64 * 1024 * 1024;

const fmt = (n: number) => n.toLocaleString('en');

export async function irisPreset(fetchBytes: FetchBytes): Promise<LoadedDataset> {
  const text = async (name: string) => new TextDecoder().decode(await fetchBytes(`data/${name}`, () => {}));
  const [train, test] = await Promise.all([text('iris_training.csv'), text('iris_test.csv')]);
  return irisDataset(orThrow(irisFromCsv(train, test)));
}

export async function mnistPreset(fetchBytes: FetchBytes, onProgress: (fraction: number) => void): Promise<LoadedDataset> {
  const images = orThrow(await decodeMnistBinary(await fetchBytes(`data/${MNIST_BINARY_FILE}`, onProgress)));
  const mnist = orThrow(splitMnist(images));
  const note = `${fmt(mnist.train.rows)} / ${fmt(mnist.validation.rows)} / ${fmt(mnist.test.rows)} of the 10,000 digits the app ships (train / validation / test), split as read_data_sets does. Drop the original IDX files for 55,000 / 5,000 / 10,000.`;
  return mnistDataset(mnist, note);
}

/** The four original MNIST files, found among `files` by name, checked for size before they are read. */
export async function idxDataset(files: NamedBlob[]): Promise<{ dataset: LoadedDataset; names: string[] }> {
  const find = (re: RegExp, what: string) => {
    const f = files.find((x) => re.test(x.name));
    if (!f) throw new Error(`Drop all four MNIST files: ${what} is missing (got ${files.map((x) => x.name).join(', ') || 'none'}).`);
    if (f.size > MAX_IDX_BYTES) throw new Error(`${f.name} is ${(f.size / 1e6).toFixed(0)} MB; MNIST files are at most ${MAX_IDX_BYTES / 1e6} MB.`);
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
  const note = `${fmt(mnist.train.rows)} / ${fmt(mnist.validation.rows)} / ${fmt(mnist.test.rows)}: the first 5,000 training images are the validation split, t10k is the test split, as read_data_sets does.`;
  return { dataset: mnistDataset(mnist, note), names: picked.map((f) => f.name) };
}
