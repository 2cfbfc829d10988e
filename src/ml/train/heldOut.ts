/**
 * Evaluation of a session's model on its splits: the training split when asked, then the
 * held-out ones (validation when the data set has one, then test), through the engine
 * (which uploads what it needs, if anything, once). Keeps the newest per-row results on
 * the test split for the MNIST gallery, the confusion matrix and a cell's rows.
 */
import type { Evaluation, Split } from '../../shared/types';
import { requireTargets, type ClassificationData, type LabelledSplit } from '../datasets/data';
import { summarizeRegression } from '../model/regression';
import type { Engine } from '../engines/engine';
import { confusionMatrix, summarize, type PerExample } from '../model/metrics';
import { evaluateChunked, evenSample } from './evaluateChunked';

/** How an evaluation waits between chunks (evaluateChunked.ts): yield to the worker's events and tell the page it is alive. */
export type Pause = () => Promise<void>;
const noPause: Pause = async () => {};

export class HeldOut {
  /** Held-out splits; an empty split (a test fraction of 0) is left out. */
  private readonly splits: { split: Split; data: LabelledSplit }[] = [];
  /** The newest per-row results on the test split, with their step. */
  testResults: { globalStep: number; rows: PerExample } | null = null;

  constructor(private readonly data: ClassificationData) {
    if (data.validation && data.validation.rows > 0) this.splits.push({ split: 'validation', data: data.validation });
    if (data.test.rows > 0) this.splits.push({ split: 'test', data: data.test });
  }

  /** Rows of the held-out splits together (validation and test). */
  get heldOutRows(): number {
    return this.splits.reduce((sum, s) => sum + s.data.rows, 0);
  }

  /** The split early stopping watches: validation, never test (a score chosen on the test rows is no test score); null without one. */
  get watched(): Split | null {
    return this.splits.some((s) => s.split === 'validation') ? 'validation' : null;
  }

  /** The training split's rows that are evaluated: all of them, or an even sample of a large split (made once). */
  private trainSample: LabelledSplit | null = null;

  /**
   * Evaluate `engine`'s model at its step: the training split first (when asked; an even
   * sample of SAMPLE_ROWS when larger, the Evaluation's `ofRows` says of how many), then
   * validation and test, whole. In chunks with `pause` between them (evaluateChunked.ts);
   * `parameters` (the network's weights) sizes the first chunk.
   */
  async evaluate(engine: Engine, withTrain: boolean, pause: Pause = noPause, parameters = 0): Promise<Evaluation[]> {
    const step = engine.globalStep;
    const results: Evaluation[] = [];
    const features = this.data.featureNames.length;
    const rowsOf = (split: LabelledSplit) => evaluateChunked(engine, split, features, parameters, pause);
    if (withTrain) {
      const train = this.data.train;
      this.trainSample ??= evenSample(train, features);
      const sample = this.trainSample;
      const evaluation = this.summary(await rowsOf(sample), sample, 'train', step);
      if (sample !== train) evaluation.ofRows = train.rows;
      results.push(evaluation);
    }
    for (const { split, data } of this.splits) {
      const rows = await rowsOf(data);
      const evaluation = this.summary(rows, data, split, step);
      if (split === 'test') {
        this.testResults = { globalStep: step, rows };
        if (this.data.target === undefined) evaluation.confusion = confusionMatrix(rows.predictions, data.labels, this.data.classNames.length);
      }
      results.push(evaluation);
    }
    return results;
  }

  /** evaluate()'s numbers: a classifier's, or a regressor's in the label's units. */
  private summary(rows: PerExample, data: LabelledSplit, split: Split, step: number): Evaluation {
    const target = this.data.target;
    return target === undefined ? summarize(rows, data.labels, split, step) : summarizeRegression(rows.predictions, requireTargets(data), target, split, step);
  }
}
