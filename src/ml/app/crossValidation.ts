/**
 * k-fold cross-validation of the shown model's settings: k Sessions, one after another in
 * the same worker, each a fresh model of the same settings trained for the run's steps on
 * k - 1 folds and evaluated on the fold it left out (Weka's "Cross-validation, Folds 10").
 * The fold sessions are not the page's: their callbacks are this runner's, which reports
 * "fold i of k, step s" and, at the end, each fold's test accuracy, loss and macro F1 with
 * their mean and sample standard deviation. Stop ends the fold running and the folds after it.
 *
 * The data: every labelled row, pooled over the data set's splits (foldData.ts), dealt into
 * stratified, seeded folds (folds.ts) with the model's seed, so a link repeats the folds; a
 * CSV's standardised columns are refitted on each fold's training rows.
 */
import type { CsvSchema } from '../../shared/csv';
import type { CvFold, CvSummary } from '../../shared/cv';
import { messageOf, msg, type Message } from '../../shared/message';
import type { Reason } from '../../shared/result';
import type { EngineChoice, Evaluation, ModelConfig } from '../../shared/types';
import type { ClassificationData } from '../datasets/data';
import { foldData, pooledRows } from '../train/foldData';
import { macroF1, meanSd, stratifiedFolds } from '../train/folds';
import { Session, type RunEndInfo } from '../train/session';

/**
 * Most pooled rows cross-validated: the shipped MNIST (10,000) runs, the full MNIST (65,000)
 * is refused. k runs of a 55,000-row data set take k times a long run, and a test split
 * that large already measures accuracy to about ±0.003, so CV buys nothing there.
 */
export const MAX_CV_ROWS = 20_000;
/** Share of a fold's training rows held out for early stopping when patience is on. */
export const CV_VALIDATION_FRACTION = 0.1;

export interface CvRequest {
  runId: number;
  folds: number;
  steps: number;
  evalEvery: number;
  patience: number;
}

/** Where the folds are: fold in [1, folds], the fold's own global step of `steps`. */
export interface CvProgress {
  runId: number;
  fold: number;
  folds: number;
  globalStep: number;
  steps: number;
}

export interface CvCallbacks {
  yieldToEvents: () => Promise<void>;
  progress?: (progress: CvProgress) => void;
  notice?: (message: Message) => void;
}

/** How the cross-validation ended: every fold done, or stopped / failed with the folds finished before. */
export type CvOutcome =
  | { end: 'done'; summary: CvSummary; completed: CvFold[] }
  | { end: 'stopped'; completed: CvFold[] }
  | { end: 'error'; message: Reason; completed: CvFold[] };

/**
 * The encoded slots a CSV standardised (its numeric feature columns), in featureNames order as
 * src/ml/csv/encode.ts's encodedNames lays them out: a numeric column is one slot, a
 * categorical one a slot per vocabulary value (and one for "(missing)"). None for a data set
 * without a schema (Iris, MNIST), or when the layout does not add up to `inputs`.
 */
export function standardizedSlots(schema: CsvSchema | null, inputs: number): number[] {
  if (!schema) return [];
  const slots: number[] = [];
  let at = 0;
  for (const column of schema.columns) {
    if (column.role !== 'feature') continue;
    if (column.kind === 'numeric') slots.push(at++);
    else at += column.vocabulary.length + (column.missingSlot ? 1 : 0);
  }
  return at === inputs ? slots : [];
}

export class CrossValidation {
  private session: Session | null = null;
  private stopRequested = false;

  constructor(
    private readonly data: ClassificationData,
    private readonly config: ModelConfig,
    private readonly engine: EngineChoice,
    readonly request: CvRequest,
    private readonly callbacks: CvCallbacks,
    /** Slots the data set standardised (standardizedSlots): each fold refits them on its training rows. */
    private readonly standardized: readonly number[] = [],
  ) {}

  /** Stop the cross-validation of run `runId`: the fold running ends at its next chunk, no fold after it starts. */
  stop(runId: number): void {
    if (runId !== this.request.runId) return;
    this.stopRequested = true;
    this.session?.stop(runId);
  }

  /** Stop whatever fold is running (the backend is going away). */
  stopAny(): void {
    this.stop(this.request.runId);
  }

