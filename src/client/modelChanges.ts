/**
 * Which of the page's settings the model in the worker was not built with. Everything in
 * ModelConfig except the learning rate is fixed when a model is built (the learning rate
 * reaches a running model at once), so these wait for Reset and the settings panel names
 * them. Derived from the field table (MODEL_FIELDS): a field that needs a new model and
 * has a control is listed, in the panel's order.
 */
import { changedFields, MODEL_FIELDS, modelChangeKeys, type ModelChange } from '../shared/modelConfig';
import type { ModelConfig } from '../shared/types';

export type { ModelChange } from '../shared/modelConfig';

// The table's rows whose needsNewModel is true and param is not null: exactly ModelChange (its type says so).
export const MODEL_CHANGES = modelChangeKeys(MODEL_FIELDS) as readonly ModelChange[];

/** The fields that differ (the worker fills an old checkpoint's missing ones before it reports its model). */
export function modelChanges(model: ModelConfig | null, settings: ModelConfig): ModelChange[] {
  if (model === null) return [];
  return changedFields(model, settings, MODEL_FIELDS) as ModelChange[];
}
