/// <reference lib="webworker" />
/**
 * The plain-tfjs reference for the bench: the same network and data as the app's
 * run, trained the way the tfjs examples do it, with tf.sequential and model.fit
 * on a forced backend. Timed from building the model to the end of fit().
 */
import * as tf from '@tensorflow/tfjs';
import type { ClassificationData } from '../src/ml/datasets/data';
import { irisFromCsv } from '../src/ml/datasets/iris';
import { decodeMnistBinary, MNIST_BINARY_FILE, splitMnist } from '../src/ml/mnist/binary';
import type { BackendName } from '../src/shared/types';
import { chooseBackend } from '../src/worker/backend';
import { reasonError } from '../src/shared/result';

export interface ReferenceRequest {
  backend: BackendName;
  dataset: 'iris' | 'mnist';
  steps: number;
}

export interface ReferenceResult {
  backend: string;
  steps: number;
  ms: number;
  loss: number;
  error?: string;
}

declare const self: DedicatedWorkerGlobalScope;

async function loadIris(): Promise<ClassificationData> {
  const text = (p: string) => fetch(`/data/${p}`).then((r) => r.text());
  const data = irisFromCsv(await text('iris_training.csv'), await text('iris_test.csv'));
  if (!data.ok) throw reasonError(data.reason);
  return data.value;
}

async function loadMnist(): Promise<ClassificationData> {
  const bytes = new Uint8Array(await (await fetch(`/data/${MNIST_BINARY_FILE}`)).arrayBuffer());
  const images = await decodeMnistBinary(bytes);
  if (!images.ok) throw reasonError(images.reason);
  const split = splitMnist(images.value);
  if (!split.ok) throw reasonError(split.reason);
  return { ...split.value, featureNames: Array.from({ length: 784 }, (_, i) => `p${i}`) };
}

/** The two tutorials' networks and optimizers, as a tfjs user would write them. */
const SETUPS = {
  iris: { load: loadIris, hidden: [10, 20, 10], batch: 128, optimizer: () => tf.train.adagrad(0.05) },
  mnist: { load: loadMnist, hidden: [128, 32], batch: 100, optimizer: () => tf.train.sgd(0.01) },
};

async function run(request: ReferenceRequest): Promise<ReferenceResult> {
  const pick = await chooseBackend(request.backend);
  const setup = SETUPS[request.dataset];
  const data = await setup.load();
  const f = data.featureNames.length;
  const started = performance.now();
  const x = tf.tensor2d(data.train.features, [data.train.rows, f]);
  const y = tf.tensor1d(data.train.labels, 'float32');
  const model = tf.sequential();
  setup.hidden.forEach((units, i) => model.add(tf.layers.dense({ units, activation: 'relu', ...(i === 0 ? { inputShape: [f] } : {}) })));
  model.add(tf.layers.dense({ units: data.classNames.length, activation: 'softmax' }));
  model.compile({ optimizer: setup.optimizer(), loss: 'sparseCategoricalCrossentropy' });
  // Iris: 120 rows at batch 128 is one step per epoch; MNIST: 8,000 rows at 100 is 80.
  const stepsPerEpoch = Math.ceil(data.train.rows / setup.batch);
  const history = await model.fit(x, y, { batchSize: setup.batch, epochs: Math.ceil(request.steps / stepsPerEpoch), shuffle: true, verbose: 0 });
  const ms = performance.now() - started;
  const losses = history.history.loss as number[];
  tf.dispose([x, y]);
  model.dispose();
  return { backend: pick.backend, steps: losses.length * stepsPerEpoch, ms, loss: losses[losses.length - 1] };
}

self.onmessage = (event: MessageEvent<ReferenceRequest>) => {
  run(event.data).then(
    (r) => self.postMessage(r),
    (e: unknown) => self.postMessage({ backend: event.data.backend, steps: 0, ms: 0, loss: NaN, error: String(e) }),
  );
};
