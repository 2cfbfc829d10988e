/**
 * When to save, and what of the page to keep: the two decisions the worker makes
 * around the store. Checkpoints every SAVE_EVERY_STEPS global steps and where a run
 * ends (tf.estimator's save_checkpoints_steps default is 1000 too); a CSV is kept for
 * the next visit only up to MAX_SESSION_FILE_BYTES, so the page state stays small
 * enough to write after every run.
 */
import type { CsvChoices, Evaluation, MetricPoint, ModelConfig } from '../../shared/types';
import { CHECKPOINT_VERSION, type SessionDataset, type SessionState, type StoredFile } from '../checkpoint/types';

export const SAVE_EVERY_STEPS = 1000;
/** Largest CSV (training + test file) kept for the next visit. */
export const MAX_SESSION_FILE_BYTES = 32 * 1024 * 1024;

/**
 * True when a chunk of steps that took the global step from `before` to `after`
 * crossed a multiple of `every` (chunks may be hundreds of steps long, so `after %
 * every === 0` would miss most boundaries).
 */
export function crossedCheckpoint(before: number, after: number, every = SAVE_EVERY_STEPS): boolean {
  return every > 0 && Math.floor(after / every) > Math.floor(before / every);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The page state's record of a loaded CSV: its bytes and choices when they fit in
 * `maxBytes`, else its name and why it was not kept (the page asks for it again).
 */
export function csvSessionDataset(file: StoredFile, testFile: StoredFile | undefined, choices: CsvChoices, maxBytes = MAX_SESSION_FILE_BYTES): SessionDataset {
  const total = file.bytes.byteLength + (testFile?.bytes.byteLength ?? 0);
  if (total > maxBytes) {
    return {
      source: 'not-stored',
      kind: 'csv',
      name: file.name,
      reason: `${file.name} is ${mb(total)}; files over ${mb(maxBytes)} are not kept in the browser. Drop it again to go on.`,
    };
  }
  return { source: 'csv', file: { name: file.name, bytes: file.bytes.slice(0) }, ...(testFile ? { testFile: { name: testFile.name, bytes: testFile.bytes.slice(0) } } : {}), choices: structuredClone(choices) };
}

/** MNIST from dropped IDX files (~55 MB): named, not kept; the shipped digits are the fallback. */
export function idxSessionDataset(names: string[]): SessionDataset {
  return {
    source: 'not-stored',
    kind: 'idx',
    name: names.join(', '),
    reason: "MNIST's IDX files are too large to keep in the browser: drop them again, or use the digits the app ships.",
  };
}

export interface SessionInput {
  dataset: SessionDataset;
  config: ModelConfig;
  checkpointId: string | null;
  globalStep: number;
  points: MetricPoint[];
  evaluations: Evaluation[];
  now?: Date;
}

/** A page state to hand to CheckpointStore.saveSession. */
export function sessionState(input: SessionInput): SessionState {
  return {
    version: CHECKPOINT_VERSION,
    savedAt: (input.now ?? new Date()).toISOString(),
    dataset: input.dataset,
    config: input.config,
    checkpointId: input.checkpointId,
    globalStep: input.globalStep,
    points: input.points,
    evaluations: input.evaluations,
  };
}
