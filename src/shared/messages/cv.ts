/** Codes of k-fold cross-validation (see ../message.ts and src/ml/app/crossValidation.ts). */
import type { InnerReason } from './app';

export interface CvMessages {
  /** k is not a whole number in [2, rows]. */
  'cv.bad-folds': { folds: number; rows: number };
  /** Too many rows for k full runs in a browser tab (the full MNIST). */
  'cv.too-many-rows': { rows: number; max: number };
  /** A class has fewer rows than folds: some folds test none of it (scikit-learn warns alike). */
  'cv.small-class': { className: string; rows: number; folds: number };
  /** Early stopping in a fold watches rows carved from that fold's training rows, never its test rows. */
  'cv.validation-carved': { fraction: number };
  /** Fold `fold` of `folds` failed; `reason` says why. */
  'cv.fold-failed': { fold: number; folds: number; reason: InnerReason };
}
