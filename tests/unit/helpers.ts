/** Shared fixtures: the real Iris files and a Session wired to collect its events. */
import { readFileSync } from 'node:fs';
import { irisFromCsv } from '../../src/ml/datasets/iris';
import { numericInputs } from '../../src/ml/datasets/data';
import { pageCallbacks } from '../../src/ml/app/events';
import { orThrow } from '../../src/shared/result';
import type { Prediction } from '../../src/shared/types';
import type { ClassificationData } from '../../src/ml/datasets/data';
import { Session } from '../../src/ml/train/session';
import type { WorkerEvent } from '../../src/shared/protocol';
import type { EngineChoice, ModelConfig } from '../../src/shared/types';
import { reasonError } from '../../src/shared/result';

export const IRIS_CONFIG: ModelConfig = {
  hiddenUnits: [10, 20, 10],
  optimizer: 'adagrad',
  learningRate: 0.05,
  batchSize: 128,
  seed: 42,
  initializer: 'glorot-uniform',
  reduction: 'sum',
  activation: 'relu',
  dropout: 0,
  l2: 0,
  classWeight: 'none',
};

export function readData(name: string): string {
  return readFileSync(new URL(`../../public/data/${name}`, import.meta.url), 'utf8');
}

export function loadIris(): ClassificationData {
  const result = irisFromCsv(readData('iris_training.csv'), readData('iris_test.csv'));
  if (!result.ok) throw reasonError(result.reason);
  return result.value;
}

export const collectingHooks = (events: WorkerEvent[]) => ({
  post: (e: WorkerEvent) => events.push(e),
  yieldToEvents: () => new Promise<void>((resolve) => setImmediate(resolve)),
});

/** A session over Iris whose callbacks become the page's events, collected in `events` (the model announced). */
export function makeSession(config: ModelConfig = IRIS_CONFIG, engine: EngineChoice = 'auto', data = loadIris()) {
  const events: WorkerEvent[] = [];
  const hooks = collectingHooks(events);
  const session = new Session(data, config, pageCallbacks(hooks.post, hooks.yieldToEvents, async () => {}), engine);
  session.announce();
  return { session, events };
}

/** Classify a row of numbers typed as text (a numeric data set such as Iris). */
export function predict(session: Session, values: string[]): Promise<Prediction> {
  return session.predictFeatures(orThrow(numericInputs(session.data.featureNames, values)));
}

export function ofType<T extends WorkerEvent['type']>(events: WorkerEvent[], type: T) {
  return events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
}
