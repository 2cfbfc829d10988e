/**
 * The judging program (src/ml/program): one HTML file that classifies offline. The page
 * asks the worker for it with its own words, in both languages, since the file carries
 * them and switches between them itself; and with what only the page keeps (the
 * baselines and the cross-validation shown for this model), for the model card.
 */
import type { CvSummary } from './cv';
import type { Baselines } from './types';

/** Every word the program shows; `{name}` placeholders are filled in the file. */
export type ProgramWordKey =
  | 'pageTitle'
  | 'heading'
  | 'language'
  | 'formTitle'
  | 'padTitle'
  | 'padLabel'
  | 'clear'
  | 'predict'
  | 'predicted'
  | 'probabilities'
  | 'rangeHint'
  | 'dateHint'
  | 'missingOption'
  | 'outside'
  | 'problem-number'
  | 'problem-finite'
  | 'problem-date'
  | 'batchTitle'
  | 'batchLabel'
  | 'batchHint'
  | 'batchMissing'
  | 'batchDone'
  | 'batchCaption'
  | 'colPredicted'
  | 'download'
  | 'cardTitle'
  | 'dataset'
  | 'rows'
  | 'rowCounts'
  | 'label'
  | 'classes'
  | 'network'
  | 'networkShape'
  | 'settings'
  | 'settingsLine'
  | 'cv'
  | 'cvLine'
  | 'baselines'
  | 'baselinesLine'
  | 'exported'
  | 'noMetrics'
  | 'metricsCaption'
  | 'colSplit'
  | 'colAccuracy'
  | 'colLoss'
  | 'colExamples'
  | 'split-train'
  | 'split-validation'
  | 'split-test'
  | 'lossChart'
  | 'accuracyChart'
  | 'step'
  | 'about'
  // A regression model's (it predicts a number, `{name}` its label column).
  | 'predictedValue'
  | 'predicts'
  | 'predictsLine'
  | 'colPredictedValue'
  | 'colRmse'
  | 'colMae'
  | 'colR2'
  | 'regressionCaption'
  | 'baselinesRegression'
  | 'baselinesRegressionLine'
  | 'maeChart';

export type ProgramWords = Record<ProgramWordKey, string>;

export interface ProgramRequest {
  words: { en: ProgramWords; ko: ProgramWords };
  /** The language the file opens in (the page's). */
  lang: 'en' | 'ko';
  baselines: Baselines | null;
  cv: CvSummary | null;
}
