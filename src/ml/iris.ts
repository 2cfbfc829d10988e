/**
 * The tf.estimator Iris tutorial's data set: two CSVs in TensorFlow's format whose
 * first line holds counts and class names, so the feature names come from the tutorial.
 */
import type { ClassificationData } from './data';
import { IRIS_FEATURES } from '../shared/samples';
import { parseTensorFlowCsv, type ParseResult } from './tfCsv';

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
