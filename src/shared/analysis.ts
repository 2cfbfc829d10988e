/**
 * What the analysis views show, as the worker sends it (plain structured-clone data):
 * the decision-boundary map, the rows behind a confusion-matrix cell, the network picture.
 */
import type { Activation } from './types';

/**
 * A decision-boundary map (TensorFlow Playground's main picture, for any data set): the
 * model's predicted class over a grid of two numeric inputs, the other inputs held at
 * their training mean (numeric) or most frequent value (categorical).
 */
export interface BoundaryMap {
  globalStep: number;
  /** Indices into DatasetSummary.inputs of the horizontal and vertical axes. */
  x: number;
  y: number;
  /** Axis ranges in the input's own units (the training data's range, padded a little). */
  xRange: [number, number];
  yRange: [number, number];
  /** Cells per side. */
  resolution: number;
  /** Predicted class per cell, [resolution * resolution] row-major, row 0 at the top (largest y). */
  classes: Uint8Array;
  /** The predicted class's probability per cell, same layout. */
  confidence: Float32Array;
  /** The other inputs and the value each is held at, for the caption. */
  held: { name: string; value: string }[];
  /** Training and test rows in the two inputs' units (capped; `shown` of `total`). */
  points: { x: Float32Array; y: Float32Array; labels: Uint8Array; test: Uint8Array; shown: number; total: number };
  /** Every hidden unit's activation over the same grid (Playground's per-neuron pictures); absent without hidden layers. */
  neurons?: NeuronGrid;
  /**
   * A regression's map (Playground's regression picture): the predicted number per cell
   * [resolution²] and each point's actual number [shown], in the label's units, over the
   * colour scale's `range` (the training targets'). `classes` are then all 0.
   */
  values?: { cells: Float32Array; points: Float32Array; range: [number, number] };
}

/**
 * Hidden units' activations over the decision map's grid, quantised per unit. At most
 * MAX_NEURON_MAPS units; above that, per layer (a share of the budget by its width) the
 * units of largest mean |activation| over the grid (`chosen: 'strongest'`).
 */
export interface NeuronGrid {
  /** Hidden layer widths, [hidden layers]. */
  widths: number[];
  /** Cells per side: the map's, or fewer for a large network (the same area, a coarser grid). */
  resolution: number;
  chosen: 'all' | 'strongest';
  /**
   * The drawn units in layer then unit order: `layer` 0-based among the hidden layers,
   * `unit` 0-based in it; `lo`, `hi` the activation's range over the grid; `meanAbs` its mean |activation|.
   */
  units: { layer: number; unit: number; lo: number; hi: number; meanAbs: number }[];
  /**
   * [units.length * resolution^2], unit-major, each unit's cells laid out as BoundaryMap.classes (row 0 at the top):
   * round(255 * (a - lo) / (hi - lo)) (0 where hi = lo). Transferred, not copied.
   */
  values: Uint8Array;
}

/** Most hidden units drawn as neuron maps. */
export const MAX_NEURON_MAPS = 64;

/** The test rows behind one confusion-matrix cell (actual class, predicted class). */
export interface ConfusionRows {
  globalStep: number;
  actual: number;
  predicted: number;
  /** Rows in the cell; `rows` lists at most the requested limit of them. */
  total: number;
  /** Column headers of `cells`: the inputs as the person knows them. */
  columns: string[];
  /** `index`: 1-based row of the test split; `probability`: the model's probability of the predicted class. */
  rows: { index: number; cells: string[]; probability: number }[];
  /** MNIST: 784 grey bytes (28 x 28) per listed row, to draw the digits. */
  digits?: Uint8Array;
}

/** The network's shape and, when small enough to draw, its weights (TensorFlow Playground's picture). */
export interface NetworkPicture {
  globalStep: number;
  /** Layer widths [inputs, ...hidden, classes] as the model sees them (after one-hot encoding). */
  widths: number[];
  inputNames: string[];
  classNames: string[];
  activation: Activation;
  /** kernels[l]: [widths[l] * widths[l + 1]] row-major; null when the network has too many weights to draw. */
  kernels: Float32Array[] | null;
}

/**
 * A binary model's curves on the test split, from the newest weights: the ROC curve and
 * the precision-recall curve (thinned to a few hundred points for drawing), their areas,
 * and each test row's score and class so the page can count the 2x2 matrix at any threshold.
 * `auc` is null when the test rows are all of one class (undefined, as scikit-learn
 * warns); `averagePrecision` and `pr` are null when none is of the positive class.
 */
export interface BinaryCurves {
  globalStep: number;
  /** The class whose probability is the score (index into classNames). */
  positive: number;
  roc: { fpr: number; tpr: number; threshold: number }[] | null;
  auc: number | null;
  pr: { recall: number; precision: number; threshold: number }[] | null;
  averagePrecision: number | null;
  /** [test rows]: the model's probability of the positive class. */
  scores: Float32Array;
  /** [test rows]: 1 when the row is of the positive class. */
  positives: Uint8Array;
}

/**
 * A regression's test rows as the newest evaluation saw them, in the label's units: the
 * predicted-vs-actual scatter and the residual plot (residual = actual - predicted).
 * [rows] each; capped to an even sample of `shown` of `total` rows.
 */
export interface RegressionFit {
  globalStep: number;
  actual: Float32Array;
  predicted: Float32Array;
  shown: number;
  total: number;
}
