/** Codes of training: the engine choice, the run, its stops (see ../message.ts). */
export interface TrainMessages {
  'train.engine-asked': { engine: string };
  /** `work`: multiply-adds a step (batch x weights). */
  'train.engine-gpu': { work: number };
  'train.engine-fused': { work: number };
  /** The fused loops with their products in WebAssembly SIMD. */
  'train.engine-fused-simd': { work: number };
  'train.busy': Record<never, never>;
  'train.no-model': Record<never, never>;
  'train.bad-patience': { patience: number };
  'train.no-held-out-split': Record<never, never>;
  /** `loss`: the value as JS prints it (NaN, Infinity). */
  'train.loss-not-finite': { loss: string; step: number; backTo: number };
  'train.weights-misfit': { expected: number; found: number };
  /** The training loss climbed from `start` to `loss` (mean cross-entropy per example); `suggest`: a learning rate to try. */
  'train.diverged-loss': { step: number; loss: number; start: number; learningRate: number; suggest: number };
  /** Training accuracy `accuracy` below chance (1 / classes). */
  'train.diverged-chance': { step: number; accuracy: number; chance: number; learningRate: number; suggest: number };
  /** A step bigger than this page trains in JS (train/stepBudget.ts): its size, memory and the budget. */
  'train.too-large': { parameters: number; megabytes: number; batch: number; work: number; limit: number };
}
