/**
 * A windowed table body for long tables (a wide CSV's column table has a row per column):
 * only the rows in view, plus a margin, are in the DOM, between two spacer rows of the
 * height of the rows left out. Rows have a fixed height (`rowPx`; cells do not wrap in a
 * windowed table), so the window is arithmetic, not measured: O(rows in view) per scroll.
 * Tables under `from` rows render whole, as before.
 *
 * Not a library: none of the windowing packages is a dependency, and this is the one
 * table that needs it (about 40 lines against a 10-30 kB package).
 */
import { useCallback, useState, type UIEvent } from 'react';

export interface RowWindow {
  /** True when the table is windowed. */
  windowed: boolean;
  /** First and one-past-last row in the DOM. */
  start: number;
  end: number;
  /** Heights of the spacer rows above and below, in px. */
  before: number;
  after: number;
  /** Put on the scrolling box. */
  onScroll: (event: UIEvent<HTMLElement>) => void;
  /** Height of the scrolling box in px (undefined when not windowed). */
  height: number | undefined;
}

/** Rows rendered above and below the ones in view, so a fast scroll shows no gap. */
const MARGIN = 20;

export interface WindowOptions {
  /** Fewest rows that are windowed; default 200. */
  from?: number;
  /** Height of a row, px; default 30. */
  rowPx?: number;
  /** Rows in view; default 16. */
  visible?: number;
}

/** The rows to render for a box scrolled `top` px down a table of `total` rows (pure: tested under Node). */
export function rowWindow(total: number, top: number, options: WindowOptions = {}): Omit<RowWindow, 'onScroll'> {
  const { from = 200, rowPx = 30, visible = 16 } = options;
  if (total < from) return { windowed: false, start: 0, end: total, before: 0, after: 0, height: undefined };
  const start = Math.min(total, Math.max(0, Math.floor(top / rowPx) - MARGIN));
  const end = Math.min(total, start + visible + 2 * MARGIN);
  return { windowed: true, start, end, before: start * rowPx, after: (total - end) * rowPx, height: (visible + 1) * rowPx };
}

export function useWindowedRows(total: number, options: WindowOptions = {}): RowWindow {
  const [top, setTop] = useState(0);
  const onScroll = useCallback((event: UIEvent<HTMLElement>) => setTop(event.currentTarget.scrollTop), []);
  return { ...rowWindow(total, top, options), onScroll };
}
