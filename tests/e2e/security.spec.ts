/**
 * The hardening promises, checked on the built app as a person uses it:
 * - the Content-Security-Policy is in force and a whole session (train, drop a CSV, predict
 *   a row and a file, download) raises no violation, on each tfjs backend;
 * - nothing leaves the machine: every request of that session is same-origin, blob: or data:;
 * - untrusted CSV text (column names, class names, cells) is only ever text: markup, links,
 *   templates and formulas in it never run, with the CSP and without it, and the predictions
 *   download neutralises spreadsheet formulas while numbers stay numbers.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page, type Request } from '@playwright/test';
import { CATEGORIES, CLASSES, COLUMNS, FEATURES, LABEL, LONG, PAYLOAD, parseCsv, payloadCsv } from './fixtures/payloads';
import { collectErrors, dropFile, openApp, status, trainUntil, openTab } from './page';

declare global {
  interface Window {
    __violations: string[];
    __pwned?: unknown;
  }
}

/** What vite.config.ts puts in the built index.html (the preview also sends it as a header). */
const EXPECTED_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * Record every CSP violation, from before the page's first script runs; returns a reader.
 * The worker's violations fire in the worker, out of the page's listener's reach, but
 * Chromium logs them (and a refused WebAssembly compile) to the console, which Playwright
 * reports on the page, so console lines naming the policy count too.
 */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) logged.push(`console ${message.type()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return async () => [...(await page.evaluate(() => window.__violations)), ...logged];
}

/** Every request the page and its worker make. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request: Request) => urls.push(request.url()));
  return urls;
}

const train = (page: Page) => trainUntil(page, 'done');

/** Download the batch predictions and return the file's text. */
async function downloadPredictions(page: Page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId('download-predictions').click();
  const download = await downloading;
  return readFileSync(await download.path(), 'utf8');
}

/** Plain data for the session: two classes told apart by x, a categorical column. */
function plainCsv(rows: number): string {
  const lines = ['x,y,colour,kind'];
  for (let i = 0; i < rows; i++) {
    const k = i % 2;
    lines.push(`${(k * 4 + (i % 7) / 7).toFixed(2)},${((i * 5) % 11) / 11},${['red', 'green', 'blue'][i % 3]},${k ? 'big' : 'small'}`);
  }
  return lines.join('\n');
}

/**
 * Everything a person does in one visit: Iris is loaded and trained, a row classified;
 * a CSV dropped, its label picked, trained, a row and a file classified, the result downloaded.
 */
async function fullSession(page: Page, backend: 'auto' | 'cpu' | 'webgl' | 'wasm'): Promise<void> {
  // engine=tfjs: training runs tfjs kernels on the backend under test, not the fused JS loops.
  await openApp(page, `?steps=200&engine=tfjs${backend === 'auto' ? '' : `&backend=${backend}`}`);
  // A backend the policy stopped would fall back quietly to the next one.
  if (backend !== 'auto') await expect(page.getByTestId('backend')).toHaveAttribute('data-value', backend, { timeout: 30_000 });
  await train(page);
  const form = page.getByTestId('predict-form');
  for (const [i, v] of ['6.4', '3.2', '4.5', '1.5'].entries()) await form.locator('input').nth(i).fill(v);
  await form.getByTestId('predict').click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-class', /setosa|versicolor|virginica/);

  await dropFile(page, 'csv-drop', 'plain.csv', plainCsv(120));
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-train-rows', '76');
  await page.getByTestId('label-column').selectOption('kind');
  await expect(page.getByTestId('dataset-summary')).toContainText('big / small');
  await train(page);
  await form.locator('input[name="x"]').fill('4.5');
  await form.locator('input[name="y"]').fill('0.5');
  await form.locator('select[name="colour"]').selectOption('blue');
  await form.getByTestId('predict').click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-class', /big|small/);

  await dropFile(page, 'batch-predict', 'new.csv', plainCsv(20));
  await expect(page.getByTestId('batch-score')).toBeVisible();
  const csv = await downloadPredictions(page);
  expect(csv).toContain('predicted class');
  // Hovering a chart draws its readout (placed with inline styles).
  const chart = page.getByTestId('loss-chart');
  await chart.locator('canvas').hover();
  await expect(page.getByTestId('loss-chart-tooltip')).toBeVisible({ timeout: 5_000 });
  // Export the model and import it back (an import starts without curves, so it comes last):
  // downloads and file reads stay on the machine.
  const downloads: { name: string; body: Buffer }[] = [];
  const twoFiles = new Promise<void>((resolve) => {
    const onDownload = async (d: Download) => {
      downloads.push({ name: d.suggestedFilename(), body: readFileSync(await d.path()) });
      if (downloads.length === 2) {
        page.off('download', onDownload);
        resolve();
      }
    };
    page.on('download', onDownload);
  });
  await page.getByTestId('export-model').click();
  await twoFiles;
  await page
    .getByTestId('import-model')
    .locator('input[type=file]')
    .setInputFiles(downloads.map((d) => ({ name: d.name, mimeType: 'application/octet-stream', buffer: d.body })));
  await openTab(page, 'checkpoints');
  await expect(page.getByTestId('checkpoints').locator('tr').first()).toBeVisible();
}

test('the built page carries the CSP, and it blocks what it should', async ({ page }) => {
  const violations = await recordViolations(page);
  const workerScript = page.waitForResponse(/training\.worker-[^/]*\.js$/);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy'], 'vite preview sends it as a header too').toBe(`${EXPECTED_CSP}; frame-ancestors 'none'`);
  // The worker's script carries it as well: a <meta> alone does not reach the worker.
  expect((await workerScript).headers()['content-security-policy']).toBe(`${EXPECTED_CSP}; frame-ancestors 'none'`);
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveAttribute('content', EXPECTED_CSP);
  // The listener is live and the policy bites: inline script and other origins are refused.
  // (Not eval: code run through DevTools, as page.evaluate is, is exempt from the policy.)
  const blocked = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = 1';
    document.body.append(s);
    const img = document.createElement('img');
    img.src = 'https://example.com/pixel.png';
    document.body.append(img);
    const fetched = await fetch('https://example.com/').then(
      () => true,
      () => false,
    );
    await new Promise((r) => setTimeout(r, 200));
    s.remove();
    img.remove();
    return { fetched, pwned: window.__pwned };
  });
  expect(blocked).toEqual({ fetched: false, pwned: undefined });
  const seen = await violations();
  for (const directive of ['script-src-elem', 'img-src', 'connect-src']) {
    expect(seen.some((v) => v.startsWith(directive)), `${directive} violation recorded`).toBe(true);
  }
});

for (const backend of ['auto', 'cpu', 'webgl', 'wasm'] as const) {
  test(`a full session on the ${backend} backend: no CSP violation, nothing leaves the machine`, async ({ page }) => {
    const errors = collectErrors(page);
    const requests = recordRequests(page);
    const violations = await recordViolations(page);
    await fullSession(page, backend);
    expect(await violations()).toEqual([]);

    const origin = new URL(page.url()).origin;
    expect(requests.length).toBeGreaterThan(5);
    const elsewhere = requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin);
    expect(elsewhere, `requests leaving ${origin}`).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('MNIST session: no CSP violation, nothing leaves the machine', async ({ page }) => {
  const errors = collectErrors(page);
  const requests = recordRequests(page);
  const violations = await recordViolations(page);
  await openApp(page, '?dataset=mnist&steps=50');
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-classes', '10');
  await train(page);
  const canvas = page.getByTestId('digit-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('The digit canvas has no box.');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.8, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByTestId('digit-prediction')).toHaveAttribute('data-class', /^[0-9]$/);
  expect(await violations()).toEqual([]);
  const origin = new URL(page.url()).origin;
  expect(requests.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin)).toEqual([]);
  expect(errors).toEqual([]);
});

/** Nothing from the data became markup or ran. */
async function expectNothingRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  // The app's own images are PNG data URLs (MNIST digits); `<img src=x>` would be one from the data.
  await expect(page.locator('img[src="x"], img:not([src^="data:image/png;base64,"])')).toHaveCount(0);
  await expect(page.locator('svg[onload]')).toHaveCount(0);
  await expect(page.locator('[onerror], [onload], [onclick]')).toHaveCount(0);
  await expect(page.locator('script:not([src])')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i], [src^="javascript:" i]')).toHaveCount(0);
}

/**
 * Load, pick the label, train, predict a row and a file of payloads; returns the download.
 * Asserts along the way that each payload is on the page as text.
 */
async function payloadSession(page: Page): Promise<string> {
  await openApp(page, '?steps=200');
  await dropFile(page, 'csv-drop', 'payloads.csv', payloadCsv(150).csv);
  const summary = page.getByTestId('dataset-summary');
  await expect(summary).toHaveAttribute('data-train-rows', '96');
  const label = page.getByTestId('label-column');
  await label.selectOption(LABEL);
  await expect(label).toHaveValue(LABEL);
  await expect(summary).toHaveAttribute('data-classes', '3');
  await expect(summary).toHaveAttribute('data-features', String(FEATURES.length));
  // Column names and class names are shown as the very characters of the file.
  await expect(summary).toContainText(CLASSES.join(' / '));
  for (const f of FEATURES) await expect(summary).toContainText(f.name);
  for (const text of [PAYLOAD.img, PAYLOAD.svg, PAYLOAD.script, PAYLOAD.template, PAYLOAD.formula, PAYLOAD.rtl, PAYLOAD.javascriptUrl]) {
    await expect(page.getByText(text, { exact: false }).filter({ visible: true }).first()).toBeVisible();
  }
  await expectNothingRan(page);

  await train(page);
  // The form has one field per feature, in column order, named exactly as the columns are.
  const form = page.getByTestId('predict-form');
  const fields = form.locator('input[name], select[name]');
  await expect(fields).toHaveCount(FEATURES.length);
  for (const [i, f] of FEATURES.entries()) {
    expect(await fields.nth(i).getAttribute('name')).toBe(f.name);
    if (f.kind === 'categorical') {
      // The select's options are the categories, as text.
      expect((await fields.nth(i).locator('option').allTextContents()).sort()).toEqual([...CATEGORIES].sort());
      await fields.nth(i).selectOption(PAYLOAD.javascriptUrl);
    }
  }
  // A row of class 1 (the second class): first feature near 3, second near 8, third near 5.
  await fields.nth(0).fill('3.4');
  await fields.nth(1).fill('8.3');
  await fields.nth(2).fill('5.5');
  await fields.nth(4).fill('-0.5');
  await form.getByTestId('predict').click();
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toHaveAttribute('data-class', CLASSES[1]);
  await expect(prediction).toContainText(CLASSES[1]);
  await expectNothingRan(page);

  const batch = payloadCsv(30, 1000);
  await dropFile(page, 'batch-predict', 'payload-rows.csv', batch.csv);
  await expect(page.getByTestId('batch-score')).toBeVisible();
  // The 10,000-character cell is in the preview whole, as one text node.
  const longCells = await page.locator('td').evaluateAll((tds, long) => tds.filter((td) => td.textContent === long).length, LONG);
  expect(longCells).toBeGreaterThan(0);
  await expectNothingRan(page);
  return downloadPredictions(page);
}

/** The download: formulas neutralised, numbers and every other character kept. */
function checkDownload(text: string): void {
  const records = parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
  const [header, ...rows] = records;
  const batch = payloadCsv(30, 1000);
  expect(rows).toHaveLength(batch.rows.length);
  // Original columns first, the formula-like name escaped with a leading quote.
  const escape = (s: string) => (/^[=+\-@\t\r']/.test(s) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? `'${s}` : s);
  expect(header.slice(0, COLUMNS.length)).toEqual(COLUMNS.map(escape));
  expect(header[COLUMNS.indexOf(PAYLOAD.formula)]).toBe(`'${PAYLOAD.formula}`);
  expect(header.slice(COLUMNS.length)).toEqual(['predicted class', ...CLASSES.map((c) => `P(${c})`)]);
  for (const [r, row] of rows.entries()) {
    // Numbers (negative ones included) are exactly as in the file; text cells escaped when formula-like.
    expect(row.slice(0, COLUMNS.length)).toEqual(batch.rows[r].map(escape));
    // Nothing a spreadsheet would evaluate is left, except plain numbers.
    for (const cell of row) {
      if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)), `cell ${JSON.stringify(cell)}`).toBe(true);
    }
    expect(CLASSES.map(escape)).toContain(row[COLUMNS.length]);
    const probabilities = row.slice(COLUMNS.length + 1).map(Number);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  }
  // Negative numbers came through as numbers, not as escaped text.
  expect(rows.some((row) => row[4].startsWith('-') && Number(row[4]) < 0)).toBe(true);
  // A formula cell and a formula class: escaped.
  expect(rows.some((row) => row[3] === `'${PAYLOAD.minusFormula}`)).toBe(true);
  expect(rows.some((row) => row[COLUMNS.length] === `'${PAYLOAD.formula}`)).toBe(true);
}

