/**
 * The WebGL context is lost mid-run (a GPU reset): training moves to another backend,
 * says so, and goes on from the last good weights rather than from step 0.
 */
import { expect, test } from '@playwright/test';
import { openApp, status, stepOf } from './page';

test('a lost WebGL context moves training to wasm and keeps the weights', async ({ page }) => {
  await openApp(page, '?backend=webgl&steps=1000000');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-value', 'webgl');
  await page.getByTestId('train').click();
  await expect.poll(() => stepOf(page)).toBeGreaterThan(500);
  // The training worker, by its script (the baselines worker it starts for a while is a dedicated worker too).
  const worker = page.workers().filter((w) => w.url().includes('training.worker'))[0];
  // Inject the protocol's fault message inside the worker, as if the page had sent it.
  await worker.evaluate(() => self.dispatchEvent(new MessageEvent('message', { data: { type: 'lose-webgl-context' } })));
  await expect(page.getByTestId('backend')).toHaveAttribute('data-value', 'wasm');
  await expect(page.getByRole('status').filter({ hasText: 'WebGL context was lost' })).toBeVisible();
  await expect(status(page)).toHaveAttribute('data-state', 'idle');
  const kept = await stepOf(page);
  expect(kept).toBeGreaterThan(500);
  // Training goes on on the new backend, from where it was.
  await page.getByTestId('train').click();
  await expect.poll(() => stepOf(page)).toBeGreaterThan(kept + 100);
  await page.getByTestId('stop').click();
  await expect(status(page)).toHaveAttribute('data-state', 'stopped');
  await expect(page.getByTestId('test-accuracy')).not.toHaveAttribute('data-value', '');
  expect(Number(await page.getByTestId('test-accuracy').getAttribute('data-value'))).toBeGreaterThan(0.8);
});
