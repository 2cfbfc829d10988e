/**
 * Evaluating a split without holding the worker: the rows go through the engine in
 * chunks of about CHUNK_TARGET_MS each, and between chunks `pause` runs (the worker's
 * yieldToEvents plus a heartbeat to the page), so Stop is seen and the page's watchdog
 * (client/workerClient.ts, 10 s of silence during a run) hears the worker while a split of
 * a million rows is evaluated. Only an engine that computes in JS on this thread needs it
 * (the fused one; `weightsInJs` says so): tfjs uploads a split once and awaits its kernels,
 * so it gets the whole split in one call, as before.
 *
 * A training split of more than SAMPLE_ROWS rows is evaluated on an even sample of
 * SAMPLE_ROWS of them (every k-th row, the same rows at every step, so its curve is
 * comparable across steps): its numbers only draw the train curve, and evaluating a
 * million rows every 100 steps would cost more than the steps. Held-out splits are always
 * evaluated whole: their numbers are the ones reported.
 */
import type { LabelledSplit } from '../datasets/data';
import type { Engine } from '../engines/engine';
import type { PerExample } from '../model/metrics';

/** Thrown by a pause to end an evaluation early (Stop came during a run's evaluation). */
export class EvaluationStopped extends Error {}

/** Rows of the training split evaluated at most (an even sample of a larger one). */
export const SAMPLE_ROWS = 100_000;
/** Work between pauses: short enough that Stop answers well within 250 ms. */
const CHUNK_TARGET_MS = 40;
/** Multiply-adds of the first chunk, before any is timed (about 10-40 ms of JS arithmetic). */
const FIRST_CHUNK_WORK = 1e7;

/**
 * An even sample of `limit` rows of a split: row floor(i * rows / limit) for i < limit,
 * copied into a split of its own. The split itself when it has no more than `limit` rows.
 */
export function evenSample(split: LabelledSplit, featureCount: number, limit = SAMPLE_ROWS): LabelledSplit {
  if (split.rows <= limit) return split;
  const features = new Float32Array(limit * featureCount);
  const labels = new Int32Array(limit);
  const targets = split.targets === undefined ? undefined : new Float32Array(limit);
  for (let i = 0; i < limit; i++) {
    const r = Math.floor((i * split.rows) / limit);
    features.set(split.features.subarray(r * featureCount, (r + 1) * featureCount), i * featureCount);
    labels[i] = split.labels[r];
    if (targets !== undefined && split.targets !== undefined) targets[i] = split.targets[r];
  }
  return targets === undefined ? { features, labels, rows: limit } : { features, labels, rows: limit, targets };
}

/** Rows of the first chunk for a network of `parameters` weights: about FIRST_CHUNK_WORK multiply-adds, at least one row. */
export function firstChunkRows(parameters: number): number {
  return Math.max(1, Math.floor(FIRST_CHUNK_WORK / Math.max(parameters, 1)));
}

/** Rows of the next chunk, scaled so it takes about CHUNK_TARGET_MS: `rows` took `elapsedMs`. Never under one, and at most 4x the last. */
export function nextChunkRows(rows: number, elapsedMs: number): number {
  const perRow = Math.max(elapsedMs, 0.01) / rows;
  return Math.max(1, Math.min(Math.floor(CHUNK_TARGET_MS / perRow), rows * 4));
}

/**
 * Each row's loss and predicted class on `split`, as engine.evaluate(split) returns them,
 * computed in chunks with `pause()` awaited between them (and before the first, so a
 * pause always comes between a chunk of steps and an evaluation). Rows are independent
 * in a forward pass, so the results equal one call's.
 */
export async function evaluateChunked(engine: Engine, split: LabelledSplit, featureCount: number, parameters: number, pause: () => Promise<void>): Promise<PerExample> {
  if (!engine.weightsInJs || split.rows === 0) return engine.evaluate(split);
  const losses = new Float32Array(split.rows);
  // Class ids, or a regression's outputs.
  const predictions = split.targets === undefined ? new Int32Array(split.rows) : new Float32Array(split.rows);
  let chunk = firstChunkRows(parameters);
  for (let start = 0; start < split.rows; ) {
    await pause();
    const rows = Math.min(chunk, split.rows - start);
    const began = performance.now();
    const part = await engine.evaluate({
      features: split.features.subarray(start * featureCount, (start + rows) * featureCount),
      labels: split.labels.subarray(start, start + rows),
      rows,
      ...(split.targets === undefined ? {} : { targets: split.targets.subarray(start, start + rows) }),
    });
    losses.set(part.losses, start);
    predictions.set(part.predictions, start);
    start += rows;
    chunk = nextChunkRows(rows, performance.now() - began);
  }
  return { losses, predictions };
}
