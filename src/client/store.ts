/**
 * The worker client and the store the components read. Created once, outside React.
 * Worker events are folded immediately but subscribers are told at most once per
 * animation frame, so a burst of events costs one render.
 */
import type { WorkerEvent, WorkerRequest } from '../shared/protocol';
import { modelConfig, parseSettings } from './settings';
import { initialState, reduce, type AppState } from './state';

type Listener = () => void;

export class Store {
  private state: AppState;
  private readonly listeners = new Set<Listener>();
  private frame: number | null = null;
  private worker: Worker | null = null;
  private nextRunId = 1;
  private nextRequestId = 1;

  constructor(search: string) {
    const { settings, notices } = parseSettings(search);
    this.state = initialState(settings, notices);
  }

  /** Start the worker and load the data set. Separate from the constructor so tests can build a Store without one. */
  start(): void {
    if (this.worker) return;
    this.worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerEvent>) => this.receive(event.data);
    this.worker.onerror = (event) => this.update({ ...this.state, error: `The training worker failed: ${event.message}`, state: 'error' });
    const { settings } = this.state;
    this.send({ type: 'init', backend: settings.backend, dataset: settings.dataset, model: modelConfig(settings) });
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): AppState => this.state;

  train(): void {
    const s = this.state;
    if (s.state === 'loading' || s.state === 'training') return;
    const runId = this.nextRunId++;
    const now = performance.now();
    this.update({
      ...s,
      state: 'training',
      error: null,
      run: { runId, startStep: s.globalStep, targetStep: s.globalStep + s.settings.steps, startedAt: now, updatedAt: now },
    });
    this.send({ type: 'train', runId, steps: s.settings.steps });
  }

  stop(): void {
    const run = this.state.run;
    if (this.state.state === 'training' && run) this.send({ type: 'stop', runId: run.runId });
  }

  reset(): void {
    if (this.state.state === 'training' || this.state.state === 'loading') return;
    this.update({ ...this.state, error: null });
    this.send({ type: 'reset', model: modelConfig(this.state.settings) });
  }

  predict(features: number[]): void {
    this.send({ type: 'predict', requestId: this.nextRequestId++, features });
  }

  dismissError(): void {
    this.update({ ...this.state, error: null });
  }

  private send(request: WorkerRequest): void {
    this.worker?.postMessage(request);
  }

  private receive(event: WorkerEvent): void {
    this.update(reduce(this.state, event, performance.now()));
  }

  private update(next: AppState): void {
    if (next === this.state) return;
    this.state = next;
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.listeners.forEach((l) => l());
    });
  }
}
