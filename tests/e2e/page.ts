/**
 * Helpers that drive the page through CONTRACT.md's hooks, and collect console errors
 * so every test can assert there were none.
 */
import { readFileSync } from 'node:fs';
import { expect, type Download, type Page } from '@playwright/test';

export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('dataset-summary')).toBeVisible();
  await expect(page.getByTestId('train')).toBeEnabled();
}

export const status = (page: Page) => page.getByTestId('training-status');

export async function stepOf(page: Page): Promise<number> {
  return Number(await status(page).getAttribute('data-step'));
}

/** Click Train and wait for that run (not an earlier one) to end in `state`. */
export async function trainUntil(page: Page, state: 'done' | 'stopped' | 'error'): Promise<void> {
  // The run id shown changes with every run (it is 0 again after a new data set loads).
  const run = (await status(page).getAttribute('data-run')) ?? '';
  await page.getByTestId('train').click();
  await expect(status(page)).not.toHaveAttribute('data-run', run);
  await expect(status(page)).toHaveAttribute('data-state', state, { timeout: 200_000 });
}

/** Waits until the run's last checkpoint is listed: it is written just after the page says done (session.ts), so a reload before may find the one before. */
export async function lastCheckpointListed(page: Page): Promise<void> {
  const step = (await status(page).getAttribute('data-step')) ?? '';
  await expect(page.getByTestId('checkpoints').locator(`tr[data-step="${step}"]`)).toHaveCount(1);
}

export async function predictSample(page: Page, values: number[]): Promise<{ cls: string; probs: number[] }> {
  const form = page.getByTestId('predict-form');
  const inputs = form.locator('input');
  for (let i = 0; i < values.length; i++) await inputs.nth(i).fill(String(values[i]));
  const prediction = page.getByTestId('prediction');
  // The previous prediction, if any, so we wait for the new one rather than read the old.
  const before = (await prediction.count()) > 0 ? await prediction.getAttribute('data-probabilities') : null;
  await form.getByTestId('predict').click();
  await expect(prediction).toBeVisible();
  if (before !== null) await expect(prediction).not.toHaveAttribute('data-probabilities', before);
  return {
    cls: (await prediction.getAttribute('data-class')) ?? '',
    probs: JSON.parse((await prediction.getAttribute('data-probabilities')) ?? '[]') as number[],
  };
}

/** A real drop: a DragEvent carrying a DataTransfer that holds the file, dispatched on the zone. */
export async function dropFile(page: Page, testId: string, name: string, content: string | number[], type = 'text/csv'): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content, type }) => {
      const dt = new DataTransfer();
      const body = typeof content === 'string' ? content : new Uint8Array(content);
      dt.items.add(new File([body], name, { type }));
      return dt;
    },
    { name, content, type },
  );
  const zone = page.getByTestId(testId);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

/**
 * Opens one of the drawer's tabs (evaluation, baselines, cv, binary, batch, runs, checkpoints,
 * about; on MNIST mnist-log, mnist-eval, mnist-gallery, mnist-confusion, mnist-data), as a
 * person does to read the less-used panels. Leaves it open when it already is.
 */
export async function openTab(page: Page, tab: string): Promise<void> {
  const drawer = page.getByTestId('drawer');
  if ((await drawer.getAttribute('data-open')) !== tab) await page.getByTestId(`tab-${tab}`).click();
  await expect(drawer).toHaveAttribute('data-open', tab);
}

/** Export the model (model.json and weights.bin) and read both downloads, in the form setInputFiles takes. */
export async function exportModel(page: Page): Promise<{ name: string; buffer: Buffer; mimeType: string }[]> {
  const downloads: Download[] = [];
  const both = new Promise<void>((resolve) => {
    page.on('download', (d) => {
      downloads.push(d);
      if (downloads.length === 2) resolve();
    });
  });
  await page.getByTestId('export-model').click();
  await both;
  return Promise.all(downloads.map(async (d) => ({ name: d.suggestedFilename(), buffer: readFileSync(await d.path()), mimeType: 'application/octet-stream' })));
}
