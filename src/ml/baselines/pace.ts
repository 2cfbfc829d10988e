/**
 * How a long baseline computation shares the worker: `pause()` between parts lets queued
 * requests (Stop, Train, a new file) run, and throws Superseded when a newer load made
 * this computation pointless, so it ends at the next pause instead of finishing.
 */
export interface Pace {
  pause(): Promise<void>;
}

/** A newer data set was loaded: the computation in progress is dropped. */
export class Superseded extends Error {
  constructor() {
    super('superseded');
    this.name = 'Superseded';
  }
}

/** Never pauses (tests, and data small enough not to need it). */
export const NO_PAUSE: Pace = { pause: async () => {} };
