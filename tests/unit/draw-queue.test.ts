/**
 * The canvas draw queue (src/components/common/drawQueue.ts) under Node: a first picture is
 * drawn at once, a redraw in a later task, only the newest of a canvas, nothing for a canvas
 * that left the page, and a long burst spread over several tasks.
 */
import { describe, expect, it } from 'vitest';
import { drawSoon } from '../../src/components/common/drawQueue';

/** Stands in for a canvas: the queue reads only isConnected (and uses it as a key). */
const canvas = (isConnected = true) => ({ isConnected }) as HTMLCanvasElement;
/** One turn of the event loop: the queue's MessageChannel task runs before this resolves. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('drawSoon', () => {
  it('draws a canvas the first time at once, and a redraw in a later task, the newest only', async () => {
    const c = canvas();
    const drawn: string[] = [];
    drawSoon(c, () => drawn.push('first'));
    expect(drawn).toEqual(['first']);
    drawSoon(c, () => drawn.push('stale'));
    drawSoon(c, () => drawn.push('newest'));
    expect(drawn).toEqual(['first']);
    await nextTask();
    expect(drawn).toEqual(['first', 'newest']);
  });

  it('skips a canvas that left the page before its turn', async () => {
    const c = canvas();
    let draws = 0;
    drawSoon(c, () => draws++);
    (c as { isConnected: boolean }).isConnected = false;
    drawSoon(c, () => draws++);
    await nextTask();
    expect(draws).toBe(1);
  });

  it('spreads a burst of slow redraws over tasks of about 8 ms, in the order they were asked', async () => {
    const canvases = Array.from({ length: 12 }, () => canvas());
    canvases.forEach((c) => drawSoon(c, () => {}));
    const order: number[] = [];
    // A batch is the draws of one task: the first draw of a task opens one, and a microtask
    // (which runs only once that task is over) closes it.
    const batches: number[] = [];
    let open = false;
    const busy = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    canvases.forEach((c, i) =>
      drawSoon(c, () => {
        if (!open) {
          open = true;
          batches.push(0);
          queueMicrotask(() => (open = false));
        }
        batches[batches.length - 1]++;
        order.push(i);
        busy(3);
      }),
    );
    for (let i = 0; i < 50 && order.length < canvases.length; i++) await nextTask();
    expect(order).toEqual(canvases.map((_, i) => i));
    // Each draw takes at least 3 ms and a task ends once 8 ms are spent: at most three draws
    // a task (fewer on a busy machine), so at least four tasks for the twelve.
    expect(Math.max(...batches)).toBeLessThanOrEqual(3);
    expect(batches.length).toBeGreaterThanOrEqual(4);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(12);
  });
});
