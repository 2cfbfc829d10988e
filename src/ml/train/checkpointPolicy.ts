/**
 * When a run saves its model: every SAVE_EVERY_STEPS global steps and where a run ends
 * (tf.estimator's save_checkpoints_steps default is 1000 too). The one policy: the
 * Session asks it after every chunk of steps.
 */

export const SAVE_EVERY_STEPS = 1000;

/**
 * True when a chunk of steps that took the global step from `before` to `after`
 * crossed a multiple of `every` (chunks may be hundreds of steps long, so `after %
 * every === 0` would miss most boundaries).
 */
export function crossedCheckpoint(before: number, after: number, every = SAVE_EVERY_STEPS): boolean {
  return every > 0 && Math.floor(after / every) > Math.floor(before / every);
}
