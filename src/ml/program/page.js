// The judging program's page: the form (or, for digits, a pad), the prediction with a bar
// per class, a CSV of rows to judge and download, and the model card, in English and
// Korean. Inlined by html.ts after core.js and `const WORDS = { en: {...}, ko: {...} }`.
// Every name from the data is set as text (textContent, setAttribute), never as markup.
// A regression model (SPEC.target) shows a number instead of classes: the prediction, a
// file's `predicted <label>` column, RMSE / MAE / R² on the card.

const state = { lang: SPEC.lang, values: SPEC.inputs.map((input) => input.initial), result: null, error: null, batch: null, ink: null };
const root = document.getElementById('program');

function word(key, params) {
  const template = WORDS[state.lang][key] ?? WORDS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => {
    const v = params?.[name];
    return v === undefined ? whole : typeof v === 'number' ? num(v) : String(v);
  });
}

function num(v, digits = 4) {
  return Number.isFinite(v) ? new Intl.NumberFormat(state.lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: digits }).format(v) : String(v);
}

/** An element with attributes (set as attributes, never parsed) and children (strings become text). */
function el(tag, attrs, ...children) {
  const node = tag.startsWith('svg:') ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) if (v !== undefined && v !== null && v !== false) node.setAttribute(k, String(v));
  // A child may be an array (of arrays), or false / null / undefined for "nothing here".
  for (const child of children.flat(Infinity)) if (child !== null && child !== undefined && child !== false) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

function section(id, title, ...children) {
  return el('section', { 'aria-labelledby': id }, el('h2', { id }, title), ...children);
}

// --- judging one row -------------------------------------------------------------------

function predictTyped() {
  state.result = null;
  state.error = null;
  const typed = encodeTyped(state.values);
  if (!typed.ok) state.error = typed;
  else state.result = { ...judgeRows(typed.features, 1)[0], outside: outside() };
  renderForm();
  // The form was drawn again: focus goes back where the person was, or to the field to fix.
  const next = state.error ? document.getElementById(`field-${state.error.input}`) : document.querySelector('[data-testid="program-predict"]');
  next?.focus();
}

/** Inputs whose typed number lies outside the training range (a note, not an error). */
function outside() {
  return SPEC.inputs.flatMap((input, i) => {
    if (input.min === undefined) return [];
    const v = input.kind === 'plain' ? Number(state.values[i]) : parseNumber(state.values[i] ?? '', true);
    // The range is rounded to 6 significant digits: the training extremes themselves are never outside.
    const tol = (input.max - input.min) * 1e-5;
    return Number.isFinite(v) && (v < input.min - tol || v > input.max + tol) ? [i] : [];
  });
}

function predictDrawing() {
  state.error = null;
  const pixels = state.ink ? readDigit(state.ink.data, state.ink.width, state.ink.height) : null;
  state.result = pixels ? { ...judgeRows(pixels, 1)[0], outside: [] } : null;
  renderResult();
}

function field(input, i) {
  const id = `field-${i}`;
  const hint = input.min !== undefined ? word('rangeHint', { min: num(input.min), max: num(input.max) }) : input.kind === 'date' ? word('dateHint') : null;
  const invalid = state.error?.input === i;
  const flagged = state.result?.outside.includes(i);
  let control;
  if (input.kind === 'categorical') {
    control = el('select', { id, name: input.name }, el('option', { value: '' }, word('missingOption')), input.vocabulary.map((v) => el('option', { value: v }, v)));
  } else {
    control = el('input', { id, name: input.name, type: 'text', inputmode: input.kind === 'date' ? null : 'decimal', 'aria-describedby': hint ? `${id}-hint` : null });
  }
  control.value = state.values[i] ?? '';
  if (invalid) control.setAttribute('aria-invalid', 'true');
  if (flagged) control.setAttribute('data-out-of-range', 'true');
  control.addEventListener('input', () => (state.values[i] = control.value));
  control.addEventListener('change', () => (state.values[i] = control.value));
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, input.name),
    control,
    hint && el('small', { id: `${id}-hint` }, hint),
    invalid && el('p', { role: 'alert', class: 'error' }, word(`problem-${state.error.problem}`, { column: input.name })),
    flagged && el('p', { class: 'flag' }, word('outside', { column: input.name, min: num(input.min), max: num(input.max) })),
  );
}

