/**
 * Evaluation of a session's model on its splits: the training split when asked, then the
 * held-out ones (validation when the data set has one, then test), through the engine
 * (which uploads what it needs, if anything, once). Keeps the newest per-row results on
 * the test split for the MNIST gallery, the confusion matrix and a cell's rows.
 */
import type { Evaluation, Split } from '../../shared/types';
import type { ClassificationData, LabelledSplit } from '../datasets/data';
import type { Engine } from '../engines/engine';
import { confusionMatrix, summarize, type PerExample } from '../model/metrics';

export class HeldOut {
  /** Held-out splits; an empty split (a test fraction of 0) is left out. */
  private readonly splits: { split: Split; data: LabelledSplit }[] = [];
  /** The newest per-row results on the test split, with their step. */
  testResults: { globalStep: number; rows: PerExample } | null = null;

  constructor(private readonly data: ClassificationData) {
    if (data.validation && data.validation.rows > 0) this.splits.push({ split: 'validation', data: data.validation });
    if (data.test.rows > 0) this.splits.push({ split: 'test', data: data.test });
  }

  /** The split early stopping watches: validation, never test (a score chosen on the test rows is no test score); null without one. */
  get watched(): Split | null {
    return this.splits.some((s) => s.split === 'validation') ? 'validation' : null;
  }

  /** Evaluate `engine`'s model at its step: the training split first (when asked), then validation and test. */
  async evaluate(engine: Engine, withTrain: boolean): Promise<Evaluation[]> {
    const step = engine.globalStep;
    const results: Evaluation[] = [];
    if (withTrain) {
      const train = this.data.train;
      results.push(summarize(await engine.evaluate(train), train.labels, 'train', step));
    }
    for (const { split, data } of this.splits) {
      const rows = await engine.evaluate(data);
      const evaluation = summarize(rows, data.labels, split, step);
      if (split === 'test') {
        this.testResults = { globalStep: step, rows };
        evaluation.confusion = confusionMatrix(rows.predictions, data.labels, this.data.classNames.length);
      }
      results.push(evaluation);
    }
    return results;
  }
}
