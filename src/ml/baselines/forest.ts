/**
 * A random forest in the shape of scikit-learn's RandomForestClassifier defaults:
 * bootstrap bags, sqrt(inputs) features tried per split, trees grown until their leaves
 * are pure, the class shares of the leaves averaged (soft voting). Written here rather
 * than taken from mljs's ml-random-forest: its CART tries every split point by
 * re-splitting the node's rows (O(rows²) per feature and node), which measured 16 s for
 * 15 trees on 447 of 8,000 rows here; these trees split on binned features (tree.ts)
 * and grow all of a 10,000-row table in well under a second.
 *
 * Trained one tree at a time with a pause between trees, so a Stop or a Train waits for
 * one tree at most. Large tables cap each bag at MAX_BAG rows and the trees at a budget
 * of bag rows x features tried, so MNIST's 784 inputs get fewer trees, not minutes.
 */
import type { LabelledSplit } from '../datasets/data';
import { mulberry32 } from '../model/rng';
import { binFeatures, binThresholds } from './bins';
import type { Pace } from './pace';
import { addLeafShares, growTree, type Tree } from './tree';

export interface ForestBaseline {
  accuracy: number;
  trees: number;
  /** Rows in each tree's bootstrap bag. */
  rows: number;
  /** Features tried per split. */
  features: number;
}

export const MAX_TREES = 30;
export const MIN_TREES = 10;
/** Rows per bootstrap bag at most (scikit-learn's max_samples). */
export const MAX_BAG = 10_000;
/** Bag rows x features tried x trees, at most (MIN_TREES excepted): about a second on a 2-core laptop. */
const WORK = 2.4e6;
/** Deep enough for any tree these bags can grow; a guard against pathological data. */
const MAX_DEPTH = 40;

/** The forest's shape for a training split of `rows` rows of `inputs` features. */
export function forestBudget(rows: number, inputs: number): { trees: number; rows: number; features: number } {
  const features = Math.max(1, Math.round(Math.sqrt(inputs)));
  const bag = Math.min(rows, MAX_BAG);
  const trees = Math.max(MIN_TREES, Math.min(MAX_TREES, Math.floor(WORK / (bag * features))));
  return { trees, rows: bag, features };
}

/** Fits on `train`, scores on `test` (at least one row). Deterministic for a seed. */
export async function forestBaseline(train: LabelledSplit, test: LabelledSplit, inputs: number, classes: number, seed: number, pace: Pace): Promise<ForestBaseline> {
  const budget = forestBudget(train.rows, inputs);
  const random = mulberry32(seed);
  const thresholds = binThresholds(train.features, train.rows, inputs);
  const binsPerFeature = Int32Array.from(thresholds, (t) => t.length + 1);
  const trainBins = binFeatures(train.features, train.rows, inputs, thresholds);
  await pace.pause();
  const testBins = binFeatures(test.features, test.rows, inputs, thresholds);
  await pace.pause();
  const shares = new Float64Array(test.rows * classes);
  const bag = new Int32Array(budget.rows);
  const options = { featuresPerSplit: budget.features, maxDepth: MAX_DEPTH, minLeaf: 1 };
  for (let t = 0; t < budget.trees; t++) {
    for (let i = 0; i < bag.length; i++) bag[i] = Math.floor(random() * train.rows);
    const tree: Tree = growTree(trainBins, inputs, binsPerFeature, train.labels, classes, bag, options, random);
    for (let r = 0; r < test.rows; r++) addLeafShares(tree, testBins, inputs, r, shares, r * classes);
    await pace.pause();
  }
  let correct = 0;
  for (let r = 0; r < test.rows; r++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (shares[r * classes + c] > shares[r * classes + best]) best = c;
    if (best === test.labels[r]) correct++;
  }
  return { accuracy: correct / test.rows, ...budget };
}
