/**
 * The batch stream of tf.estimator's `numpy_input_fn(shuffle=True, num_epochs=None)`:
 * the training rows in a fresh shuffled order every epoch, repeated without end,
 * cut into batches of `batchSize`. A batch may wrap across an epoch boundary (the
 * tail of one permutation followed by the head of the next), as TF's queue does.
 */
import { mulberry32, shuffleInPlace } from '../model/rng';

export class BatchStream {
  private readonly random: () => number;
  private order: Int32Array;
  private cursor = 0;
  /** Number of completed passes over the data. */
  epoch = 0;

  constructor(
    private readonly rows: number,
    readonly batchSize: number,
    seed: number,
  ) {
    if (rows < 1) throw new Error('A batch stream needs at least one row.');
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('Batch size must be a positive integer.');
    this.random = mulberry32(seed);
    this.order = this.permutation();
  }

  /**
   * Row indices of the next batch: always exactly `batchSize` long (fixed shapes).
   * Written into `out` when given, so a hot loop allocates nothing.
   */
  next(out?: Int32Array): Int32Array {
    const batch = out ?? new Int32Array(this.batchSize);
    if (batch.length !== this.batchSize) throw new Error(`A batch buffer must hold ${this.batchSize} indices.`);
    for (let i = 0; i < this.batchSize; i++) {
      if (this.cursor === this.rows) {
        this.order = this.permutation();
        this.cursor = 0;
        this.epoch++;
      }
      batch[i] = this.order[this.cursor++];
    }
    return batch;
  }

  private permutation(): Int32Array {
    const order = new Int32Array(this.rows);
    for (let i = 0; i < this.rows; i++) order[i] = i;
    return shuffleInPlace(order, this.random);
  }
}
