/**
 * First guesses for a dropped CSV, as a person sees them: the label column taken by its
 * name with the reason next to it and the alternatives one click away; classes of one row
 * named, with one click to merge them; a date column read as year, month and weekday; a
 * JSON file named for what it is, with what was loaded before staying loaded.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors, dropFile, openApp, trainUntil } from './page';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test('penguins: species is the label by its name, said why; another column in one click; rare classes merged in one click', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await dropFile(page, 'csv-drop', 'penguins.csv', fixture('penguins.csv'));
  const summary = page.getByTestId('dataset-summary');
  await expect(summary).toHaveAttribute('data-classes', '5');
  // Not sex (the last column): species, and the page says why.
  await expect(page.getByTestId('label-column')).toHaveValue('species');
  await expect(page.getByTestId('label-reason')).toHaveText('species: its name says it is the target (5 classes)');

  // The two species of one row are named, with one click to merge them.
  await expect(page.getByText('"Emperor" (1 row), "King" (1 row) have fewer than 2 rows')).toBeVisible();
  await page.getByRole('button', { name: 'Merge them into "other"' }).click();
  await expect(summary).toHaveAttribute('data-classes', '4');
  await expect(summary).toContainText('Adelie / Chinstrap / Gentoo / other');
  await expect(page.getByText('Merged the classes "Emperor", "King" (2 rows) into "other".')).toBeVisible();
  await page.getByRole('button', { name: 'Keep the classes as they were' }).click();
  await expect(summary).toHaveAttribute('data-classes', '5');

  // The alternatives: island and sex, each one click away.
  await page.getByRole('button', { name: 'Use sex as the label' }).click();
  await expect(page.getByTestId('label-column')).toHaveValue('sex');
  await expect(summary).toHaveAttribute('data-classes', '2');
  await expect(page.getByTestId('label-reason')).toHaveText('sex: you picked it (2 classes)');
  await page.getByRole('button', { name: 'Use species as the label' }).click();
  await expect(page.getByTestId('label-column')).toHaveValue('species');
  expect(errors).toEqual([]);
});

test('a date column becomes year, month and day of week: one date field in the form', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=200');
  await dropFile(page, 'csv-drop', 'seattle-weather.csv', fixture('weather.csv'));
  await expect(page.getByTestId('label-column')).toHaveValue('weather');
  await expect(page.getByTestId('label-reason')).toHaveText('weather: the last column with few distinct values (3 classes)');
  const dateRow = page.getByRole('row', { name: /^Use date as a feature/ });
  await expect(dateRow).toContainText('date → year, month, day of week');
  await expect(dateRow).toContainText('feature');
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-features', '4');

  await trainUntil(page, 'done');
  const form = page.getByTestId('predict-form');
  await expect(form.locator('[name]')).toHaveCount(4);
  await form.locator('input[name="date"]').fill('2013-07-15');
  await form.locator('input[name="precipitation"]').fill('0');
  await form.locator('input[name="temp_max"]').fill('20');
  await form.locator('input[name="wind"]').fill('3');
  await form.getByTestId('predict').click();
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-class', /^(rain|sun|fog)$/);
  // A text that is no date: the field is marked and the alert says how to write one.
  await form.locator('input[name="date"]').fill('next week');
  await form.getByTestId('predict').click();
  await expect(page.getByRole('alert').filter({ hasText: 'is not a date' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a dropped .json is named for what it is, with how to save it as CSV; the loaded data set stays', async ({ page }) => {
  await openApp(page);
  await dropFile(page, 'csv-drop', 'penguins.csv', fixture('penguins.csv'));
  const summary = page.getByTestId('dataset-summary');
  await expect(summary).toHaveAttribute('data-classes', '5');
  await dropFile(page, 'csv-drop', 'penguins.json', '[{"species": "Adelie", "bill_length_mm": 39.1}]', 'application/json');
  const alert = page.getByRole('alert').filter({ hasText: 'penguins.json' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('is a JSON file, not a CSV. Save it as CSV first');
  await expect(summary).toHaveAttribute('data-classes', '5');
  await expect(page.getByTestId('label-column')).toHaveValue('species');
});
