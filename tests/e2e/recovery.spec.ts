/**
 * The training worker dies or hangs: the page says what happened, starts a new worker
 * with the data set and the newest checkpoint, and the person goes on; what was typed
 * into the form stays.
 */
import { expect, test, type Page, type Worker } from '@playwright/test';
import { lastCheckpointListed, openApp, status, stepOf, trainUntil } from './page';

/** The training worker (by its script: the baselines worker it starts for a while is a dedicated worker too). */
async function trainingWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().filter((w) => w.url().includes('training.worker')).length).toBeGreaterThan(0);
  return page.workers().filter((w) => w.url().includes('training.worker'))[0];
}

test('an uncaught error in the worker: a new worker resumes from the last checkpoint', async ({ page }) => {
  await openApp(page, '?steps=300');
  await trainUntil(page, 'done');
  await page.getByTestId('predict-form').locator('input').first().fill('6.1');
  const worker = await trainingWorker(page);
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('boom');
    }, 0);
  });
  await expect(page.getByRole('alert')).toContainText('crashed');
  await expect(status(page)).toHaveAttribute('data-state', 'idle');
  await expect(status(page)).toHaveAttribute('data-step', '300');
  await expect(page.getByTestId('predict-form').locator('input').first()).toHaveValue('6.1');
  await trainUntil(page, 'done');
  expect(await stepOf(page)).toBe(600);
});

test('a worker that stops answering mid-run is replaced and training can go on', async ({ page }) => {
  await openApp(page, '?steps=1000');
  await trainUntil(page, 'done');
  await lastCheckpointListed(page);
  await page.evaluate(() => history.replaceState(null, '', '/?steps=1000000'));
  await page.reload();
  await expect(status(page)).toHaveAttribute('data-step', '1000');
  await page.getByTestId('train').click();
  await expect(status(page)).toHaveAttribute('data-state', 'training');
  const worker = await trainingWorker(page);
  // Block the worker's thread: no more progress, as a hang would look.
  void worker.evaluate(() => {
    const end = Date.now() + 60_000;
    while (Date.now() < end) {
      /* hung */
    }
  }).catch(() => undefined);
  await expect(page.getByRole('alert')).toContainText('stopped answering', { timeout: 30_000 });
  await expect(status(page)).toHaveAttribute('data-state', 'idle');
  expect(await stepOf(page)).toBeGreaterThanOrEqual(1000);
});
