/** Shared fixtures: the real Iris files and a Session wired to collect its events. */
import { readFileSync } from 'node:fs';
import { irisFromCsv } from '../../src/ml/iris';
import type { ClassificationData } from '../../src/ml/data';
import { Session } from '../../src/ml/session';
import type { ModelConfig, WorkerEvent } from '../../src/shared/protocol';

export const IRIS_CONFIG: ModelConfig = {
  hiddenUnits: [10, 20, 10],
  optimizer: 'adagrad',
  learningRate: 0.05,
  batchSize: 128,
  seed: 42,
};

export function readData(name: string): string {
  return readFileSync(new URL(`../../public/data/${name}`, import.meta.url), 'utf8');
}

export function loadIris(): ClassificationData {
  const result = irisFromCsv(readData('iris_training.csv'), readData('iris_test.csv'));
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

export function makeSession(config: ModelConfig = IRIS_CONFIG, data = loadIris()) {
  const events: WorkerEvent[] = [];
  const session = new Session(data, config, {
    post: (e) => events.push(e),
    yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
  });
  return { session, events };
}

export function ofType<T extends WorkerEvent['type']>(events: WorkerEvent[], type: T) {
  return events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
}
