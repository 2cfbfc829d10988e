/**
 * A file dropped (a real DragEvent) while the page is still starting, before the worker
 * said it is ready, is queued and loaded once it is, not ignored.
 */
import { expect, test } from '@playwright/test';
import { dropFile } from './page';

const rows = (n: number) =>
  ['bill,flipper,species', ...Array.from({ length: n }, (_, i) => `${30 + (i % 7) + (i % 3) * 5},${180 + (i % 11) + (i % 3) * 12},${['Adelie', 'Gentoo', 'Chinstrap'][i % 3]}`)].join('\n');

test('a CSV dropped during start-up loads once the page is ready', async ({ page }) => {
  // Iris comes late, so the worker is surely not ready when the file lands.
  await page.context().route('**/data/iris_*.csv', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  await expect(page.getByTestId('csv-drop')).toBeVisible();
  await dropFile(page, 'csv-drop', 'penguins.csv', rows(60));
  // Dropped before the page was ready (or the test proves nothing).
  expect(await page.getByTestId('train').isDisabled()).toBe(true);
  // Iris has 4 features: this is the dropped file.
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-features', '2');
  await expect(page.getByTestId('label-column')).toHaveValue('species');
  await expect(page.getByTestId('train')).toBeEnabled();
});
