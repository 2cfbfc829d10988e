#!/usr/bin/env node
// `npm run bench`: serve the built app, drive Debian's Chromium headless, and print
// how fast the Iris tutorial run (2000 steps) trains on each tfjs backend, measured
// in the page from the click on Train to the run's end. Numbers, not assertions:
// this machine is shared and noisy, so read them side by side from one run.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const PORT = 4180;
const BASE = `http://127.0.0.1:${PORT}`;
const REF_PORT = 4181;
const REF_BASE = `http://127.0.0.1:${REF_PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];
const STEPS = Number(process.env.BENCH_STEPS ?? 2000);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'webgl,wasm,cpu').split(',');

async function waitForServer(url, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** One run in a fresh page: times measured inside the page with performance.now(). */
async function runOnce(browser, query) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${BASE}/${query}`);
  await page.locator('[data-testid=train]:enabled').waitFor({ timeout: 120_000 });
  const backend = await page.getByTestId('backend').getAttribute('data-value');
  const result = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const longTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask' });
        const status = document.querySelector('[data-testid=training-status]');
        const chart = document.querySelector('[data-testid=loss-chart]');
        let firstPoint = null;
        let updates = 0;
        const t0 = performance.now();
        const check = () => {
          updates++;
          if (firstPoint === null && Number(chart.getAttribute('data-points')) > 0) firstPoint = performance.now() - t0;
          const state = status.getAttribute('data-state');
          if (state === 'done' || state === 'error' || state === 'stopped') {
            observer.disconnect();
            resolve({
              ms: performance.now() - t0,
              state,
              step: Number(status.getAttribute('data-step')),
              firstPoint,
              updates,
              longTasks,
              accuracy: document.querySelector('[data-testid=test-accuracy]').getAttribute('data-value'),
            });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-state', 'data-step', 'data-points'] });
        document.querySelector('[data-testid=train]').click();
      }),
  );
  await page.close();
  return { backend, ...result, errors };
}

/** The plain-tfjs reference (bench/reference.worker.ts): tf.sequential + model.fit on one backend. */
async function reference(browser, backend) {
  const page = await browser.newPage();
  await page.goto(`${REF_BASE}/reference.html?backend=${backend}&steps=${STEPS}`);
  await page.locator('#result:not([data-state=running])').waitFor({ timeout: 600_000 });
  const result = JSON.parse(await page.locator('#result').innerText());
  await page.close();
  return result;
}

const preview = (port, config) =>
  spawn('npx', ['vite', 'preview', ...(config ? ['-c', config] : []), '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
const server = preview(PORT);
const refServer = preview(REF_PORT, 'vite.bench.config.ts');
try {
  await Promise.all([waitForServer(BASE), waitForServer(`${REF_BASE}/reference.html`)]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  console.log(`Iris tutorial network 4-10-20-10-3, batch 128, Adagrad, ${STEPS} steps, headless Chromium (${(await browser.version())})`);
  const refs = {};
  for (const name of BACKENDS) refs[name] = await reference(browser, name);
  const fastestRef = Math.max(...Object.values(refs).map((r) => (r.error ? 0 : (r.steps / r.ms) * 1000)));
  console.log('\nplain tfjs (tf.sequential + model.fit in a worker):');
  console.log('backend  | steps/s | ms');
  for (const name of BACKENDS) {
    const r = refs[name];
    console.log(`${name.padEnd(8)} | ${String(Math.round((r.steps / r.ms) * 1000)).padStart(7)} | ${r.ms.toFixed(0)}${r.error ? ` error: ${r.error}` : ''}${r.backend !== name ? ` (fell back to ${r.backend})` : ''}`);
  }
  console.log(`\nthis app (click on Train -> done; ratio = steps/s over the fastest plain-tfjs backend, ${Math.round(fastestRef)} steps/s):`);
  console.log('backend  | steps/s | ratio | click->done ms | first point ms | long tasks (max / total ms) | test accuracy');
  console.log('---------|---------|-------|----------------|----------------|-----------------------------|--------------');
  for (const name of BACKENDS) {
    const r = await runOnce(browser, `?backend=${name}&steps=${STEPS}`);
    const max = r.longTasks.length ? Math.max(...r.longTasks) : 0;
    const total = r.longTasks.reduce((a, b) => a + b, 0);
    const note = r.backend !== name ? ` (fell back to ${r.backend})` : '';
    console.log(
      `${name.padEnd(8)} | ${String(Math.round((r.step / r.ms) * 1000)).padStart(7)} | ${((r.step / r.ms) * 1000 / fastestRef).toFixed(2).padStart(5)} | ${r.ms.toFixed(0).padStart(14)} | ` +
        `${(r.firstPoint ?? NaN).toFixed(0).padStart(14)} | ${`${max.toFixed(0)} / ${total.toFixed(0)}`.padStart(27)} | ${Number(r.accuracy).toFixed(4)}${note}` +
        (r.state !== 'done' ? ` [${r.state}]` : '') +
        (r.errors.length ? ` errors: ${r.errors.join('; ')}` : ''),
    );
  }
  await browser.close();
} finally {
  server.kill();
  refServer.kill();
}
