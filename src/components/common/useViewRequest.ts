/**
 * Ask the worker for an analysis view whenever its key (what it shows, of which model
 * and evaluation) changes: never with a request for it in flight, and during a run at
 * most once per MIN_GAP_MS, so a view refreshed after every evaluation (thirty a second
 * on Iris) takes little from training.
 */
import { useEffect, useRef } from 'react';
import type { Requested } from '../../client/analysisState';

const MIN_GAP_MS = 1000;

export function useViewRequest<T>(ready: boolean, training: boolean, slot: Requested<T>, key: string, ask: () => void): void {
  const last = useRef(-Infinity);
  const askRef = useRef(ask);
  useEffect(() => {
    askRef.current = ask;
  });
  useEffect(() => {
    if (!ready || slot.pending || slot.asked === key) return;
    const send = () => {
      last.current = performance.now();
      askRef.current();
    };
    const wait = training ? last.current + MIN_GAP_MS - performance.now() : 0;
    if (wait <= 0) {
      send();
      return;
    }
    const timer = setTimeout(send, wait);
    return () => clearTimeout(timer);
  }, [ready, training, slot.pending, slot.asked, key]);
}
