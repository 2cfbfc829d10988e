/**
 * model_dir in the browser: saving a session's model as checkpoints and the page state
 * beside them, listing and restoring them, and the files a model leaves the browser as.
 * Wraps a CheckpointStore (IndexedDB, or memory when the browser has none) so the
 * Workspace only says when; failures come back as reasons to show, never as lost work.
 * A tfjs model is built from the engine's weights only for the moment a save or an
 * export needs one.
 *
 * Two tabs share the store: each Persistence belongs to one tab (`tab`, the page's id for
 * it, kept across its reloads), saves its page state under that id and its checkpoints as
 * that tab's, so pruning and "go on from the newest checkpoint" stay within its own run.
 */
import type * as tf from '@tensorflow/tfjs';
import type { ParseResult, Reason } from '../../shared/result';
import type { CheckpointInfo, DownloadFile, Evaluation } from '../../shared/types';
import { checkpointMeta, checkpointOf, exportFiles, historyCsv, memoryCheckpointStore, openCheckpointStore, pythonScript, type Checkpoint, type CheckpointMeta, type CheckpointStore, type SessionState } from '../checkpoint';
import { checkpointWeights } from '../checkpoint/weights';
import type { DataSource } from '../datasets/source';
import { modelFromWeights } from '../model/model';
import type { History, Restore, Session } from '../train/session';
import { sessionState } from './sessionRecord';

/** The loaded data set as checkpoints name it: its source and fingerprint (computed once per data set). */
export interface DatasetRecord {
  source: DataSource;
  fingerprint: string;
}

export class Persistence {
  private constructor(
    private readonly store: CheckpointStore,
    /** Why nothing will survive a reload, when IndexedDB is unavailable. */
    readonly unavailable: Reason | null,
    /** The tab this worker serves; a page that names none gets an id of its own (a new tab). */
    readonly tab: string,
  ) {}

  static async open(factory: IDBFactory | undefined, tab: string = newTabId()): Promise<Persistence> {
    const opened = await openCheckpointStore(factory);
    return opened.ok ? new Persistence(opened.value, null, tab) : new Persistence(memoryCheckpointStore(), opened.reason, tab);
  }

  /** Save the session's model as a checkpoint and the page state after it. Returns a reason when something went wrong. */
  async save(session: Session, record: DatasetRecord): Promise<Reason | null> {
    // Everything saved is read now, before the first await: the session may train on while IndexedDB writes.
    const meta = this.meta(session, record);
    const state = this.state(session, record, meta.id);
    const checkpoint = await withModel(session, record.source, (model) => checkpointOf(model, meta));
    const saved = await this.store.save(checkpoint, this.tab);
    if (!saved.ok) return saved.reason;
    const stateSaved = await this.store.saveSession(state, this.tab);
    if (!stateSaved.ok) return stateSaved.reason;
    return saved.value.warning ?? null;
  }

  /**
   * The page state right after a data set loads, before any checkpoint: so a crash or
   * reload before the first 1000 steps still re-opens a dropped CSV.
   */
  async saveLoaded(session: Session, record: DatasetRecord): Promise<Reason | null> {
    const state = await this.store.saveSession(this.state(session, record, null), this.tab);
    return state.ok ? null : state.reason;
  }

  /** Metadata for the checkpoints panel, newest first, of one data set. */
  async list(fingerprint: string): Promise<CheckpointInfo[]> {
    const listed = await this.store.list(fingerprint);
    if (!listed.ok) return [];
    return listed.value.map((m) => ({
      id: m.id,
      globalStep: m.globalStep,
      savedAt: m.savedAt,
      testAccuracy: testAccuracyOf(m.evaluations),
      hiddenUnits: m.config.hiddenUnits,
    }));
  }

  /** The newest checkpoint of a data set (this tab's, when it saved any), or null. */
  async latest(fingerprint: string): Promise<Checkpoint | null> {
    const latest = await this.store.latest(fingerprint, this.tab);
    return latest.ok ? latest.value : null;
  }

