/** Classes or a number: the two heads a network can have (apart from types.ts, which csv.ts could not import without a cycle). */

/**
 * What the label is: classes (DNNClassifier: softmax over the classes) or a number
 * (DNNRegressor: one linear output, mean squared error). The URL's `task`.
 */
export type Task = 'classification' | 'regression';

/**
 * A regression data set's target: its column and the training split's statistics. The
 * network trains on (y - mean) / sd (so Adagrad 0.05 suits a price as well as a ratio);
 * its output is multiplied back (out * sd + mean) for every number a person sees.
 */
export interface RegressionTarget {
  name: string;
  mean: number;
  /** Population standard deviation of the training targets (1 when they are all equal). */
  sd: number;
  min: number;
  max: number;
}
