/**
 * What a new visit brings back: the last session's data set, the model of its newest
 * checkpoint at its step, and its curves, when it was trained with the settings the
 * page opens with.
 */
import type { ModelConfig } from '../shared/protocol';
import type { SessionState } from './checkpoint';
import type { Persistence } from './persistence';
import type { NamedBlob, Workspace } from './workspace';

/** The same model settings (the seed included): a stored session belongs to them. */
export function sameModel(a: ModelConfig, b: ModelConfig): boolean {
  return JSON.stringify([a.hiddenUnits, a.optimizer, a.learningRate, a.batchSize, a.seed, a.initializer, a.reduction]) ===
    JSON.stringify([b.hiddenUnits, b.optimizer, b.learningRate, b.batchSize, b.seed, b.initializer, b.reduction]);
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
