/**
 * A dropped CSV trains with a validation split and early stopping by default: on a file
 * a large network can only memorise, the run ends early, puts back the weights of its
 * best validation loss and says which step they are from; the test rows choose nothing.
 * The Iris tutorial keeps its exact run (no validation, no early stopping).
 */
import { expect, test } from '@playwright/test';
import { collectErrors, dropFile, openApp, status, trainUntil } from './page';

/** Random features and labels (seeded): nothing to learn, so validation loss rises as the network memorises. */
function noise(rows: number): string {
  let s = 12345;
  const random = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = ['a,b,c,d,label'];
  for (let i = 0; i < rows; i++) lines.push(`${[0, 1, 2, 3].map(() => (random() * 2 - 1).toFixed(3)).join(',')},${['x', 'y', 'z'][Math.floor(random() * 3)]}`);
  return lines.join('\n');
}

test('an overfitting CSV stops early and the best weights come back, marked on the charts and in the eval table', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?hidden=64,64&optimizer=adam&lr=0.01');
  await dropFile(page, 'csv-drop', 'noise.csv', noise(150));
  const summary = page.getByTestId('dataset-summary');
  // The file's summary, not Iris's (both have 4 inputs, 3 classes and 30 test rows).
  await expect(page.getByTestId('label-column')).toHaveValue('label');
  // 150 rows: 30 for testing, 24 of the remaining 120 for validation (stratified per class, so within a row or two).
  const testRows = Number(await summary.getAttribute('data-test-rows'));
  expect(testRows).toBeGreaterThanOrEqual(28);
  expect(testRows).toBeLessThanOrEqual(32);
  const validationRows = Number(await summary.getAttribute('data-validation-rows'));
  expect(validationRows).toBeGreaterThanOrEqual(22);
  expect(validationRows).toBeLessThanOrEqual(26);
  // The run is sized in epochs: 2000 epochs of ~96 rows at batch 128 is 1,500 steps or so.
  const planned = Number(await page.getByTestId('steps').inputValue());
  expect(planned).toBeGreaterThan(1000);
  expect(planned).toBeLessThan(2000);

  await trainUntil(page, 'done');
  const step = Number(await status(page).getAttribute('data-step'));
  const best = Number(await status(page).getAttribute('data-best-step'));
  expect(step).toBeLessThan(planned);
  expect(best).toBeGreaterThan(0);
  expect(best).toBeLessThan(step);
  expect(Number(await status(page).getAttribute('data-epoch'))).toBeGreaterThan(0);
  await expect(status(page)).toContainText(`${best}`);
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-marks', String(best));
  // do_eval's table has the restored model's rows, evaluated at the step the run ended.
  const restored = page.locator(`[data-testid="eval-table"][data-restored-from="${best}"]`);
  await expect(restored).toHaveCount(3);
  await expect(restored.first()).toHaveAttribute('data-step', String(step));
  // The notice says it stopped on the validation split and put the best weights back.
  await expect(page.getByText(/Early stopping at step \d+: the validation loss/)).toContainText(`the weights of step ${best} are back`);
  expect(errors).toEqual([]);
});

test('the Iris tutorial keeps its run: no validation split, no early stopping, 2000 steps', async ({ page }) => {
  await openApp(page, '?steps=300');
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-validation-rows', '0');
  await trainUntil(page, 'done');
  await expect(status(page)).toHaveAttribute('data-step', '300');
  await expect(status(page)).toHaveAttribute('data-best-step', '');
});
