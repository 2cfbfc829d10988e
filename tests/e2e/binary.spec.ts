/**
 * A two-class CSV (two overlapping Gaussian blobs, labels yes / no): after training, the
 * ROC AUC is shown and the threshold slider moves the 2x2 matrix; an exported model
 * imported in a fresh browser profile gets its test accuracy from Evaluate, without training.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, dropFile, exportModel, openApp, status, trainUntil, openTab } from './page';

const BLOBS = readFileSync(new URL('./fixtures/blobs.csv', import.meta.url), 'utf8');

async function loadBlobs(page: Page): Promise<number> {
  await dropFile(page, 'csv-drop', 'blobs.csv', BLOBS);
  const summary = page.getByTestId('dataset-summary');
  await expect(summary).toHaveAttribute('data-classes', '2');
  await expect(page.getByTestId('train')).toBeEnabled();
  return Number(await summary.getAttribute('data-test-rows'));
}

async function matrix(page: Page): Promise<{ tp: number; fp: number; fn: number; tn: number }> {
  const table = page.getByTestId('threshold-confusion');
  const read = async (name: string) => Number(await table.getAttribute(`data-${name}`));
  return { tp: await read('tp'), fp: await read('fp'), fn: await read('fn'), tn: await read('tn') };
}

test('a two-class CSV: AUC in [0.5, 1], and the threshold slider moves the 2x2 matrix', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=200');
  const testRows = await loadBlobs(page);
  expect(testRows).toBeGreaterThan(10);
  await trainUntil(page, 'done');
  // A dropped CSV stops early by default (its validation split): the step the run ended at.
  const step = (await status(page).getAttribute('data-step')) ?? '';
  expect(Number(step)).toBeGreaterThan(0);

  // The curves of the trained model (the panel showed step 0's before the run).
  await expect(page.getByTestId('binary-panel')).toHaveAttribute('data-step', step);
  const auc = page.getByTestId('auc');
  await expect(auc).not.toHaveAttribute('data-value', '');
  const value = Number(await auc.getAttribute('data-value'));
  expect(value).toBeGreaterThanOrEqual(0.5);
  expect(value).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('roc-chart')).not.toHaveAttribute('data-points', '0');

  // At 0.5 the matrix is the model's own: its correct rows are the evaluation's.
  const atHalf = await matrix(page);
  expect(atHalf.tp + atHalf.fp + atHalf.fn + atHalf.tn).toBe(testRows);
  const accuracy = Number(await page.getByTestId('test-accuracy').getAttribute('data-value'));
  expect((atHalf.tp + atHalf.tn) / testRows).toBeCloseTo(accuracy, 6);

  // Threshold 0: every row is called positive.
  await openTab(page, 'binary');
  const slider = page.getByTestId('threshold');
  await slider.fill('0');
  await expect(page.getByTestId('threshold-confusion')).toHaveAttribute('data-fn', '0');
  const atZero = await matrix(page);
  expect(atZero.tn).toBe(0);
  expect(atZero.tp + atZero.fp).toBe(testRows);
  expect(atZero).not.toEqual(atHalf);

  // A high threshold calls fewer rows positive than 0.5 does.
  await slider.fill('0.95');
  await expect(page.getByTestId('threshold-confusion')).not.toHaveAttribute('data-fp', String(atZero.fp));
  const atHigh = await matrix(page);
  expect(atHigh.tp + atHigh.fp).toBeLessThanOrEqual(atHalf.tp + atHalf.fp);
  expect(atHigh.tp + atHigh.fp + atHigh.fn + atHigh.tn).toBe(testRows);

  // The panel with its numbers open passes axe's WCAG 2.1 A/AA rules.
  await page.getByText('The curves in numbers').click();
  const panel = page.getByTestId('binary-panel');
  await panel.screenshot({ path: process.env.BINARY_SHOT ?? test.info().outputPath('binary-panel.png') });
  const axe = await new AxeBuilder({ page }).include('[data-testid="binary-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // On a phone the page still never scrolls sideways.
  await page.setViewportSize({ width: 375, height: 740 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});

test('export, import in a fresh profile, Evaluate: test-accuracy without training', async ({ page, browser }) => {
  await openApp(page, '?steps=200');
  await loadBlobs(page);
  await trainUntil(page, 'done');
  const step = (await status(page).getAttribute('data-step')) ?? '';
  const trained = Number(await page.getByTestId('test-accuracy').getAttribute('data-value'));
  const files = await exportModel(page);
  expect(files.map((f) => f.name).sort()).toEqual(['model.json', 'weights.bin']);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = collectErrors(other);
  await openApp(other, '?steps=200');
  await loadBlobs(other);
  await other.getByTestId('import-model').locator('input[type=file]').setInputFiles(files);
  await expect(status(other)).toHaveAttribute('data-step', step);
  // Imported, not evaluated: nothing to show until Evaluate.
  await expect(other.getByTestId('test-accuracy')).toHaveAttribute('data-value', '');

  await other.getByTestId('evaluate').click();
  await expect(other.getByTestId('test-accuracy')).not.toHaveAttribute('data-value', '');
  const evaluated = Number(await other.getByTestId('test-accuracy').getAttribute('data-value'));
  expect(evaluated).toBeCloseTo(trained, 6);
  // Still the imported step: Evaluate trains nothing.
  await expect(status(other)).toHaveAttribute('data-step', step);
  await expect(other.getByTestId('binary-panel')).toHaveAttribute('data-step', step);
  await expect(other.getByTestId('auc')).not.toHaveAttribute('data-value', '');
  expect(errors).toEqual([]);
  await fresh.close();
});
