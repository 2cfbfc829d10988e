// The judging program's arithmetic, with no DOM: reading cells, encoding a row, the
// forward pass, reading a CSV of rows, and a drawn digit as MNIST's 28 x 28. This file is
// inlined (as text) into the exported HTML file by html.ts, after `const SPEC = {...}` and
// `const csvCell = ...` (the app's own cell writer, src/ml/csv/export.ts makeCsvCell).
// Each function mirrors the app's (named beside it); tests/unit/program.test.ts runs this
// file under node:vm against the app's code for the same inputs.
//
// SPEC (spec.ts ProgramSpec): { encoding: 'csv' | 'plain' | 'pixels', inputs, classNames,
// network: { widths, activation, weights: base64 float32 [kernel0, bias0, ...] }, card,
// target? }. With a target (a regression model) the one output o is the standardised label:
// a row's judgement is { value: o * sd + mean } in the label's units instead of a class.

// --- cells: src/ml/csv/values.ts -----------------------------------------------------

const MISSING_TOKENS = ['', 'na', 'n/a', 'nan', 'null', '?', '-', '.'];
const MAX_MAGNITUDE = 1e150;
const MAX_STANDARD = 1e6;
const POINT_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_NUMBER = /^[+-]?(?:\d+[.,]?\d*|[.,]\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?(?:inf|infinity)$/i;
const FORMATTED_NUMBER = /^(?:\(\s*[$€£¥₩]?\s*\d[\d.,]*\s*%?\s*\)|[+-]?\s*[$€£¥₩]\s*\d[\d.,]*|[+-]?\d[\d.,]*\s*%|[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?)$/;
const CURRENCY = /[$€£¥₩]/;
const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?Z?)?$/;

function isMissing(cell) {
  const t = cell.trim();
  return t.length <= 4 && MISSING_TOKENS.includes(t.toLowerCase());
}

function inRange(v) {
  return v >= -MAX_MAGNITUDE && v <= MAX_MAGNITUDE;
}

function hasRadixPrefix(t) {
  if (t.length < 3 || t.charCodeAt(0) !== 48) return false;
  const c = t.charCodeAt(1) | 0x20;
  return c === 0x78 || c === 0x6f || c === 0x62;
}

function parseNumber(cell, decimalComma) {
  const t = cell.trim();
  if (t === '') return NaN;
  const v = Number(t);
  if (inRange(v) && !hasRadixPrefix(t)) return v + 0;
  if (decimalComma && COMMA_NUMBER.test(t)) {
    const w = Number(t.replace(',', '.'));
    return inRange(w) ? w + 0 : NaN;
  }
  return NaN;
}

/** values.ts parseFormatted: 1,234.5, 12%, $3, (12) as numbers (a column read so), else NaN. */
function parseFormatted(cell) {
  let body = cell.trim();
  if (!FORMATTED_NUMBER.test(body)) return NaN;
  let sign = 1;
  if (body.startsWith('(')) {
    sign = -1;
    body = body.slice(1, -1).trim();
  }
  if (CURRENCY.test(body)) body = body.replace(CURRENCY, '').replace(/\s+/g, '');
  if (body.endsWith('%')) body = body.slice(0, -1).trim();
  if (body.includes(',')) {
    if (!/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(body)) return NaN;
    body = body.replace(/,/g, '');
  }
  if (!POINT_NUMBER.test(body)) return NaN;
  const value = sign * Number(body);
  return inRange(value) ? value + 0 : NaN;
}

/** encode.ts formattedNumber / cellNumber: the number a file's cell holds for `input`. */
function cellValue(cell, input, decimalComma) {
  const v = parseNumber(cell, decimalComma || input.decimalComma);
  return Number.isNaN(v) && input.formatted ? parseFormatted(cell) : v;
}

function isOutOfRange(cell, decimalComma) {
  const t = cell.trim();
  if (INFINITY.test(t)) return true;
  if (POINT_NUMBER.test(t)) return !inRange(Number(t));
  return decimalComma && COMMA_NUMBER.test(t) && !inRange(Number(t.replace(',', '.')));
}

/** { year, month, weekday (0 = Monday), hour } of a date cell, or null. */
function parseDate(cell, order) {
  const t = cell.trim();
  let m = YEAR_FIRST.exec(t);
  let year, month, day;
  if (m !== null) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = YEAR_LAST.exec(t);
    if (m === null) return null;
    const a = Number(m[1]);
    const b = Number(m[2]);
    year = Number(m[3]);
    if (m[3].length === 2) year += year < 69 ? 2000 : 1900;
    [day, month] = order === 'dmy' ? [a, b] : [b, a];
  }
  const timed = m[4] !== undefined;
  const hour = timed ? Number(m[4]) : 0;
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || (timed && Number(m[5]) > 59)) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCDate() !== day) return null;
  return { year, month, weekday: (date.getUTCDay() + 6) % 7, hour };
}