function digitPad() {
  const canvas = el('canvas', { width: 280, height: 280, 'aria-label': word('padLabel'), 'data-testid': 'program-digit' });
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, 280, 280);
  let last = null;
  const at = (e) => {
    const r = canvas.getBoundingClientRect();
    return [((e.clientX - r.left) * 280) / r.width, ((e.clientY - r.top) * 280) / r.height];
  };
  const read = () => {
    const { data } = ctx.getImageData(0, 0, 280, 280);
    state.ink = { data: Float32Array.from({ length: 280 * 280 }, (_, p) => data[p * 4] / 255), width: 280, height: 280 };
  };
  canvas.addEventListener('pointerdown', (e) => ((last = at(e)), canvas.setPointerCapture(e.pointerId)));
  canvas.addEventListener('pointermove', (e) => {
    if (!last) return;
    const next = at(e);
    Object.assign(ctx, { strokeStyle: '#fff', lineWidth: 20, lineCap: 'round' });
    ctx.beginPath();
    ctx.moveTo(...last);
    ctx.lineTo(...next);
    ctx.stroke();
    last = next;
  });
  canvas.addEventListener('pointerup', () => ((last = null), read(), predictDrawing()));
  const clear = el('button', { type: 'button' }, word('clear'));
  clear.addEventListener('click', () => (ctx.fillRect(0, 0, 280, 280), (state.ink = null), (state.result = null), renderResult()));
  return el('div', { class: 'pad' }, canvas, clear);
}

function renderForm() {
  const form = el('form', { 'data-testid': 'program-form', novalidate: true });
  if (SPEC.encoding === 'pixels') form.append(digitPad());
  else SPEC.inputs.forEach((input, i) => form.append(field(input, i)));
  form.append(el('button', { type: 'submit', 'data-testid': 'program-predict' }, word('predict')));
  form.addEventListener('submit', (e) => (e.preventDefault(), SPEC.encoding === 'pixels' ? predictDrawing() : predictTyped()));
  document.getElementById('form-slot').replaceChildren(form);
  renderResult();
}

/** A regressor's prediction: the number (data-value: in full; the text: as the page writes numbers). */
function valueResult(r) {
  return el(
    'div',
    { role: 'status' },
    el('p', { class: 'verdict' }, word('predictedValue', { name: SPEC.target.name }), ' ', el('strong', { 'data-testid': 'program-prediction', 'data-value': String(r.value) }, num(r.value, 4))),
  );
}

function renderResult() {
  const slot = document.getElementById('result-slot');
  const r = state.result;
  if (!r) return slot.replaceChildren();
  if (SPEC.target) return slot.replaceChildren(valueResult(r));
  const name = SPEC.classNames[r.classId];
  const bars = SPEC.classNames.map((c, k) => {
    const fill = el('span', { class: 'fill' });
    fill.style.width = `${(100 * r.probabilities[k]).toFixed(2)}%`;
    return el('li', { class: k === r.classId ? 'top' : null }, el('span', { class: 'name' }, c), el('span', { class: 'bar' }, fill), el('span', { class: 'p' }, num(r.probabilities[k], 4)));
  });
  slot.replaceChildren(
    el(
      'div',
      { 'data-testid': 'program-prediction', 'data-class': name, 'data-probabilities': JSON.stringify(r.probabilities), role: 'status' },
      el('p', { class: 'verdict' }, word('predicted'), ' ', el('strong', {}, name)),
      el('ul', { class: 'bars', 'aria-label': word('probabilities') }, bars),
    ),
  );
}

// --- a CSV of rows ---------------------------------------------------------------------

async function judgeFile(file) {
  const table = readRows(await file.text());
  state.batch = table.missing.length > 0 ? { file: file.name, missing: table.missing } : { file: file.name, table, judged: judgeTable(table) };
  renderBatch();
}

