/**
 * k-fold cross-validation as both threads see it: what a finished (or ended) cross-validated
 * run reports. Plain structured-clone data; the arithmetic is in src/ml/train/folds.ts and
 * src/ml/app/crossValidation.ts.
 */
import type { RegressionMetrics } from './types';

/** One fold's model, evaluated on that fold's test rows at the end of its run. */
export interface CvFold {
  /** 1-based, as the page numbers folds. */
  fold: number;
  trainRows: number;
  testRows: number;
  /** The fold's global step when its run ended (fewer than the run's steps after early stopping). */
  globalStep: number;
  accuracy: number;
  /** Mean loss per test row (evaluate()'s average_loss). */
  averageLoss: number;
  /** Unweighted mean of the classes' F1 on the fold's test rows (Weka's and scikit-learn's macro F1). */
  macroF1: number;
  /** A regression's RMSE, MAE and R² on the fold's test rows (label units); accuracy and macroF1 are then NaN. */
  regression?: RegressionMetrics;
}

/** Mean and sample standard deviation (n - 1, as Weka's Experimenter reports "mean ± stddev") over folds. */
export interface MeanSd {
  mean: number;
  sd: number;
}

export interface CvSummary {
  folds: number;
  /** Every labelled row of the data set, pooled over its splits. */
  rows: number;
  /** Steps each fold's model was asked to train (early stopping may end one sooner: CvFold.globalStep). */
  steps: number;
  /** The fold assignment's seed (the model's seed, so a link repeats the folds). */
  seed: number;
  results: CvFold[];
  accuracy: MeanSd;
  averageLoss: MeanSd;
  macroF1: MeanSd;
  /** A regression's: R², RMSE and MAE over folds. */
  regression?: { r2: MeanSd; rmse: MeanSd; mae: MeanSd };
}