// --- encoding: src/ml/csv/encode.ts encodeRows, src/ml/datasets/data.ts numericInputs ---

function standardise(mean, std, v) {
  if (!inRange(v)) return 0;
  const z = (v - mean) / std;
  if (Number.isNaN(z)) return 0;
  return Math.max(-MAX_STANDARD, Math.min(MAX_STANDARD, z));
}

/** Width of the network's input. */
function inputWidth() {
  return SPEC.network.widths[0];
}

/**
 * Encode cells aligned with SPEC.inputs (text, or null for missing) into out[offset ..]:
 * one slot per numeric input, one per date part, one-hot for a categorical one.
 * `decimalComma`: the file's delimiter is not a comma (as the app reads a file of rows).
 * 'plain' inputs (the Iris tutorial) are the numbers as typed, NaN when not one.
 */
function encodeCells(cells, out, offset, decimalComma) {
  SPEC.inputs.forEach((input, i) => {
    const cell = cells[i];
    const at = offset + input.at;
    if (input.kind === 'plain') {
      const t = cell === null ? '' : cell.trim();
      out[at] = t === '' ? NaN : Number(t);
    } else if (input.kind === 'numeric') {
      const v = cell === null || isMissing(cell) ? NaN : cellValue(cell, input, decimalComma);
      out[at] = standardise(input.mean, input.std, v);
    } else if (input.kind === 'date') {
      const fields = cell !== null && !isMissing(cell) ? parseDate(cell, input.order) : null;
      input.parts.forEach((part, p) => {
        out[at + p] = standardise(input.mean[p], input.std[p], fields === null ? NaN : fields[part]);
      });
    } else {
      const key = cell === null || isMissing(cell) ? null : cell.trim();
      const slot = key === null ? (input.missingSlot ? input.vocabulary.length : -1) : input.vocabulary.indexOf(key);
      if (slot >= 0) out[at + slot] = 1;
    }
  });
}

/**
 * One typed row (texts aligned with SPEC.inputs), checked as the app's form checks it
 * (src/ml/csv/predict.ts encodeInputs): { ok: true, features } or { ok: false, input,
 * problem: 'number' | 'finite' | 'date' }.
 */
function encodeTyped(texts) {
  for (let i = 0; i < SPEC.inputs.length; i++) {
    const input = SPEC.inputs[i];
    const text = texts[i] ?? '';
    if (input.kind === 'plain' && (text.trim() === '' || !Number.isFinite(Number(text.trim())))) return { ok: false, input: i, problem: 'number' };
    if (input.kind === 'numeric' && !isMissing(text) && Number.isNaN(parseNumber(text, true))) {
      return { ok: false, input: i, problem: isOutOfRange(text, true) ? 'finite' : 'number' };
    }
    if (input.kind === 'date' && !isMissing(text) && parseDate(text, input.order) === null) return { ok: false, input: i, problem: 'date' };
  }
  const features = new Float32Array(inputWidth());
  encodeCells(texts, features, 0, false);
  return { ok: true, features };
}

