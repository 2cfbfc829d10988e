/**
 * How large a step this page trains in JS on one core, and the chunk of steps to start a
 * run with. A step cannot be split (its update needs the whole batch's gradient), so the
 * worker is silent for at least one step: measured here (2 shared cores) a step of
 * 784-1024x3-10 at batch 100 (8.7e8 multiply-adds) took 2.6-3.1 s and one of
 * 784-1024x8-10 (2.5e9) 8-10 s, which is the page's 10 s watchdog. The budget keeps a
 * step near 3 s here, a third of the watchdog, and the first chunk is one step when ten
 * would take seconds. Pure arithmetic.
 */
import { msg, type Message } from '../../shared/message';
import { LOG_EVERY } from './curves';

/** Multiply-adds of one step (forward, backward and the update are about 3x the forward pass) a run may need. */
export const MAX_STEP_WORK = 1e9;
/** Work of the first chunk, before a step was timed: LOG_EVERY steps when they fit, else fewer (one at least). */
const FIRST_CHUNK_WORK = 1e9;
/** Bytes per parameter while training: the weight, its gradient and up to two optimizer slots, float32. */
const TRAINING_BYTES_PER_PARAMETER = 16;

/** Multiply-adds of one training step of a dense network of `parameters` weights on a batch of `batch` rows. */
export function stepWork(batch: number, parameters: number): number {
  return 3 * batch * parameters;
}

/** Steps of a run's first chunk: LOG_EVERY, or fewer when they would be more than FIRST_CHUNK_WORK. */
export function firstChunkSteps(batch: number, parameters: number): number {
  const work = stepWork(batch, parameters);
  return work * LOG_EVERY <= FIRST_CHUNK_WORK ? LOG_EVERY : Math.max(1, Math.floor(FIRST_CHUNK_WORK / work));
}

/** Why a network is too large to train here (its size and memory, and what to change), or null when it fits the budget. */
export function tooLarge(batch: number, parameters: number): Message | null {
  const work = stepWork(batch, parameters);
  if (work <= MAX_STEP_WORK) return null;
  return msg('train.too-large', { parameters, megabytes: Math.ceil((parameters * TRAINING_BYTES_PER_PARAMETER) / 1e6), batch, work, limit: MAX_STEP_WORK });
}
