/** Codes of the mnist area and their parameters (see ../message.ts). */

/** What an MNIST file holds: the images or the labels array. */
export type MnistArray = 'images' | 'labels';

export interface MnistMessages {
  // IDX files (src/ml/mnist/idx.ts) and the shipped binary (binary.ts); sizes in bytes.
  'mnist.idx-too-short': { file: string; bytes: number };
  /** `format` 'idx': an IDX header of `header` bytes; 'binary': the shipped file's header. */
  'mnist.short-header': { file: string; bytes: number; header: number; format: 'idx' | 'binary' };
  /**
   * The magic number `found` (a uint32) is not `expected`: the file holds the other array,
   * another IDX array, or is no IDX file at all (`holds` 'none').
   */
  'mnist.bad-magic': { file: string; found: number; expected: number; holds: MnistArray | 'other' | 'none'; want: MnistArray };
  'mnist.bin-bad-magic': { file: string; found: number; expected: number };
  'mnist.idx-size': { file: string; what: MnistArray; dims: readonly number[]; expected: number; bytes: number };
  'mnist.bin-size': { file: string; count: number; rows: number; cols: number; expected: number; bytes: number };
  'mnist.no-pixels': { file: string; rows: number; cols: number };
  /** Label `label` at position `index`: of the IDX labels array (`at` 'index') or of image `index` (the binary). */
  'mnist.bad-label': { file: string; label: number; index: number; at: 'index' | 'image' };
  'mnist.count-mismatch': { images: string; labels: string; imageCount: number; labelCount: number };
  'mnist.size-mismatch': { train: string; test: string; trainRows: number; trainCols: number; testRows: number; testCols: number };
  'mnist.bad-split-size': { split: 'validation' | 'test'; size: number; available: number };
  // gzip (gzip.ts).
  'mnist.inflate-cap': { file: string; max: number };
  'mnist.bad-gzip': { file: string; detail: string };
  // The drawing pad (preprocess.ts).
  'mnist.bad-canvas': { width: number; height: number };
  'mnist.canvas-pixels': { width: number; height: number; found: number };
}
