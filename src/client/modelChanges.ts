/**
 * Which of the page's settings the model in the worker was not built with. Everything in
 * ModelConfig except the learning rate is fixed when a model is built (the learning rate
 * reaches a running model at once), so these wait for Reset and the settings panel names them.
 */
import type { ModelConfig } from '../shared/protocol';

export type ModelChange = 'hiddenUnits' | 'optimizer' | 'batchSize' | 'seed' | 'activation' | 'dropout' | 'l2';

/** In the order the panel shows its controls. */
export const MODEL_CHANGES: readonly ModelChange[] = ['hiddenUnits', 'activation', 'dropout', 'l2', 'optimizer', 'batchSize', 'seed'];

/**
 * The fields that differ. A model restored from a checkpoint saved before activation,
 * dropout and L2 existed has none of them: it was built with ReLU, no dropout, no penalty.
 */
export function modelChanges(model: ModelConfig | null, settings: ModelConfig): ModelChange[] {
  if (model === null) return [];
  const built: Record<ModelChange, unknown> = {
    hiddenUnits: model.hiddenUnits.join(','),
    optimizer: model.optimizer,
    batchSize: model.batchSize,
    seed: model.seed,
    activation: model.activation ?? 'relu',
    dropout: model.dropout ?? 0,
    l2: model.l2 ?? 0,
  };
  const wanted: Record<ModelChange, unknown> = {
    hiddenUnits: settings.hiddenUnits.join(','),
    optimizer: settings.optimizer,
    batchSize: settings.batchSize,
    seed: settings.seed,
    activation: settings.activation,
    dropout: settings.dropout,
    l2: settings.l2,
  };
  return MODEL_CHANGES.filter((key) => built[key] !== wanted[key]);
}
