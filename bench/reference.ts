/**
 * Bench-only page: runs the plain-tfjs reference (what a person writes with
 * tf.sequential + model.fit in a worker) and writes its timing into #result for
 * scripts/bench.mjs to read. Not part of the app's build.
 */
import type { ReferenceRequest, ReferenceResult } from './reference.worker';

const params = new URLSearchParams(location.search);
const request: ReferenceRequest = {
  backend: (params.get('backend') ?? 'wasm') as ReferenceRequest['backend'],
  dataset: (params.get('dataset') ?? 'iris') as ReferenceRequest['dataset'],
  steps: Number(params.get('steps') ?? 2000),
};
const out = document.getElementById('result') as HTMLElement;
const worker = new Worker(new URL('./reference.worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (event: MessageEvent<ReferenceResult>) => {
  out.textContent = JSON.stringify(event.data);
  out.dataset.state = event.data.error ? 'error' : 'done';
};
worker.postMessage(request);
