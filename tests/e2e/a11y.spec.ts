/**
 * axe-core's WCAG 2.1 A/AA rules over the whole page as a person leaves it after using
 * it: trained, a confusion cell opened, a chart's data table open, in English and in
 * Korean, on a laptop and on a phone, and on MNIST. Any violation fails with its rule
 * and the elements it names.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp, openTab, trainUntil } from './page';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Train a short run and open what a person would look at: a cell's rows and a data table. */
async function useIris(page: Page): Promise<void> {
  await trainUntil(page, 'done');
  await openTab(page, 'evaluation');
  await page.locator('[data-testid^="confusion-cell-"]').first().click();
  await expect(page.getByTestId('confusion-rows')).toBeVisible();
  await page.getByTestId('boundary-map').waitFor();
  await page.getByTestId('network').waitFor();
  await page.getByText('Data table').first().click();
}

test('Iris in English, after training: no WCAG 2.1 AA violation', async ({ page }) => {
  await openApp(page, '?steps=300');
  await useIris(page);
  expect(await violations(page)).toEqual([]);
});

test('Iris in Korean on a phone, after training: no WCAG 2.1 AA violation', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openApp(page, '?steps=300');
  await page.getByTestId('language').selectOption('ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await trainUntil(page, 'done');
  await openTab(page, 'evaluation');
  await page.locator('[data-testid^="confusion-cell-"]').first().click();
  await expect(page.getByTestId('confusion-rows')).toBeVisible();
  await page.getByTestId('boundary-map').waitFor();
  expect(await violations(page)).toEqual([]);
});

test('MNIST after training: no WCAG 2.1 AA violation', async ({ page }) => {
  await openApp(page, '?dataset=mnist&steps=200');
  await trainUntil(page, 'done');
  await openTab(page, 'mnist-confusion');
  await page.locator('[data-testid^="confusion-cell-"]').nth(11).click();
  await expect(page.getByTestId('confusion-rows').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('a dropped CSV (preview, columns, form with a select), trained: no WCAG 2.1 AA violation', async ({ page }) => {
  await openApp(page, '?steps=200');
  const rows = ['species,island,bill_mm', ...Array.from({ length: 60 }, (_, i) => `${['Adelie', 'Gentoo', 'Chinstrap'][i % 3]},${['Biscoe', 'Dream'][i % 2]},${38 + (i % 3) * 6 + (i % 5) / 10}`)];
  await page.getByTestId('csv-drop').locator('input[type=file]').setInputFiles({ name: 'penguins.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  // The guess takes species by its name (bill_mm's 15 measured values are no classes); the reason and alternatives are checked too.
  await expect(page.getByTestId('label-column')).toHaveValue('species');
  await expect(page.getByTestId('label-reason')).not.toBeEmpty();
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-classes', '3');
  await expect(page.getByTestId('predict-form').locator('select[name="island"]')).toBeVisible();
  await trainUntil(page, 'done');
  expect(await violations(page)).toEqual([]);
});

test.describe('in dark mode (the system setting)', () => {
  test.use({ colorScheme: 'dark' });

  test('Iris trained, in English and in Korean, the drawer open: no WCAG 2.1 AA violation', async ({ page }) => {
    await openApp(page, '?steps=200');
    // The page really is dark: its background follows the system, not a fixed white.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    await useIris(page);
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('language').selectOption('ko');
    await openTab(page, 'baselines');
    expect(await violations(page)).toEqual([]);
  });
});
