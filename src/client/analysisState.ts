/**
 * The views the page asks the worker for on demand (the boundary map, a confusion cell's
 * rows, the network picture): at most one request per view in flight, and an answer kept
 * only when it was asked of the model still loaded (its generation; the store also aborts
 * the calls of a replaced model, so this is the second guard). Pure functions over
 * the `analysis` part of the page's state; state.ts folds them in.
 */
import type { BinaryCurves, BoundaryMap, ConfusionRows, NetworkPicture, RegressionFit } from '../shared/analysis';
import type { Reason } from '../shared/result';

export interface Requested<T> {
  value: T | null;
  /** Why the newest request failed: shown by its panel, not as the page's alert. */
  error: Reason | null;
  /** The request in flight: its id and the model generation it was asked of. */
  pending: { requestId: number; generation: number } | null;
  /** The panel's key of the newest request (what it asked, of which model and evaluation), so it asks once per change. */
  asked: string;
}

export interface Analysis {
  boundary: Requested<BoundaryMap>;
  confusionRows: Requested<ConfusionRows>;
  network: Requested<NetworkPicture>;
  /** A two-class data set's ROC and precision-recall curves on the test split. */
  binary: Requested<BinaryCurves>;
  /** A regression's test rows, predicted against actual. */
  fit: Requested<RegressionFit>;
}

export type AnalysisView = keyof Analysis;

/** What came back for a view: its value, or why it failed. */
export type ViewResult<K extends AnalysisView> = { value: Analysis[K]['value'] } | { error: Reason };

const notRequested = { value: null, error: null, pending: null, asked: '' } as const;

export const initialAnalysis: Analysis = { boundary: notRequested, confusionRows: notRequested, network: notRequested, binary: notRequested, fit: notRequested };

/** A new model or data set: every view's value and error go; requests in flight stay in flight. */
export function clearViews(analysis: Analysis): Analysis {
  const clear = <T,>(slot: Requested<T>): Requested<T> => ({ ...slot, value: null, error: null });
  return { boundary: clear(analysis.boundary), confusionRows: clear(analysis.confusionRows), network: clear(analysis.network), binary: clear(analysis.binary), fit: clear(analysis.fit) };
}

/** `view` was asked (`key`) of model `generation` as request `requestId`. */
export function askView(analysis: Analysis, generation: number, view: AnalysisView, requestId: number, key: string): Analysis {
  return { ...analysis, [view]: { ...analysis[view], pending: { requestId, generation }, asked: key } };
}

/**
 * The answer to a view's pending request; `analysis` itself when `requestId` is not that
 * request. An answer about a model that has since been replaced (another generation) is
 * dropped, and the panel asks again.
 */
export function answerView<K extends AnalysisView>(analysis: Analysis, generation: number, view: K, requestId: number, result: ViewResult<K>): Analysis {
  const slot = analysis[view];
  if (slot.pending?.requestId !== requestId) return analysis;
  const fresh = slot.pending.generation === generation;
  const next = {
    ...slot,
    pending: null,
    value: fresh && 'value' in result ? result.value : slot.value,
    error: fresh && 'error' in result ? result.error : null,
  };
  return { ...analysis, [view]: next };
}
