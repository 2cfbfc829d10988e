/**
 * Import and URL take the same settings (issue 19, item 9): a model trained with seed=-1
 * (which the URL accepts) comes back on import; a setting the URL refuses is refused on
 * import too, naming the field and the range the URL takes; a broken import names its files.
 */
import { describe, expect, it } from 'vitest';
import { checkImport, checkpointMeta, exportFiles, validateImport, type ImportFile } from '../../src/ml/checkpoint';
import { buildClassifier } from '../../src/ml/model/model';
import { readsBack } from '../../src/shared/fieldReaders';
import { MODEL_FIELDS } from '../../src/shared/modelConfig';
import type { ModelConfig } from '../../src/shared/types';
import { parseSettings } from '../../src/client/settings';
import { IRIS_CONFIG, loadIris } from './helpers';

const data = loadIris();
const utf8 = (text: string) => new TextEncoder().encode(text);

async function exported(config: ModelConfig): Promise<ImportFile[]> {
  const model = buildClassifier(4, 3, config);
  const files = await exportFiles(model, checkpointMeta({ data, source: 'iris', config, globalStep: 10 }));
  model.dispose();
  return [{ name: 'model.json', bytes: utf8(files['model.json']) }, { name: 'weights.bin', bytes: new Uint8Array(files['weights.bin']) }];
}

describe('an exported model comes back with every setting the URL takes', () => {
  it.each([-1, 0, -(2 ** 53 - 1)])('seed=%i', async (seed) => {
    expect(parseSettings(`?seed=${seed}`).notices).toEqual([]);
    const result = await validateImport(await exported({ ...IRIS_CONFIG, seed }));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.meta.config.seed).toBe(seed);
      result.value.model.dispose();
    }
  });
});

describe('a setting the URL refuses is refused on import, with the range', () => {
  it.each([
    ['seed', 1.5, { kind: 'int', min: null, max: null }],
    ['batchSize', 0, { kind: 'int', min: 1, max: 4096 }],
    ['learningRate', 20, { kind: 'number', min: 0, max: 10, above: true }],
    ['hiddenUnits', [2048], { kind: 'ints', max: 1024, count: 8 }],
  ] as const)('%s = %j', async (key, value, range) => {
    const files = await exported({ ...IRIS_CONFIG, [key]: value } as ModelConfig);
    const checked = checkImport(files);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.reason).toMatchObject({ params: { problem: { code: 'checkpoint.meta-setting', params: { field: `config.${key}`, range } } } });
    }
    // ...and the URL refuses the same value, with the same range in its notice.
    const param = MODEL_FIELDS[key].param;
    expect(parseSettings(`?${param}=${Array.isArray(value) ? value.join(',') : value}`).notices).toMatchObject([{ param, range }]);
  });

  it('the readers agree with themselves: what the URL writes, it reads back', () => {
    expect(readsBack(MODEL_FIELDS.seed.read, -1)).toBe(true);
    expect(readsBack(MODEL_FIELDS.seed.read, '5')).toBe(true);
    expect(readsBack(MODEL_FIELDS.seed.read, 1.5)).toBe(false);
    expect(readsBack(MODEL_FIELDS.hiddenUnits.read, [10, 20, 10])).toBe(true);
    expect(readsBack(MODEL_FIELDS.learningRate.read, Infinity)).toBe(false);
  });
});

describe('number fields agree on hexadecimal (issue 19, item 10)', () => {
  it.each(['lr=0x1', 'seed=0x10', 'batch=0x10', 'dropout=0x0', 'test=0x0', 'lr=Infinity', 'lr='])('%s is ignored, with the range', (query) => {
    const { notices } = parseSettings(`?${query}`);
    expect(notices).toHaveLength(1);
    expect(notices[0].range).toBeDefined();
  });
});

describe('a broken import names its files', () => {
  it('instead of a bare runtime error', async () => {
    const files = await exported(IRIS_CONFIG);
    // A shape tfjs cannot allocate, past the manifest checks: the runtime throws, the reason names the files.
    const json = JSON.parse(new TextDecoder().decode(files[0].bytes));
    json.modelTopology.config.layers[0].config.batch_input_shape = [null, -4];
    const result = await validateImport([{ name: 'model.json', bytes: utf8(JSON.stringify(json)) }, files[1]]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.reason)).toContain('model.json');
  });
});
