/**
 * The training worker's side of the baselines worker. `run(data, pace)` answers with the
 * data set's baselines, computed on the other core; a newer run supersedes the one
 * waiting (it rejects with Superseded, as a superseded computation here would). Where the
 * worker cannot run (no nested workers, its script refused or failed), the baselines are
 * computed on this thread as before, pausing through `pace` between their parts.
 * The worker lives only while it computes: it is ended once it answered (a new one starts
 * for the next data set in tens of milliseconds), so no idle thread keeps a copy of
 * MNIST's digits, and the training worker is the page's only worker once the baselines
 * are in.
 * Written here, not taken from a library: one request at a time, plus that fallback.
 */
import { baselinesFor, Superseded, type BaselineData, type Pace } from '../ml/baselines';
import { MessageError } from '../shared/message';
import type { Baselines } from '../shared/types';
import type { BaselinesAnswer, BaselinesRequest } from './baselinesProtocol';

/** The part of a Worker this uses (a test passes its own). */
export interface BaselinesPort {
  postMessage(request: BaselinesRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<BaselinesAnswer>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

interface Waiting {
  id: number;
  data: BaselineData;
  pace: Pace;
  resolve: (baselines: Baselines | null) => void;
  reject: (error: unknown) => void;
}

export class BaselinesWorker {
  private port: BaselinesPort | null = null;
  /** The worker failed to start or crashed: every run is computed here from then on. */
  private failed = false;
  private waiting: Waiting | null = null;
  private ids = 0;

  constructor(private readonly create: () => BaselinesPort) {}

  /** The baselines of `data`; `pace` only serves the fallback on this thread. */
  run = (data: BaselineData, pace: Pace): Promise<Baselines | null> => {
    this.waiting?.reject(new Superseded());
    this.waiting = null;
    const port = this.started();
    if (!port) return baselinesFor(data, { pace });
    const id = ++this.ids;
    return new Promise((resolve, reject) => {
      this.waiting = { id, data, pace, resolve, reject };
      port.postMessage({ id, data });
    });
  };

  private started(): BaselinesPort | null {
    if (this.failed) return null;
    if (this.port) return this.port;
    try {
      const port = this.create();
      port.onmessage = ({ data: answer }) => this.answered(answer);
      port.onerror = () => this.crashed();
      this.port = port;
      return port;
    } catch {
      this.failed = true;
      return null;
    }
  }

  private answered(answer: BaselinesAnswer): void {
    const waiting = this.waiting;
    // An answer for a superseded request (it finished before it saw the newer one): dropped.
    if (!waiting || answer.id !== waiting.id) return;
    this.waiting = null;
    this.port?.terminate();
    this.port = null;
    if (answer.ok) waiting.resolve(answer.baselines);
    else waiting.reject(new MessageError(answer.message));
  }

  /** The worker's script failed or it died: the run waiting is computed here instead, and so is every later one. */
  private crashed(): void {
    this.failed = true;
    this.port?.terminate();
    this.port = null;
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) baselinesFor(waiting.data, { pace: waiting.pace }).then(waiting.resolve, waiting.reject);
  }
}
