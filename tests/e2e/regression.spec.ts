/**
 * DNNRegressor in the page (issue #16): a CSV whose last column is a quantity is read as
 * a number to predict (the task select says so, and the reason), trains with its
 * baselines beside it, reports R², RMSE and MAE in the label's units, predicts a typed
 * row as a number, and an exported model imported in a fresh profile predicts the same.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, dropFile, exportModel, lastCheckpointListed, openApp, openTab, status, trainUntil } from './page';

/** 240 flats: price from area, age and a district, with noise; price last, with many distinct values. */
function flats(rows = 240): string {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const lines = ['area,age,district,price'];
  for (let r = 0; r < rows; r++) {
    const area = 30 + random() * 120;
    const age = Math.floor(random() * 60);
    const district = ['Mapo', 'Jongno', 'Gangnam'][r % 3];
    const price = 200 + area * 9 - age * 2.5 + (district === 'Gangnam' ? 300 : 0) + (random() - 0.5) * 60;
    lines.push(`${area.toFixed(1)},${age},${district},${price.toFixed(1)}`);
  }
  return lines.join('\n');
}

async function loadFlats(page: Page): Promise<void> {
  await dropFile(page, 'csv-drop', 'flats.csv', flats());
  await expect(page.getByTestId('task')).toHaveValue('regression');
}

/** Fill the form (area, age, district) and read the predicted number. */
async function predictFlat(page: Page, area: string, age: string, district: string): Promise<number> {
  const form = page.getByTestId('predict-form');
  await form.locator('[name="area"]').fill(area);
  await form.locator('[name="age"]').fill(age);
  await form.locator('[name="district"]').selectOption(district);
  const prediction = page.getByTestId('prediction');
  const before = (await prediction.count()) > 0 ? await prediction.getAttribute('data-value') : null;
  await form.getByTestId('predict').click();
  await expect(prediction).toHaveAttribute('data-value', /\d/);
  if (before !== null) await expect(prediction).not.toHaveAttribute('data-value', before);
  return Number(await prediction.getAttribute('data-value'));
}

test('a numeric label: regression, baselines, R² and a typed row predicted as a number', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=600');
  await loadFlats(page);
  await expect(page.getByTestId('label-column')).toHaveValue('price');
  await expect(page.getByTestId('label-reason')).toContainText('regression');
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-classes', '0');
  // The baselines: the mean scores about 0, least squares well above it on a linear price.
  const baseline = page.getByTestId('baseline');
  await expect(baseline).toHaveAttribute('data-status', 'ready');
  const mean = Number(await baseline.getAttribute('data-mean'));
  const linear = Number(await baseline.getAttribute('data-linear'));
  expect(Math.abs(mean)).toBeLessThan(0.2);
  expect(linear).toBeGreaterThan(0.8);

  await trainUntil(page, 'done');
  const r2 = Number(await page.getByTestId('test-r2').getAttribute('data-value'));
  const rmse = Number(await page.getByTestId('test-rmse').getAttribute('data-value'));
  const mae = Number(await page.getByTestId('test-mae').getAttribute('data-value'));
  expect(r2).toBeGreaterThan(0.8);
  expect(r2).toBeLessThanOrEqual(1);
  expect(mae).toBeGreaterThan(0);
  expect(rmse).toBeGreaterThanOrEqual(mae);
  // The charts: the loss (MSE) and the MAE, with points.
  expect(Number(await page.getByTestId('accuracy-chart').getAttribute('data-points'))).toBeGreaterThan(0);
  await expect(page.getByTestId('accuracy-chart')).toContainText('price');

  // A flat of 100 m², 10 years old, in Gangnam: about 200 + 900 - 25 + 300 = 1,375.
  const price = await predictFlat(page, '100', '10', 'Gangnam');
  expect(price).toBeGreaterThan(1375 - 200);
  expect(price).toBeLessThan(1375 + 200);
  await expect(page.getByTestId('prediction')).toContainText('price');
  // A letter where the area goes: refused next to the field, the number cleared.
  await page.getByTestId('predict-form').locator('[name="area"]').fill('big');
  await page.getByTestId('predict-form').getByTestId('predict').click();
  await expect(page.getByTestId('predict-form').getByRole('alert')).toBeVisible();
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-value', /\d/);
  expect(errors).toEqual([]);
});

test('the task select: whole numbers of few values are classes unless a number is asked for, and the link says so', async ({ page }) => {
  const lines = ['a,b,stars'];
  for (let r = 0; r < 60; r++) lines.push(`${r % 7},${(r * 3) % 11},${(r % 5) + 1}`);
  await openApp(page, '?steps=50');
  await dropFile(page, 'csv-drop', 'stars.csv', lines.join('\n'));
  await expect(page.getByTestId('task')).toHaveValue('classification');
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-classes', '5');
  await page.getByTestId('task').selectOption('regression');
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-classes', '0');
  await expect(page).toHaveURL(/task=regression/);
  // A column of words cannot be a number: the reason, and the loaded data set stays.
  const words = ['size,colour', ...Array.from({ length: 30 }, (_, r) => `${r},${['red', 'blue'][r % 2]}`)].join('\n');
  await dropFile(page, 'csv-drop', 'colours.csv', words);
  await expect(page.getByRole('alert').first()).toContainText('colour');
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-classes', '0');
  await expect(page.getByTestId('label-column')).toHaveValue('stars');
});

test('export, import in a fresh profile: the same number for the same row, and Evaluate gives the same R²', async ({ page, browser }) => {
  await openApp(page, '?steps=300');
  await loadFlats(page);
  await trainUntil(page, 'done');
  const step = (await status(page).getAttribute('data-step')) ?? '';
  const r2 = Number(await page.getByTestId('test-r2').getAttribute('data-value'));
  const price = await predictFlat(page, '80', '25', 'Mapo');
  const files = await exportModel(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = collectErrors(other);
  await openApp(other, '?steps=300');
  await loadFlats(other);
  await other.getByTestId('import-model').locator('input[type=file]').setInputFiles(files);
  await expect(status(other)).toHaveAttribute('data-step', step);
  expect(await predictFlat(other, '80', '25', 'Mapo')).toBeCloseTo(price, 3);
  await openTab(other, 'evaluation');
  await other.getByTestId('evaluate').click();
  await expect(other.getByTestId('test-r2')).not.toHaveAttribute('data-value', '');
  expect(Number(await other.getByTestId('test-r2').getAttribute('data-value'))).toBeCloseTo(r2, 6);
  expect(errors).toEqual([]);
  await fresh.close();
});

test('a reload goes on with the trained regressor: the same step, the same R² and the same number', async ({ page }) => {
  await openApp(page, '?steps=300');
  await loadFlats(page);
  await trainUntil(page, 'done');
  const step = (await status(page).getAttribute('data-step')) ?? '';
  const r2 = (await page.getByTestId('test-r2').getAttribute('data-value')) ?? '';
  const price = await predictFlat(page, '60', '5', 'Jongno');
  await lastCheckpointListed(page);
  await page.reload();
  await expect(page.getByTestId('task')).toHaveValue('regression');
  await expect(status(page)).toHaveAttribute('data-step', step);
  await expect(page.getByTestId('test-r2')).toHaveAttribute('data-value', r2);
  expect(await predictFlat(page, '60', '5', 'Jongno')).toBeCloseTo(price, 3);
});
