/**
 * Baselines beside the network (issue #14): the majority class, a logistic regression and
 * a random forest, scored on the test split as a data set loads, shown in a panel
 * (data-testid="baseline") and as dashed lines on the accuracy chart; once a run ends, the
 * page says plainly when the network is not better than one of them.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, dropFile, openApp, trainUntil, openTab } from './page';

async function scores(page: Page): Promise<{ majority: number; logistic: number; forest: number }> {
  const panel = page.getByTestId('baseline');
  await expect(panel).toHaveAttribute('data-forest', /^[0-9.e-]+$/);
  const read = async (name: string) => Number(await panel.getAttribute(`data-${name}`));
  const s = { majority: await read('majority'), logistic: await read('logistic'), forest: await read('forest') };
  for (const v of Object.values(s)) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
  return s;
}

/** A table where 90 % of the rows are one class and the two inputs are noise: nothing to learn. */
function imbalanced(rows: number): string {
  const lines = ['reading,hour,outcome'];
  let a = 12345;
  const random = () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < rows; i++) lines.push(`${(random() * 100).toFixed(2)},${Math.floor(random() * 24)},${i % 10 === 0 ? 'strike' : 'none'}`);
  return lines.join('\n');
}

test('Iris (the default page) shows its three baselines, in the panel and on the accuracy chart', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const s = await scores(page);
  // 30 test rows: the majority class of the training split is a third of them; the other two do far better.
  expect(s.majority).toBeLessThan(0.5);
  expect(s.logistic).toBeGreaterThan(0.85);
  expect(s.forest).toBeGreaterThan(0.85);
  const panel = page.getByTestId('baseline');
  await openTab(page, 'baselines');
  await expect(panel.getByRole('row')).toHaveCount(5);
  await expect(panel).toContainText('majority class');
  await expect(page.getByTestId('accuracy-chart')).toContainText('Dashed lines: baselines on the test split');
  expect(errors).toEqual([]);
});

test('a dropped CSV gets its baselines, and a network no better than the majority class is told so', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=200');
  await dropFile(page, 'csv-drop', 'strikes.csv', imbalanced(500));
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-test-rows', '100');
  await expect(page.getByTestId('label-column')).toHaveValue('outcome');
  const s = await scores(page);
  // The stratified split keeps the 9:1 balance: "none" every time is right on 90 of the 100 test rows.
  expect(s.majority).toBeCloseTo(0.9, 5);
  await expect(page.getByTestId('baseline-verdict')).toHaveCount(0);
  await trainUntil(page, 'done');
  const verdict = page.getByTestId('baseline-verdict');
  await expect(verdict).toHaveAttribute('data-beaten', 'false');
  await expect(verdict).toHaveAttribute('data-baseline', 'majority');
  await expect(verdict).toContainText('is not better than the majority class (0.900)');
  expect(Number(await page.getByTestId('test-accuracy').getAttribute('data-value'))).toBeLessThanOrEqual(s.majority);
  expect(errors).toEqual([]);
});

test('a split without test rows has no baselines, and says why; a new split brings them', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?test=0');
  await dropFile(page, 'csv-drop', 'strikes.csv', imbalanced(200));
  const summary = page.getByTestId('dataset-summary');
  await expect(summary).toHaveAttribute('data-test-rows', '0');
  const panel = page.getByTestId('baseline');
  await expect(panel).toHaveAttribute('data-status', 'none');
  await expect(panel).toHaveAttribute('data-majority', '');
  await expect(panel).toContainText('no test rows');
  const fraction = page.getByLabel('Test fraction');
  await fraction.fill('0.2');
  await fraction.blur();
  await expect(summary).toHaveAttribute('data-test-rows', '40');
  expect((await scores(page)).majority).toBeCloseTo(0.9, 5);
  expect(errors).toEqual([]);
});
