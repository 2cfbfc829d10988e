/**
 * How many of `total` items to render now: all of them up to `step`, else `step` more at
 * each timer tick until all are there. A wide file's prediction form (one field per
 * column, as CONTRACT.md's predict-form has) then joins the page in tasks of `step`
 * fields, and the page answers clicks and scrolls in between, instead of one task of
 * seconds. Starts over when `key` changes (another data set).
 */
import { useEffect, useState } from 'react';

export function useProgressiveCount(total: number, key: unknown, step = 250): number {
  const [shown, setShown] = useState<{ key: unknown; count: number }>({ key, count: Math.min(total, step) });
  const count = shown.key === key ? Math.min(total, shown.count) : Math.min(total, step);
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => setShown({ key, count: count + step }), 0);
    return () => clearTimeout(timer);
  }, [count, total, key, step]);
  return count;
}
