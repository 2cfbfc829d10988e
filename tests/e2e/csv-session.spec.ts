/**
 * No silent wrong answers around a dropped CSV: a test file keeps the label the person
 * picked, the URL says what is loaded (`dataset=csv`) and an explicit `dataset` wins over
 * the stored session, and a file dropped while the page is still starting is loaded once
 * it is ready rather than ignored.
 */
import { expect, test } from '@playwright/test';
import { collectErrors, dropFile, openApp } from './page';

/** Species and island are both class-like; the free-text note is not. */
function penguins(rows: number, offset = 0): string {
  const species = ['Adelie', 'Gentoo', 'Chinstrap'];
  const islands = ['Torgersen', 'Biscoe', 'Dream'];
  const lines = ['species,island,bill_length_mm,flipper_length_mm,note'];
  for (let j = 0; j < rows; j++) {
    const i = j + offset;
    const k = i % 3;
    lines.push(`${species[k]},${islands[(k + (i % 7 === 0 ? 1 : 0)) % 3]},${(38 + k * 6 + ((i * 7) % 10) / 10).toFixed(1)},${185 + k * 15 + ((i * 3) % 7)},n${i}`);
  }
  return lines.join('\n');
}

const datasetParam = (url: string) => new URL(url).searchParams.get('dataset');

test('a test file keeps the label the person picked; one that does not fit is refused and changes nothing', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const summary = page.getByTestId('dataset-summary');
  const label = page.getByTestId('label-column');
  await dropFile(page, 'csv-drop', 'penguins.csv', penguins(150));
  // 150 rows: 30 held out for testing, 24 of the other 120 for validation (early stopping watches them).
  await expect(summary).toHaveAttribute('data-train-rows', '96');
  await expect(summary).toHaveAttribute('data-validation-rows', '24');
  // Whatever the guess was, the person picks the other class-like column.
  const picked = (await label.inputValue()) === 'island' ? 'species' : 'island';
  await label.selectOption(picked);
  // The data set is rebuilt around the picked label: its classes are that column's values.
  const classes = picked === 'species' ? 'Adelie / Chinstrap / Gentoo' : 'Biscoe / Dream / Torgersen';
  await expect(summary).toContainText(classes);
  await expect(label).toHaveValue(picked);

  await dropFile(page, 'test-csv-drop', 'penguins_test.csv', penguins(40, 150));
  await expect(summary).toHaveAttribute('data-test-rows', '40');
  // All 150 rows of the first file train now, 30 of them held out for validation.
  await expect(summary).toHaveAttribute('data-train-rows', '120');
  await expect(summary).toHaveAttribute('data-validation-rows', '30');
  await expect(label).toHaveValue(picked);
  await expect(summary).toContainText(classes);

  // A test file without the label column is refused with the reason; the loaded data set stays.
  await dropFile(page, 'test-csv-drop', 'other_test.csv', 'bill_length_mm,flipper_length_mm\n40,190\n45,200\n');
  await expect(page.getByRole('alert')).toContainText('other_test.csv');
  await expect(summary).toHaveAttribute('data-test-rows', '40');
  await expect(label).toHaveValue(picked);
  expect(errors).toEqual([]);
});

test('Train pressed in the same moment as a new label waits for the re-read and trains that label', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=200');
  const summary = page.getByTestId('dataset-summary');
  const label = page.getByTestId('label-column');
  await dropFile(page, 'csv-drop', 'penguins.csv', penguins(150));
  await expect(summary).toHaveAttribute('data-train-rows', '96');
  const picked = (await label.inputValue()) === 'island' ? 'species' : 'island';
  // The label changes and Train is pressed in one task: the re-read is still on its way.
  await page.evaluate((value) => {
    const select = document.querySelector<HTMLSelectElement>('[data-testid="label-column"]');
    if (!select) throw new Error('no label select');
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    document.querySelector<HTMLButtonElement>('[data-testid="train"]')?.click();
  }, picked);
  // The run is of the model built on the picked label, not wiped by it, nor of the old one.
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 200_000 });
  await expect(page.getByTestId('training-status')).toHaveAttribute('data-step', '200');
  const classes = picked === 'species' ? ['Adelie', 'Chinstrap', 'Gentoo'] : ['Biscoe', 'Dream', 'Torgersen'];
  await expect(summary).toContainText(classes.join(' / '));
  await page.getByTestId('predict-form').getByTestId('predict').click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-class', new RegExp(`^(${classes.join('|')})$`));
  await expect(page.getByTestId('test-accuracy')).toHaveAttribute('data-value', /\d/);
  expect(errors).toEqual([]);
});

test('the URL says dataset=csv after a drop; a reload goes on with the CSV; an explicit dataset=iris opens Iris', async ({ page }) => {
  await openApp(page, '?steps=200');
  const summary = page.getByTestId('dataset-summary');
  await dropFile(page, 'csv-drop', 'penguins.csv', penguins(150));
  await expect(summary).toHaveAttribute('data-train-rows', '96');
  await expect.poll(() => datasetParam(page.url())).toBe('csv');
  expect(new URL(page.url()).searchParams.get('steps')).toBe('200');

  // The link as it reads now re-opens the kept file.
  await openApp(page, new URL(page.url()).search);
  await expect(summary).toHaveAttribute('data-train-rows', '96');
  await expect(page.getByTestId('label-column')).toBeVisible();
  expect(datasetParam(page.url())).toBe('csv');

  // The same settings, but the link names Iris: Iris, not the stored CSV session.
  await openApp(page, '?dataset=iris&steps=200');
  await expect(summary).toHaveAttribute('data-train-rows', '120');
  await expect(summary).toHaveAttribute('data-features', '4');
  await expect(summary).toContainText('setosa');
  await expect(page.getByTestId('label-column')).toHaveCount(0);
  expect(datasetParam(page.url())).toBeNull();
});

test('dataset=csv where no CSV is kept: a notice says so, Iris is loaded meanwhile, the drop zone is there', async ({ page }) => {
  await openApp(page, '?dataset=csv');
  const summary = page.getByTestId('dataset-summary');
  await expect(page.getByRole('status').filter({ hasText: 'dataset=csv' })).toContainText('drop the file again');
  await expect(summary).toContainText('setosa');
  await expect(page.getByTestId('csv-drop')).toBeVisible();
  await expect.poll(() => datasetParam(page.url())).toBeNull();
  await dropFile(page, 'csv-drop', 'penguins.csv', penguins(150));
  await expect(summary).toHaveAttribute('data-train-rows', '96');
  await expect.poll(() => datasetParam(page.url())).toBe('csv');
});

test('a CSV dropped while the page is still starting is loaded once it is ready', async ({ page }) => {
  // Iris's files come late, so the drop surely lands before the worker is ready.
  await page.context().route('**/data/iris_*.csv', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  await page
    .getByTestId('csv-drop')
    .locator('input[type=file]')
    .setInputFiles({ name: 'penguins.csv', mimeType: 'text/csv', buffer: Buffer.from(penguins(150)) });
  // Train is disabled until the worker is ready.
  const early = await page.getByTestId('train').isDisabled();
  await expect(page.getByTestId('label-column')).toBeVisible();
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-train-rows', '96');
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-classes', '3');
  await expect.poll(() => datasetParam(page.url())).toBe('csv');
  // It was dropped before the page was ready (or the test proved nothing).
  expect(early).toBe(true);
});
