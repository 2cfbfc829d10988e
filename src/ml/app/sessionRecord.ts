/**
 * What of the page to keep for the next visit: the data set to re-open (a CSV as its
 * bytes up to MAX_SESSION_FILE_BYTES, so the page state stays small enough to write after
 * every run) and the page state beside the checkpoints.
 */
import { msg } from '../../shared/message';
import type { CsvChoices, Evaluation, MetricPoint, ModelConfig } from '../../shared/types';
import { CHECKPOINT_VERSION, type SessionDataset, type SessionState, type StoredFile } from '../checkpoint/types';

/** Largest CSV (training + test file) kept for the next visit. */
export const MAX_SESSION_FILE_BYTES = 32 * 1024 * 1024;

/**
 * The page state's record of a loaded CSV: its bytes and choices when they fit in
 * `maxBytes`, else its name and why it was not kept (the page asks for it again).
 */
export function csvSessionDataset(file: StoredFile, testFile: StoredFile | undefined, choices: CsvChoices, maxBytes = MAX_SESSION_FILE_BYTES): SessionDataset {
  const total = file.bytes.byteLength + (testFile?.bytes.byteLength ?? 0);
  if (total > maxBytes) {
    return { source: 'not-stored', kind: 'csv', name: file.name, reason: msg('app.csv-not-kept', { file: file.name, bytes: total, maxBytes }) };
  }
  return { source: 'csv', file: { name: file.name, bytes: file.bytes.slice(0) }, ...(testFile ? { testFile: { name: testFile.name, bytes: testFile.bytes.slice(0) } } : {}), choices: structuredClone(choices) };
}

/** MNIST from dropped IDX files (~55 MB): named, not kept; the shipped digits are the fallback. */
export function idxSessionDataset(names: string[]): SessionDataset {
  return { source: 'not-stored', kind: 'idx', name: names.join(', '), reason: msg('app.idx-not-kept') };
}

export interface SessionInput {
  dataset: SessionDataset;
  config: ModelConfig;
  checkpointId: string | null;
  globalStep: number;
  points: MetricPoint[];
  evaluations: Evaluation[];
  fingerprint?: string;
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
    ...(input.fingerprint ? { fingerprint: input.fingerprint } : {}),
  };
}
