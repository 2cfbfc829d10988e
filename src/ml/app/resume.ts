/**
 * What a new visit opens: what the link's `dataset` names, else the last session when it
 * fits the link's settings, else Iris. A stored session goes on (its data set, the model
 * of its newest checkpoint at its step, its curves) only when it was trained with the
 * settings the page opens with, so a link with other settings reproduces the run it
 * describes. Decides only; the workspace does the loading.
 */
import { withEvaluations } from '../../shared/evaluations';
import { msg, type Message } from '../../shared/message';
import { sameModel } from '../../shared/modelConfig';
import type { DatasetName, DatasetSource, ModelConfig } from '../../shared/types';
import type { CsvSchema } from '../../shared/csv';
import { fingerprint, type Checkpoint, type SessionState } from '../checkpoint';
import type { ClassificationData } from '../datasets/data';
import { familyOf, sourceOf } from '../datasets/registry';
import type { Restore } from '../train/session';
import type { Persistence } from './persistence';

/** What the page opens with when the link names no data set (CONTRACT.md). */
const DEFAULT_DATASET: DatasetName = 'iris';

export type StartPlan =
  /**
   * Re-open the stored session's data set with a model of `config`, at `restore`'s step
   * when its model goes on; `fallback` when the data set cannot be re-opened (a file not kept).
   */
  | { open: 'stored'; last: SessionState; config: ModelConfig; restore?: Restore; fallback: DatasetName; schema?: CsvSchema }
  /** A built-in data set with a fresh model; `notice`: why it is not what the link named. */
  | { open: 'preset'; dataset: DatasetName; notice?: Message };

/**
 * `named`: the link's `dataset`, or null when it names none. An explicit value wins over
 * the stored session: `iris` opens Iris even after a CSV session, and `csv` opens the
 * kept file (a fresh model when the settings differ) or, with none kept, Iris and says so.
 */
export async function startPlan(persistence: Persistence, named: DatasetSource | null, model: ModelConfig): Promise<StartPlan> {
  const last = await persistence.lastSession();
  if (named === null) {
    // None named: the settings are Iris's family (a CSV's too), so a session of that family goes on when they match.
    if (last && familyOf(last.dataset) === DEFAULT_DATASET && sameModel(last.config, model)) return resumed(persistence, last, model);
    return { open: 'preset', dataset: DEFAULT_DATASET };
  }
  if (last && sourceOf(last.dataset) === named) {
    return sameModel(last.config, model) ? resumed(persistence, last, model) : { open: 'stored', last, config: model, fallback: familyOf(last.dataset) };
  }
  if (named === 'csv') return { open: 'preset', dataset: DEFAULT_DATASET, notice: msg('app.no-stored-csv') };
  return { open: 'preset', dataset: named };
}

/** The stored session with the model of its newest checkpoint, or a fresh model of `model` when none can be restored. */
async function resumed(persistence: Persistence, last: SessionState, model: ModelConfig): Promise<StartPlan> {
  const fresh: StartPlan = { open: 'stored', last, config: model, fallback: familyOf(last.dataset) };
  const checkpoint = await newestOf(persistence, last);
  if (!checkpoint?.ok) return fresh;
  // A checkpoint newer than the page state brings its own evaluations (its step's numbers) into the history.
  const restore = persistence.restoreOf(checkpoint.value, withEvaluations({ points: last.points, evaluations: last.evaluations }, { points: [], evaluations: checkpoint.value.meta.evaluations }));
  // The checkpoint's CSV schema: a file re-read by newer rules (another label guess, dates as features) is rebuilt to fit it.
  const schema = checkpoint.value.meta.schema ?? undefined;
  return restore.ok ? { ...fresh, config: checkpoint.value.meta.config, restore: restore.value, schema } : fresh;
}

/**
 * The checkpoint a stored session goes on from: the one its page state points at, or the
 * tab's newest of the same data set and settings when that is newer. A checkpoint is
 * written before the page state that points at it, so a reload (or a crash) between the
 * two, or during the write at a run's end, leaves the state a save behind: the checkpoint
 * written is the one to open, and the step shown after a reload is the last one saved.
 */
async function newestOf(persistence: Persistence, last: SessionState): Promise<{ ok: true; value: Checkpoint } | { ok: false } | null> {
  const pointed = last.checkpointId ? await persistence.load(last.checkpointId) : null;
  const newest = last.fingerprint ? await persistence.latest(last.fingerprint) : null;
  const later = newest && sameModel(newest.meta.config, last.config) && (!pointed?.ok || newest.meta.savedAt > pointed.value.meta.savedAt);
  return later ? { ok: true, value: newest } : pointed;
}

/**
 * How a CSV the page still holds goes on in a worker that replaced a crashed or hung one
 * (protocol.ts HeldCsv): from the newest checkpoint of its data, with the page state's
 * curves when they are this data's, when it was trained with `model`; else a fresh model.
 */
export async function resumeHeld(persistence: Persistence, data: ClassificationData, model: ModelConfig): Promise<{ config: ModelConfig; restore?: Restore }> {
  const print = fingerprint(data);
  const latest = await persistence.latest(print);
  if (!latest || !sameModel(latest.meta.config, model)) return { config: model };
  const last = await persistence.lastSession();
  const history = last?.fingerprint === print ? { points: last.points, evaluations: last.evaluations } : undefined;
  const restore = persistence.restoreOf(latest, history);
  return restore.ok ? { config: latest.meta.config, restore: restore.value } : { config: model };
}
