/**
 * Resolve after the messages queued on this thread (a Stop, a newer request) had a turn:
 * a MessageChannel round trip, which, unlike requestAnimationFrame or a clamped
 * setTimeout, runs at once and also in hidden tabs. Each worker has its own.
 */
export function eventYielder(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}
