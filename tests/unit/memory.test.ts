/**
 * Long sessions: cycles of train / stop / reset / change of data set, and a long run,
 * leave tf.memory().numTensors where it started.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Persistence } from '../../src/ml/app/persistence';
import { Workspace } from '../../src/ml/app/workspace';
import type { WorkerEvent } from '../../src/shared/protocol';
import { collectingHooks, IRIS_CONFIG, ofType } from './helpers';

const fetchBytes = async (path: string) => new Uint8Array(readFileSync(new URL(`../../public/${path}`, import.meta.url)));
const csv = ['a,b,kind', ...Array.from({ length: 40 }, (_, i) => `${(i % 2) * 3 + (i % 5) / 5},${(i % 7) / 7},${i % 2 ? 'x' : 'y'}`)].join('\n');

describe.each(['tfjs', 'fused'] as const)('memory over a long session (%s engine)', (engine) => {
  it('20 cycles of train, stop, reset and a new data set leave the tensor count where it started', async () => {
    const events: WorkerEvent[] = [];
    const ws = new Workspace({ ...collectingHooks(events), fetchBytes }, engine, await Persistence.open(undefined));
    await ws.loadPreset('iris', IRIS_CONFIG);
    const start = tf.memory().numTensors;
    for (let cycle = 0; cycle < 20; cycle++) {
      await ws.train(2 * cycle, 30, 10);
      const run = ws.train(2 * cycle + 1, 1_000_000, 100);
      setTimeout(() => ws.current.stop(2 * cycle + 1), 5);
      await run;
      ws.current.reset(IRIS_CONFIG);
      await ws.loadCsv(new File([csv], 'small.csv'), undefined, {}, IRIS_CONFIG);
      await ws.train(100 + cycle, 20, 10);
      await ws.loadPreset('iris', IRIS_CONFIG);
      expect(tf.memory().numTensors, `after cycle ${cycle + 1}`).toBe(start);
    }
    expect(ofType(events, 'run-end').filter((e) => e.end === 'stopped').length).toBe(20);
    ws.current.dispose();
  });
});

describe('a long run', () => {
  it('keeps the tensor count flat over 5,000 steps (evaluations and checkpoints included) and sends only new points', async () => {
    const events: WorkerEvent[] = [];
    const ws = new Workspace({ ...collectingHooks(events), fetchBytes }, 'fused', await Persistence.open(undefined));
    await ws.loadPreset('iris', IRIS_CONFIG);
    const counts: number[] = [];
    const post = events.push.bind(events);
    events.push = (...e: WorkerEvent[]) => {
      counts.push(tf.memory().numTensors);
      return post(...e);
    };
    // 5 checkpoints and 50 evaluations: what a longer run repeats (the bench runs the long ones).
    await ws.train(1, 5_000, 100);
    expect(new Set(counts.slice(2)).size).toBe(1);
    // Each progress event carries only the points since the last one: never the whole history.
    const sizes = ofType(events, 'progress').map((e) => e.points.length);
    expect(Math.max(...sizes)).toBeLessThan(200);
    expect(ws.current.globalStep).toBe(5_000);
    ws.current.dispose();
  });
});
