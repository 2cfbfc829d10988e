/**
 * What a Session tells its callbacks (a model built, a run's progress, its end) and what a
 * restored model brings: the shapes of session.ts's contract with the workspace and the
 * cross-validation, apart from the loop.
 */
import type { Message } from '../../shared/message';
import type { EarlyStop, EngineName, Evaluation, LogLine, MetricPoint, ModelConfig, RunEnd } from '../../shared/types';
import type { History } from './history';

/** A model was built (or restored): its settings and size. */
export interface ModelInfo {
  config: ModelConfig;
  globalStep: number;
  parameters: number;
  engine: EngineName;
  engineReason: Message;
}

/** What a run did since the last progress callback (never the whole history). */
export interface Progress {
  runId: number;
  globalStep: number;
  points: MetricPoint[];
  evaluations: Evaluation[];
  log: LogLine[];
}

export interface RunEndInfo {
  runId: number;
  end: RunEnd;
  globalStep: number;
  message?: Message;
  earlyStop?: EarlyStop;
  /** Early stopping put back the weights of this step's evaluation (the run's best validation loss). */
  restoredStep?: number;
}

/** What a restored model brings: its weights (getWeights() order), its step and its history. */
export interface Restore {
  weights: readonly Float32Array[];
  globalStep: number;
  history?: History;
}
