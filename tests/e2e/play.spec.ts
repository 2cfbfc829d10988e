/**
 * Play / Pause and Step (TensorFlow Playground's controls): Play trains past the run's
 * `steps` until paused, Pause stops it, Play goes on from the global step; Step trains to
 * the next evaluation. Keyboard focus stays on the pressed button.
 */
import { expect, test } from '@playwright/test';
import { collectErrors, openApp, status, stepOf } from './page';

test('Play trains past steps until paused, and goes on from the global step', async ({ page }) => {
  const errors = collectErrors(page);
  // steps=300: Play must not stop there.
  await openApp(page, '?steps=300');
  const play = page.getByTestId('play');
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await play.focus();
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveAttribute('data-state', 'training');
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => stepOf(page), { timeout: 120_000 }).toBeGreaterThan(600);
  await expect(status(page)).toHaveAttribute('data-state', 'training');
  // The curves move while it plays.
  expect(Number(await page.getByTestId('loss-chart').getAttribute('data-points'))).toBeGreaterThan(3);
  await expect(play).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveAttribute('data-state', 'stopped');
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await expect(play).toBeFocused();
  const paused = await stepOf(page);
  expect(paused).toBeGreaterThan(600);
  // The epoch beside the step: step x batch / training rows (128 / 120 on Iris).
  const epoch = Number(await status(page).getAttribute('data-epoch'));
  expect(epoch).toBeCloseTo((paused * 128) / 120, 2);
  await expect(page.getByTestId('play-counter')).toHaveAttribute('data-step', String(paused));

  await play.click();
  await expect.poll(() => stepOf(page)).toBeGreaterThan(paused + 200);
  await play.click();
  await expect(status(page)).toHaveAttribute('data-state', 'stopped');
  expect(errors).toEqual([]);
});

test('Step trains up to the next evaluation and stops, focus staying on it', async ({ page }) => {
  await openApp(page);
  const step = page.getByTestId('step');
  await step.focus();
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  expect(await stepOf(page)).toBe(100);
  await expect(step).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => stepOf(page)).toBe(200);
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('test-accuracy')).not.toHaveAttribute('data-value', '');
});
