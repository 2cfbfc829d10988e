/**
 * A run's length and rhythm from the settings and the data set's size: steps (from
 * epochs when the settings give them), steps between evaluations, and early stopping's
 * patience as evaluations (the worker counts evaluations; a person thinks in epochs).
 * Epoch = step x batch / training rows. Pure.
 */
import { EVAL_EVERY, type Settings } from './settings';

export interface RunPlan {
  steps: number;
  evalEvery: number;
  /** Evaluations without a better validation loss before the run ends; 0 = off. */
  patience: number;
  /** Steps in one pass over the training rows (a fraction below 1 when the batch is larger than the split). */
  stepsPerEpoch: number;
}

/** Most evaluations a CSV run makes: beyond, they are spaced out (curves and the eval table stay light). */
const MAX_EVALUATIONS = 500;
/** Most steps between a CSV's evaluations, however large the file. */
const MAX_EVAL_EVERY = 1000;

export function stepsPerEpoch(batchSize: number, trainRows: number): number {
  return trainRows > 0 ? trainRows / batchSize : 1;
}

/** The epoch a global step is at, as the page shows it. */
export function epochOf(step: number, batchSize: number, trainRows: number): number {
  return step / stepsPerEpoch(batchSize, trainRows);
}

export function runPlan(settings: Pick<Settings, 'dataset' | 'steps' | 'epochs' | 'patience' | 'batchSize'>, trainRows: number): RunPlan {
  const perEpoch = stepsPerEpoch(settings.batchSize, trainRows);
  const steps = settings.epochs > 0 ? Math.max(1, Math.ceil(settings.epochs * perEpoch)) : settings.steps;
  // The tutorials evaluate where they do (every 100 steps; do_eval every 1000); a CSV about once an epoch.
  const evalEvery =
    settings.dataset === 'csv' ? Math.min(MAX_EVAL_EVERY, Math.max(1, Math.round(perEpoch), Math.ceil(steps / MAX_EVALUATIONS))) : EVAL_EVERY[settings.dataset];
  const patience = settings.patience > 0 ? Math.max(1, Math.ceil((settings.patience * perEpoch) / evalEvery)) : 0;
  return { steps, evalEvery, patience, stepsPerEpoch: perEpoch };
}
