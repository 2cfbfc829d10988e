/**
 * The tf.estimator Iris tutorial's data set: two CSVs in TensorFlow's format whose
 * first line holds counts and class names, so the feature names come from the tutorial.
 */
import { numericInputs, previewRows, type ClassificationData, type LoadedDataset } from './data';
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
    return { ok: false, reason: `The Iris files must have ${IRIS_FEATURES.length} features.` };
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

/** The Iris preset as a Session loads it: numeric inputs named as in the tutorial. */
export function irisDataset(data: ClassificationData): LoadedDataset {
  return {
    data,
    summary: {
      source: 'iris',
      name: data.name,
      inputs: data.featureNames.map((name) => ({ name, kind: 'numeric' })),
      classNames: data.classNames,
      trainRows: data.train.rows,
      testRows: data.test.rows,
      validationRows: 0,
      splitNote: 'iris_training.csv for training and iris_test.csv for testing, as in the tutorial.',
      preview: previewRows(data),
    },
    encodeInput: (values) => numericInputs(data.featureNames, values),
  };
}
