/**
 * Which of the page's settings the model in the worker was not built with. Everything in
 * ModelConfig except the learning rate is fixed when a model is built (the learning rate
 * reaches a running model at once), so these wait for Reset and the settings panel names them.
 */
import type { ModelConfig } from '../shared/types';

export type ModelChange = 'hiddenUnits' | 'optimizer' | 'batchSize' | 'seed' | 'activation' | 'dropout' | 'l2';

/** In the order the panel shows its controls. */
export const MODEL_CHANGES: readonly ModelChange[] = ['hiddenUnits', 'activation', 'dropout', 'l2', 'optimizer', 'batchSize', 'seed'];

/** The fields that differ (the worker fills an old checkpoint's missing ones before it reports its model). */
export function modelChanges(model: ModelConfig | null, settings: ModelConfig): ModelChange[] {
  if (model === null) return [];
  // String(): the hidden units compare as "10,20,10".
  return MODEL_CHANGES.filter((key) => String(model[key]) !== String(settings[key]));
}
