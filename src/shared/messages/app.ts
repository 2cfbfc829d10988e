/** Codes of the workspace, the data sets it opens and the analysis views, with their parameters (see ../message.ts). */
/**
 * A message given as another message's parameter (a reason inside a sentence). Structural,
 * so this catalog need not import the Message type it is part of.
 */
export type InnerReason = { readonly code: string; readonly params: object } | string;

export interface AppMessages {
  /** A thrown error we did not word ourselves (tfjs, the browser): its raw text. */
  'app.unexpected': { detail: string };
  'app.nothing-loaded': Record<never, never>;
  'app.stop-first': Record<never, never>;
  'app.no-csv': Record<never, never>;
  'app.no-drawing': Record<never, never>;
  'app.no-file-prediction': Record<never, never>;
  'app.not-evaluated': Record<never, never>;
  'app.resume-failed': { reason: InnerReason };
  /** The link names the dropped CSV (`dataset=csv`) but this browser keeps none. */
  'app.no-stored-csv': Record<never, never>;
  /** A test file dropped on a CSV re-opened from the last visit: the page does not hold its training file. */
  'app.test-needs-training-file': { file: string };
  'app.backend-moved': { step: number };
  'app.backend-moved-fresh': Record<never, never>;
  'app.checkpoint-other-data': { dataset: string };
  'app.import-other-data': { files: readonly string[]; dataset: string; inputs: number; classes: readonly string[] };
  'app.weights-dtype': { name: string; dtype: string };
  'app.weights-short': { name: string };
  'app.csv-not-kept': { file: string; bytes: number; maxBytes: number };
  'app.idx-not-kept': Record<never, never>;
  'app.idx-missing': { wanted: string; got: readonly string[] };
  'app.idx-too-large': { file: string; bytes: number; maxBytes: number };
  'app.iris-features': { expected: number };
  'app.mnist-draw': Record<never, never>;
  'app.value-count': { expected: number; found: number };
  'app.enter-number': { input: string };
  'app.split-iris': Record<never, never>;
  'app.split-mnist-shipped': { train: number; validation: number; test: number };
  'app.split-mnist-idx': { train: number; validation: number; test: number };
  'app.split-csv': { test: number; rows: number; validation?: number };
  'app.split-csv-file': { file: string };
  'app.map-no-inputs': Record<never, never>;
  'app.map-two-numeric': { numeric: number };
  'app.map-no-input': { input: number };
  'app.map-categorical': { input: string };
  'app.map-same-axes': Record<never, never>;
  'app.map-resolution': { min: number; max: number; resolution: number };
  'app.no-class': { classId: number };
  'app.not-started': Record<never, never>;
  'app.fetch-failed': { path: string; status: number };
  'app.backend-asked': { backend: string };
  'app.backend-no-webgl': Record<never, never>;
  'app.backend-software': { renderer: string };
  'app.backend-gpu': { renderer: string };
  /** `adapter`: the WebGPU adapter's vendor, architecture and description. */
  'app.backend-webgpu': { adapter: string };
  'app.backend-fallback': { reason: InnerReason; failed: readonly string[] };
  'app.backend-none': { tried: readonly string[] };
  'app.backend-after-loss': { reason: InnerReason };
  'app.webgl-lost': { outcome: InnerReason };
  'app.webgl-lost-failed': { reason: InnerReason };
  /** The page's own: the training worker died (`detail`: the browser's words, maybe empty) or went silent. */
  'app.worker-crashed': { detail: string };
  'app.worker-hung': { seconds: number };
  'app.worker-replaced': { what: InnerReason };
  /** Binary curves asked of a data set with `classes` classes. */
  'app.not-binary': { classes: number };
  'app.no-test-rows': Record<never, never>;
  /** The baselines of the loaded data set could not be computed (the data set stays loaded). */
  'app.baselines-failed': { reason: InnerReason };
}
