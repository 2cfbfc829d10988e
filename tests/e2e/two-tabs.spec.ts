/**
 * Two tabs of the app in one browser (one IndexedDB): both train and save checkpoints,
 * each tab's list follows the other's saves, and a reload of each brings back its own data
 * set, step and checkpoints, not the session the other tab saved last. And a CSV re-opened
 * after a reload keeps the choices the person made (label, encoding, test fraction), so the
 * next change starts from them rather than from the automatic guess.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, dropFile, lastCheckpointListed, openApp, status, trainUntil, openTab } from './page';

/** Species and island are both class-like; the free-text note is not. */
function penguins(rows: number): string {
  const species = ['Adelie', 'Gentoo', 'Chinstrap'];
  const islands = ['Torgersen', 'Biscoe', 'Dream'];
  const lines = ['species,island,bill_length_mm,flipper_length_mm,note'];
  for (let i = 0; i < rows; i++) {
    const k = i % 3;
    lines.push(`${species[k]},${islands[(k + (i % 7 === 0 ? 1 : 0)) % 3]},${(38 + k * 6 + ((i * 7) % 10) / 10).toFixed(1)},${185 + k * 15 + ((i * 3) % 7)},n${i}`);
  }
  return lines.join('\n');
}

const checkpointRow = (page: Page, step: number) => page.getByTestId('checkpoints').locator(`tr[data-step="${step}"]`);

test('two tabs train on their own data sets; a reload of each brings back its own data set, step and checkpoints', async ({ page, context }) => {
  const errorsA = collectErrors(page);
  await openApp(page, '?steps=200');
  await trainUntil(page, 'done');
  await expect(status(page)).toHaveAttribute('data-step', '200');
  await expect(checkpointRow(page, 200)).toHaveCount(1);

  // Tab B opens: a new tab goes on where the person was (tab A's Iris at 200).
  const tabB = await context.newPage();
  const errorsB = collectErrors(tabB);
  await openApp(tabB, '?steps=300');
  await expect(status(tabB)).toHaveAttribute('data-step', '200');
  // Tab A trains on; tab B's list of the same data set's checkpoints follows without a reload.
  await trainUntil(page, 'done');
  await expect(status(page)).toHaveAttribute('data-step', '400');
  await expect(checkpointRow(tabB, 400)).toHaveCount(1);

  // Tab B drops a CSV and trains on it while tab A trains Iris again: both save at once.
  const summaryB = tabB.getByTestId('dataset-summary');
  await dropFile(tabB, 'csv-drop', 'penguins.csv', penguins(150));
  await expect(summaryB).toHaveAttribute('data-train-rows', '96');
  await expect(status(tabB)).toHaveAttribute('data-step', '0');
  await Promise.all([trainUntil(tabB, 'done'), trainUntil(page, 'done')]);
  await expect(status(tabB)).toHaveAttribute('data-step', '300');
  await expect(status(page)).toHaveAttribute('data-step', '600');
  await Promise.all([lastCheckpointListed(tabB), lastCheckpointListed(page)]);

  // Reload tab A (its link names no data set): Iris at 600 with its checkpoints, not tab B's CSV, saved last.
  await page.reload();
  const summaryA = page.getByTestId('dataset-summary');
  await expect(status(page)).toHaveAttribute('data-step', '600');
  await expect(summaryA).toHaveAttribute('data-features', '4');
  await expect(summaryA).toContainText('setosa');
  await expect(page.getByTestId('label-column')).toHaveCount(0);
  for (const step of [600, 400, 200]) await expect(checkpointRow(page, step)).toHaveCount(1);

  // Reload tab B: its CSV at 300 and its checkpoint.
  await tabB.reload();
  await expect(status(tabB)).toHaveAttribute('data-step', '300');
  await expect(summaryB).toHaveAttribute('data-train-rows', '96');
  await expect(tabB.getByTestId('label-column')).toBeVisible();
  await expect(checkpointRow(tabB, 300)).toHaveCount(1);

  // Each tab's checkpoints are whole: tab A restores its oldest and goes on from it.
  await openTab(page, 'checkpoints');
  await checkpointRow(page, 200).getByRole('button', { name: /restore/i }).click();
  await expect(status(page)).toHaveAttribute('data-step', '200');
  expect(errorsA).toEqual([]);
  expect(errorsB).toEqual([]);
});

test('a CSV re-opened after a reload keeps the label, encoding and test fraction the person chose', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=200');
  const summary = page.getByTestId('dataset-summary');
  const label = page.getByTestId('label-column');
  const encoding = page.getByRole('combobox', { name: 'Encoding' });
  const fraction = page.getByRole('spinbutton', { name: 'Test fraction' });
  await dropFile(page, 'csv-drop', 'penguins.csv', penguins(150));
  await expect(summary).toHaveAttribute('data-train-rows', '96');
  const guessed = await label.inputValue();
  const picked = guessed === 'island' ? 'species' : 'island';
  await label.selectOption(picked);
  await expect(label).toHaveValue(picked);
  await encoding.selectOption('utf-8');
  await expect(encoding).toHaveValue('utf-8');
  await fraction.fill('0.3');
  await fraction.blur();
  // A fifth of 150 rows was 30; three tenths hold out more.
  await expect(summary).not.toHaveAttribute('data-test-rows', '30');
  const testRows = (await summary.getAttribute('data-test-rows')) ?? '';
  expect(Number(testRows)).toBeGreaterThan(40);
  await expect(label).toHaveValue(picked);
  await trainUntil(page, 'done');
  await lastCheckpointListed(page);

  await page.reload();
  await expect(status(page)).toHaveAttribute('data-step', '200');
  await expect(label).toHaveValue(picked);
  await expect(encoding).toHaveValue('utf-8');
  await expect(fraction).toHaveValue('0.3');
  await expect(summary).toHaveAttribute('data-test-rows', testRows);

  // The next change starts from those choices: leaving a column out keeps the picked label and the split.
  const flipper = page.getByRole('checkbox', { name: 'Use flipper_length_mm as a feature' });
  // A click asks the worker to re-build; the box follows the data set it sends back.
  await flipper.click();
  await expect(flipper).not.toBeChecked();
  await expect(label).toHaveValue(picked);
  await expect(encoding).toHaveValue('utf-8');
  await expect(summary).toHaveAttribute('data-test-rows', testRows);
  expect(errors).toEqual([]);
});
