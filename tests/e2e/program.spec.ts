/**
 * The judging program (#17) as a person uses it: train, click "Download the judging
 * program", open the file from the disk (file://) with the network cut, and judge the same
 * rows as the app: the probabilities equal the app's (within 1e-6), a file of rows gives
 * the app's own predictions CSV, hostile names stay text, and the file makes no request and
 * raises no CSP violation.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type BrowserContext, type Download, type Page } from '@playwright/test';
import { CLASSES, LABEL, payloadCsv } from './fixtures/payloads';
import { collectErrors, dropFile, openApp, predictSample, status, trainUntil } from './page';

declare global {
  interface Window {
    __violations: string[];
    __pwned?: unknown;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'program-'));

/** Click the export button and keep the file; returns its path and name. */
async function downloadProgram(page: Page): Promise<{ path: string; name: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-program').click();
  const download: Download = await downloading;
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
}

/**
 * The file opened from the disk in a new page of `context`, every request other than the
 * file itself recorded and refused, CSP violations and console errors recorded.
 */
async function openProgram(context: BrowserContext, path: string) {
  const url = pathToFileURL(path).href;
  const requests: string[] = [];
  await context.route('**', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await expect(page.getByTestId('program-card')).toBeVisible();
  return { page, requests, errors, violations: () => page.evaluate(() => window.__violations) };
}

async function judge(page: Page): Promise<{ cls: string; probs: number[] }> {
  const prediction = page.getByTestId('program-prediction');
  const before = (await prediction.count()) > 0 ? await prediction.getAttribute('data-probabilities') : null;
  await page.getByTestId('program-predict').click();
  await expect(prediction).toBeVisible();
  if (before !== null) await expect(prediction).not.toHaveAttribute('data-probabilities', before);
  return { cls: (await prediction.getAttribute('data-class')) ?? '', probs: JSON.parse((await prediction.getAttribute('data-probabilities')) ?? '[]') as number[] };
}

function expectSame(program: { cls: string; probs: number[] }, app: { cls: string; probs: number[] }): void {
  expect(program.cls).toBe(app.cls);
  expect(program.probs).toHaveLength(app.probs.length);
  program.probs.forEach((p, i) => expect(Math.abs(p - app.probs[i])).toBeLessThan(1e-6));
}

test.afterEach(async ({ context }) => {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
});

test('Iris: the downloaded program judges [6.4, 3.2, 4.5, 1.5] as the app does, offline', async ({ page, context }) => {
  const appErrors = collectErrors(page);
  await openApp(page, '?steps=300');
  await trainUntil(page, 'done');
  const sample = [6.4, 3.2, 4.5, 1.5];
  const app = await predictSample(page, sample);
  const file = await downloadProgram(page);
  expect(file.name).toBe('iris-tf-estimator-tutorial-classifier.html');
  expect(statSync(file.path).size).toBeLessThan(40_000);
  expect(readFileSync(file.path, 'utf8')).not.toMatch(/tensorflow\/tfjs|react-dom/);

  const program = await openProgram(context, file.path);
  const form = program.page.getByTestId('program-form');
  const names = ['sepal length', 'sepal width', 'petal length', 'petal width'];
  await expect(form.locator('[name]')).toHaveCount(4);
  for (const [i, name] of names.entries()) await form.locator(`[name="${name}"]`).fill(String(sample[i]));
  expectSame(await judge(program.page), app);
  await expect(program.page.getByTestId('program-prediction').locator('li')).toHaveCount(3);

  // An out-of-range value is flagged; a word is refused next to its field, and the prediction goes.
  await form.locator('[name="sepal length"]').fill('60');
  await judge(program.page);
  await expect(form.locator('[name="sepal length"]')).toHaveAttribute('data-out-of-range', 'true');
  await form.locator('[name="sepal width"]').fill('wide');
  await program.page.getByTestId('program-predict').click();
  await expect(form.locator('[name="sepal width"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toContainText('sepal width');
  await expect(program.page.getByTestId('program-prediction')).toHaveCount(0);

  // The card, in English and in Korean; the typed values survive the switch.
  const card = program.page.getByTestId('program-card');
  await expect(card).toContainText('Iris (tf.estimator tutorial)');
  await expect(card).toContainText('setosa, versicolor, virginica');
  await expect(card.locator('svg')).toHaveCount(2);
  await expect(card.locator('figcaption').first()).toHaveText('Loss by step: training, test');
  await expect(card).not.toContainText(/false|undefined|object/);
  await expect(card.locator('dt')).toHaveCount(await card.locator('dd').count());
  await expect(card.locator('tr[data-split="test"]')).toBeVisible();
  await program.page.getByTestId('program-language').selectOption('ko');
  await expect(card).toContainText('모델 카드');
  await expect(program.page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(form.locator('[name="sepal width"]')).toHaveValue('wide');

  expect(program.requests).toEqual([]);
  expect(await program.violations()).toEqual([]);
  expect(program.errors).toEqual([]);
  expect(appErrors).toEqual([]);
});

/** payloadCsv's hostile rows with gaps: an empty or NA number, a missing category. */
function gappy(count: number, offset = 0): string {
  const { rows } = payloadCsv(count, offset);
  const header = payloadCsv(0).csv.split('\n')[0];
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const lines = rows.map((r, i) => {
    const cells = r.slice();
    if (i % 6 === 1) cells[1] = '';
    if (i % 6 === 4) cells[4] = 'NA';
    if (i % 5 === 2) cells[3] = '';
    return cells.map(quote).join(',');
  });
  return [header, ...lines].join('\n');
}

test('a dropped CSV with categorical, missing and hostile names: the same judgements and the same CSV', async ({ page, context }) => {
  await openApp(page, '?steps=200&patience=0');
  await dropFile(page, 'csv-drop', 'hostile.csv', gappy(90));
  await page.getByTestId('label-column').selectOption(LABEL);
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-classes', '3');
  await trainUntil(page, 'done');

  // One row typed into the app's form: a gap in a number, a category chosen.
  const typed = ['3.4', '', '1.2', null, '-0.5'];
  const appForm = page.getByTestId('predict-form');
  const appFields = appForm.locator('input, select');
  await expect(appFields).toHaveCount(5);
  const category = await appFields.nth(3).locator('option').nth(1).getAttribute('value');
  for (const [i, v] of typed.entries()) {
    if (v === null) await appFields.nth(3).selectOption(category ?? '');
    else await appFields.nth(i).fill(v);
  }
  await appForm.getByTestId('predict').click();
  const prediction = page.getByTestId('prediction');
  await expect(prediction).toBeVisible();
  const app = { cls: (await prediction.getAttribute('data-class')) ?? '', probs: JSON.parse((await prediction.getAttribute('data-probabilities')) ?? '[]') as number[] };
  expect(CLASSES as readonly string[]).toContain(app.cls);

  // The app's predictions CSV of a file of rows.
  const rows = gappy(25, 500);
  await dropFile(page, 'batch-predict', 'rows.csv', rows);
  const appDownload = page.waitForEvent('download');
  await page.getByTestId('download-predictions').click();
  const appCsv = readFileSync(await (await appDownload).path(), 'utf8');

  const file = await downloadProgram(page);
  const html = readFileSync(file.path, 'utf8');
  expect(html.split('</script>')).toHaveLength(2);
  expect(html).not.toContain('<img');
  const program = await openProgram(context, file.path);
  const fields = program.page.getByTestId('program-form').locator('input, select');
  await expect(fields).toHaveCount(5);
  for (const [i, v] of typed.entries()) {
    if (v === null) await fields.nth(3).selectOption(category ?? '');
    else await fields.nth(i).fill(v);
  }
  expectSame(await judge(program.page), app);

  // The same file of rows: the same CSV, to the byte (formula payloads written as text).
  const chooser = program.page.getByTestId('program-batch');
  await chooser.setInputFiles({ name: 'rows.csv', mimeType: 'text/csv', buffer: Buffer.from(rows) });
  await expect(program.page.getByTestId('program-batch-table').locator('tbody tr')).toHaveCount(25);
  const programDownload = program.page.waitForEvent('download');
  await program.page.getByTestId('program-download').click();
  const programCsv = readFileSync(await (await programDownload).path(), 'utf8');
  expect(programCsv).toBe(appCsv);
  expect(programCsv).toContain(`'=cmd`);

  // Names from the data are text on the page; nothing in them ran.
  await expect(program.page.getByTestId('program-card')).toContainText(LABEL);
  await expect(program.page.getByTestId('program-prediction')).toHaveAttribute('data-class', app.cls);
  expect(await program.page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await program.page.locator('img, iframe, object, embed').count()).toBe(0);
  expect(program.requests).toEqual([]);
  expect(await program.violations()).toEqual([]);
  expect(program.errors).toEqual([]);
});

test('MNIST: the program holds the 784-128-32-10 network under 1 MB and reads a drawn digit offline', async ({ page, context }) => {
  await openApp(page, '?dataset=mnist&steps=100');
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-classes', '10');
  // The run's end, not its state word: on a loaded machine the page may restart a slow worker,
  // which re-opens the model at its step (idle); the program is exported from that model.
  await page.getByTestId('train').click();
  await expect(status(page)).toHaveAttribute('data-step', '100', { timeout: 200_000 });
  await expect(status(page)).toHaveAttribute('data-state', /^(done|idle)$/, { timeout: 200_000 });
  const file = await downloadProgram(page);
  expect(file.name).toMatch(/^mnist.*-classifier\.html$/);
  expect(statSync(file.path).size).toBeLessThan(1_000_000);
  const program = await openProgram(context, file.path);
  const pad = program.page.getByTestId('program-digit');
  const box = await pad.boundingBox();
  if (!box) throw new Error('The pad has no box.');
  await program.page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.15);
  await program.page.mouse.down();
  await program.page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.85, { steps: 20 });
  await program.page.mouse.up();
  const prediction = program.page.getByTestId('program-prediction');
  await expect(prediction).toHaveAttribute('data-class', /^\d$/);
  const probs = JSON.parse((await prediction.getAttribute('data-probabilities')) ?? '[]') as number[];
  expect(probs).toHaveLength(10);
  expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  await expect(program.page.getByTestId('program-card')).toContainText('784 → 128 → 32 → 10');
  expect(program.requests).toEqual([]);
  expect(await program.violations()).toEqual([]);
  expect(program.errors).toEqual([]);
});