// --- the network: src/ml/fast/net.ts forward, matmul.ts, src/ml/model/metrics.ts ---------

function decodeFloats(base64) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

const WEIGHTS = SPEC.network.weights.map(decodeFloats);

function activate(v, activation) {
  if (activation === 'relu') return Math.max(0, Math.fround(v));
  if (activation === 'tanh') return Math.tanh(Math.fround(v));
  if (activation === 'sigmoid') return 1 / (1 + Math.exp(-Math.fround(v)));
  return v;
}

/**
 * Logits [rows, classes] of x [rows, inputs]: every layer act(x · kernel + bias), the last
 * linear. Products are summed as tfjs's cpu kernel sums them (float64 over blocks of 48
 * inputs, each block added into the float32 result), as the app's fused engine does.
 */
function logits(x, rows) {
  const widths = SPEC.network.widths;
  let input = x;
  for (let l = 0; l + 1 < widths.length; l++) {
    const inner = widths[l];
    const cols = widths[l + 1];
    const kernel = WEIGHTS[2 * l];
    const bias = WEIGHTS[2 * l + 1];
    const out = new Float32Array(rows * cols);
    const acc = new Float64Array(cols);
    for (let r = 0; r < rows; r++) {
      for (let k0 = 0; k0 < inner; k0 += 48) {
        acc.fill(0);
        for (let k = k0; k < Math.min(k0 + 48, inner); k++) {
          const a = input[r * inner + k];
          if (a === 0) continue;
          for (let j = 0; j < cols; j++) acc[j] += a * kernel[k * cols + j];
        }
        for (let j = 0; j < cols; j++) out[r * cols + j] = k0 === 0 ? acc[j] : out[r * cols + j] + acc[j];
      }
      const hidden = l + 2 < widths.length;
      for (let j = 0; j < cols; j++) {
        const o = r * cols + j;
        out[o] = hidden ? activate(out[o] + bias[j], SPEC.network.activation) : out[o] + bias[j];
      }
    }
    input = out;
  }
  return input;
}

/** { classId, probabilities } of one row's logits: softmax in float64 from the largest. */
function judge(row) {
  let classId = 0;
  for (let i = 1; i < row.length; i++) if (row[i] > row[classId]) classId = i;
  const exps = Array.from(row, (v) => Math.exp(v - row[classId]));
  const sum = exps.reduce((a, b) => a + b, 0);
  return { classId, probabilities: exps.map((e) => e / sum) };
}

/**
 * The same in float32, as the app's file predictions compute it (src/ml/fast/batch.ts
 * probabilitiesNet: softmax.ts logSoftmaxRow, then exp), so a file's CSV matches the app's
 * to the digit; the class is the most probable one, as src/ml/datasets/predictFile.ts picks it.
 */
function judge32(row) {
  const f = Math.fround;
  let m = row[0];
  for (const v of row) if (Number.isNaN(v) || v > m) m = v;
  let s = 0;
  for (const v of row) s += f(Math.exp(f(v - m)));
  const lse = f(m + f(Math.log(f(s))));
  const probabilities = Array.from(row, (v) => f(Math.exp(f(v - lse))));
  let classId = 0;
  for (let i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[classId]) classId = i;
  return { classId, probabilities };
}

/** A regressor's judgement of its one output: src/ml/model/regression.ts unstandardize, in float64. */
function judgeValue(output) {
  return { value: output * SPEC.target.sd + SPEC.target.mean };
}

/**
 * Judgements of encoded rows [rows, inputs]; `file`: as the app judges a file's rows (judge32).
 * A regressor's: { value } per row, the same for a typed row and a file's.
 */
function judgeRows(features, rows, file) {
  const out = logits(features, rows);
  if (SPEC.target) return Array.from(out.subarray(0, rows), judgeValue);
  const classes = SPEC.classNames.length;
  const judged = [];
  for (let r = 0; r < rows; r++) judged.push((file ? judge32 : judge)(out.subarray(r * classes, (r + 1) * classes)));
  return judged;
}

