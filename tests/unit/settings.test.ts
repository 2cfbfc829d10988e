import { describe, expect, it } from 'vitest';
import { IRIS_DEFAULTS, MNIST_DEFAULTS, modelConfig, namedDataset, parseSettings, serializeSettings, settingsFor } from '../../src/client/settings';

describe('URL settings', () => {
  it('defaults to the Iris tutorial with no parameters and no notices', () => {
    expect(parseSettings('')).toEqual({ settings: IRIS_DEFAULTS, notices: [] });
  });

  it('reads every CONTRACT.md parameter', () => {
    const { settings, notices } = parseSettings('?dataset=iris&steps=500&batch=32&lr=0.1&optimizer=adam&hidden=8,4&backend=wasm&seed=7&task=classification');
    expect(notices).toEqual([]);
    expect(settings).toEqual({
      dataset: 'iris',
      steps: 500,
      batchSize: 32,
      learningRate: 0.1,
      optimizer: 'adam',
      hiddenUnits: [8, 4],
      backend: 'wasm',
      engine: 'auto',
      seed: 7,
      initializer: 'glorot-uniform',
      reduction: 'sum',
      activation: 'relu',
      dropout: 0,
      l2: 0,
      patience: 0,
      testFraction: 0.2,
      epochs: 0,
      validation: 0.2,
      folds: 0,
      classWeight: 'none',
      task: 'classification',
    });
  });

  it('reads task (auto by default: the file says; classification or regression when the link says) and writes it only when set', () => {
    expect(parseSettings('').settings.task).toBe('auto');
    expect(parseSettings('?dataset=csv&task=regression').settings.task).toBe('regression');
    const { settings, notices } = parseSettings('?task=numbers');
    expect(settings.task).toBe('auto');
    expect(notices.map((n) => n.param)).toEqual(['task']);
    expect(serializeSettings({ ...parseSettings('?dataset=csv').settings, task: 'regression' })).toContain('task=regression');
    expect(serializeSettings(parseSettings('?dataset=csv').settings)).not.toContain('task=');
  });

  it('reads classWeight (none or balanced) and falls back to none on anything else', () => {
    expect(parseSettings('?dataset=csv&classWeight=balanced').settings.classWeight).toBe('balanced');
    const { settings, notices } = parseSettings('?classWeight=heavy');
    expect(settings.classWeight).toBe('none');
    expect(notices).toEqual([{ param: 'classWeight', raw: 'heavy', fallback: 'none', range: { kind: 'one-of', options: ['none', 'balanced'] } }]);
  });

  it('reads cross-validation folds (0 = off, up to 20) and round-trips them', () => {
    expect(parseSettings('?folds=10').settings.folds).toBe(10);
    expect(serializeSettings(parseSettings('?folds=5').settings)).toBe('folds=5');
    expect(serializeSettings(parseSettings('').settings)).toBe('');
    expect(parseSettings('?folds=21').notices).toEqual([{ param: 'folds', raw: '21', fallback: '0', range: { kind: 'int', min: 0, max: 20 } }]);
  });

  it('reads the model and training controls: activation, dropout, l2, patience, test', () => {
    const { settings, notices } = parseSettings('?activation=tanh&dropout=0.25&l2=0.001&patience=3&test=0.3');
    expect(notices).toEqual([]);
    expect(settings).toMatchObject({ activation: 'tanh', dropout: 0.25, l2: 0.001, patience: 3, testFraction: 0.3 });
    expect(modelConfig(settings)).toMatchObject({ activation: 'tanh', dropout: 0.25, l2: 0.001 });
    expect(modelConfig(settings)).not.toHaveProperty('patience');
  });

  it.each(['activation=sigmoid&dropout=0.9&l2=1&patience=1000&test=0', 'activation=linear&dropout=0&l2=0.05&patience=0&test=0.9', 'dataset=mnist&activation=tanh&dropout=0.5&patience=2'])(
    'round-trips the new parameters through the URL: %s',
    (query) => {
      const { settings, notices } = parseSettings(`?${query}`);
      expect(notices).toEqual([]);
      expect(parseSettings(`?${serializeSettings(settings)}`).settings).toEqual(settings);
    },
  );

  it.each([
    ['steps=0', 'steps'],
    ['steps=1.5', 'steps'],
    ['steps=abc', 'steps'],
    ['batch=-3', 'batch'],
    ['lr=0', 'lr'],
    ['lr=NaN', 'lr'],
    ['optimizer=lbfgs', 'optimizer'],
    ['hidden=10,,10', 'hidden'],
    ['hidden=10,x', 'hidden'],
    ['backend=webgpu2', 'backend'],
    ['seed=1e3', 'seed'],
    ['dataset=cifar', 'dataset'],
    ['activation=elu', 'activation'],
    ['activation=', 'activation'],
    ['dropout=2', 'dropout'],
    ['dropout=-0.1', 'dropout'],
    ['dropout=0.95', 'dropout'],
    ['l2=-1', 'l2'],
    ['l2=abc', 'l2'],
    ['patience=x', 'patience'],
    ['patience=-1', 'patience'],
    ['patience=2.5', 'patience'],
    ['test=0.95', 'test'],
    ['test=-0.2', 'test'],
  ])('falls back to the default for %s with a notice', (query, param) => {
    const { settings, notices } = parseSettings(`?${query}`);
    expect(settings).toEqual(IRIS_DEFAULTS);
    expect(notices).toEqual([{ param, raw: query.slice(query.indexOf('=') + 1), fallback: expect.any(String), range: expect.any(Object) }]);
  });

  it('takes MNIST defaults (Mechanics 101) for dataset=mnist, overridable', () => {
    expect(parseSettings('?dataset=mnist').settings).toEqual(MNIST_DEFAULTS);
    expect(parseSettings('?dataset=mnist&hidden=64,16&steps=300').settings).toMatchObject({
      hiddenUnits: [64, 16],
      steps: 300,
      optimizer: 'sgd',
      learningRate: 0.01,
      batchSize: 100,
      reduction: 'mean',
      initializer: 'truncated-normal',
    });
    expect(serializeSettings(MNIST_DEFAULTS)).toBe('dataset=mnist');
  });

  it('dataset=csv (the file dropped and kept in this browser) trains with the Iris optimizer, one layer of 100, and round-trips', () => {
    const { settings, notices } = parseSettings('?dataset=csv&steps=200');
    expect(notices).toEqual([]);
    // Steps in the link mean them: the CSV's epochs give way; its early stopping stays.
    expect(settings).toEqual({ ...IRIS_DEFAULTS, dataset: 'csv', steps: 200, epochs: 0, patience: 50, hiddenUnits: [100] });
    expect(serializeSettings(settings)).toBe('dataset=csv&steps=200&epochs=0');
    expect(parseSettings(`?${serializeSettings(settings)}`).settings).toEqual(settings);
    // The tutorial's three layers on a CSV are a choice the link writes.
    expect(serializeSettings({ ...settings, hiddenUnits: [10, 20, 10], learningRate: 0.1 })).toBe('dataset=csv&steps=200&hidden=10%2C20%2C10&lr=0.1&epochs=0');
    expect(parseSettings('?dataset=csv&hidden=10,20,10').settings.hiddenUnits).toEqual([10, 20, 10]);
  });

  it('a dropped CSV trains for epochs sized to the file, with early stopping on its validation split', () => {
    const { settings } = parseSettings('?dataset=csv');
    expect(settings).toMatchObject({ epochs: 2000, patience: 50, validation: 0.2, steps: 2000, hiddenUnits: [100] });
    expect(serializeSettings(settings)).toBe('dataset=csv');
    expect(parseSettings('?dataset=csv&epochs=30&patience=0&validation=0').settings).toMatchObject({ epochs: 30, patience: 0, validation: 0 });
    // The tutorials keep their exact defaults.
    expect(IRIS_DEFAULTS).toMatchObject({ epochs: 0, patience: 0, steps: 2000 });
    expect(MNIST_DEFAULTS).toMatchObject({ epochs: 0, patience: 0, steps: 2000 });
  });

  it('carries settings to another kind of data set: defaults follow it, choices stay', () => {
    expect(settingsFor(IRIS_DEFAULTS, 'csv')).toMatchObject({ dataset: 'csv', epochs: 2000, patience: 50, hiddenUnits: [100] });
    // Hidden layers the person chose stay; the defaults' lists are never shared.
    expect(settingsFor({ ...IRIS_DEFAULTS, hiddenUnits: [8] }, 'csv').hiddenUnits).toEqual([8]);
    expect(settingsFor(IRIS_DEFAULTS, 'csv').hiddenUnits).not.toBe(settingsFor(IRIS_DEFAULTS, 'csv').hiddenUnits);
    expect(settingsFor({ ...IRIS_DEFAULTS, patience: 3, steps: 300 }, 'csv')).toMatchObject({ dataset: 'csv', epochs: 0, patience: 3, steps: 300 });
    expect(settingsFor(settingsFor(IRIS_DEFAULTS, 'csv'), 'iris')).toEqual(IRIS_DEFAULTS);
  });

  it.each([
    ['', null],
    ['?steps=5', null],
    ['?dataset=iris', 'iris'],
    ['?dataset=mnist&lr=1', 'mnist'],
    ['?dataset=csv', 'csv'],
    // Unknown: Iris with a notice, and the stored session is not overruled by a typo.
    ['?dataset=cifar', null],
  ])('the link %s names the data set %s', (search, named) => {
    expect(namedDataset(search)).toBe(named);
  });

  it('round-trips through the URL, writing only what differs from the defaults', () => {
    const { settings } = parseSettings('?hidden=16,8&lr=0.2&seed=-5');
    const query = serializeSettings(settings);
    // In the field table's order (the settings panel's), page fields first and last.
    expect(query).toBe('hidden=16%2C8&lr=0.2&seed=-5');
    expect(parseSettings(`?${query}`).settings).toEqual(settings);
    expect(serializeSettings(IRIS_DEFAULTS)).toBe('');
  });
});
