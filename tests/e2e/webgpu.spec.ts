/**
 * The WebGPU backend, through Chromium's software adapter (SwiftShader's WebGPU, with
 * --enable-unsafe-webgpu): correctness only, never speed. `auto` skips that adapter by
 * the same rule that skips a software WebGL; asked for, tfjs on WebGPU evaluates the
 * seeded fresh Iris model to the test loss and accuracy tfjs on cpu gives it (float32 on
 * both; only the order of the sums differs). Training is not run here: on SwiftShader's
 * WebGPU the first step compiles its ~150 shaders for longer than the page's 10 s
 * watchdog allows the worker, which a hardware adapter does in well under a second.
 */
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { collectErrors, openApp } from './page';

test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] } });

async function evaluate(page: Page, backend: string): Promise<{ accuracy: number; loss: number }> {
  await openApp(page, `?engine=tfjs&backend=${backend}`);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-value', backend, { timeout: 60_000 });
  await page.getByTestId('evaluate').click();
  await expect(page.getByTestId('test-accuracy')).toHaveAttribute('data-value', /\d/);
  return {
    accuracy: Number(await page.getByTestId('test-accuracy').getAttribute('data-value')),
    loss: Number(await page.getByTestId('test-loss').getAttribute('data-value')),
  };
}

test('auto skips the software WebGPU adapter as it skips software WebGL', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  expect(await page.evaluate(async () => Boolean(await (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu?.requestAdapter()))).toBe(true);
  await expect(page.getByTestId('backend')).toHaveAttribute('data-value', 'wasm', { timeout: 60_000 });
  expect(errors).toEqual([]);
});

test('backend=webgpu evaluates the fresh Iris model to the numbers of tfjs on cpu', async ({ page }) => {
  const errors = collectErrors(page);
  const gpu = await evaluate(page, 'webgpu');
  const cpu = await evaluate(page, 'cpu');
  expect(gpu.loss).toBeGreaterThan(0);
  expect(gpu.accuracy).toBe(cpu.accuracy);
  expect(Math.abs(gpu.loss - cpu.loss)).toBeLessThanOrEqual(1e-4 * Math.max(1, cpu.loss));
  expect(errors).toEqual([]);
});
