/**
 * The tf.estimator Iris tutorial's data set: two CSVs in TensorFlow's format whose
 * first line holds counts and class names, so the feature names come from the tutorial.
 * Registered in registry.ts.
 */
import { numericView } from '../analysis/inputView';
import { msg } from '../../shared/message';
import { orThrow } from '../../shared/result';
import { numericInputs, previewRows, type ClassificationData } from './data';
import type { DataSource, OpenContext } from './source';
import { IRIS_FEATURES } from '../../shared/samples';
import type { ParseResult } from '../../shared/result';
import { parseTensorFlowCsv } from './tfCsv';

/** Build the Iris data set from the texts of iris_training.csv and iris_test.csv. */
export function irisFromCsv(trainText: string, testText: string): ParseResult<ClassificationData> {
  const train = parseTensorFlowCsv(trainText, 'iris_training.csv');
  if (!train.ok) return train;
  const test = parseTensorFlowCsv(testText, 'iris_test.csv');
  if (!test.ok) return test;
  if (train.value.featureCount !== IRIS_FEATURES.length || test.value.featureCount !== IRIS_FEATURES.length) {
    return { ok: false, reason: msg('app.iris-features', { expected: IRIS_FEATURES.length }) };
  }
  return {
    ok: true,
    value: {
      name: 'Iris (tf.estimator tutorial)',
      featureNames: IRIS_FEATURES,
      classNames: train.value.classNames,
      train: { features: train.value.features, labels: train.value.labels, rows: train.value.rows },
      test: { features: test.value.features, labels: test.value.labels, rows: test.value.rows },
    },
  };
}

/** The Iris preset as a DataSource: numeric inputs named as in the tutorial. */
export function irisSource(data: ClassificationData): DataSource {
  return {
    data,
    family: 'iris',
    stored: { source: 'iris' },
    record: { schema: null },
    pictures: false,
    summary: {
      source: 'iris',
      name: data.name,
      inputs: data.featureNames.map((name) => ({ name, kind: 'numeric' })),
      classNames: data.classNames,
      trainRows: data.train.rows,
      testRows: data.test.rows,
      validationRows: 0,
      splitNote: msg('app.split-iris'),
      preview: previewRows(data),
    },
    encodeInput: (values) => numericInputs(data.featureNames, values),
    view: () => numericView(data),
  };
}

/** The tutorial's two files from public/data. */
export async function openIris(ctx: OpenContext): Promise<DataSource> {
  const text = async (name: string) => new TextDecoder().decode(await ctx.fetchBytes(`data/${name}`, () => {}));
  const [train, test] = await Promise.all([text('iris_training.csv'), text('iris_test.csv')]);
  return irisSource(orThrow(irisFromCsv(train, test)));
}
