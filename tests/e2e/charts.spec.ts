/**
 * The learning curves over training time as well as steps, and their numbers as a table
 * a keyboard or screen reader user can read; the panel in Korean.
 */
import { expect, test, type Locator } from '@playwright/test';
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
  // The canvas has both loss curves drawn in their colours (train blue, test orange).
  await expect.poll(() => ink(loss, '#1f77b4')).toBeGreaterThan(50);
  await expect.poll(() => ink(loss, '#ff7f0e')).toBeGreaterThan(50);

  // The numbers, opened from the keyboard.
  await accuracy.locator('summary').focus();
  await page.keyboard.press('Enter');
  const table = page.getByTestId('accuracy-chart-data');
  await expect(table).toBeVisible();
  const testRows = table.locator('table').first().locator('tbody tr');
  await expect(testRows).toHaveCount(3);
  const last = testRows.nth(2).locator('th, td');
  await expect(last.nth(0)).toHaveText('300');
  const secondsText = (await last.nth(1).textContent()) ?? '';
  const seconds = Number(secondsText);
  expect(seconds).toBeGreaterThan(0);
  const value = Number(await last.nth(2).textContent());
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
  // Closed, the table is not rendered at all.
  await page.keyboard.press('Enter');
  await expect(table).toHaveCount(0);

  // The arrow keys read the chart out point by point (here over seconds): End is the
  // last test point, the table's last row; Home and the left arrow go back along the axis.
  const readout = page.getByTestId('accuracy-chart-tooltip');
  await accuracy.locator('canvas').focus();
  await expect(readout).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(readout).toBeVisible();
  await expect(readout.locator('.chart-tooltip-x')).toHaveText(`${secondsText} s`);
  await expect(readout).toContainText(`test ${value.toFixed(4)}`);
  await page.keyboard.press('ArrowLeft');
  await expect(readout.locator('.chart-tooltip-x')).not.toHaveText(`${secondsText} s`);
  await page.keyboard.press('Home');
  const first = Number((await readout.locator('.chart-tooltip-x').textContent())?.replace(' s', ''));
  expect(first).toBeLessThan(seconds);
  await page.keyboard.press('Escape');
  await expect(readout).toHaveCount(0);
  // A pointer over the plot reads out the points under it.
  const box = (await loss.locator('canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await expect(page.getByTestId('loss-chart-tooltip')).toContainText('train (batch)');
  await page.mouse.move(0, 0);
  await expect(page.getByTestId('loss-chart-tooltip')).toHaveCount(0);

  await page.getByTestId('x-axis').selectOption('step');
  await expect(loss).toHaveAttribute('data-x-axis', 'step');
  await expect(loss).toHaveAttribute('data-points', String(lossByStep));
  expect(errors).toEqual([]);
});

/** Pixels of a chart's canvas close to `hex`: how much of a curve of that colour is drawn. */
function ink(chart: Locator, hex: string): Promise<number> {
  return chart.locator('canvas').evaluate((canvas: HTMLCanvasElement, colour) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 200 && Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) n++;
    return n;
  }, hex);
}

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
