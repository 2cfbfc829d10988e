/**
 * The README's pictures of the workspace: a laptop (1280 x 800) and a phone (390 x 844), in
 * English and in Korean, after training the Iris tutorial; and a regression (vega-datasets'
 * cars, miles per gallon) on the laptop. Run `npm run screenshots` (it builds first); it
 * writes docs/workspace-<device>-<lang>.png and docs/regression-laptop-en.png. Korean needs a CJK font
 * (Debian's fonts-noto-cjk, which the test command installs) or it renders as boxes.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const PORT = 4179;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const DEVICES = {
  laptop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

// Its own process group, so stopping it stops vite too (npx's child).
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
try {
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://127.0.0.1:${PORT}/`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  for (const [device, options] of Object.entries(DEVICES)) {
    for (const lang of ['en', 'ko']) {
      const page = await browser.newPage(options);
      await page.goto(`http://127.0.0.1:${PORT}/?steps=1000`);
      await page.getByTestId('language').selectOption(lang);
      await page.getByTestId('train').click();
      await page.locator('[data-testid="training-status"][data-state="done"]').waitFor({ timeout: 120_000 });
      await page.getByTestId('boundary-map').waitFor();
      // The form shows a prediction, as a person would try one.
      await page.getByTestId('predict-form').getByRole('button').nth(1).click();
      await page.getByTestId('prediction').waitFor();
      await page.waitForTimeout(500);
      const path = `docs/workspace-${device}-${lang}.png`;
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
      await page.close();
    }
  }
  await regression(browser);
  await browser.close();
} finally {
  stop();
}

/** The cars table as a CSV (vega-datasets ships it as JSON): one column per key of its rows. */
function carsCsv() {
  const rows = JSON.parse(readFileSync('node_modules/vega-datasets/data/cars.json', 'utf8'));
  const keys = Object.keys(rows[0]);
  const cell = (v) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  return [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\n');
}

/** A regressor on a real table: miles per gallon from the cars' specs, after a run, with a prediction. */
async function regression(browser) {
  const page = await browser.newPage(DEVICES.laptop);
  await page.goto(`http://127.0.0.1:${PORT}/?steps=1000`);
  await page.getByTestId('train').waitFor();
  const text = carsCsv();
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'cars.csv', { type: 'text/csv' }));
    return dt;
  }, text);
  const zone = page.getByTestId('csv-drop');
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer });
  await page.getByTestId('label-column').waitFor();
  await page.getByTestId('label-column').selectOption('Miles_per_Gallon');
  await page.waitForFunction(() => document.querySelector('[data-testid="task"]')?.value === 'regression');
  await page.locator('[data-testid="baseline"][data-status="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
  await page.getByTestId('train').click();
  await page.locator('[data-testid="training-status"][data-state="done"]').waitFor({ timeout: 120_000 });
  await page.getByTestId('predicted-vs-actual').waitFor();
  await page.getByTestId('predict-form').getByTestId('predict').click();
  await page.locator('[data-testid="prediction"][data-value]').waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'docs/regression-laptop-en.png' });
  console.log('wrote docs/regression-laptop-en.png');
  await page.close();
}