test('untrusted CSV text is only text (with the CSP)', async ({ page }) => {
  const errors = collectErrors(page);
  const requests = recordRequests(page);
  const violations = await recordViolations(page);
  const download = await payloadSession(page);
  checkDownload(download);
  await expectNothingRan(page);
  expect(await violations()).toEqual([]);
  // `<img src=x>` never became an image: no request for /x.
  expect(requests.filter((url) => /\/x$/.test(url))).toEqual([]);
  expect(await status(page).getAttribute('data-state')).toBe('done');
  expect(errors).toEqual([]);
});

/**
 * The bug this caught: PredictPanel kept the form's values in a plain object keyed by column
 * name, so an untouched field named `__proto__` showed "[object Object]" and one named
 * `constructor` sent the Object function to the worker (DataCloneError). Now a Map.
 */
test('form fields named __proto__ and constructor start empty and predict', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=100');
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
  const lines = [`${names.join(',')},label`];
  for (let i = 0; i < 60; i++) lines.push(`${(i % 2) * 3 + (i % 7) / 7},${(i % 5) / 5},${i % 3},${(i % 4) / 4},${i % 2 ? 'p' : 'q'}`);
  await dropFile(page, 'csv-drop', 'names.csv', lines.join('\n'));
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-features', '4');
  await train(page);
  const inputs = page.getByTestId('predict-form').locator('input');
  expect(await inputs.evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value]))).toEqual(names.map((n) => [n, '']));
  await page.getByTestId('predict').click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-class', /^[pq]$/, { timeout: 10_000 });
  expect(errors).toEqual([]);
});

test.describe('without the CSP', () => {
  // The CSP is the second line of defence; rendering the data as text must hold on its own.
  test.use({ bypassCSP: true });

  test('untrusted CSV text is only text (CSP bypassed)', async ({ page }) => {
    const errors = collectErrors(page);
    const requests = recordRequests(page);
    const download = await payloadSession(page);
    checkDownload(download);
    await expectNothingRan(page);
    expect(requests.filter((url) => /\/x$/.test(url))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
