/**
 * The analysis views as a person uses them: after training Iris, click confusion-matrix
 * cells (with the mouse and with the keyboard) to list their rows, read the decision
 * map and change its axes, see the network; on MNIST a cell lists its digits.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { collectErrors, openApp, stepOf, trainUntil, openTab } from './page';

const IRIS = ['setosa', 'versicolor', 'virginica'];

/** Every cell of the matrix with its count, as the page shows them. */
async function cells(page: Page): Promise<{ actual: number; predicted: number; count: number; cell: Locator }[]> {
  const out = [];
  const buttons = page.locator('[data-testid^="confusion-cell-"]');
  for (const cell of await buttons.all()) {
    const [actual, predicted] = ((await cell.getAttribute('data-testid')) ?? '').split('-').slice(2).map(Number);
    out.push({ actual, predicted, count: Number(await cell.textContent()), cell });
  }
  return out;
}

test('Iris: confusion cells list their rows, the decision map and the network follow the model', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=300');
  // Before training: the network of the untrained model is already drawn.
  await expect(page.getByTestId('network')).toHaveAttribute('data-widths', '4,10,20,10,3');

  await trainUntil(page, 'done');
  const step = await stepOf(page);
  expect(step).toBe(300);

  await openTab(page, 'evaluation');
  const all = await cells(page);
  expect(all).toHaveLength(9);
  const rows = page.getByTestId('confusion-rows');
  const diagonal = all.find((c) => c.actual === c.predicted && c.count > 0);
  if (!diagonal) throw new Error('No correct test row at all.');
  await diagonal.cell.click();
  await expect(diagonal.cell).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveAttribute('data-count', String(diagonal.count));
  await expect(rows).toHaveAttribute('data-total', String(diagonal.count));
  await expect(rows).toContainText(`${diagonal.count} test rows: actual ${IRIS[diagonal.actual]}, predicted ${IRIS[diagonal.predicted]}`);
  await expect(rows.locator('tbody tr')).toHaveCount(diagonal.count);

  // The keyboard: focus another cell and press Enter.
  const offDiagonal = all.find((c) => c.actual !== c.predicted && c.count > 0);
  const next = offDiagonal ?? all.find((c) => c !== diagonal && c.count > 0) ?? all.find((c) => c !== diagonal);
  if (!next) throw new Error('Only one cell.');
  await next.cell.focus();
  await page.keyboard.press('Enter');
  await expect(next.cell).toHaveAttribute('aria-pressed', 'true');
  await expect(diagonal.cell).toHaveAttribute('aria-pressed', 'false');
  await expect(rows).toHaveAttribute('data-count', String(next.count));
  await expect(rows).toContainText(`actual ${IRIS[next.actual]}, predicted ${IRIS[next.predicted]}`);

  // Row percentages instead of counts (the count stays in the cell's data and label).
  const percentages = page.getByTestId('confusion-matrix-percentages');
  await percentages.check();
  await expect(diagonal.cell).toHaveText(/^\d+%$/);
  await expect(diagonal.cell).toHaveAttribute('aria-label', new RegExp(`\\(${diagonal.count} test rows?\\)`));
  await percentages.uncheck();
  await expect(diagonal.cell).toHaveText(String(diagonal.count));

  // The decision map: drawn at the global step, over the chosen axes.
  const map = page.getByTestId('boundary-map');
  await expect(map).toHaveAttribute('data-step', String(step));
  await expect(map).toHaveAttribute('role', 'img');
  await expect(map).toHaveAttribute('aria-label', /setosa/);
  // First the two inputs that separate the classes best: Iris's petal length and width.
  await expect(map).toHaveAttribute('data-x', '2');
  await expect(map).toHaveAttribute('data-y', '3');
  await expect(page.getByTestId('boundary-x')).toHaveValue('2');
  await page.getByTestId('boundary-x').selectOption('0');
  await expect(map).toHaveAttribute('data-x', '0');
  await expect(map).toHaveAttribute('data-y', '3');
  // Picking the other axis's input swaps the axes.
  await page.getByTestId('boundary-y').selectOption('0');
  await expect(map).toHaveAttribute('data-y', '0');
  await expect(map).toHaveAttribute('data-x', '3');

  const network = page.getByTestId('network');
  await expect(network).toHaveAttribute('data-widths', '4,10,20,10,3');
  await expect(network).toHaveAttribute('data-step', String(step));
  await expect(network).toHaveAttribute('data-edges', 'weights');
  expect(errors).toEqual([]);
});

test('MNIST: a confusion cell lists its test digits', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?dataset=mnist&steps=200');
  await trainUntil(page, 'done');
  await openTab(page, 'mnist-confusion');
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  const all = await cells(page);
  expect(all).toHaveLength(100);
  const cell = all.find((c) => c.actual !== c.predicted && c.count > 0) ?? all.find((c) => c.count > 0);
  if (!cell) throw new Error('An empty matrix.');
  await cell.cell.click();
  const rows = page.getByTestId('confusion-rows');
  const listed = Math.min(cell.count, 100);
  await expect(rows).toHaveAttribute('data-count', String(listed));
  await expect(rows.locator('img')).toHaveCount(listed);
  // No decision map for 784 pixel inputs; the panel says why. The network has no edges to draw.
  await expect(page.getByTestId('boundary-map')).toHaveCount(0);
  await expect(page.getByTestId('network')).toHaveAttribute('data-widths', '784,128,32,10');
  await expect(page.getByTestId('network')).toHaveAttribute('data-edges', 'none');
  expect(errors).toEqual([]);
});
