/**
 * What a new visit brings back: the last session's data set, the model of its newest
 * checkpoint at its step, and its curves, when it was trained with the settings the
 * page opens with.
 */
import type { ModelConfig } from '../../shared/types';
import type { SessionState } from '../checkpoint';
import { withConfigDefaults, type StoredModelConfig } from '../../shared/modelConfig';
import type { Persistence } from './persistence';
import type { NamedBlob, Workspace } from './workspace';

/**
 * The same model settings (the seed included): a stored session belongs to them. A
 * config stored before activation, dropout and l2 existed meant relu, 0 and 0.
 */
export function sameModel(a: StoredModelConfig, b: StoredModelConfig): boolean {
  const key = (stored: StoredModelConfig) => {
    const c = withConfigDefaults(stored);
    return JSON.stringify([c.hiddenUnits, c.optimizer, c.learningRate, c.batchSize, c.seed, c.initializer, c.reduction, c.activation, c.dropout, c.l2]);
  };
  return key(a) === key(b);
}

/** Re-open a stored session; false when its data set is not kept (the caller loads afresh). */
export async function resume(ws: Workspace, persistence: Persistence, last: SessionState, model: ModelConfig): Promise<boolean> {
  const checkpoint = last.checkpointId ? await persistence.load(last.checkpointId) : null;
  const restore = checkpoint?.ok ? persistence.restoreOf(checkpoint.value, { points: last.points, evaluations: last.evaluations }) : undefined;
  const config = checkpoint?.ok ? checkpoint.value.meta.config : model;
  switch (last.dataset.source) {
    case 'iris':
    case 'mnist':
      await ws.loadPreset(last.dataset.source, config, restore);
      return true;
    case 'csv': {
      const { file, testFile, choices } = last.dataset;
      const blob = (f: { name: string; bytes: ArrayBuffer }): NamedBlob => Object.assign(new Blob([f.bytes]), { name: f.name });
      await ws.loadCsv(blob(file), testFile && blob(testFile), choices, config, restore);
      return true;
    }
    case 'not-stored':
      ws.notify({ type: 'notice', message: last.dataset.reason });
      return false;
    default: {
      const unknown: never = last.dataset;
      throw new Error(`Unknown stored data set ${JSON.stringify(unknown)}`);
    }
  }
}