function renderBatch() {
  const input = el('input', { type: 'file', id: 'batch-file', accept: '.csv,.tsv,.txt,text/csv', 'data-testid': 'program-batch' });
  input.addEventListener('change', () => input.files[0] && judgeFile(input.files[0]));
  const zone = el('div', { class: 'drop' }, el('label', { for: 'batch-file' }, word('batchLabel')), input, el('small', {}, word('batchHint')));
  zone.addEventListener('dragover', (e) => e.preventDefault());
  zone.addEventListener('drop', (e) => (e.preventDefault(), e.dataTransfer.files[0] && judgeFile(e.dataTransfer.files[0])));
  const b = state.batch;
  const out = [zone];
  if (b?.missing) out.push(el('p', { role: 'alert', class: 'error' }, word('batchMissing', { file: b.file, columns: b.missing.join(', ') })));
  else if (b) {
    const { columns, rows } = b.table;
    const target = SPEC.target;
    const head = target ? [...columns, word('colPredictedValue', { name: target.name })] : [...columns, word('colPredicted'), ...SPEC.classNames.map((c) => `P(${c})`)];
    const body = rows.slice(0, 50).map((row, r) => {
      const j = b.judged[r];
      const cells = row.map((c) => el('td', {}, c));
      if (target) return el('tr', {}, cells, el('td', { class: 'num' }, j ? num(j.value, 4) : '—'));
      return el('tr', {}, cells, el('td', {}, j ? SPEC.classNames[j.classId] : '—'), SPEC.classNames.map((_, k) => el('td', { class: 'num' }, j ? j.probabilities[k].toFixed(4) : '')));
    });
    const download = el('button', { type: 'button', 'data-testid': 'program-download' }, word('download'));
    download.addEventListener('click', () => {
      const a = el('a', { href: URL.createObjectURL(new Blob([predictionsCsv(columns, rows, b.judged, b.table.flags)], { type: 'text/csv' })), download: `${SPEC.stem}-predictions.csv` });
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    });
    out.push(
      el('p', {}, word('batchDone', { file: b.file, rows: rows.length })),
      download,
      el('div', { class: 'scroll', 'data-testid': 'program-batch-table' }, el('table', {}, el('caption', {}, word('batchCaption', { shown: Math.min(50, rows.length), rows: rows.length })), el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, body))),
    );
  }
  document.getElementById('batch-slot').replaceChildren(section('batch-title', word('batchTitle'), out));
}

// --- the model card --------------------------------------------------------------------

