/**
 * The arithmetic around the training loop: points of the learning curves, the size of
 * a chunk of steps, a history cut at a step. Pure functions of numbers.
 */
import type { Evaluation, MetricPoint } from '../../shared/types';
import type { History } from './history';

/** Steps averaged into one point of the training-loss curve. */
export const LOG_EVERY = 10;
/** Work per chunk between yields: short enough that Stop is seen quickly. */
const CHUNK_TARGET_MS = 40;

/** A history as it was at `step`: a checkpoint older than the newest run keeps only its past. */
export function trimHistory(history: History, step: number): History {
  return { points: history.points.filter((p) => p.step <= step), evaluations: history.evaluations.filter((e) => e.globalStep <= step) };
}

/** Training seconds (since the model was built) where a chunk of steps started and ended. */
export interface ChunkClock {
  start: number;
  end: number;
}

/**
 * One training-loss point per LOG_EVERY steps: mean loss per example (the L2 penalty
 * included, as the step minimizes it), at the step that ends it. Given the chunk's
 * clock, each point's seconds are placed evenly between its start and end.
 */
export function lossPoints(losses: Float32Array, firstStep: number, perExample: number, clock?: ChunkClock): MetricPoint[] {
  const points: MetricPoint[] = [];
  const perStep = clock ? (clock.end - clock.start) / losses.length : 0;
  let sum = 0;
  let count = 0;
  losses.forEach((loss, i) => {
    sum += loss;
    count++;
    const step = firstStep + i;
    if (step % LOG_EVERY === 0 || i === losses.length - 1) {
      const point: MetricPoint = { step, split: 'train', loss: sum / count / perExample };
      if (clock) point.seconds = clock.start + perStep * (i + 1);
      points.push(point);
      sum = 0;
      count = 0;
    }
  });
  return points;
}

/** An evaluation as a curve point; `seconds`: the training time it was made at. */
export function toPoint(e: Evaluation, seconds?: number): MetricPoint {
  const point: MetricPoint = e.regression ? { step: e.globalStep, split: e.split, loss: e.averageLoss, mae: e.regression.mae } : { step: e.globalStep, split: e.split, loss: e.averageLoss, accuracy: e.accuracy };
  if (seconds !== undefined) point.seconds = seconds;
  return point;
}

/** The training seconds a history ends at: its newest point's (0 for none, or for points stored before seconds existed). */
export function historySeconds(history: History): number {
  let seconds = 0;
  for (const p of history.points) if (p.seconds !== undefined && p.seconds > seconds) seconds = p.seconds;
  return seconds;
}

/** Longest chunk of a large network's steps (one that starts with fewer than LOG_EVERY steps): fewer steps, one at least, when they would take longer. */
const SLOW_CHUNK_MS = 1000;

/**
 * Scale the chunk so one takes about CHUNK_TARGET_MS, in whole multiples of LOG_EVERY.
 * The first chunk (no measurement yet, steps 0) is LOG_EVERY steps. `small`: the network
 * is large enough that its run started with fewer (stepBudget.ts firstChunkSteps): its
 * chunks may then be single steps, so Stop and the page hear the worker between them.
 * (Decided by the network's size, never by a time, so a run's curve points do not depend
 * on how busy the machine is.)
 */
export function nextChunkSize(steps: number, elapsedMs: number, small = false): number {
  if (steps <= 0) return LOG_EVERY;
  const perStep = Math.max(elapsedMs, 0.01) / steps;
  if (small && perStep * LOG_EVERY > SLOW_CHUNK_MS) return Math.max(1, Math.floor(SLOW_CHUNK_MS / perStep));
  const wanted = Math.round(CHUNK_TARGET_MS / perStep / LOG_EVERY) * LOG_EVERY;
  return Math.min(Math.max(wanted, LOG_EVERY), 50 * LOG_EVERY);
}
