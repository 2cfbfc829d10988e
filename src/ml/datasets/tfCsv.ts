/**
 * Reader for TensorFlow's tutorial CSV format (`load_csv_with_header`): the first
 * line is `<rows>,<features>,<class names...>`, not column names; every later line
 * is `features` numbers followed by an integer class id.
 */
import type { ParseResult } from '../../shared/result';

export interface LabelledRows {
  /** Row-major features, shape [rows, featureCount]. */
  features: Float32Array;
  /** Class ids, shape [rows]. */
  labels: Int32Array;
  rows: number;
  featureCount: number;
  classNames: string[];
}


/** True when a first line looks like `N,F,class...` with N and F non-negative integers. */
export function isTensorFlowHeader(firstLine: string): boolean {
  const cells = firstLine.split(',').map((c) => c.trim());
  return cells.length >= 2 && /^\d+$/.test(cells[0]) && /^\d+$/.test(cells[1]);
}

/** Parse a whole TensorFlow-format CSV. Never throws: a bad file gives a reason naming the line. */
export function parseTensorFlowCsv(text: string, fileName = 'file'): ParseResult<LabelledRows> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) return { ok: false, reason: `${fileName} is empty.` };
  if (!isTensorFlowHeader(lines[0])) {
    return { ok: false, reason: `${fileName}: line 1 should be "<rows>,<features>,<class names...>".` };
  }
  const head = lines[0].split(',').map((c) => c.trim());
  const declaredRows = Number(head[0]);
  const featureCount = Number(head[1]);
  const classNames = head.slice(2).filter((c) => c !== '');
  if (featureCount < 1) return { ok: false, reason: `${fileName}: line 1 declares no features.` };
  const body = lines.slice(1);
  if (body.length !== declaredRows) {
    return { ok: false, reason: `${fileName}: line 1 declares ${declaredRows} rows but the file has ${body.length}.` };
  }
  const features = new Float32Array(body.length * featureCount);
  const labels = new Int32Array(body.length);
  let maxLabel = -1;
  for (let r = 0; r < body.length; r++) {
    const cells = body[r].split(',');
    const line = r + 2;
    if (cells.length !== featureCount + 1) {
      return { ok: false, reason: `${fileName}, line ${line}: expected ${featureCount + 1} values, found ${cells.length}.` };
    }
    for (let f = 0; f < featureCount; f++) {
      const v = Number(cells[f]);
      if (cells[f].trim() === '' || !Number.isFinite(v)) {
        return { ok: false, reason: `${fileName}, line ${line}, column ${f + 1}: "${cells[f]}" is not a number.` };
      }
      features[r * featureCount + f] = v;
    }
    const label = Number(cells[featureCount]);
    if (!Number.isInteger(label) || label < 0) {
      return { ok: false, reason: `${fileName}, line ${line}: the class "${cells[featureCount]}" is not a class id.` };
    }
    labels[r] = label;
    maxLabel = Math.max(maxLabel, label);
  }
  // A header without names still works: classes are then named by their ids.
  const names = classNames.length > 0 ? classNames : Array.from({ length: maxLabel + 1 }, (_, i) => String(i));
  if (maxLabel >= names.length) {
    return { ok: false, reason: `${fileName}: class id ${maxLabel} has no name in line 1 (${names.length} classes).` };
  }
  return { ok: true, value: { features, labels, rows: body.length, featureCount, classNames: names } };
}
