#!/usr/bin/env node
// `npm run bench`: serve the built app and the plain-tfjs reference page, drive
// Debian's Chromium headless, and print side by side, for the Iris and the MNIST
// runs (2000 steps each): steps/s of the app per backend (the median of BENCH_REPEAT runs) and of plain tfjs
// (tf.sequential + model.fit in a worker) per backend, the ratio, time to the first
// chart point, main-thread long tasks, worker messages per second, Stop latency,
// tensor counts, and the gzip size of the JavaScript loaded before Train.
// Numbers, not assertions: this machine is shared and noisy.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { writeFullSizeMnist } from './mnist-full-size.mjs';

// BENCH_PORT / BENCH_DIST: another port and build directory (a machine shared with other builds).
const PORT = Number(process.env.BENCH_PORT ?? 4180);
const BASE = `http://127.0.0.1:${PORT}`;
const REF_PORT = PORT + 1;
const DIST = process.env.BENCH_DIST;
/** BENCH_ONLY=overhead: only the fixed cost of a short MNIST run; BENCH_ONLY=epoch: only the full-size MNIST epoch (no reference page, no other case). BENCH_EPOCH=0 skips the epoch in the full bench. */
const ONLY = process.env.BENCH_ONLY;
const REF_BASE = `http://127.0.0.1:${REF_PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];
const STEPS = Number(process.env.BENCH_STEPS ?? 2000);
/** Runs per row of the app's table, each in a fresh page: the row shows the median run and the range (one run moved by 30 % on this shared machine). */
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'webgl,wasm,cpu').split(',');
const DATASETS = (process.env.BENCH_DATASETS ?? 'iris,mnist').split(',').filter((d) => d === 'iris' || d === 'mnist');

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

/** Counts the messages the page receives from its workers. */
const COUNT_MESSAGES = () => {
  window.__workerMessages = 0;
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => window.__workerMessages++);
    }
  };
};

async function openApp(browser, query) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(COUNT_MESSAGES);
  await page.goto(`${BASE}/${query}`);
  await page.locator('[data-testid=train][aria-disabled=false]').waitFor({ timeout: 120_000 });
  // The data set's baselines are computed after it loads, on the other core: wait for them, so a run times training alone.
  await page.locator('[data-testid=dataset-summary]:not([data-baselines=computing])').waitFor({ state: 'attached', timeout: 120_000 });
  return { page, errors };
}

const attr = (page, id, name) => page.getByTestId(id).getAttribute(name);

/** One run in a fresh page: times measured inside the page with performance.now(). */
async function runOnce(browser, query) {
  const { page, errors } = await openApp(browser, query);
  const backend = await attr(page, 'backend', 'data-value');
  const engine = await attr(page, 'engine', 'data-value');
  // The worker runs the SIMD kernels wherever this module validates (src/ml/fast/simd.ts's probe).
  const simd = await page.evaluate(() => WebAssembly.validate(Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11)));
  const tensorsBefore = Number(await attr(page, 'tensor-count', 'data-value'));
  const result = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const longTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask' });
        const status = document.querySelector('[data-testid=training-status]');
        const chart = document.querySelector('[data-testid=loss-chart]');
        let firstPoint = null;
        const messagesBefore = window.__workerMessages;
        const t0 = performance.now();
        const check = () => {
          if (firstPoint === null && Number(chart.getAttribute('data-points')) > 0) firstPoint = performance.now() - t0;
          const state = status.getAttribute('data-state');
          if (state === 'done' || state === 'error' || state === 'stopped') {
            observer.disconnect();
            const ms = performance.now() - t0;
            resolve({
              ms,
              state,
              step: Number(status.getAttribute('data-step')),
              firstPoint,
              messagesPerSecond: ((window.__workerMessages - messagesBefore) / ms) * 1000,
              longTasks,
              accuracy: Number(document.querySelector('[data-testid=test-accuracy]').getAttribute('data-value')),
            });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-state', 'data-step', 'data-points'] });
        document.querySelector('[data-testid=train]').click();
      }),
  );
  const tensorsAfter = Number(await attr(page, 'tensor-count', 'data-value'));
  await page.getByTestId('reset').click();
  await page.locator('[data-testid=training-status][data-step="0"]').waitFor();
  await page.waitForTimeout(200);
  const tensorsReset = Number(await attr(page, 'tensor-count', 'data-value'));
  await page.close();
  return { backend, engine, simd, ...result, tensors: `${tensorsBefore}/${tensorsAfter}/${tensorsReset}`, errors };
}

/** Milliseconds from clicking Stop to the page showing the run stopped. */
async function stopLatency(browser, query) {
  const { page } = await openApp(browser, query);
  await page.getByTestId('train').click();
  await page.locator('[data-testid=training-status][data-state=training]').waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=training-status]').getAttribute('data-step')) > 0);
  const ms = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const status = document.querySelector('[data-testid=training-status]');
        const t0 = performance.now();
        new MutationObserver(() => {
          if (status.getAttribute('data-state') === 'stopped') resolve(performance.now() - t0);
        }).observe(status, { attributes: true });
        document.querySelector('[data-testid=stop]').click();
      }),
  );
  await page.close();
  return ms;
}

/**
 * #15's fixed cost of a run: click -> done of a 200-step MNIST run minus the time of its
 * steps. The steps' time is read off the run itself: the page shows the step as chunks
 * end, so from the first step shown (s1 at t1) to step 200 shown (at t200) the steps ran
 * at (t200 - t1) / (200 - s1) each, and 200 of them take 200 times that. What is left is
 * the start of the run, the final evaluation of the 10,000 held digits and the run's last
 * messages: whatever a run pays that is not a step. `runs` runs in one page (Train again
 * goes on from its step), with a pause between them so one run's end-of-run checkpoint is
 * not in the next one's time.
 */
async function fixedOverhead(browser, runs = Number(process.env.BENCH_RUNS ?? 3)) {
  const { page } = await openApp(browser, '?dataset=mnist&steps=200');
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const status = document.querySelector('[data-testid=training-status]');
          const start = Number(status.getAttribute('data-step'));
          const seen = [];
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            const step = Number(status.getAttribute('data-step')) - start;
            const now = performance.now() - t0;
            if (step > 0 && (seen.length === 0 || seen[seen.length - 1].step !== step)) seen.push({ step, now });
            if (status.getAttribute('data-state') === 'done') {
              observer.disconnect();
              resolve({ ms: now, seen });
            }
          });
          observer.observe(status, { attributes: true });
          document.querySelector('[data-testid=train]').click();
        }),
    );
    const first = r.seen[0];
    const last = r.seen.filter((p) => p.step === 200)[0] ?? r.seen[r.seen.length - 1];
    const perStep = last.step > first.step ? (last.now - first.now) / (last.step - first.step) : NaN;
    const stepsMs = perStep * 200;
    results.push({ ms: r.ms, stepsMs, overhead: r.ms - stepsMs, afterLast: r.ms - last.now });
    await page.waitForTimeout(1500);
  }
  await page.close();
  return results;
}

/**
 * #15: seconds per epoch of MNIST at its full size, 55,000 training digits (550 steps of
 * 100), click to done, default backend and engine. The IDX files are made from the shipped
 * digits with one-pixel shifts (scripts/mnist-full-size.mjs) and dropped on the page as a
 * person drops the originals; the run starts once the data set's baselines are done.
 */
async function fullEpoch(browser) {
  const files = writeFullSizeMnist(process.cwd(), join(tmpdir(), 'bench-mnist-full-size'));
  const { page, errors } = await openApp(browser, '?dataset=mnist&steps=550');
  await page.getByTestId('idx-drop').locator('input[type=file]').setInputFiles(files);
  await page.locator('[data-testid=dataset-summary][data-train-rows="55000"]').waitFor({ state: 'attached', timeout: 300_000 });
  await page.locator('[data-testid=train][aria-disabled=false]').waitFor({ timeout: 300_000 });
  await page.locator('[data-testid=dataset-summary]:not([data-baselines=computing])').waitFor({ state: 'attached', timeout: 900_000 });
  const backend = await attr(page, 'backend', 'data-value');
  const engine = await attr(page, 'engine', 'data-value');
  const r = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const status = document.querySelector('[data-testid=training-status]');
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          const state = status.getAttribute('data-state');
          if (state !== 'done' && state !== 'error' && state !== 'stopped') return;
          observer.disconnect();
          resolve({ ms: performance.now() - t0, state, step: Number(status.getAttribute('data-step')), accuracy: Number(document.querySelector('[data-testid=test-accuracy]').getAttribute('data-value')) });
        });
        observer.observe(status, { attributes: true });
        document.querySelector('[data-testid=train]').click();
      }),
  );
  await page.close();
  return { ...r, backend, engine, errors };
}

/** The plain-tfjs reference (bench/reference.worker.ts): tf.sequential + model.fit on one backend. */
async function reference(browser, dataset, backend) {
  const page = await browser.newPage();
  await page.goto(`${REF_BASE}/reference.html?backend=${backend}&dataset=${dataset}&steps=${STEPS}`);
  await page.locator('#result:not([data-state=running])').waitFor({ timeout: 900_000 });
  const result = JSON.parse(await page.locator('#result').innerText());
  await page.close();
  return result;
}

/** gzip size of the JavaScript and CSS index.html loads before anyone clicks Train. */
function initialBundle() {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let gzip = 0;
  let tfjs = false;
  for (const f of files) {
    const body = readFileSync(`dist/${f}`);
    gzip += gzipSync(body).length;
    // Strings only tfjs's own code carries (the kernel registry, the WebGL flags).
    if (/registerKernel|WEBGL_VERSION/.test(body.toString('utf8')) && f.endsWith('.js')) tfjs = true;
  }
  return { files, gzip, tfjs };
}

/** A synthetic CSV of `rows` x `cols` (numbers, then a 3-class label). */
function syntheticCsv(rows, cols) {
  const lines = [[...Array.from({ length: cols - 1 }, (_, c) => `f${c + 1}`), 'label'].join(',')];
  for (let r = 0; r < rows; r++) {
    const k = r % 3;
    const cells = Array.from({ length: cols - 1 }, (_, c) => (k * 2 + ((r * 31 + c * 17) % 100) / 50).toFixed(3));
    lines.push(`${cells.join(',')},class${k}`);
  }
  return Buffer.from(lines.join('\n'));
}

/** Load a 100,000 x 20 CSV through the file input: time to the preview, and main-thread long tasks meanwhile. */
async function csvLoad(browser) {
  const csv = syntheticCsv(100_000, 20);
  const { page } = await openApp(browser, '');
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: 'longtask' });
    window.__t0 = performance.now();
  });
  // From a file on disk: a buffer would be decoded in the page by Playwright itself, a long task of its own.
  const path = join(tmpdir(), 'bench-100k-x-20.csv');
  writeFileSync(path, csv);
  await page.getByTestId('csv-drop').locator('input[type=file]').setInputFiles(path);
  // A stratified 20 % test split of 100,000 rows leaves about 80,000, and 20 % of those go to validation: about 64,000 train.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=dataset-summary]')?.getAttribute('data-train-rows')) > 60_000, null, { timeout: 300_000 });
  const r = await page.evaluate(() => ({ ms: performance.now() - window.__t0, longTasks: window.__longTasks }));
  await page.close();
  return { ...r, mb: csv.length / 1024 / 1024 };
}

/**
 * Load a wide CSV (`cols` columns x `rows` rows, the column limit by default): time until the
 * summary shows every feature and the prediction form holds a field for each, and the
 * main-thread long tasks meanwhile (issue 19: 5,000 columns took about 35 s before).
 */
async function wideLoad(browser, cols, rows) {
  const csv = syntheticCsv(rows, cols);
  const { page } = await openApp(browser, '');
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: 'longtask' });
    window.__t0 = performance.now();
  });
  const path = join(tmpdir(), `bench-${rows}-x-${cols}.csv`);
  writeFileSync(path, csv);
  await page.getByTestId('csv-drop').locator('input[type=file]').setInputFiles(path);
  await page.waitForFunction((n) => document.querySelector('[data-testid=dataset-summary]')?.getAttribute('data-features') === String(n), cols - 1, { timeout: 300_000 });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=predict-form] input').length === n, cols - 1, { timeout: 300_000 });
  const r = await page.evaluate(() => ({ ms: performance.now() - window.__t0, longTasks: window.__longTasks }));
  await page.close();
  return { ...r, mb: csv.length / 1024 / 1024 };
}

const pad = (v, n) => String(v).padStart(n);

function printEpoch(e) {
  const problems = `${e.state !== 'done' ? ` [${e.state}]` : ''}${e.errors.length ? ` errors: ${e.errors.join('; ')}` : ''}`;
  console.log(
    `Full-size MNIST (55,000 training digits: the shipped 10,000 and shifted copies), one epoch = ${e.step} steps of 100 on ${e.backend} / ${e.engine}: ` +
      `${(e.ms / 1000).toFixed(1)} s per epoch (${Math.round((e.step / e.ms) * 1000)} steps/s), test precision ${e.accuracy.toFixed(4)} (on shifted copies, not held out)${problems}`,
  );
}
const rate = (steps, ms) => (steps / ms) * 1000;

// Its own process group, so stopping it stops vite too (npx's child), not only npx: a server
// left behind would answer the next bench run's port with this run's build.
const preview = (port, config) =>
  spawn('npx', ['vite', 'preview', ...(config ? ['-c', config] : DIST ? ['--outDir', DIST] : []), '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
const stop = (child) => {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
for (const url of ONLY ? [BASE] : [BASE, REF_BASE]) {
  const busy = await fetch(url).then(() => true, () => false);
  if (busy) {
    console.error(`${url} already answers: another server would be measured instead of this build. Stop it first.`);
    process.exit(1);
  }
}
const server = preview(PORT);
// The reference page only for the full bench (BENCH_ONLY uses one port only).
const refServer = ONLY ? null : preview(REF_PORT, 'vite.bench.config.ts');
try {
  await Promise.all([waitForServer(BASE), ...(refServer ? [waitForServer(`${REF_BASE}/reference.html`)] : [])]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  if (ONLY === 'epoch') printEpoch(await fullEpoch(browser));
  else if (ONLY === 'overhead') {
    for (const r of await fixedOverhead(browser)) {
      console.log(`MNIST 200 steps: click -> done ${r.ms.toFixed(0)} ms, steps ${r.stepsMs.toFixed(0)} ms, fixed cost ${r.overhead.toFixed(0)} ms (step 200 shown -> done ${r.afterLast.toFixed(0)} ms)`);
    }
  } else {
    const bundle = initialBundle();
    console.log(`Headless Chromium ${await browser.version()}, ${STEPS} steps per run, ${new Date().toISOString().slice(0, 10)}`);
    console.log(`JavaScript + CSS before Train: ${(bundle.gzip / 1024).toFixed(1)} KB gzip in ${bundle.files.length} files; tfjs in it: ${bundle.tfjs ? 'YES' : 'no'}`);
    if (process.env.BENCH_CSV !== '0') {
      const c = await csvLoad(browser);
      const max = c.longTasks.length ? Math.max(...c.longTasks) : 0;
      const total = c.longTasks.reduce((a, v) => a + v, 0);
      console.log(`CSV 100,000 rows x 20 columns (${c.mb.toFixed(1)} MB): preview after ${c.ms.toFixed(0)} ms; main-thread long tasks max ${max.toFixed(0)} / total ${total.toFixed(0)} ms`);
    }
    if (process.env.BENCH_WIDE !== '0') {
      const [cols, rows] = [5000, 20];
      const w = await wideLoad(browser, cols, rows);
      const max = w.longTasks.length ? Math.max(...w.longTasks) : 0;
      const total = w.longTasks.reduce((a, v) => a + v, 0);
      const perSecond = (n) => Math.round((n / w.ms) * 1000).toLocaleString('en');
      console.log(
        `CSV ${rows} rows x ${cols.toLocaleString('en')} columns (${w.mb.toFixed(1)} MB): form ready after ${w.ms.toFixed(0)} ms ` +
          `(${perSecond(cols)} columns/s, ${perSecond(rows * cols)} cells/s); main-thread long tasks max ${max.toFixed(0)} / total ${total.toFixed(0)} ms`,
      );
    }
    for (const dataset of DATASETS) {
      const name = dataset === 'iris' ? 'Iris 4-10-20-10-3, batch 128, Adagrad' : 'MNIST 784-128-32-10, batch 100, SGD';
      console.log(`\n## ${name}`);
      const refs = {};
      for (const b of BACKENDS) refs[b] = await reference(browser, dataset, b);
      const fastest = Math.max(...Object.values(refs).map((r) => (r.error ? 0 : rate(r.steps, r.ms))));
      console.log('plain tfjs | steps/s');
      for (const b of BACKENDS) console.log(`${b.padEnd(10)} | ${pad(Math.round(rate(refs[b].steps, refs[b].ms)), 7)}${refs[b].error ? ` error: ${refs[b].error}` : ''}`);
      console.log(`\nthis app, click -> done (ratio over the fastest plain tfjs, ${Math.round(fastest)} steps/s)`);
      // SIMD: whether the fused engine's products ran in WebAssembly SIMD (engine=fused-js asks for the JS loops).
      // threads: the cores the steps run on (one: the training worker's).
      // steps/s, ratio, first point: the median of REPEAT runs (its range after); long tasks: the worst run's.
      console.log(`backend | engine | SIMD | threads | steps/s | ratio | first point ms | long tasks max/total ms | msgs/s | tensors start/end/reset | test accuracy | steps/s of ${REPEAT} runs`);
      const query = (b, engine) => `?dataset=${dataset}&backend=${b}&steps=${STEPS}${engine ? `&engine=${engine}` : ''}`;
      const runs = [...BACKENDS.map((b) => [b, undefined]), ['wasm', 'fused-js'], ['wasm', 'tfjs']];
      for (const [b, engine] of runs) {
        const all = [];
        for (let i = 0; i < REPEAT; i++) all.push(await runOnce(browser, query(b, engine)));
        all.sort((x, y) => rate(x.step, x.ms) - rate(y.step, y.ms));
        const r = all[Math.floor(all.length / 2)];
        const max = Math.max(0, ...all.flatMap((x) => x.longTasks));
        const total = Math.max(...all.map((x) => x.longTasks.reduce((a, v) => a + v, 0)));
        const simd = r.engine === 'fused' ? (engine === 'fused-js' || !r.simd ? 'off' : 'on') : '-';
        const range = all.map((x) => Math.round(rate(x.step, x.ms))).join(', ');
        const problems = all.flatMap((x) => [...(x.state !== 'done' ? [`[${x.state}]`] : []), ...(x.errors.length ? [`errors: ${x.errors.join('; ')}`] : [])]);
        console.log(
          `${r.backend.padEnd(7)} | ${r.engine.padEnd(6)} | ${simd.padEnd(4)} | ${pad(1, 7)} | ${pad(Math.round(rate(r.step, r.ms)), 7)} | ${pad((rate(r.step, r.ms) / fastest).toFixed(2), 5)} | ` +
            `${pad((r.firstPoint ?? NaN).toFixed(0), 14)} | ${pad(`${max.toFixed(0)} / ${total.toFixed(0)}`, 23)} | ${pad(r.messagesPerSecond.toFixed(1), 6)} | ` +
            `${pad(r.tensors, 23)} | ${r.accuracy.toFixed(4)}        | ${range}${problems.length ? ` ${problems.join(' ')}` : ''}`,
        );
      }
      const stop = await stopLatency(browser, `?dataset=${dataset}&steps=1000000`);
      console.log(`Stop acknowledged in ${stop.toFixed(0)} ms (default backend and engine)`);
      if (dataset === 'mnist') {
        const costs = (await fixedOverhead(browser)).map((r) => r.overhead).sort((a, b) => a - b);
        console.log(`200-step run's fixed cost (click -> done minus its steps' time, #15 target under 500 ms): median ${costs[1].toFixed(0)} ms of ${costs.map((c) => c.toFixed(0)).join(', ')}`);
        if (process.env.BENCH_EPOCH !== '0') printEpoch(await fullEpoch(browser));
      }
    }
  }
  await browser.close();
} finally {
  stop(server);
  if (refServer) stop(refServer);
}
