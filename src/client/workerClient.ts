/**
 * The page's end of the worker: starts it, posts requests, settles calls (protocol.ts
 * `Calls`) by their callId, and replaces a worker that crashed or went silent during a
 * run. No state and no DOM here beyond the Worker itself, which is injected, so the store
 * can be tested under Node with a fake.
 */
import type { CallAnswer, CallKind, CallRequest, Calls, WorkerEvent, WorkerRequest } from '../shared/protocol';
import { msg, type Message } from '../shared/message';
import type { Reason } from '../shared/result';

/** What the client needs of a Worker (a DOM Worker is one; tests pass a fake). */
export interface WorkerPort {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
}

/** How the worker reports back: its events, and a crash (an uncaught error, with its message if any). */
export interface WorkerHandlers {
  onEvent: (event: WorkerEvent) => void;
  onCrash: (message: string) => void;
}

export type WorkerFactory = (handlers: WorkerHandlers) => WorkerPort;

/** The training worker as Vite bundles it (the `new Worker(new URL(...))` form is what Vite looks for). */
export const startTrainingWorker: WorkerFactory = ({ onEvent, onCrash }) => {
  const worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<WorkerEvent>) => onEvent(event.data);
  worker.onerror = (event) => onCrash(event.message);
  return worker;
};

/** Timers the watchdog uses: the browser's, or Vitest's fake ones. */
export interface Clock {
  now(): number;
  setInterval(run: () => void, ms: number): unknown;
}

export interface WorkerClientOptions {
  createWorker: WorkerFactory;
  clock: Clock;
  /** Every event that is not an answer (the run's stream, data sets, models, ...). */
  onEvent: (event: WorkerEvent) => void;
  /** The first request of every worker started (the store's `init`, with the settings of that moment). */
  firstRequest: () => WorkerRequest;
  /** Whether a run is on: only then is silence taken for a hang. */
  running: () => boolean;
  /** The worker was replaced (`what` says why); a new one is started right after. */
  onReplaced: (what: Message) => void;
}

/**
 * Silence from the worker during a run after which it is taken for hung. It posts
 * progress at least every chunk (~40 ms, at most a few seconds for a slow evaluation
 * on software WebGL), so ten seconds means it is not coming back.
 */
export const HEARTBEAT_MS = 10_000;

/** A call the worker answered with a failure: `reason` is its message (a code or English text). */
export class CallFailed extends Error {
  constructor(readonly reason: Reason) {
    super(typeof reason === 'string' ? reason : reason.code);
    this.name = 'CallFailed';
  }
}

/** The worker a call was sent to is gone (crashed or hung and replaced); the call never settles there. */
export class WorkerLost extends Error {
  constructor(readonly what: Message) {
    super(what.code);
    this.name = 'WorkerLost';
  }
}

/** The DOM's AbortError, as fetch() rejects with it. */
export function abortError(): DOMException {
  return new DOMException('The call was cancelled.', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

interface Pending {
  resolve: (value: CallAnswer<CallKind>) => void;
  reject: (error: unknown) => void;
  /** Removes the abort listener once the call settled. */
  release: () => void;
}

/** Buffers a call hands to the worker instead of copying them. */
function transferOf(call: CallRequest): Transferable[] {
  return call.kind === 'predict-drawing' ? [call.ink.buffer] : [];
}

export class WorkerClient {
  private worker: WorkerPort | null = null;
  private nextCallId = 1;
  private readonly pending = new Map<number, Pending>();
  private lastHeard = 0;
  private watchdog = false;

  constructor(private readonly options: WorkerClientOptions) {}

  get started(): boolean {
    return this.worker !== null;
  }

  /** Start the worker (once) and send it the first request. */
  start(): void {
    if (this.worker) return;
    const { createWorker, clock } = this.options;
    const worker = createWorker({
      // A replaced worker's last words (it may post before terminate() lands) are not the new one's.
      onEvent: (event) => {
        if (this.worker === worker) this.receive(event);
      },
      onCrash: (message) => {
        if (this.worker === worker) this.replace(msg('app.worker-crashed', { detail: message }));
      },
    });
    this.worker = worker;
    this.lastHeard = clock.now();
    if (!this.watchdog) {
      this.watchdog = true;
      clock.setInterval(() => {
        if (this.options.running() && clock.now() - this.lastHeard > HEARTBEAT_MS) {
          this.replace(msg('app.worker-hung', { seconds: HEARTBEAT_MS / 1000 }));
        }
      }, 1000);
    }
    this.send(this.options.firstRequest());
  }

  send(request: WorkerRequest, transfer: Transferable[] = []): void {
    this.worker?.postMessage(request, transfer);
  }

  /**
   * One request, one answer. Rejects with CallFailed when the worker reports a failure,
   * an AbortError when `signal` aborts (the worker is told; its late answer is dropped)
   * and WorkerLost when the worker is replaced first.
   */
  call<K extends CallKind>(request: { kind: K } & Calls[K]['request'], signal?: AbortSignal): Promise<CallAnswer<K>> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (!this.worker) return Promise.reject(new WorkerLost(msg('app.not-started')));
    const callId = this.nextCallId++;
    return new Promise<CallAnswer<K>>((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(callId)) return;
        signal?.removeEventListener('abort', onAbort);
        this.send({ type: 'cancel', callId });
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort);
      this.pending.set(callId, {
        // The answer's type follows the request's kind (the worker's calls.ts answers by kind).
        resolve: resolve as (value: CallAnswer<CallKind>) => void,
        reject,
        release: () => signal?.removeEventListener('abort', onAbort),
      });
      // CallRequest is the union of every `{kind} & request`; K's is one of its members, which TS cannot see through a generic.
      const call = request as unknown as CallRequest;
      this.send({ type: 'call', callId, call }, transferOf(call));
    });
  }

  private receive(event: WorkerEvent): void {
    this.lastHeard = this.options.clock.now();
    if (event.type !== 'answer') return this.options.onEvent(event);
    const pending = this.pending.get(event.callId);
    // Not pending: cancelled (or sent to a worker since replaced); nobody wants it.
    if (!pending) return;
    this.pending.delete(event.callId);
    pending.release();
    if (event.ok) pending.resolve(event.value);
    else pending.reject(new CallFailed(event.message));
  }

  /**
   * A dead or hung worker: end it, fail its calls and start a new one. The new worker
   * re-opens the last session from IndexedDB (the data set, a dropped CSV too, and the
   * model of the newest checkpoint), so the person can go on.
   */
  private replace(what: Message): void {
    this.worker?.terminate();
    this.worker = null;
    const lost = [...this.pending.values()];
    this.pending.clear();
    for (const p of lost) {
      p.release();
      p.reject(new WorkerLost(what));
    }
    this.options.onReplaced(what);
    this.start();
  }
}