  /** Runs every fold; never throws (a failure is the outcome's message). */
  async run(): Promise<CvOutcome> {
    const completed: CvFold[] = [];
    try {
      return await this.folds(completed);
    } catch (error) {
      return { end: 'error', message: messageOf(error), completed };
    } finally {
      this.session?.dispose();
      this.session = null;
    }
  }

  private async folds(completed: CvFold[]): Promise<CvOutcome> {
    const { runId, folds: k, steps, evalEvery, patience } = this.request;
    const pool = pooledRows(this.data);
    if (pool.rows > MAX_CV_ROWS) return { end: 'error', message: msg('cv.too-many-rows', { rows: pool.rows, max: MAX_CV_ROWS }), completed };
    const seed = this.config.seed;
    const assigned = stratifiedFolds(pool.labels, this.data.classNames.length, k, seed);
    if (!assigned.ok) return { end: 'error', message: assigned.reason, completed };
    for (const small of assigned.value.smallClasses) {
      this.callbacks.notice?.(msg('cv.small-class', { className: this.data.classNames[small.classId], rows: small.rows, folds: k }));
    }
    const validationFraction = patience > 0 ? CV_VALIDATION_FRACTION : 0;
    if (patience > 0) this.callbacks.notice?.(msg('cv.validation-carved', { fraction: CV_VALIDATION_FRACTION }));
    for (let i = 0; i < k; i++) {
      if (this.stopRequested) return { end: 'stopped', completed };
      const data = foldData(this.data, pool, assigned.value.fold, i, { validationFraction, seed, standardized: this.standardized });
      const report = (globalStep: number) => this.callbacks.progress?.({ runId, fold: i + 1, folds: k, globalStep, steps });
      let test: Evaluation | null = null;
      let ended: RunEndInfo | null = null;
      this.session = new Session(data, this.config, {
        yieldToEvents: this.callbacks.yieldToEvents,
        progress: (p) => {
          for (const e of p.evaluations) if (e.split === 'test') test = e;
          report(p.globalStep);
        },
        runEnd: (e) => (ended = e),
      }, this.engine);
      report(0);
      await this.session.train(runId, steps, evalEvery, patience);
      this.session.dispose();
      this.session = null;
      const end = ended as RunEndInfo | null;
      const last = test as Evaluation | null;
      if (end?.end === 'error') {
        return { end: 'error', message: msg('cv.fold-failed', { fold: i + 1, folds: k, reason: end.message ?? msg('app.not-evaluated') }), completed };
      }
      // A fold stopped part-way is not a fold's result: it is left out.
      if (end?.end === 'stopped' || this.stopRequested) return { end: 'stopped', completed };
      if (!last) return { end: 'error', message: msg('cv.fold-failed', { fold: i + 1, folds: k, reason: msg('app.not-evaluated') }), completed };
      completed.push({
        fold: i + 1,
        trainRows: data.train.rows,
        testRows: data.test.rows,
        globalStep: last.globalStep,
        accuracy: last.regression ? NaN : last.accuracy,
        averageLoss: last.averageLoss,
        macroF1: last.confusion ? macroF1(last.confusion) : NaN,
        ...(last.regression ? { regression: last.regression } : {}),
      });
    }
    return { end: 'done', summary: summarizeFolds(completed, { rows: pool.rows, seed, steps }), completed };
  }
}

/** Mean ± sample standard deviation of each metric over the folds. */
export function summarizeFolds(results: CvFold[], run: { rows: number; seed: number; steps: number }): CvSummary {
  return {
    folds: results.length,
    ...run,
    results,
    accuracy: meanSd(results.map((r) => r.accuracy)),
    averageLoss: meanSd(results.map((r) => r.averageLoss)),
    macroF1: meanSd(results.map((r) => r.macroF1)),
    ...(results.length > 0 && results.every((r) => r.regression)
      ? {
          regression: {
            r2: meanSd(results.map((r) => r.regression?.r2 ?? NaN)),
            rmse: meanSd(results.map((r) => r.regression?.rmse ?? NaN)),
            mae: meanSd(results.map((r) => r.regression?.mae ?? NaN)),
          },
        }
      : {}),
  };
}
