import type { ValueRange } from '../fieldReaders';

/** Codes of the checkpoint area and their parameters (see ../message.ts). */

type None = Record<string, never>;

/** What a storage write was for: a checkpoint (at `step`) or the page state. */
/** What was not saved; `previous`: the step of the newest checkpoint still stored, null when none is (absent: not known). */
type Stored = { what: 'checkpoint' | 'session'; step: number; previous?: number | null };

/** Why a stored checkpoint could not be read (also the cause inside `checkpoint.read-back`). */
export interface LoadFailureMessages {
  'checkpoint.read-failed': { id: string; detail: string };
  'checkpoint.missing': { id: string };
  /** Read `bytes` with `checksum` ('' when the weights are no buffer); `written` / `writtenChecksum` were stored. */
  'checkpoint.damaged': { id: string; bytes: number; checksum: string; written: number; writtenChecksum: string };
}

export type LoadFailure = { [C in keyof LoadFailureMessages]: { code: C; params: LoadFailureMessages[C] } }[keyof LoadFailureMessages];

/**
 * What is wrong with an imported model's playground metadata. `field` is the JSON path
 * as written in the file (`config.optimizer`), never translated.
 */
export interface MetaProblemMessages {
  'checkpoint.meta-missing': { field: string };
  'checkpoint.meta-object': { field: string };
  'checkpoint.meta-list': { field: string };
  'checkpoint.meta-date': { field: string };
  'checkpoint.meta-whole': { field: string };
  'checkpoint.meta-whole-min': { field: string; min: number };
  'checkpoint.meta-positive': { field: string };
  'checkpoint.meta-min': { field: string; min: number };
  'checkpoint.meta-range': { field: string; min: number; max: number };
  /** A fraction in [0, 1). */
  'checkpoint.meta-fraction': { field: string };
  'checkpoint.meta-one-of': { field: string; options: readonly string[] };
  'checkpoint.meta-names': { field: string; min: number; max: number };
  'checkpoint.meta-hidden-units': { layers: number; units: number };
  /** `found` as JSON. */
  'checkpoint.meta-version': { found: string; supported: number };
  'checkpoint.meta-evaluation': { index: number };
  'checkpoint.meta-needs-schema': None;
  'checkpoint.meta-not-schema': None;
  'checkpoint.meta-label-index': None;
  'checkpoint.meta-differ': { field: string; other: string };
  'checkpoint.meta-schema-width': { encoded: number; features: number };
  /** Schema column `column` (1-based) lacks a name or index, a role or kind, finite statistics, or a vocabulary. */
  'checkpoint.meta-column': { column: number; fault: 'name' | 'role' | 'stats' | 'vocabulary' };
  /** `found` as JSON. */
  'checkpoint.meta-parameters': { found: string; inputs: number; hidden: readonly number[]; classes: number; expected: number };
  /** `field` (`config.seed`) is `value` (JSON), which the URL's `param` does not take: it takes `range`. */
  'checkpoint.meta-setting': { field: string; value: string; param: string; range: ValueRange };
  /** A regression target's `field` (`target.sd`) lacks a name, is not finite, is an sd <= 0, or names no numeric label column of the schema. */
  'checkpoint.meta-target': { field: string; fault: 'name' | 'finite' | 'sd' | 'label' };
  /** A regression meta (with a target named `target`) must have classNames [target]; `found` as JSON. */
  'checkpoint.meta-target-classes': { found: string; target: string };
}

export type MetaProblem = { [C in keyof MetaProblemMessages]: { code: C; params: MetaProblemMessages[C] } }[keyof MetaProblemMessages];

/** A layer of an imported topology: its 1-based position and its name ('' when it has none). */
type Layer = { layer: number; name: string };

