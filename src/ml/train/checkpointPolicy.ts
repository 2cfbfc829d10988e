/**
 * When a run saves its model: every SAVE_EVERY_STEPS global steps, at least every
 * SAVE_EVERY_MS of a run (a large network's 1000 steps can take an hour), and where a
 * run ends (tf.estimator's save_checkpoints_steps default is 1000 too, and it has
 * save_checkpoints_secs). The one policy: the Session asks it after every chunk of steps.
 * So a reload or a crash loses at most 1000 steps or 30 s of a run, whichever is less
 * (the page also asks for a save when it is hidden or left, which a closing page may not
 * give the worker time to finish).
 */

export const SAVE_EVERY_STEPS = 1000;
export const SAVE_EVERY_MS = 30_000;

/** True when the last save (or the run's start) was SAVE_EVERY_MS or more ago. */
export function dueByTime(lastSaveMs: number, nowMs: number): boolean {
  return nowMs - lastSaveMs >= SAVE_EVERY_MS;
}

/**
 * True when a chunk of steps that took the global step from `before` to `after`
 * crossed a multiple of `every` (chunks may be hundreds of steps long, so `after %
 * every === 0` would miss most boundaries).
 */
export function crossedCheckpoint(before: number, after: number, every = SAVE_EVERY_STEPS): boolean {
  return every > 0 && Math.floor(after / every) > Math.floor(before / every);
}
