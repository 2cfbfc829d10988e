/**
 * The model settings added after checkpoints were first written: the hidden layers'
 * activation, dropout and the L2 penalty. Checkpoints, stored page states and exported
 * model.json files from before them carry configs without these fields; they meant
 * ReLU, no dropout, no penalty, so that is what they read as. Plain data and checks,
 * shared by the page (its controls and URL) and the worker (models, checkpoints).
 */
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
export function configExtrasProblem(config: Obj): string | null {
  const { activation, dropout, l2 } = config;
  if (activation !== undefined && !(ACTIVATIONS as readonly unknown[]).includes(activation)) return `config.activation must be one of ${ACTIVATIONS.join(', ')}`;
  if (dropout !== undefined && !(typeof dropout === 'number' && dropout >= 0 && dropout <= MAX_DROPOUT)) return `config.dropout must be a number from 0 to ${MAX_DROPOUT}`;
  if (l2 !== undefined && !(typeof l2 === 'number' && Number.isFinite(l2) && l2 >= 0)) return 'config.l2 must be a number of at least 0';
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
