/**
 * The options every baseline computation takes, and the timing of its parts: each part's
 * `ms` is the worker's own time on it, without the pauses in which it served others.
 */
import { NO_PAUSE, type Pace } from './pace';

export interface BaselineOptions {
  seed?: number;
  pace?: Pace;
  /** Milliseconds now, for the timings (performance.now in the worker). */
  now?: () => number;
}

export interface PartTimer {
  /** The caller's pace, with the time spent paused kept out of the laps. */
  pace: Pace;
  /** Milliseconds since the last lap (or the start), less the pauses in between. */
  lap(): number;
}

export function partTimer(pace: Pace = NO_PAUSE, now: () => number = () => performance.now()): PartTimer {
  let t = now();
  let paused = 0;
  return {
    pace: {
      pause: async () => {
        const start = now();
        try {
          await pace.pause();
        } finally {
          paused += now() - start;
        }
      },
    },
    lap: () => {
      const next = now();
      const ms = next - t - paused;
      t = next;
      paused = 0;
      return ms;
    },
  };
}
