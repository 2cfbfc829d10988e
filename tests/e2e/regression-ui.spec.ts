/**
 * A regression CSV through the page's pictures (#16): price is linear in two numeric
 * columns plus noise, the label last with many distinct decimals, so the page guesses
 * regression. After a run: the predicted-vs-actual scatter and the residual plot show the
 * test rows, the decision map is the predicted number's field with its colour bar, and a
 * file of rows gets a 'predicted price' column and an RMSE / MAE / R² line.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectErrors, dropFile, openApp, trainUntil } from './page';

/** `rows` rows of size, age, price = 3 size - 2 age + 50 + noise (seeded, so every run is the same file). */
function housesCsv(rows: number, seed: number): string {
  let s = seed;
  const rand = () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
  const lines = ['size,age,price'];
  for (let i = 0; i < rows; i++) {
    const size = 20 + 80 * rand();
    const age = 40 * rand();
    const price = 3 * size - 2 * age + 50 + 6 * (rand() - 0.5);
    lines.push(`${size.toFixed(2)},${age.toFixed(2)},${price.toFixed(3)}`);
  }
  return lines.join('\n');
}

test('a regression CSV: predicted against actual, residuals, the map’s number field, a scored file', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=300');
  await dropFile(page, 'csv-drop', 'houses.csv', housesCsv(200, 7));
  await expect(page.getByTestId('train')).toBeEnabled();

  // Before the first evaluation: the panel holds its place with a placeholder, no plots.
  const panel = page.getByTestId('regression-fit');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('predicted-vs-actual')).toHaveCount(0);
  const before = await panel.boundingBox();

  await trainUntil(page, 'done');
  const scatter = page.getByTestId('predicted-vs-actual');
  await expect(scatter).toBeVisible();
  const testRows = Number(await page.getByTestId('dataset-summary').getAttribute('data-test-rows'));
  await expect(scatter).toHaveAttribute('data-points', String(testRows));
  expect(testRows).toBeGreaterThan(0);
  await expect(page.getByTestId('residual-plot')).toHaveAttribute('data-points', String(testRows));
  await expect(scatter.getByRole('img')).toHaveAttribute('aria-label', /R²/);
  // The dots are drawn: the canvas holds pixels of the dots' blue.
  const blue = await scatter.locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i + 2] > data[i] + 60) n++;
    return n;
  });
  expect(blue).toBeGreaterThan(100);
  await expect(page.getByTestId('fit-caption')).toContainText('R²');
  await expect(page.getByTestId('fit-caption')).toContainText(`${testRows} test rows`);
  // The panel did not change height when the plots came.
  const after = await panel.boundingBox();
  expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0))).toBeLessThan(2);

  // The decision map: a number field with a colour bar, no class legend.
  const map = page.getByTestId('boundary-map');
  await expect(map).toBeVisible();
  await expect(map).toHaveAttribute('aria-label', /price/);
  await expect(page.getByTestId('value-legend')).toBeVisible();

  // A file of rows with the label: a predicted price column and the regression line.
  await dropFile(page, 'batch-predict', 'new.csv', housesCsv(30, 99));
  const score = page.getByTestId('batch-score');
  await expect(score).toBeVisible();
  await expect(score).toContainText('RMSE');
  await expect(score).toContainText('30 rows with a price');
  expect(Number(await score.getAttribute('data-r2'))).toBeGreaterThan(0.5);
  await expect(page.getByRole('columnheader', { name: 'predicted price' })).toBeVisible();

  const axe = await new AxeBuilder({ page }).include('[data-testid="regression-fit"]').include('.boundary-panel').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // In Korean, the same numbers in Korean words.
  await page.getByTestId('language').selectOption('ko');
  await expect(page.getByTestId('fit-caption')).toContainText(`테스트 행 ${testRows}개`);
  await expect(score).toContainText('price 값이 있는 30행에서 RMSE');
  await expect(scatter.getByRole('img')).toHaveAttribute('aria-label', /예측 price/);
  expect(errors).toEqual([]);
});
