/**
 * model_dir in the browser: saving a session's model as checkpoints and the page
 * state beside them, listing and restoring them, and the files a model leaves the
 * browser as. Wraps a CheckpointStore (IndexedDB, or memory when the browser has
 * none) so the Workspace only says when; failures come back as messages to show,
 * never as lost work.
 */
import type { CheckpointInfo, DownloadFile } from '../../shared/types';
import {
  checkpointMeta,
  checkpointOf,
  exportFiles,
  historyCsv,
  memoryCheckpointStore,
  openCheckpointStore,
  pythonScript,
  restoreWeights,
  sessionState,
  type Checkpoint,
  type CheckpointMeta,
  type CheckpointStore,
  type SessionDataset,
  type SessionState,
} from '../checkpoint';
import type { CsvSchema } from '../../shared/csv';
import type { Restore, Session } from '../train/session';
import type { ParseResult, Reason } from '../../shared/result';

/** What the Workspace knows about the loaded data set that a checkpoint must carry. */
export interface DatasetRecord {
  fingerprint: string;
  /** How to open it again after a reload. */
  session: SessionDataset;
  schema: CsvSchema | null;
  csvFormat?: CheckpointMeta['csvFormat'];
  csvFileName?: string;
}

export class Persistence {
  private constructor(
    private readonly store: CheckpointStore,
    /** Why nothing will survive a reload, when IndexedDB is unavailable. */
    readonly unavailable: Reason | null,
  ) {}

  static async open(factory: IDBFactory | undefined): Promise<Persistence> {
    const opened = await openCheckpointStore(factory);
    return opened.ok ? new Persistence(opened.value, null) : new Persistence(memoryCheckpointStore(), opened.reason);
  }

  /** Save the session's model as a checkpoint and the page state after it. Returns a message when something went wrong. */
  async save(session: Session, record: DatasetRecord): Promise<Reason | null> {
    const meta = this.meta(session, record);
    const saved = await this.store.save(await checkpointOf(session.model, meta));
    if (!saved.ok) return saved.reason;
    const state = await this.store.saveSession(this.state(session, record, meta.id));
    if (!state.ok) return state.reason;
    return saved.value.warning ?? null;
  }

  /**
   * The page state right after a data set loads, before any checkpoint: so a crash or
   * reload before the first 1000 steps still re-opens a dropped CSV. Keeps the stored
   * checkpoint of the same model when there is one.
   */
  async saveLoaded(session: Session, record: DatasetRecord, checkpointId: string | null): Promise<Reason | null> {
    const state = await this.store.saveSession(this.state(session, record, checkpointId));
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
      testAccuracy: m.evaluations.find((e) => e.split === 'test')?.accuracy ?? null,
      hiddenUnits: m.config.hiddenUnits,
    }));
  }

  /** The newest checkpoint of a data set, or null. */
  async latest(fingerprint: string): Promise<Checkpoint | null> {
    const latest = await this.store.latest(fingerprint);
    return latest.ok ? latest.value : null;
  }

  async load(id: string): Promise<ParseResult<Checkpoint>> {
    return this.store.load(id);
  }

  async delete(id: string): Promise<void> {
    await this.store.delete(id);
  }

  async lastSession(): Promise<SessionState | null> {
    const loaded = await this.store.loadSession();
    return loaded.ok ? loaded.value : null;
  }

  /** How a Session restores a checkpoint: its weights, its step, and the history kept with it. */
  restoreOf(checkpoint: Checkpoint, history?: Restore['history']): Restore {
    return { apply: (model) => restoreWeights(model, checkpoint), globalStep: checkpoint.meta.globalStep, history };
  }

  /** The files the export buttons download. */
  async files(session: Session, record: DatasetRecord, what: 'model' | 'python' | 'history'): Promise<DownloadFile[]> {
    const meta = this.meta(session, record);
    const stem = `${slug(session.dataset.data.name)}-step${session.globalStep}`;
    switch (what) {
      case 'model': {
        const files = await exportFiles(session.model, meta);
        return [
          { name: 'model.json', mime: 'application/json', data: files['model.json'] },
          { name: 'weights.bin', mime: 'application/octet-stream', data: files['weights.bin'] },
        ];
      }
      case 'python':
        return [{ name: `${stem}.py`, mime: 'text/x-python', data: pythonScript(meta, { steps: Math.max(session.globalStep, 1), csvFileName: record.csvFileName }) }];
      case 'history':
        return [{ name: `${stem}-history.csv`, mime: 'text/csv', data: historyCsv(session.history.points) }];
      default: {
        const unknown: never = what;
        throw new Error(`Unknown export ${String(unknown)}`);
      }
    }
  }

  private meta(session: Session, record: DatasetRecord): CheckpointMeta {
    const latest = new Map(session.history.evaluations.map((e) => [e.split, e] as const));
    return checkpointMeta({
      data: session.dataset.data,
      config: session.modelConfig,
      globalStep: session.globalStep,
      source: session.dataset.summary.source,
      fingerprint: record.fingerprint,
      schema: record.schema,
      csvFormat: record.csvFormat,
      evaluations: [...latest.values()].filter((e) => e.globalStep === session.globalStep),
    });
  }

  private state(session: Session, record: DatasetRecord, checkpointId: string | null): SessionState {
    return sessionState({
      dataset: record.session,
      config: session.modelConfig,
      checkpointId,
      globalStep: session.globalStep,
      points: session.history.points,
      evaluations: session.history.evaluations,
    });
  }
}

const slug = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'model';
