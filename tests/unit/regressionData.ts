/**
 * Hand-made regression data for the checkpoint, Python and program tests (issue #16), as
 * the CSV builder's contract has it: `target` (the training split's statistics), classNames
 * [target.name], labels all 0, `targets` = (y - mean) / sd. Built from a CSV loaded as
 * classes (the label's numbers are its class names) and turned into a regression by hand,
 * so the tests do not depend on how the loader guesses the task.
 */
import type { ClassificationData, LabelledSplit } from '../../src/ml/datasets/data';
import { loadCsv, type LoadedCsv, type LoadOptions } from '../../src/ml/csv';
import { fitTarget, standardizeTarget } from '../../src/ml/model/regression';
import type { CsvSchema } from '../../src/shared/csv';
import { reasonError } from '../../src/shared/result';
import type { ModelConfig, RegressionTarget } from '../../src/shared/types';

/** A house-price-like file: a numeric and a categorical input, a numeric label with decimals. */
export function housesCsv(rows = 24): string {
  const lines = ['rooms,district,price'];
  for (let r = 0; r < rows; r++) lines.push(`${(r % 6) + 1},${['north', 'south', 'east'][r % 3]},${100 + (r % 5) * 12.5 + (r % 2) * 0.25}`);
  return lines.join('\n');
}

export interface RegressionCsv {
  data: ClassificationData;
  schema: CsvSchema;
  csv: LoadedCsv;
  /** The label's values per split, in the label's units. */
  values: { train: number[]; test: number[] };
}

/** One split of class-labelled rows as the regression contract's split, and its label values. */
function asRegression(split: LabelledSplit, classNames: string[], target: RegressionTarget): { split: LabelledSplit; values: number[] } {
  const values = Array.from(split.labels, (k) => Number(classNames[k]));
  return { split: { ...split, labels: new Int32Array(split.rows), targets: standardizeTarget(values, target) }, values };
}

/**
 * Class-labelled data whose class names are the label's numbers as regression data on
 * `label`: the target fitted on the training split, every split standardised by it.
 */
export function asRegressionData(data: ClassificationData, label: string): { data: ClassificationData; values: { train: number[]; test: number[] } } {
  const trainValues = Array.from(data.train.labels, (k) => Number(data.classNames[k]));
  const target = fitTarget(label, trainValues);
  const train = asRegression(data.train, data.classNames, target);
  const test = asRegression(data.test, data.classNames, target);
  return { data: { ...data, classNames: [label], target, train: train.split, test: test.split, validation: undefined }, values: { train: train.values, test: test.values } };
}

/** `text` loaded with `label` as classes, then as a regression on that column. */
export function regressionCsv(text = housesCsv(), name = 'houses.csv', label = 'price'): RegressionCsv {
  // `task` asks a loader that guesses regression for a label of many numbers for classes (older loaders ignore it).
  const options: LoadOptions & { task?: 'classification' } = { labelColumn: label, testFraction: 0.25, validationFraction: 0, task: 'classification' };
  const loaded = loadCsv(new TextEncoder().encode(text), name, options);
  if (!loaded.ok) throw reasonError(loaded.reason);
  const { data, values } = asRegressionData(loaded.value.data, label);
  return { data, schema: { ...loaded.value.schema, classNames: [label] }, csv: loaded.value, values };
}

export const REGRESSION_CONFIG: ModelConfig = {
  hiddenUnits: [5, 3],
  optimizer: 'adagrad',
  learningRate: 0.05,
  batchSize: 8,
  seed: 42,
  initializer: 'glorot-uniform',
  reduction: 'sum',
  activation: 'relu',
  dropout: 0,
  l2: 0,
  classWeight: 'none',
};
