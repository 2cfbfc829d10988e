/// <reference lib="webworker" />
/**
 * The plain-tfjs reference for the bench: the same network and data as the app's
 * run, trained the way the tfjs examples do it, with tf.sequential and model.fit
 * on a forced backend. Timed from building the model to the end of fit().
 */
import * as tf from '@tensorflow/tfjs';
import { irisFromCsv } from '../src/ml/iris';
import type { BackendName } from '../src/shared/protocol';
import { chooseBackend } from '../src/worker/backend';

export interface ReferenceRequest {
  backend: BackendName;
  dataset: 'iris';
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

async function loadIris() {
  const text = (p: string) => fetch(`/data/${p}`).then((r) => r.text());
  const data = irisFromCsv(await text('iris_training.csv'), await text('iris_test.csv'));
  if (!data.ok) throw new Error(data.reason);
  return data.value;
}

async function run(request: ReferenceRequest): Promise<ReferenceResult> {
  const pick = await chooseBackend(request.backend);
  const data = await loadIris();
  const f = data.featureNames.length;
  const started = performance.now();
  const x = tf.tensor2d(data.train.features, [data.train.rows, f]);
  const y = tf.tensor1d(data.train.labels, 'float32');
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 10, activation: 'relu', inputShape: [f] }),
      tf.layers.dense({ units: 20, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'relu' }),
      tf.layers.dense({ units: data.classNames.length, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adagrad(0.05), loss: 'sparseCategoricalCrossentropy' });
  // 120 rows at batch 128 is one step per epoch: epochs = steps.
  const stepsPerEpoch = Math.ceil(data.train.rows / 128);
  const history = await model.fit(x, y, { batchSize: 128, epochs: Math.ceil(request.steps / stepsPerEpoch), shuffle: true, verbose: 0 });
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
