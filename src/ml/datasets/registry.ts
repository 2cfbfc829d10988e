/**
 * Every kind of data set, registered once: the built-in presets the URL names, and how a
 * stored session re-opens its data set on the next visit. A new kind is a file behind
 * source.ts's DataSource plus a line in each table here.
 */
import { DATASET_FAMILY } from '../../shared/modelConfig';
import type { ParseResult } from '../../shared/result';
import type { DatasetName, DatasetSource } from '../../shared/types';
import type { SessionDataset } from '../checkpoint/types';
import { openCsv } from './csv';
import { openIris } from './iris';
import { openMnist } from './mnist';
import type { DataSource, OpenContext } from './source';

/** The built-in data sets, by the URL's `dataset` value. */
export const PRESETS: Record<DatasetName, (ctx: OpenContext) => Promise<DataSource>> = {
  iris: openIris,
  mnist: openMnist,
};

type Stored<S extends SessionDataset['source']> = Extract<SessionDataset, { source: S }>;

interface StoredKind<S extends SessionDataset['source']> {
  /** Open it again, or why it cannot be (it was not kept: the page asks for the file again). */
  reopen: (stored: Stored<S>, ctx: OpenContext) => Promise<ParseResult<DataSource>>;
  /** What the URL's `dataset` calls it (a CSV not kept is still `csv`): a link naming it re-opens it. */
  source: (stored: Stored<S>) => DatasetSource;
}

const STORED: { [S in SessionDataset['source']]: StoredKind<S> } = {
  iris: { reopen: async (_, ctx) => opened(await openIris(ctx)), source: () => 'iris' },
  mnist: { reopen: async (_, ctx) => opened(await openMnist(ctx)), source: () => 'mnist' },
  csv: {
    reopen: async (s, ctx) => {
      const blob = (f: { name: string; bytes: ArrayBuffer }) => Object.assign(new Blob([f.bytes]), { name: f.name });
      return opened(await openCsv(blob(s.file), s.testFile && blob(s.testFile), s.choices, ctx));
    },
    source: () => 'csv',
  },
  'not-stored': { reopen: async (s) => ({ ok: false, reason: s.reason }), source: (s) => (s.kind === 'idx' ? 'mnist' : 'csv') },
};

const opened = (source: DataSource): ParseResult<DataSource> => ({ ok: true, value: source });

function kindOf<S extends SessionDataset['source']>(stored: Stored<S>): StoredKind<S> {
  return STORED[stored.source as S];
}

/** Re-open a stored session's data set, or say why it cannot be (it was not kept). */
export function reopen(stored: SessionDataset, ctx: OpenContext): Promise<ParseResult<DataSource>> {
  return kindOf(stored).reopen(stored, ctx);
}

/** What the URL's `dataset` calls a stored data set. */
export function sourceOf(stored: SessionDataset): DatasetSource {
  return kindOf(stored).source(stored);
}

/** The built-in data set whose tutorial defaults a stored data set trains with. */
export function familyOf(stored: SessionDataset): DatasetName {
  return DATASET_FAMILY[sourceOf(stored)];
}
