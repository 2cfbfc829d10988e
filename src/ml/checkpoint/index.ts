/**
 * Checkpoints, restore and export ("model_dir and Saver in the browser"): the one entry
 * point of src/ml/checkpoint. Pure and DOM-free: runs in the training worker and under
 * Vitest in Node. See README.md for what goes in each file and how the worker uses it.
 */
export type * from './types';
export { CHECKPOINT_VERSION } from './types';
export { fingerprint, fnv1a64 } from './fingerprint';
export { checkpointMeta, checkTask, dataTaskOf, newCheckpointId, parseMeta, taskOf, type MetaInput } from './meta';
export { checkpointOf, exportFiles, filesOf, loadFromArtifacts, restoreWeights, saveArtifacts, MODEL_FILE, WEIGHTS_FILE, META_KEY, type ExportedFiles, type SavedArtifacts } from './artifacts';
export { checkImport, validateImport, MAX_MODEL_JSON_BYTES, MAX_WEIGHTS_BYTES, META_FILE, type ImportFile } from './validate';
export { memoryCheckpointStore, type CheckpointStore, type SaveOutcome, type StoreOptions } from './store';
export { openCheckpointStore, DEFAULT_DB_NAME } from './idb';
export { MAX_TO_KEEP, MAX_TOTAL } from './rules';
export { historyCsv } from './history';
export { pythonScript, type PythonOptions } from './python';