/** Judgements of the rows readRows encoded; null for a row with an input that is no number ('plain' inputs). */
function judgeTable(table) {
  const width = inputWidth();
  const judged = table.rows.length > 0 ? judgeRows(table.features, table.rows.length, true) : [];
  return judged.map((j, r) => (table.features.subarray(r * width, (r + 1) * width).some(Number.isNaN) ? null : j));
}

// --- a CSV of rows: src/ml/csv/tokenize.ts, delimiter.ts, predict.ts encodeTableForPrediction ---

/** RFC 4180 records of `text` with `delimiter` (quotes may hold delimiters and line breaks). */
function records(text, delimiter) {
  const out = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    out.push(row);
  }
  return out.filter((r) => r.length > 1 || r[0].trim() !== '');
}

/** The delimiter whose first lines split into the most columns, the same number on each. */
function delimiterOf(text) {
  const head = text.split(/\r?\n/).slice(0, 20).join('\n');
  let best = ',';
  let width = 1;
  for (const d of [',', ';', '\t', '|']) {
    const rows = records(head, d);
    const w = rows.length > 0 ? rows[0].length : 0;
    if (w > width && rows.every((r) => r.length === w)) {
      best = d;
      width = w;
    }
  }
  return best;
}

/**
 * A CSV's text (UTF-8, a header row of column names) -> { columns, rows, features,
 * missing: input names not found }. Columns are matched by name, as the app matches a file
 * of rows; without a header that names the inputs, the first columns are read in order
 * (the tutorial's own iris_test.csv, whose first line is counts). Unusable cells are gaps.
 */
function readRows(text) {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = delimiterOf(body);
  const all = records(body, delimiter);
  const header = (all[0] ?? []).map((h) => h.trim());
  const names = SPEC.inputs.map((input) => input.name);
  const byName = names.every((name) => header.includes(name));
  const positional = !byName && SPEC.encoding === 'plain' && header.length >= names.length;
  const columns = byName || !positional ? header : header.map((_, i) => (i < names.length ? names[i] : `column ${i + 1}`));
  const missing = byName || positional ? [] : names.filter((name) => !header.includes(name));
  const rows = all.slice(1).map((r) => columns.map((_, i) => r[i] ?? ''));
  const at = names.map((name, i) => (positional ? i : columns.indexOf(name)));
  const features = new Float32Array(rows.length * inputWidth());
  if (missing.length === 0) rows.forEach((row, r) => encodeCells(at.map((c) => row[c] ?? null), features, r * inputWidth(), delimiter !== ','));
  const flags = missing.length === 0 ? rows.map((row) => cellFlags(at.map((c) => row[c] ?? null), delimiter !== ',')) : [];
  return { columns, rows, features, missing, flags };
}

/**
 * predict.ts cellFlags: the cells of one row the model could not read as trained, as
 * [{ column, kind }] with kind 'not-a-number' | 'not-finite' | 'unseen-category' | 'not-a-date'.
 */
function cellFlags(cells, decimalComma) {
  const out = [];
  SPEC.inputs.forEach((input, i) => {
    const cell = cells[i];
    if (cell === null || isMissing(cell) || input.kind === 'plain') return;
    let kind = null;
    if (input.kind === 'numeric' && Number.isNaN(cellValue(cell, input, decimalComma))) kind = isOutOfRange(cell, true) ? 'not-finite' : 'not-a-number';
    else if (input.kind === 'categorical' && !input.vocabulary.includes(cell.trim())) kind = 'unseen-category';
    else if (input.kind === 'date' && parseDate(cell, input.order) === null) kind = 'not-a-date';
    if (kind !== null) out.push({ column: input.name, kind });
  });
  return out;
}

/** A predicted number as the predictions CSV writes it: 10 significant digits (the float32 output holds about 7), '' for none. */
function valueCell(j) {
  return j && Number.isFinite(j.value) ? String(Number(j.value.toPrecision(10))) : '';
}

