/**
 * A number per object, for React keys that must change when a value is replaced (a new
 * data set's summary). Keyed so, a list of thousands of `<option>`s or inputs is built
 * whole before it is attached, instead of being inserted one node at a time into a live
 * `<select>` or form (which Chromium handles in time quadratic in the options: a
 * 5,000-column file froze the page for seconds in three selects).
 */
const ids = new WeakMap<object, number>();
let next = 1;

export function objectKey(value: object | null | undefined): number {
  if (value === null || value === undefined) return 0;
  let id = ids.get(value);
  if (id === undefined) {
    id = next++;
    ids.set(value, id);
  }
  return id;
}