  load(id: string): Promise<ParseResult<Checkpoint>> {
    return this.store.load(id);
  }

  async delete(id: string): Promise<void> {
    await this.store.delete(id);
  }

  /** This tab's page state (a reload), else the newest of any tab (a new tab goes on where the person was). */
  async lastSession(): Promise<SessionState | null> {
    const loaded = await this.store.loadSession(this.tab);
    return loaded.ok ? loaded.value : null;
  }

  /** How a Session restores a checkpoint: its weights, its step, and the history kept with it. */
  restoreOf(checkpoint: Checkpoint, history?: History): ParseResult<Restore> {
    const weights = checkpointWeights(checkpoint);
    if (!weights.ok) return weights;
    return { ok: true, value: { weights: weights.value, globalStep: checkpoint.meta.globalStep, history } };
  }

  /** The files the export buttons download. */
  /** `plan`: the run's evaluation rhythm and early-stopping patience (evaluations), for the Python script. */
  async files(session: Session, record: DatasetRecord, what: 'model' | 'python' | 'history', plan?: { evalEvery: number; patience: number }): Promise<DownloadFile[]> {
    const meta = this.meta(session, record);
    const stem = `${slug(session.data.name)}-step${session.globalStep}`;
    switch (what) {
      case 'model': {
        const files = await withModel(session, record.source, (model) => exportFiles(model, meta));
        return [
          { name: 'model.json', mime: 'application/json', data: files['model.json'] },
          { name: 'weights.bin', mime: 'application/octet-stream', data: files['weights.bin'] },
        ];
      }
      case 'python':
        return [{ name: `${stem}.py`, mime: 'text/x-python', data: pythonScript(meta, { steps: Math.max(session.globalStep, 1), csvFileName: record.source.record.csvFileName, ...plan }) }];
      case 'history':
        return [{ name: `${stem}-history.csv`, mime: 'text/csv', data: historyCsv(session.history.points) }];
      default: {
        const unknown: never = what;
        throw new Error(String(unknown));
      }
    }
  }

  private meta(session: Session, record: DatasetRecord): CheckpointMeta {
    const latest = new Map(session.history.evaluations.map((e) => [e.split, e] as const));
    const { source } = record;
    return checkpointMeta({
      data: source.data,
      config: session.modelConfig,
      globalStep: session.globalStep,
      source: source.summary.source,
      fingerprint: record.fingerprint,
      schema: source.record.schema,
      csvFormat: source.record.csvFormat,
      evaluations: [...latest.values()].filter((e) => e.globalStep === session.globalStep),
    });
  }

  private state(session: Session, record: DatasetRecord, checkpointId: string | null): SessionState {
    return sessionState({
      dataset: record.source.stored,
      config: session.modelConfig,
      checkpointId,
      globalStep: session.globalStep,
      // Copies: the session's history arrays grow as it trains on.
      points: session.history.points.slice(),
      evaluations: session.history.evaluations.slice(),
      fingerprint: record.fingerprint,
    });
  }
}

/** Run `use` with a tfjs model holding the session's newest weights, disposed afterwards. */
async function withModel<T>(session: Session, source: DataSource, use: (model: tf.LayersModel) => Promise<T>): Promise<T> {
  const model = modelFromWeights(source.data.featureNames.length, source.data.classNames.length, session.modelConfig, await session.weights());
  try {
    return await use(model);
  } finally {
    model.dispose();
  }
}

/** An id for a tab that brought none (tests, a page without sessionStorage). */
const newTabId = () => `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const slug = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'model';

/** A checkpoint's newest test accuracy for its list; null without one, and for a regression (no accuracy). */
function testAccuracyOf(evaluations: readonly Evaluation[]): number | null {
  const test = evaluations.find((e) => e.split === 'test');
  return test && !test.regression ? test.accuracy : null;
}
