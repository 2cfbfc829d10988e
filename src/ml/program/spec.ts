/**
 * What the judging program carries: plain JSON embedded in the HTML file. The inputs say
 * how a row is encoded exactly as the app encodes it (a CSV's CsvSchema columns: src/ml/csv/encode.ts;
 * Iris's raw numbers: src/ml/datasets/data.ts numericInputs; MNIST's drawn digit), the
 * network its widths, activation and weights (base64 little-endian float32 in getWeights()
 * order: kernel [in, out] row-major, then bias, per layer), and the card what it was trained on.
 */
import type { CvSummary } from '../../shared/cv';
import type { DatePart } from '../../shared/csv';
import type { Activation, Baselines, Evaluation, ModelConfig, RegressionTarget, Split } from '../../shared/types';

/** One field of the form; `at`: its first slot in the network's input. */
export type ProgramInput =
  /** Iris: the number as typed, no scaling. `min`/`max`: the training range (a hint). */
  | { kind: 'plain'; name: string; at: number; initial: string; min?: number; max?: number }
  // formatted: the column was read through parseFormatted (1,234.5, 12%, $3), so are a file's cells.
  | { kind: 'numeric'; name: string; at: number; initial: string; mean: number; std: number; decimalComma: boolean; formatted?: boolean; min?: number; max?: number }
  | { kind: 'categorical'; name: string; at: number; initial: string; vocabulary: string[]; missingSlot: boolean }
  | { kind: 'date'; name: string; at: number; initial: string; order: 'dmy' | 'mdy'; parts: DatePart[]; mean: number[]; std: number[] };

export interface ProgramCard {
  dataset: { name: string; trainRows: number; validationRows: number; testRows: number };
  /** The label column's name (a CSV; a regressor's target); null when the data names none (Iris, MNIST). */
  label: string | null;
  parameters: number;
  globalStep: number;
  settings: ModelConfig;
  /** The newest evaluation of each split (no confusion matrices); a regressor's carry `regression` (RMSE, MAE, R²). */
  evaluations: Evaluation[];
  cv: Pick<CvSummary, 'folds' | 'rows' | 'accuracy'> | null;
  baselines: Baselines | null;
  /** ISO 8601. */
  exportedAt: string;
  /** The learning curves, thinned to 100 points: [step, value to 4 significant digits]; 'mae' (a regressor's, in the label's units) instead of 'accuracy'. */
  curves: { kind: 'loss' | 'accuracy' | 'mae'; split: Split; points: [number, number][] }[];
}

export interface ProgramSpec {
  version: 1;
  /** 'csv': a CSV's schema; 'plain': numbers as typed (Iris); 'pixels': a drawn 28 x 28 digit (MNIST). */
  encoding: 'csv' | 'plain' | 'pixels';
  /** The language the file opens in. */
  lang: 'en' | 'ko';
  /** The file name without `.html` (also names the predictions CSV). */
  stem: string;
  inputs: ProgramInput[];
  classNames: string[];
  network: { widths: number[]; activation: Activation; weights: string[] };
  /**
   * A regression model (DNNRegressor): the label and its training statistics. The network's
   * one output o is standardised; the program shows o * sd + mean. Absent: a classifier.
   */
  target?: RegressionTarget;
}

/** The spec plus its card: what html.ts embeds. */
export type ProgramData = ProgramSpec & { card: ProgramCard };