function chart(kind) {
  const series = SPEC.card.curves.filter((c) => c.kind === kind && c.points.length > 0);
  if (series.length === 0) return null;
  const W = 420, H = 180, L = 44, B = 26;
  const steps = series.flatMap((s) => s.points.map((p) => p[0]));
  const values = series.flatMap((s) => s.points.map((p) => p[1]));
  const x0 = Math.min(...steps), x1 = Math.max(...steps, x0 + 1);
  const y0 = kind === 'accuracy' ? 0 : Math.min(0, ...values), y1 = kind === 'accuracy' ? 1 : Math.max(...values, 1e-9);
  const title = word(kind === 'loss' ? 'lossChart' : kind === 'accuracy' ? 'accuracyChart' : 'maeChart');
  const x = (s) => L + ((s - x0) / (x1 - x0)) * (W - L - 8);
  const y = (v) => H - B - ((v - y0) / (y1 - y0)) * (H - B - 8);
  const colours = { train: '#1f6fb2', validation: '#b26b00', test: '#2c8a3c' };
  return el(
    'figure',
    {},
    el(
      'svg:svg',
      { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title },
      el('svg:line', { x1: L, y1: H - B, x2: W - 8, y2: H - B, stroke: '#888' }),
      el('svg:line', { x1: L, y1: 8, x2: L, y2: H - B, stroke: '#888' }),
      el('svg:text', { x: L - 4, y: 14, 'text-anchor': 'end', 'font-size': 10 }, num(y1, 3)),
      el('svg:text', { x: L - 4, y: H - B, 'text-anchor': 'end', 'font-size': 10 }, num(y0, 3)),
      el('svg:text', { x: L, y: H - 8, 'font-size': 10 }, num(x0)),
      el('svg:text', { x: W - 8, y: H - 8, 'text-anchor': 'end', 'font-size': 10 }, `${word('step')} ${num(x1)}`),
      series.map((s) => el('svg:polyline', { fill: 'none', stroke: colours[s.split], 'stroke-width': 1.5, points: s.points.map((p) => `${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' ') })),
    ),
    el('figcaption', {}, title, ': ', series.map((s, i) => [i > 0 ? ', ' : '', el('span', { class: `key ${s.split}` }, word(`split-${s.split}`))])),
  );
}

/** A regressor's evaluations: RMSE, MAE (the label's units) and R² per split. */
function regressionMetrics(c) {
  const cell = (e, key) => el('td', { class: 'num' }, e.regression ? num(e.regression[key], 4) : '—');
  return el(
    'table',
    {},
    el('caption', {}, word('regressionCaption', { step: c.globalStep, name: SPEC.target.name })),
    el('thead', {}, el('tr', {}, ['colSplit', 'colRmse', 'colMae', 'colR2', 'colExamples'].map((k) => el('th', { scope: 'col' }, word(k))))),
    el('tbody', {}, c.evaluations.map((e) => el('tr', { 'data-split': e.split }, el('th', { scope: 'row' }, word(`split-${e.split}`)), cell(e, 'rmse'), cell(e, 'mae'), cell(e, 'r2'), el('td', { class: 'num' }, num(e.examples))))),
  );
}

/** The card's baselines line: a classifier's test accuracies, a regressor's test RMSEs. */
function baselinesItem(b, item) {
  if (!b) return null;
  if (b.task === 'regression') return item('baselinesRegression', word('baselinesRegressionLine', { mean: num(b.mean.rmse, 4), linear: num(b.linear.rmse, 4) }));
  return item('baselines', word('baselinesLine', { majority: num(b.majority.accuracy, 4), logistic: num(b.logistic.accuracy, 4), forest: num(b.forest.accuracy, 4) }));
}

function renderCard() {
  const c = SPEC.card;
  const item = (key, ...value) => [el('dt', {}, word(key)), el('dd', {}, ...value)];
  const s = c.settings;
  const t = SPEC.target;
  const metrics = c.evaluations.length === 0 ? el('p', {}, word('noMetrics')) : t ? regressionMetrics(c) : el(
    'table',
    {},
    el('caption', {}, word('metricsCaption', { step: c.globalStep })),
    el('thead', {}, el('tr', {}, ['colSplit', 'colAccuracy', 'colLoss', 'colExamples'].map((k) => el('th', { scope: 'col' }, word(k))))),
    el('tbody', {}, c.evaluations.map((e) => el('tr', { 'data-split': e.split }, el('th', { scope: 'row' }, word(`split-${e.split}`)), el('td', { class: 'num' }, num(e.accuracy, 4)), el('td', { class: 'num' }, num(e.averageLoss, 4)), el('td', { class: 'num' }, num(e.examples))))),
  );
  const b = c.baselines;
  document.getElementById('card-slot').replaceChildren(
    el(
      'section',
      { 'aria-labelledby': 'card-title', 'data-testid': 'program-card' },
      el('h2', { id: 'card-title' }, word('cardTitle')),
      el(
        'dl',
        {},
        item('dataset', c.dataset.name),
        item('rows', word('rowCounts', { train: c.dataset.trainRows, validation: c.dataset.validationRows, test: c.dataset.testRows })),
        c.label !== null && item('label', c.label),
        t ? item('predicts', word('predictsLine', { name: t.name, min: num(t.min, 4), max: num(t.max, 4) })) : item('classes', SPEC.classNames.join(', ')),
        item('network', word('networkShape', { widths: SPEC.network.widths.join(' → '), activation: SPEC.network.activation, parameters: c.parameters })),
        item('settings', word('settingsLine', { optimizer: s.optimizer, lr: s.learningRate, batch: s.batchSize, steps: c.globalStep, seed: s.seed, dropout: s.dropout, l2: s.l2 })),
        c.cv && item('cv', word('cvLine', { folds: c.cv.folds, mean: num(c.cv.accuracy.mean, 4), sd: num(c.cv.accuracy.sd, 4), rows: c.cv.rows })),
        baselinesItem(b, item),
        item('exported', new Intl.DateTimeFormat(state.lang === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(c.exportedAt))),
      ),
      metrics,
      chart('loss'),
      chart(t ? 'mae' : 'accuracy'),
      el('p', { class: 'about' }, word('about')),
    ),
  );
}

// --- the whole page --------------------------------------------------------------------

function render() {
  document.documentElement.lang = state.lang;
  document.title = word('pageTitle', { dataset: SPEC.card.dataset.name });
  const lang = el('select', { id: 'lang', 'data-testid': 'program-language' }, el('option', { value: 'en' }, 'English'), el('option', { value: 'ko' }, '한국어'));
  lang.value = state.lang;
  lang.addEventListener('change', () => ((state.lang = lang.value), render()));
  root.replaceChildren(
    el('header', {}, el('h1', {}, word('heading', { dataset: SPEC.card.dataset.name })), el('label', { for: 'lang' }, word('language')), lang),
    el('main', {}, section('form-title', word(SPEC.encoding === 'pixels' ? 'padTitle' : 'formTitle'), el('div', { id: 'form-slot' }), el('div', { id: 'result-slot' })), el('div', { id: 'batch-slot' }), el('div', { id: 'card-slot' })),
  );
  renderForm();
  if (SPEC.encoding !== 'pixels') renderBatch();
  renderCard();
}

render();
