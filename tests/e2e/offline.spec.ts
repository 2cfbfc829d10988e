/**
 * Offline use: once the app has been opened, its service worker (dist/sw.js, built from
 * src/sw/sw.ts by scripts/build-sw.mjs) holds every file of the build, so with the network
 * gone the page still opens, loads Iris and MNIST, trains on the wasm backend and predicts.
 *
 * The test serves dist/ from a `vite preview` of its own and shuts it down to go offline:
 * Playwright's context.setOffline does not reach a service worker's own fetches
 * (microsoft/playwright#2311), so offline mode alone could hide a worker that quietly
 * fetches from the network. It sets the context offline too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';
import { collectErrors, status } from './page';

const DIST = join(import.meta.dirname, '..', '..', 'dist');

// The default, stated: with 'block' no service worker would register.
test.use({ serviceWorkers: 'allow' });

let server: PreviewServer | null = null;
let origin = '';

test.beforeAll(async () => {
  // Port 0: any free port, so this never collides with the suite's preview on 4173.
  server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false }, logLevel: 'warn' });
  origin = new URL(server.resolvedUrls?.local[0] ?? '').origin;
});

test.afterAll(async () => {
  await server?.close();
});

/** Every file of the build but sw.js, as sw.js lists them (index.html is `./`). */
function distFiles(): string[] {
  return readdirSync(DIST, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(DIST, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((p) => p !== 'sw.js' && !p.endsWith('.map'))
    .map((p) => (p === 'index.html' ? './' : `./${p}`))
    .sort();
}

async function waitForApp(page: Page): Promise<void> {
  await expect(page.getByTestId('dataset-summary')).toBeVisible();
  await expect(page.getByTestId('train')).toBeEnabled();
}

test('sw.js precaches every file of the build under a versioned cache', async () => {
  const source = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const match = /^const PRECACHE = (\{[\s\S]*?\});$/m.exec(source);
  expect(match, 'dist/sw.js starts with its precache list').not.toBeNull();
  const manifest = JSON.parse(match?.[1] ?? '{}') as { version: string; urls: string[] };
  expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
  expect([...manifest.urls].sort()).toEqual(distFiles());
  for (const needed of ['./', './data/iris_training.csv', './data/iris_test.csv', './data/mnist-10k.bin.gz']) expect(manifest.urls).toContain(needed);
  expect(manifest.urls.filter((u) => u.endsWith('.wasm')).length).toBeGreaterThanOrEqual(1);
  expect(manifest.urls.some((u) => /training\.worker-.*\.js$/.test(u))).toBe(true);
});

test('once loaded, the app opens, trains and predicts offline', async ({ page, context }) => {
  const errors = collectErrors(page);
  const query = '?steps=50&backend=wasm';
  await page.goto(`${origin}/${query}`);
  await waitForApp(page);
  // The app registers the worker after load; it installs (precaching everything) and activates.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker?.getRegistration())?.scope ?? null), {
      message: 'the app registers its service worker (registerServiceWorker() from src/sw/register.ts, called in src/main.tsx)',
      timeout: 15_000,
    })
    .toBe(`${origin}/`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await waitForApp(page);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
  // One cache, holding every file.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    return Promise.all(names.map(async (n) => ({ name: n, entries: (await (await caches.open(n)).keys()).length })));
  });
  expect(cached).toHaveLength(1);
  expect(cached[0].entries).toBe(distFiles().length);

  // Offline: no server at all, and the browser told so.
  await server?.close();
  server = null;
  await context.setOffline(true);
  const fromNetwork: string[] = [];
  page.on('response', (response) => {
    if (/^https?:/.test(response.url()) && !response.fromServiceWorker()) fromNetwork.push(response.url());
  });

  await page.reload();
  await waitForApp(page);
  const summary = page.getByTestId('dataset-summary');
  await expect(summary).toHaveAttribute('data-train-rows', '120');
  await expect(summary).toHaveAttribute('data-test-rows', '30');
  // The .wasm binary came from the cache: the wasm backend started.
  await expect(page.getByTestId('backend')).toHaveAttribute('data-value', 'wasm');

  const run = (await status(page).getAttribute('data-run')) ?? '';
  await page.getByTestId('train').click();
  await expect(status(page)).not.toHaveAttribute('data-run', run);
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  await expect(status(page)).toHaveAttribute('data-step', '50');
  const form = page.getByTestId('predict-form');
  for (const [i, v] of ['6.4', '3.2', '4.5', '1.5'].entries()) await form.locator('input').nth(i).fill(v);
  await form.getByTestId('predict').click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-class', /^(setosa|versicolor|virginica)$/);

  // The other built-in data set, 1.6 MB of MNIST, is there too.
  await page.getByRole('button', { name: /MNIST/ }).click();
  await expect(summary).toHaveAttribute('data-classes', '10');
  await expect(summary).toHaveAttribute('data-train-rows', '8000');

  expect(fromNetwork, 'responses not served by the service worker').toEqual([]);
  expect(errors).toEqual([]);
  // And the network really is gone: a file the worker does not hold cannot be fetched.
  const probe = await page.evaluate(() => fetch(`/not-precached-${Date.now()}`).then(
    () => 'fetched',
    () => 'failed',
  ));
  expect(probe).toBe('failed');
});