export interface CheckpointMessages extends LoadFailureMessages, MetaProblemMessages {
  // Browser storage (idb.ts, store.ts); `bytes` of what was not saved.
  'checkpoint.quota': Stored & { bytes: number };
  'checkpoint.save-failed': Stored & { detail: string };
  'checkpoint.read-back': { step: number; cause: LoadFailure; previous?: number | null };
  'checkpoint.prune-failed': { detail: string };
  'checkpoint.list-failed': { detail: string };
  'checkpoint.delete-failed': { id: string; detail: string };
  'checkpoint.latest-failed': { detail: string };
  'checkpoint.session-read-failed': { detail: string };
  'checkpoint.no-indexeddb': None;
  'checkpoint.open-failed': { detail: string };
  'checkpoint.open-blocked': None;
  /** The site's storage was cleared during the visit: the store was opened afresh and the checkpoint at `step` saved in it. */
  'checkpoint.reopened': { step: number };
  // Models and weights (artifacts.ts).
  'checkpoint.no-save-handler': None;
  'checkpoint.build-failed': { detail: string };
  'checkpoint.tensor-count': { saved: number; model: number };
  /** Shapes as tfjs gives them (a model weight's dimensions are never null in practice). */
  'checkpoint.tensor-shape': { name: string; saved: readonly number[]; model: readonly (number | null)[] };
  'checkpoint.decode-failed': { detail: string };
  // Importing a TF.js model (validate.ts, meta.ts); `file` is the model.json as chosen.
  'checkpoint.no-model-file': { model: string; got: readonly string[] };
  'checkpoint.model-too-large': { file: string; bytes: number; max: number; model: string };
  'checkpoint.meta-too-large': { file: string; bytes: number; max: number };
  'checkpoint.weights-too-large': { bytes: number; max: number };
  'checkpoint.not-json': { file: string; detail: string };
  'checkpoint.not-object': { file: string };
  /** `format` as JSON; `graph` when it is a graph-model. */
  'checkpoint.wrong-format': { file: string; format: string; graph: boolean };
  'checkpoint.manifest-empty': { file: string };
  'checkpoint.manifest-group': { file: string };
  'checkpoint.manifest-path': { file: string };
  'checkpoint.manifest-entry': { file: string };
  'checkpoint.no-meta': { file: string; key: string; metaFile: string };
  'checkpoint.meta-not-object': { file: string };
  'checkpoint.meta-invalid': { file: string; problem: MetaProblem };
  'checkpoint.inputs-differ': { file: string; inputs: number; features: number };
  'checkpoint.classes-differ': { file: string; units: number; classes: number };
  'checkpoint.hidden-differ': { file: string; layers: readonly number[]; meta: readonly number[] };
  'checkpoint.activation-differ': { file: string; name: string; activation: string; meta: string };
  'checkpoint.parameters-differ': { file: string; parameters: number; meta: number };
  'checkpoint.weights-missing': { path: string; file: string; paths: readonly string[] };
  /** The weight files hold `bytes`; the manifest needs `floats` float32 values (4 bytes each). */
  'checkpoint.weights-size': { file: string; paths: readonly string[]; bytes: number; floats: number };
  /** `value` is NaN, Infinity or -Infinity, at `index` of tensor `name`. */
  'checkpoint.non-finite': { paths: readonly string[]; name: string; value: string; index: number };
  /** `inputs` / `outputs` as tfjs reports them (a number, or 'undefined'). */
  'checkpoint.built-shape': { file: string; inputs: string; outputs: string; features: number; classes: number };
  // The topology of an imported model (topology.ts).
  'checkpoint.topology-not-object': { file: string };
  'checkpoint.not-sequential': { file: string; className: string };
  'checkpoint.no-layers': { file: string };
  'checkpoint.too-many-layers': { file: string; layers: number; max: number };
  'checkpoint.unknown-layer': Layer & { file: string; className: string; known: readonly string[] };
  'checkpoint.layer-no-config': Layer & { file: string };
  'checkpoint.bad-units': Layer & { file: string; units: string; max: number };
  'checkpoint.no-input-shape': { file: string };
  'checkpoint.bad-activation': Layer & { file: string; activation: string };
  'checkpoint.no-dense': { file: string };
  'checkpoint.logits-activation': { file: string; name: string; activation: string };
  'checkpoint.unknown-tensor': { file: string; name: string };
  'checkpoint.tensor-twice': { file: string; name: string };
  /** `dtype` as written; `quantized` when the entry has a quantization. */
  'checkpoint.not-float32': { file: string; name: string; dtype: string; quantized: boolean };
  /** `shape` as JSON, as written in the manifest. */
  'checkpoint.manifest-shape': { file: string; name: string; shape: string; expected: readonly number[] };
  'checkpoint.manifest-lacks': { file: string; name: string; shape: readonly number[] };
  /**
   * A model of one task on data of the other (types.ts Task: a regressor predicts a number,
   * a classifier a class). `file`: the model.json, or '' for a stored checkpoint; `dataset`:
   * what the model was trained on; `loaded`: the data set on screen; `target`: the number's
   * column (the model's or the data's); `classes`: the classifier's classes (up to 20), [] for a regressor.
   */
  'checkpoint.task-differs': {
    file: string;
    dataset: string;
    loaded: string;
    model: 'classification' | 'regression';
    data: 'classification' | 'regression';
    target: string;
    classes: readonly string[];
  };
  /** Reading the files `files` failed past every check (`detail`: the runtime's words, e.g. "Invalid typed array length"). */
  'checkpoint.broken-import': { files: readonly string[]; detail: string };
}
