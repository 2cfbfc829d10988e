/**
 * The model settings added after checkpoints were first written: the hidden layers'
 * activation, dropout and the L2 penalty. Checkpoints, stored page states and exported
 * model.json files from before them carry configs without these fields; they meant
 * ReLU, no dropout, no penalty, so that is what they read as. Plain data and checks,
 * shared by the page (its controls and URL) and the worker (models, checkpoints).
 */
import type { MetaProblem } from './messages/checkpoint';
import type { Activation, ModelConfig } from './types';

export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];
/** Largest dropout rate a model may have (the page's limit too). */
export const MAX_DROPOUT = 0.9;

/** What a config written before these fields existed meant. */
export const CONFIG_EXTRAS_DEFAULTS = { activation: 'relu', dropout: 0, l2: 0 } as const satisfies Pick<ModelConfig, 'activation' | 'dropout' | 'l2'>;

type Extras = keyof typeof CONFIG_EXTRAS_DEFAULTS;
/** A config as stored: from before these fields, or with them. */
export type StoredModelConfig = Omit<ModelConfig, Extras> & Partial<Pick<ModelConfig, Extras>>;

type Obj = Record<string, unknown>;

/** Why the activation, dropout or l2 fields of an untrusted config are wrong (absent is fine), or null. */
export function configExtrasProblem(config: Obj): MetaProblem | null {
  const { activation, dropout, l2 } = config;
  if (activation !== undefined && !(ACTIVATIONS as readonly unknown[]).includes(activation)) {
    return { code: 'checkpoint.meta-one-of', params: { field: 'config.activation', options: ACTIVATIONS } };
  }
  if (dropout !== undefined && !(typeof dropout === 'number' && dropout >= 0 && dropout <= MAX_DROPOUT)) {
    return { code: 'checkpoint.meta-range', params: { field: 'config.dropout', min: 0, max: MAX_DROPOUT } };
  }
  if (l2 !== undefined && !(typeof l2 === 'number' && Number.isFinite(l2) && l2 >= 0)) return { code: 'checkpoint.meta-min', params: { field: 'config.l2', min: 0 } };
  return null;
}

/** A stored config with the fields it lacks filled as they were meant (relu, 0, 0); a new object. */
export function withConfigDefaults(config: StoredModelConfig): ModelConfig {
  return {
    ...config,
    activation: config.activation ?? CONFIG_EXTRAS_DEFAULTS.activation,
    dropout: config.dropout ?? CONFIG_EXTRAS_DEFAULTS.dropout,
    l2: config.l2 ?? CONFIG_EXTRAS_DEFAULTS.l2,
  };
}
