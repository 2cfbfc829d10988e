/**
 * The backend fallback: in a Chromium with no WebGL at all (no GPU and no software
 * rasterizer), asking for WebGL falls back to wasm, says so, and training still works.
 */
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium';
import { openApp, trainUntil, openTab } from './page';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS.filter((a) => !/swiftshader/.test(a)), '--disable-gpu', '--disable-software-rasterizer'],
  },
});

test('without WebGL, ?backend=webgl falls back to wasm and trains', async ({ page }) => {
  const hasWebgl = await page.evaluate(() => !!new OffscreenCanvas(1, 1).getContext('webgl2'));
  test.skip(hasWebgl, 'this Chromium still offers WebGL with these flags');
  await openApp(page, '?backend=webgl&steps=100&engine=tfjs');
  const backend = page.getByTestId('backend');
  await expect(backend).toHaveAttribute('data-value', 'wasm');
  await openTab(page, 'about');
  await expect(page.getByText('webgl failed to start')).toBeVisible();
  await trainUntil(page, 'done');
  expect(Number(await page.getByTestId('test-accuracy').getAttribute('data-value'))).toBeGreaterThan(0);
});

test('without WebGL, auto picks wasm and says why', async ({ page }) => {
  await openApp(page, '?steps=50');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-value', 'wasm');
  await openTab(page, 'about');
  await expect(page.getByText(/no WebGL|software renderer/)).toBeVisible();
});
