/**
 * Reader for TensorFlow's tutorial CSV format (`load_csv_with_header`): the first
 * line is `<rows>,<features>,<class names...>`, not column names; every later line
 * is `features` numbers followed by an integer class id.
 */
import { msg } from '../../shared/message';
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
  if (lines.length === 0) return { ok: false, reason: msg('csv.empty', { file: fileName }) };
  if (!isTensorFlowHeader(lines[0])) {
    return { ok: false, reason: msg('data.tf-header', { file: fileName }) };
  }
  const head = lines[0].split(',').map((c) => c.trim());
  const declaredRows = Number(head[0]);
  const featureCount = Number(head[1]);
  const classNames = head.slice(2).filter((c) => c !== '');
  if (featureCount < 1) return { ok: false, reason: msg('data.tf-no-features', { file: fileName }) };
  const body = lines.slice(1);
  if (body.length !== declaredRows) {
    return { ok: false, reason: msg('data.tf-row-count', { file: fileName, declared: declaredRows, rows: body.length }) };
  }
  const features = new Float32Array(body.length * featureCount);
  const labels = new Int32Array(body.length);
  let maxLabel = -1;
  for (let r = 0; r < body.length; r++) {
    const cells = body[r].split(',');
    const line = r + 2;
    if (cells.length !== featureCount + 1) {
      return { ok: false, reason: msg('data.tf-ragged', { file: fileName, line, expected: featureCount + 1, found: cells.length }) };
    }
    for (let f = 0; f < featureCount; f++) {
      const v = Number(cells[f]);
      if (cells[f].trim() === '' || !Number.isFinite(v)) {
        return { ok: false, reason: msg('data.tf-not-number', { file: fileName, line, column: f + 1, value: cells[f] }) };
      }
      features[r * featureCount + f] = v;
    }
    const label = Number(cells[featureCount]);
    if (!Number.isInteger(label) || label < 0) {
      return { ok: false, reason: msg('data.tf-bad-class', { file: fileName, line, value: cells[featureCount] }) };
    }
    labels[r] = label;
    maxLabel = Math.max(maxLabel, label);
  }
  // A header without names still works: classes are then named by their ids.
  const names = classNames.length > 0 ? classNames : Array.from({ length: maxLabel + 1 }, (_, i) => String(i));
  if (maxLabel >= names.length) {
    return { ok: false, reason: msg('data.tf-unnamed-class', { file: fileName, id: maxLabel, classes: names.length }) };
  }
  return { ok: true, value: { features, labels, rows: body.length, featureCount, classNames: names } };
}
