/**
 * The learning curves over training time as well as steps, and their numbers as a table
 * a keyboard or screen reader user can read; the panel in Korean.
 */
import { expect, test } from '@playwright/test';
import { collectErrors, openApp, trainUntil } from './page';

test('the curves over training seconds, and the data table behind them', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=300');
  await trainUntil(page, 'done');
  const loss = page.getByTestId('loss-chart');
  const accuracy = page.getByTestId('accuracy-chart');
  const lossByStep = Number(await loss.getAttribute('data-points'));
  const accuracyByStep = Number(await accuracy.getAttribute('data-points'));
  expect(lossByStep).toBeGreaterThan(0);
  expect(accuracyByStep).toBe(3); // test accuracy at steps 100, 200 and 300
  await expect(loss).toContainText('step');

  await page.getByTestId('x-axis').selectOption('time');
  await expect(loss).toHaveAttribute('data-x-axis', 'time');
  // Every point of this run carries its training time, so none leaves the chart.
  await expect(loss).toHaveAttribute('data-points', String(lossByStep));
  await expect(accuracy).toHaveAttribute('data-points', String(accuracyByStep));
  await expect(loss).toContainText('training time (seconds)');
  await expect(accuracy).toContainText('training time (seconds)');
  await expect(loss.locator('.recharts-line-curve').first()).toBeVisible();

  // The numbers, opened from the keyboard.
  await accuracy.locator('summary').focus();
  await page.keyboard.press('Enter');
  const table = page.getByTestId('accuracy-chart-data');
  await expect(table).toBeVisible();
  const testRows = table.locator('table').first().locator('tbody tr');
  await expect(testRows).toHaveCount(3);
  const last = testRows.nth(2).locator('th, td');
  await expect(last.nth(0)).toHaveText('300');
  const seconds = Number(await last.nth(1).textContent());
  expect(seconds).toBeGreaterThan(0);
  const value = Number(await last.nth(2).textContent());
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
  // Closed, the table is not rendered at all.
  await page.keyboard.press('Enter');
  await expect(table).toHaveCount(0);

  await page.getByTestId('x-axis').selectOption('step');
  await expect(loss).toHaveAttribute('data-x-axis', 'step');
  await expect(loss).toHaveAttribute('data-points', String(lossByStep));
  expect(errors).toEqual([]);
});

test('the settings and the charts in Korean', async ({ page }) => {
  await page.addInitScript(() => window.localStorage.setItem('playground.lang', 'ko'));
  await openApp(page);
  await expect(page.getByRole('heading', { name: '학습 곡선' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '모델과 학습' })).toBeVisible();
  await expect(page.getByLabel('드롭아웃')).toHaveValue('0');
  await expect(page.getByTestId('x-axis').locator('option[value="time"]')).toHaveText('학습 시간 (초)');
  await page.getByTestId('activation').selectOption('tanh');
  await expect(page.getByTestId('needs-reset')).toContainText('새 모델이 필요합니다: 활성화 함수');
});