/**
 * The predictions CSV, as src/ml/csv/export.ts predictionsToCsv writes it; a regressor's adds
 * one column, `predicted <label>`, with the number (valueCell) instead of the class and its probabilities.
 */
function predictionsCsv(columns, rows, judged, flags) {
  // A `warnings` column before the added ones when any cell was flagged, as the app writes it.
  const warned = flags !== undefined && flags.some((f) => f.length > 0);
  const predicted = SPEC.target ? [`predicted ${SPEC.target.name}`] : ['predicted class', ...SPEC.classNames.map((c) => `P(${c})`)];
  const added = [...(warned ? ['warnings'] : []), ...predicted];
  const taken = new Set(columns.map((c) => c.trim()));
  const names = added.map((name) => {
    let unique = name;
    for (let k = 2; taken.has(unique); k++) unique = `${name} (${k})`;
    taken.add(unique);
    return unique;
  });
  const lines = [[...columns, ...names].map(csvCell).join(',')];
  rows.forEach((row, r) => {
    const j = judged[r];
    const warning = warned ? [csvCell(flags[r].map((f) => `${f.column}: ${f.kind}`).join('; '))] : [];
    if (SPEC.target) {
      lines.push([...row.map(csvCell), ...warning, valueCell(j)].join(','));
      return;
    }
    const probabilities = j ? j.probabilities.map((p) => (Number.isFinite(p) ? String(Number(p.toPrecision(6))) : '')) : SPEC.classNames.map(() => '');
    lines.push([...row.map(csvCell), ...warning, csvCell(j ? SPEC.classNames[j.classId] : ''), ...probabilities].join(','));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// --- a drawn digit: src/ml/mnist/preprocess.ts preprocessDigit -------------------------

function unit(v) {
  return v > 0 ? (v < 1 ? v : 1) : 0;
}

function areaWeights(from, to) {
  const span = from / to;
  return Array.from({ length: to }, (_, i) => {
    const start = i * span;
    const end = start + span;
    const cells = [];
    for (let j = Math.floor(start); j < Math.min(from, Math.ceil(end)); j++) {
      const overlap = Math.min(end, j + 1) - Math.max(start, j);
      if (overlap > 0) cells.push({ index: j, weight: overlap / span });
    }
    return cells;
  });
}

/**
 * Ink in [0, 1] (width x height row-major) -> 784 pixels: crop to the ink, scale by area
 * averaging so the longer side is 20, place by the centre of mass in 28 x 28. Null: no ink.
 */
function readDigit(ink, width, height) {
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!(ink[y * width + x] > 0)) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (x1 < 0) return null;
  const box = { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
  const scale = 20 / Math.max(box.width, box.height);
  const w = Math.max(1, Math.round(box.width * scale));
  const h = Math.max(1, Math.round(box.height * scale));
  const across = areaWeights(box.width, w);
  const down = areaWeights(box.height, h);
  const rowsOut = new Float32Array(box.height * w);
  for (let y = 0; y < box.height; y++) {
    const line = (box.y + y) * width + box.x;
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (const { index, weight } of across[x]) v += weight * unit(ink[line + index]);
      rowsOut[y * w + x] = v;
    }
  }
  const small = new Float32Array(h * w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 0;
      for (const { index, weight } of down[y]) v += weight * rowsOut[index * w + x];
      small[y * w + x] = unit(v);
    }
  }
  let sum = 0, sx = 0, sy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = small[y * w + x];
      sum += v;
      sx += v * x;
      sy += v * y;
    }
  }
  const clamp = (v, lo, hi) => (v < lo ? lo : v > hi ? hi : v);
  const ox = clamp(Math.round(14 - (sum > 0 ? sx / sum : (w - 1) / 2)), 0, 28 - w);
  const oy = clamp(Math.round(14 - (sum > 0 ? sy / sum : (h - 1) / 2)), 0, 28 - h);
  const pixels = new Float32Array(784);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels[(oy + y) * 28 + ox + x] = small[y * w + x];
  return pixels;
}
