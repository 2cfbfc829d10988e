/**
 * Every message code has words in both languages (src/client/i18n/wording/): for sample
 * parameters, English and Korean are non-empty, differ, and show the file and column
 * names they were given. SAMPLES is typed by the catalog, so a new code needs a sample.
 */
import { describe, expect, it } from 'vitest';
import { formatMessage, WORDINGS } from '../../src/client/i18n/wording';
import type { Message, MessageCatalog, MessageCode } from '../../src/shared/message';

type Samples = { [C in MessageCode]: MessageCatalog[C] };

const file = 'data.csv';
const lines = { lines: [3, 5], more: 2 };
const distinct = { distinct: 12, capped: false };
const mixed = { texts: 4, first: 'n/a', line: 7 };
const layer = { file: 'model.json', layer: 2, name: 'dense_1' };

const SAMPLES: Samples = {
  'app.unexpected': { detail: 'TypeError: x is null' },
  // csv
  'csv.column-excluded': {},
  'csv.column-empty': {},
  'csv.column-constant': { value: 'red' },
  'csv.column-row-number': {},
  'csv.column-dates': distinct,
  'csv.column-too-many-categories': { ...distinct, capped: true, max: 50 },
  'csv.column-free-text': { ...distinct, rows: 40 },
  'csv.column-identifier': { ...distinct, rows: 40 },
  'csv.column-mixed-categories': { ...mixed, ...distinct, max: 50 },
  'csv.column-mixed-identifier': { ...mixed, ...distinct, rows: 40 },
  'csv.too-large': { file, size: 250 * 1024 * 1024, max: 200 * 1024 * 1024 },
  'csv.no-bytes': { file },
  'csv.binary-file': { file, kind: 'zip', count: 0, inspected: 0 },
  'csv.empty': { file },
  'csv.blank-lines': { file },
  'csv.unclosed-quote': { line: 3 },
  'csv.unclosed-quote-in': { file, line: 3 },
  'csv.unexpected-read': { file, detail: 'RangeError: x' },
  'csv.not-decoded': { file, count: 3, encoding: 'utf-8' },
  'csv.cp949-extension': { file, count: 2 },
  'csv.tf-header': { file, line: 1 },
  'csv.tf-row-count': { line: 1, declared: 120, rows: 119 },
  'csv.column-unnamed': { position: 3, name: 'column 3' },
  'csv.column-renamed': { position: 2, original: 'x', name: 'x (2)' },
  'csv.no-header': { file, columns: 5 },
  'csv.header-only': { file, line: 1 },
  'csv.one-column': { file },
  'csv.header-mismatch': { file, line: 1, names: 2, values: 3, delimiter: ';' },
  'csv.ragged-rows': { ...lines, file, ragged: 12, total: 40, width: 3, limit: 0.05 },
  'csv.skipped-ragged': { ...lines, count: 12, width: 3 },
  'csv.no-values': { file },
  'csv.not-numbers': { column: 'size', count: 2, first: 'big', line: 9 },
  'csv.test-columns-differ': { test: 'test.csv', train: file, missing: ['colour'], extra: ['shade'] },
  'csv.dropped-no-label': { file, count: 2 },
  'csv.unexpected-build': { file, detail: 'RangeError: x' },
  'csv.bad-test-fraction': { fraction: 1.5, max: 0.9 },
  'csv.label-guessed': { last: 'weight', label: 'species' },
  'csv.no-features': { file, label: 'species', columns: ['id'], notes: [{ code: 'csv.column-row-number', params: {} }] },
  'csv.no-label-column': { file, label: 'kind', columns: ['a', 'b'] },
  'csv.bad-class-id': { file, line: 4, id: '5', classes: 3 },
  'csv.label-empty': { file, label: 'species' },
  'csv.label-one-class': { file, label: 'species', value: 'setosa' },
  'csv.label-quantity': { file, label: 'price', distinct: 40 },
  'csv.label-too-many': { file, label: 'name', distinct: 300, max: 100 },
  'csv.unknown-class': { ...lines, file: 'test.csv', line: 3, name: 'virginica', train: file, others: 1 },
  'csv.predict-count': { features: ['size', 'colour'], got: 1 },
  'csv.predict-not-number': { column: 'size' },
  'csv.predict-missing-columns': { file, columns: ['colour'] },
  'csv.predictions-empty': {},
  'csv.predictions-narrow': { columns: 2, added: 4 },
  'csv.predictions-ragged': { line: 5, found: 3, expected: 6 },
  // data
  'data.tf-header': { file },
  'data.tf-no-features': { file },
  'data.tf-row-count': { file, declared: 120, rows: 119 },
  'data.tf-ragged': { file, line: 2, expected: 5, found: 4 },
  'data.tf-not-number': { file, line: 2, column: 3, value: 'x' },
  'data.tf-bad-class': { file, line: 2, value: '1.5' },
  'data.tf-unnamed-class': { file, id: 5, classes: 3 },
  'data.rows-not-scored': { count: 4 },
  // mnist
  'mnist.idx-too-short': { file: 'train-images-idx3-ubyte', bytes: 3 },
  'mnist.short-header': { file: 'train-images-idx3-ubyte', bytes: 12, header: 16, format: 'idx' },
  'mnist.bad-magic': { file: 'train-images-idx3-ubyte', found: 0x801, expected: 0x803, holds: 'labels', want: 'images' },
  'mnist.bin-bad-magic': { file: 'digits.bin', found: 0x803, expected: 0x4d4e4231 },
  'mnist.idx-size': { file: 'train-images-idx3-ubyte', what: 'images', dims: [4, 2, 3], expected: 40, bytes: 30 },
  'mnist.bin-size': { file: 'digits.bin', count: 2, rows: 2, cols: 2, expected: 26, bytes: 25 },
  'mnist.no-pixels': { file: 'digits.bin', rows: 0, cols: 3 },
  'mnist.bad-label': { file: 'digits.bin', label: 10, index: 1, at: 'image' },
  'mnist.count-mismatch': { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte', imageCount: 8, labelCount: 7 },
  'mnist.size-mismatch': { train: 'train-images-idx3-ubyte', test: 't10k-images-idx3-ubyte', trainRows: 2, trainCols: 3, testRows: 3, testCols: 2 },
  'mnist.bad-split-size': { split: 'validation', size: 5000, available: 8 },
  'mnist.inflate-cap': { file: 'train-images-idx3-ubyte', max: 100000 },
  'mnist.bad-gzip': { file: 'mnist-10k.bin.gz', detail: 'incorrect header check' },
  'mnist.bad-canvas': { width: 0, height: 0 },
  'mnist.canvas-pixels': { width: 4, height: 3, found: 10 },
  // checkpoint
  'checkpoint.read-failed': { id: 'ckpt-1', detail: 'AbortError: x' },
  'checkpoint.missing': { id: 'ckpt-1' },
  'checkpoint.damaged': { id: 'ckpt-1', bytes: 256, checksum: '', written: 256, writtenChecksum: 'cbf29ce484222325' },
  'checkpoint.meta-missing': { field: 'config' },
  'checkpoint.meta-object': { field: 'csvFormat' },
  'checkpoint.meta-list': { field: 'evaluations' },
  'checkpoint.meta-date': { field: 'savedAt' },
  'checkpoint.meta-whole': { field: 'globalStep' },
  'checkpoint.meta-whole-min': { field: 'config.batchSize', min: 1 },
  'checkpoint.meta-positive': { field: 'config.learningRate' },
  'checkpoint.meta-min': { field: 'config.l2', min: 0 },
  'checkpoint.meta-range': { field: 'config.dropout', min: 0, max: 0.9 },
  'checkpoint.meta-fraction': { field: 'csvFormat.testFraction' },
  'checkpoint.meta-one-of': { field: 'config.optimizer', options: ['sgd', 'adam'] },
  'checkpoint.meta-names': { field: 'classNames', min: 2, max: 1000 },
  'checkpoint.meta-hidden-units': { layers: 16, units: 4096 },
  'checkpoint.meta-version': { found: '2', supported: 1 },
  'checkpoint.meta-evaluation': { index: 3 },
  'checkpoint.meta-needs-schema': {},
  'checkpoint.meta-not-schema': {},
  'checkpoint.meta-label-index': {},
  'checkpoint.meta-differ': { field: 'schema.classNames', other: 'classNames' },
  'checkpoint.meta-schema-width': { encoded: 5, features: 4 },
  'checkpoint.meta-column': { column: 2, fault: 'stats' },
  'checkpoint.meta-parameters': { found: '999', inputs: 4, hidden: [10, 20, 10], classes: 3, expected: 513 },
  'checkpoint.quota': { what: 'checkpoint', step: 2000, bytes: 1024 * 1024 },
  'checkpoint.save-failed': { what: 'session', step: 0, detail: 'AbortError: x' },
  'checkpoint.read-back': { step: 2000, cause: { code: 'checkpoint.missing', params: { id: 'ckpt-1' } } },
  'checkpoint.prune-failed': { detail: 'AbortError: x' },
  'checkpoint.list-failed': { detail: 'AbortError: x' },
  'checkpoint.delete-failed': { id: 'ckpt-1', detail: 'AbortError: x' },
  'checkpoint.latest-failed': { detail: 'AbortError: x' },
  'checkpoint.session-read-failed': { detail: 'AbortError: x' },
  'checkpoint.no-indexeddb': {},
  'checkpoint.open-failed': { detail: 'SecurityError: Access denied' },
  'checkpoint.open-blocked': {},
  'checkpoint.no-save-handler': {},
  'checkpoint.build-failed': { detail: 'Unknown layer: Lambda' },
  'checkpoint.tensor-count': { saved: 8, model: 4 },
  'checkpoint.tensor-shape': { name: 'dense/kernel', saved: [4, 10], model: [4, 8] },
  'checkpoint.decode-failed': { detail: 'RangeError: x' },
  'checkpoint.no-model-file': { model: 'model.json', got: ['weights.bin'] },
  'checkpoint.model-too-large': { file: 'model.json', bytes: 2 * 1024 * 1024, max: 1024 * 1024, model: 'model.json' },
  'checkpoint.meta-too-large': { file: 'playground.json', bytes: 2 * 1024 * 1024, max: 1024 * 1024 },
  'checkpoint.weights-too-large': { bytes: 60 * 1024 * 1024, max: 50 * 1024 * 1024 },
  'checkpoint.not-json': { file: 'model.json', detail: 'Unexpected end of JSON input' },
  'checkpoint.not-object': { file: 'model.json' },
  'checkpoint.wrong-format': { file: 'model.json', format: '"graph-model"', graph: true },
  'checkpoint.manifest-empty': { file: 'model.json' },
  'checkpoint.manifest-group': { file: 'model.json' },
  'checkpoint.manifest-path': { file: 'model.json' },
  'checkpoint.manifest-entry': { file: 'model.json' },
  'checkpoint.no-meta': { file: 'model.json', key: 'playground', metaFile: 'playground.json' },
  'checkpoint.meta-not-object': { file: 'model.json' },
  'checkpoint.meta-invalid': { file: 'model.json', problem: { code: 'checkpoint.meta-missing', params: { field: 'config' } } },
  'checkpoint.inputs-differ': { file: 'model.json', inputs: 4, features: 3 },
  'checkpoint.classes-differ': { file: 'model.json', units: 3, classes: 4 },
  'checkpoint.hidden-differ': { file: 'model.json', layers: [10, 20, 10], meta: [10, 20, 11] },
  'checkpoint.activation-differ': { file: 'model.json', name: 'hidden_0', activation: 'tanh', meta: 'relu' },
  'checkpoint.parameters-differ': { file: 'model.json', parameters: 513, meta: 999 },
  'checkpoint.weights-missing': { path: 'weights.bin', file: 'model.json', paths: ['weights.bin'] },
  'checkpoint.weights-size': { file: 'model.json', paths: ['weights.bin'], bytes: 2042, floats: 513 },
  'checkpoint.non-finite': { paths: ['weights.bin'], name: 'dense/kernel', value: '-Infinity', index: 5 },
  'checkpoint.built-shape': { file: 'model.json', inputs: '4', outputs: '3', features: 5, classes: 3 },
  'checkpoint.topology-not-object': { file: 'model.json' },
  'checkpoint.not-sequential': { file: 'model.json', className: 'Functional' },
  'checkpoint.no-layers': { file: 'model.json' },
  'checkpoint.too-many-layers': { file: 'model.json', layers: 80, max: 64 },
  'checkpoint.unknown-layer': { ...layer, className: 'Conv2D', known: ['Dense', 'Dropout'] },
  'checkpoint.layer-no-config': layer,
  'checkpoint.bad-units': { ...layer, units: '0', max: 100000 },
  'checkpoint.no-input-shape': { file: 'model.json' },
  'checkpoint.bad-activation': { ...layer, activation: 'gelu' },
  'checkpoint.no-dense': { file: 'model.json' },
  'checkpoint.logits-activation': { file: 'model.json', name: 'logits', activation: 'softmax' },
  'checkpoint.unknown-tensor': { file: 'model.json', name: 'extra/kernel' },
  'checkpoint.tensor-twice': { file: 'model.json', name: 'dense/kernel' },
  'checkpoint.not-float32': { file: 'model.json', name: 'dense/kernel', dtype: 'int32', quantized: false },
  'checkpoint.manifest-shape': { file: 'model.json', name: 'dense/kernel', shape: '[4,11]', expected: [4, 10] },
  'checkpoint.manifest-lacks': { file: 'model.json', name: 'logits/bias', shape: [3] },
};

/** Names from the samples that both languages must show as they are. */
const NAMES = ['data.csv', 'test.csv', 'model.json', 'species', 'train-images-idx3-ubyte'];

const codes = Object.keys(WORDINGS) as MessageCode[];

describe('message wordings', () => {
  it('has a sample for every worded code and a wording for every sample', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...codes].sort());
  });

  it.each(codes)('%s is worded in English and Korean', (code) => {
    const message = { code, params: SAMPLES[code] } as Message;
    const en = formatMessage('en', message);
    const ko = formatMessage('ko', message);
    expect(en.trim()).not.toBe('');
    expect(ko.trim()).not.toBe('');
    expect(ko).not.toBe(en);
    expect(en).not.toMatch(/undefined|\[object/);
    expect(ko).not.toMatch(/undefined|\[object/);
    // Korean text, not an untranslated English sentence.
    expect(ko).toMatch(/[\uAC00-\uD7A3]/);
    for (const name of NAMES) if (en.includes(name)) expect(ko).toContain(name);
  });
});
