import { describe, expect, it } from 'vitest';
import { modelChanges } from '../../src/client/modelChanges';
import { IRIS_DEFAULTS, modelConfig } from '../../src/client/settings';
import type { ModelConfig } from '../../src/shared/types';

const built: ModelConfig = modelConfig(IRIS_DEFAULTS);

describe('settings that wait for a new model', () => {
  it('none when the settings are the model’s, or when there is no model yet', () => {
    expect(modelChanges(built, { ...built })).toEqual([]);
    expect(modelChanges(null, { ...built, activation: 'tanh' })).toEqual([]);
  });

  it('not the learning rate: it reaches the running model at once', () => {
    expect(modelChanges(built, { ...built, learningRate: 0.5 })).toEqual([]);
  });

  it.each<[Partial<ModelConfig>, string[]]>([
    [{ activation: 'tanh' }, ['activation']],
    [{ dropout: 0.1 }, ['dropout']],
    [{ l2: 0.001 }, ['l2']],
    [{ hiddenUnits: [10, 20] }, ['hiddenUnits']],
    [{ optimizer: 'adam', batchSize: 32, seed: 7 }, ['optimizer', 'batchSize', 'seed']],
    [{ seed: 1, activation: 'sigmoid', hiddenUnits: [4] }, ['hiddenUnits', 'activation', 'seed']],
  ])('%j -> %j', (change, expected) => {
    expect(modelChanges(built, { ...built, ...change })).toEqual(expected);
  });
});
