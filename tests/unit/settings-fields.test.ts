/**
 * The model settings' field table is the one place a hyperparameter is declared: a
 * field added to a copy of it must flow into the URL round trip, the config built from
 * the settings, sameModel() and the list of changes that wait for a new model.
 */
import { describe, expect, it } from 'vitest';
import { between } from '../../src/shared/fieldReaders';
import { changedFields, fieldKeys, MODEL_FIELDS, modelChangeKeys, sameModel, type ModelFields, type StoredModelConfig } from '../../src/shared/modelConfig';
import type { ModelConfig } from '../../src/shared/types';
import { IRIS_DEFAULTS, modelConfig, settingsSchema } from '../../src/client/settings';
import { MODEL_CHANGES } from '../../src/client/modelChanges';

/** A config with one more hyperparameter, as a new feature would add it. */
type WithTemperature = ModelConfig & { temperature: number };

const FIELDS: ModelFields<WithTemperature> = {
  ...MODEL_FIELDS,
  temperature: { param: 'temp', read: between(0.1, 5), defaults: { iris: 1, mnist: 2 }, needsNewModel: true },
};

const schema = settingsSchema(FIELDS);

describe('a field added to the table', () => {
  it('has its per-data-set default', () => {
    expect(schema.defaults.iris.temperature).toBe(1);
    expect(schema.defaults.mnist.temperature).toBe(2);
    expect(schema.parse('?dataset=mnist').settings.temperature).toBe(2);
  });

  it('round-trips through the URL, written only when it differs from the default', () => {
    const { settings, notices } = schema.parse('?temp=0.5&hidden=4');
    expect(notices).toEqual([]);
    expect(settings.temperature).toBe(0.5);
    const query = schema.serialize(settings);
    expect(new URLSearchParams(query).get('temp')).toBe('0.5');
    expect(schema.parse(`?${query}`).settings).toEqual(settings);
    expect(schema.serialize(schema.defaults.iris)).toBe('');
  });

  it('falls back to its default with a notice when the URL value is out of range', () => {
    const { settings, notices } = schema.parse('?temp=9');
    expect(settings.temperature).toBe(1);
    expect(notices).toEqual([{ param: 'temp', raw: '9', fallback: '1', range: { kind: 'number', min: 0.1, max: 5, above: false } }]);
  });

  it('is in the config built from the settings, with no page setting', () => {
    const config = schema.modelConfig({ ...schema.defaults.iris, temperature: 3 });
    expect(config).toMatchObject({ temperature: 3, hiddenUnits: [10, 20, 10] });
    expect(config).not.toHaveProperty('steps');
    expect(config).not.toHaveProperty('dataset');
    expect(Object.keys(config).sort()).toEqual(fieldKeys(FIELDS).sort());
  });

  it('is compared by sameModel', () => {
    const a: WithTemperature = { ...schema.modelConfig(schema.defaults.iris) };
    const b: WithTemperature = { ...a, temperature: 4 };
    expect(sameModel(a, { ...a }, FIELDS)).toBe(true);
    expect(sameModel(a, b, FIELDS)).toBe(false);
    // The real table does not know the field.
    expect(sameModel(a, b)).toBe(true);
  });

  it('is among the changes that need a new model, unless it reaches a running model', () => {
    expect(modelChangeKeys(FIELDS)).toContain('temperature');
    const model = schema.modelConfig(schema.defaults.iris);
    expect(changedFields(model, { ...model, temperature: 4 }, FIELDS)).toEqual(['temperature']);
    const live: ModelFields<WithTemperature> = { ...FIELDS, temperature: { ...FIELDS.temperature, needsNewModel: false } };
    expect(modelChangeKeys(live)).not.toContain('temperature');
    expect(changedFields(model, { ...model, temperature: 4 }, live)).toEqual([]);
  });
});

describe('the real table', () => {
  it('covers every ModelConfig field', () => {
    expect(fieldKeys(MODEL_FIELDS).sort()).toEqual(Object.keys(modelConfig(IRIS_DEFAULTS)).sort());
  });

  it('waits for Reset on everything the person can change but the learning rate', () => {
    expect(MODEL_CHANGES).toEqual(['hiddenUnits', 'activation', 'dropout', 'l2', 'optimizer', 'batchSize', 'seed', 'classWeight']);
  });

  // Typed ModelConfig: a field added to the table needs a value here too.
  const OTHER: ModelConfig = { hiddenUnits: [4], activation: 'tanh', dropout: 0.5, l2: 0.1, optimizer: 'adam', learningRate: 0.2, batchSize: 7, seed: 7, initializer: 'truncated-normal', reduction: 'mean', classWeight: 'balanced' };

  it.each(fieldKeys(MODEL_FIELDS))('sameModel tells a different %s apart', (key) => {
    const a = modelConfig(IRIS_DEFAULTS);
    expect(sameModel(a, { ...a, [key]: OTHER[key] })).toBe(false);
    expect(sameModel(a, { ...a })).toBe(true);
  });

  it('sameModel reads an old stored config (no activation, dropout, l2) as relu, 0, 0', () => {
    const full = modelConfig(IRIS_DEFAULTS);
    const old: StoredModelConfig = { ...full };
    delete old.activation;
    delete old.dropout;
    delete old.l2;
    expect(sameModel(old, full)).toBe(true);
    expect(sameModel(old, { ...full, dropout: 0.1 })).toBe(false);
  });
});
