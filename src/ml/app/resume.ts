/**
 * What a new visit brings back: the last session's data set, the model of its newest
 * checkpoint at its step, and its curves, when it was trained with the settings the page
 * opens with. Decides only; the workspace does the loading.
 */
import { sameModel } from '../../shared/modelConfig';
import type { DatasetName, ModelConfig } from '../../shared/types';
import type { SessionState } from '../checkpoint';
import { familyOf } from '../datasets/registry';
import type { Restore } from '../train/session';
import type { Persistence } from './persistence';

/** A stored session the page can go on with: its data set, the model's settings and weights. */
export interface ResumePlan {
  last: SessionState;
  config: ModelConfig;
  restore?: Restore;
}

/**
 * The stored session to resume when it belongs to these settings (the seed included) and
 * to the URL's data set family, else null: a link with other settings starts fresh, as it
 * reproduces the run it describes.
 */
export async function resumePlan(persistence: Persistence, dataset: DatasetName, model: ModelConfig): Promise<ResumePlan | null> {
  const last = await persistence.lastSession();
  if (!last || !sameModel(last.config, model) || familyOf(last.dataset) !== dataset) return null;
  const checkpoint = last.checkpointId ? await persistence.load(last.checkpointId) : null;
  if (!checkpoint?.ok) return { last, config: model };
  const restore = persistence.restoreOf(checkpoint.value, { points: last.points, evaluations: last.evaluations });
  return restore.ok ? { last, config: checkpoint.value.meta.config, restore: restore.value } : { last, config: model };
}
