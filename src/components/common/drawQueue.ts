/**
 * Canvas drawing out of React's commit. A frame that re-renders every panel (a run's end:
 * its last evaluations, the map, forty neuron pictures and both learning curves at once)
 * would otherwise draw every canvas inside that one task: 50-65 ms measured here, a long
 * task. A canvas's first picture is drawn at once (nothing blank is ever shown); a redraw is
 * queued and run in tasks of their own, each drawing for about BUDGET_MS before yielding,
 * so input and the next frame get their turn between them. The newest draw of a canvas
 * replaces one still queued: a canvas never draws a picture that is already stale.
 *
 * Hand-written rather than a library: a dozen lines over MessageChannel (which, unlike
 * setTimeout(0), is not clamped to 4 ms when nested).
 */

/** Drawing time per task before the rest waits for the next one. */
const BUDGET_MS = 8;

const queued = new Map<HTMLCanvasElement, () => void>();
const drawnOnce = new WeakSet<HTMLCanvasElement>();
let channel: MessageChannel | null = null;
let posted = false;

function schedule(): void {
  if (posted) return;
  posted = true;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = drain;
  }
  channel.port2.postMessage(null);
}

function drain(): void {
  posted = false;
  const start = performance.now();
  for (const [canvas, draw] of queued) {
    queued.delete(canvas);
    // A canvas that left the page meanwhile has nothing to show.
    if (canvas.isConnected) draw();
    if (performance.now() - start >= BUDGET_MS) break;
  }
  if (queued.size > 0) schedule();
}

/** Draw on `canvas`: now when it has never been drawn, else in a task of its own (see above). */
export function drawSoon(canvas: HTMLCanvasElement, draw: () => void): void {
  if (!drawnOnce.has(canvas)) {
    drawnOnce.add(canvas);
    queued.delete(canvas);
    draw();
    return;
  }
  // Re-inserted, so the queue keeps the order the newest draws were asked in.
  queued.delete(canvas);
  queued.set(canvas, draw);
  schedule();
}
