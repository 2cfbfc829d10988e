/**
 * Bring your own CSV, as a person does it: a real drag-and-drop of a file with string
 * labels and a categorical column, pick the label, train, classify from the generated
 * form, classify a file and download the predictions; a bad file keeps what was loaded.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors, dropFile, openApp, status, trainUntil } from './page';

/** Three species told apart by bill length and island; a categorical column and string labels. */
function penguins(rows: number): string {
  const species = ['Adelie', 'Gentoo', 'Chinstrap'];
  const islands = ['Torgersen', 'Biscoe', 'Dream'];
  const lines = ['species,island,bill_length_mm,flipper_length_mm,note'];
  for (let i = 0; i < rows; i++) {
    const k = i % 3;
    const bill = (38 + k * 6 + ((i * 7) % 10) / 10).toFixed(1);
    const flipper = 185 + k * 15 + ((i * 3) % 7);
    const note = i % 10 === 0 ? 'NA' : `n${i}`;
    lines.push(`${species[k]},${islands[(k + (i % 7 === 0 ? 1 : 0)) % 3]},${bill},${flipper},${note}`);
  }
  return lines.join('\n');
}

test('drop a CSV, pick the label, train, classify a row and a file, download', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=300');
  await dropFile(page, 'csv-drop', 'penguins.csv', penguins(150));
  const summary = page.getByTestId('dataset-summary');
  await expect(summary).toHaveAttribute('data-classes', '3');
  await expect(summary).toHaveAttribute('data-train-rows', '96');
  await expect(summary).toHaveAttribute('data-test-rows', '30');
  // The last column is free text (ignored, with a reason); species is the label by its name.
  await expect(page.getByTestId('label-column')).toHaveValue('species');
  await expect(page.getByTestId('label-reason')).toContainText('its name says it is the target');
  await page.getByTestId('label-column').selectOption('species');
  await expect(page.getByTestId('label-column')).toHaveValue('species');
  await expect(summary).toContainText('Adelie / Chinstrap / Gentoo');
  await expect(summary).toHaveAttribute('data-features', '3');
  // A CSV's own network, one hidden layer of 100 (Iris's three layers were left as they were).
  await expect(page.getByTestId('network')).toHaveAttribute('data-widths', /^\d+,100,3$/);

  await trainUntil(page, 'done');
  expect(Number(await status(page).getAttribute('data-step'))).toBe(300);
  expect(Number(await page.getByTestId('test-accuracy').getAttribute('data-value'))).toBeGreaterThan(0.8);

  // The form has a select for the categorical column and number inputs for the others, in column order.
  const form = page.getByTestId('predict-form');
  await expect(form.locator('[name]')).toHaveCount(3);
  await expect(form.locator('select[name="island"]')).toBeVisible();
  await form.locator('select[name="island"]').selectOption('Biscoe');
  await form.locator('input[name="bill_length_mm"]').fill('50.5');
  await form.locator('input[name="flipper_length_mm"]').fill('216');
  await form.getByTestId('predict').click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-class', 'Chinstrap');

  // A file of new rows, with the label column: a table, a score and a download.
  await dropFile(page, 'batch-predict', 'new.csv', penguins(30));
  await expect(page.getByTestId('batch-score')).toBeVisible();
  expect(Number(await page.getByTestId('batch-score').getAttribute('data-value'))).toBeGreaterThan(0.8);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('download-predictions').click();
  const download = await downloading;
  const text = readFileSync(await download.path(), 'utf8');
  const lines = text.replace(/^\uFEFF/, '').trim().split(/\r\n/);
  expect(lines[0]).toBe('species,island,bill_length_mm,flipper_length_mm,note,predicted class,P(Adelie),P(Chinstrap),P(Gentoo)');
  expect(lines).toHaveLength(31);
  const firstRow = lines[1].split(',');
  const probabilities = firstRow.slice(-3).map(Number);
  expect(probabilities.reduce((a, b) => a + b)).toBeCloseTo(1, 4);
  expect(errors).toEqual([]);
});

test('a bad file shows an alert naming it and keeps the loaded data set and model', async ({ page }) => {
  await openApp(page, '?steps=100');
  await trainUntil(page, 'done');
  const summary = page.getByTestId('dataset-summary');
  // An image renamed .csv.
  await dropFile(page, 'csv-drop', 'holiday.csv', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  await expect(page.getByRole('alert')).toContainText('holiday.csv');
  // An empty file.
  await dropFile(page, 'csv-drop', 'empty.csv', '');
  await expect(page.getByRole('alert')).toContainText('empty.csv');
  // Ragged rows beyond what can be skipped name their lines.
  await dropFile(page, 'csv-drop', 'ragged.csv', 'a,b,c\n1,2,x\n3,4\n5,6,y,7\n8,9,x\n');
  await expect(page.getByRole('alert')).toContainText(/ragged\.csv.*line/);
  // Iris and its trained model are still there.
  await expect(summary).toHaveAttribute('data-train-rows', '120');
  await expect(status(page)).toHaveAttribute('data-step', '100');
  const form = page.getByTestId('predict-form');
  await form.locator('input').nth(0).fill('6.4');
  await form.locator('input').nth(1).fill('3.2');
  await form.locator('input').nth(2).fill('4.5');
  await form.locator('input').nth(3).fill('1.5');
  await form.getByTestId('predict').click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-class', /setosa|versicolor|virginica/);
});

test('the test fraction: a new split from the control, kept in the URL; a value out of range changes nothing', async ({ page }) => {
  await openApp(page);
  await dropFile(page, 'csv-drop', 'penguins.csv', penguins(150));
  const summary = page.getByTestId('dataset-summary');
  await expect(summary).toHaveAttribute('data-test-rows', '30');
  const fraction = page.getByLabel('Test fraction');
  await fraction.fill('0.4');
  await fraction.blur();
  await expect(summary).toHaveAttribute('data-test-rows', '60');
  await expect(summary).toHaveAttribute('data-train-rows', '72');
  await expect.poll(() => new URL(page.url()).searchParams.get('test')).toBe('0.4');
  await fraction.fill('5');
  await fraction.blur();
  await expect(fraction).toHaveValue('0.4');
  expect(new URL(page.url()).searchParams.get('test')).toBe('0.4');
  await expect(summary).toHaveAttribute('data-test-rows', '60');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // A page opened with that link splits a dropped file the same way.
  await openApp(page, '?test=0.4');
  await dropFile(page, 'csv-drop', 'penguins.csv', penguins(150));
  await expect(summary).toHaveAttribute('data-test-rows', '60');
});
