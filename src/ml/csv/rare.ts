/**
 * Classes too small to learn from: a class with one row can never be both trained on and
 * tested (a stratified split keeps it in training), and cross-validation with k folds
 * needs k rows of a class to put one in every fold. These functions find them and, when
 * the person asks, merge them into one class "other" or drop their rows, as a remapping
 * of class ids (the label column's cells are not touched).
 */
import { msg, type Message } from '../../shared/message';
import type { Labelled } from './labels';
import type { ParseResult, RawTable } from './types';

/** What to do with rare classes: keep them (the default), merge them into OTHER_CLASS, or drop their rows. */
export type RareAction = 'keep' | 'merge' | 'drop';

/** Fewest rows a class needs before the loader warns about it. */
export const MIN_CLASS_ROWS = 2;
/** The class rare classes are merged into (joined with an existing class of that name). */
export const OTHER_CLASS = 'other';

export interface RareClass {
  name: string;
  rows: number;
}

/**
 * Classes with fewer than `min` rows, in class order. `ids[r]` is row r's class id (-1 for
 * no label, not counted). Call with `min` = k to find the classes k-fold cross-validation
 * cannot spread over its folds; a class with no rows at all is not listed (it is absent).
 */
export function rareClasses(ids: ArrayLike<number>, classNames: readonly string[], min: number = MIN_CLASS_ROWS): RareClass[] {
  const counts = new Int32Array(classNames.length);
  for (let r = 0; r < ids.length; r++) if (ids[r] >= 0) counts[ids[r]]++;
  return classNames.flatMap((name, i) => (counts[i] > 0 && counts[i] < min ? [{ name, rows: counts[i] }] : []));
}

/** A remapping of class ids: `map[old]` is the new id, or -1 for a class whose rows are dropped. */
export interface ClassRemap {
  /** The classes before (what the file's label cells name). */
  from: string[];
  classNames: string[];
  map: Int32Array;
  /** The classes merged or dropped. */
  changed: string[];
}

/**
 * The remapping that merges the classes `rare` into OTHER_CLASS (kept classes first in
 * their order, then "other" last, unless a class of that name exists and takes them) or
 * drops them (map -1). Null when there is nothing to change.
 */
export function rareRemap(classNames: readonly string[], rare: readonly string[], action: RareAction): ClassRemap | null {
  const changed = new Set(rare.filter((name) => name !== OTHER_CLASS || action === 'drop'));
  if (action === 'keep' || changed.size === 0) return null;
  const kept = classNames.filter((name) => !changed.has(name));
  const names = action === 'merge' && !kept.includes(OTHER_CLASS) ? [...kept, OTHER_CLASS] : kept;
  const at = new Map(names.map((name, i) => [name, i] as const));
  const other = at.get(OTHER_CLASS) ?? -1;
  const map = Int32Array.from(classNames, (name) => (changed.has(name) ? (action === 'merge' ? other : -1) : (at.get(name) ?? -1)));
  return { from: classNames.slice(), classNames: names, map, changed: classNames.filter((name) => changed.has(name)) };
}

/** `labels` with its ids remapped (rows of a dropped class become -1, not counted as missing). */
export function applyRemap(labels: Labelled, remap: ClassRemap): Labelled {
  const ids = Int32Array.from(labels.ids, (id) => (id < 0 ? -1 : remap.map[id]));
  return { classNames: remap.classNames.slice(), ids, missing: labels.missing };
}

/**
 * The label's classes after the person's choice for rare ones (DatasetOptions.rareClasses), with
 * a note of what was merged or dropped and a warning naming the classes still too small
 * (their names come back as `rare`, for the page's merge and drop buttons).
 */
export function rareLabels(
  table: RawTable,
  label: number,
  read: Labelled,
  action: RareAction,
  warnings: Message[],
): ParseResult<{ labels: Labelled; remap: ClassRemap | null; rare: string[] }> {
  const before = rareClasses(read.ids, read.classNames, MIN_CLASS_ROWS);
  const remap = rareRemap(read.classNames, before.map((c) => c.name), action);
  const labels = remap === null ? read : applyRemap(read, remap);
  if (remap !== null) {
    const rows = before.filter((c) => remap.changed.includes(c.name)).reduce((sum, c) => sum + c.rows, 0);
    warnings.push(
      action === 'merge'
        ? msg('csv.rare-merged', { classes: remap.changed, into: OTHER_CLASS, rows })
        : msg('csv.rare-dropped', { classes: remap.changed, rows }),
    );
    if (labels.classNames.length < 2) {
      return { ok: false, reason: msg('csv.label-one-class', { file: table.fileName, label: table.columns[label], value: labels.classNames[0] ?? '' }) };
    }
  }
  const after = rareClasses(labels.ids, labels.classNames, MIN_CLASS_ROWS);
  if (after.length > 0) {
    const params = { label: table.columns[label], classes: after.map((c) => c.name), rows: after.map((c) => c.rows), min: MIN_CLASS_ROWS };
    warnings.push(msg('csv.rare-classes', params));
  }
  return { ok: true, value: { labels, remap, rare: after.map((c) => c.name) } };
}
