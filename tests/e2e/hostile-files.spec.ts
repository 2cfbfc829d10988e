/**
 * Hostile files on the built page (issue 19): a wide file loads with the page answering
 * (main-thread long tasks recorded with a PerformanceObserver, no wall-clock limit) and one
 * past the column limit is refused in an alert naming it, in both languages; a UTF-8 file
 * with a stray byte keeps its "café" and says why it was read so; a file with 1e300 trains
 * to a finite loss; a file to classify flags the cells the model could not read.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, dropFile, openApp, status, trainUntil } from './page';

/** `cols` columns: numeric features and a class; `rows` rows. */
function wideCsv(cols: number, rows: number): string {
  const names = Array.from({ length: cols - 1 }, (_, i) => `f${i + 1}`);
  const lines = [[...names, 'class'].join(',')];
  for (let r = 0; r < rows; r++) {
    const cells = Array.from({ length: cols - 1 }, (_, c) => (((r * 7 + c * 13) % 97) / 10).toFixed(1));
    lines.push([...cells, r % 2 ? 'a' : 'b'].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Start recording main-thread long tasks (> 50 ms) into window.__longTasks. */
async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
}

const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

test('a 3,000-column file loads with the page answering, its column table windowed', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  await recordLongTasks(page);
  await dropFile(page, 'csv-drop', 'wide.csv', wideCsv(3000, 20));
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-features', '2999');
  // The form holds a field per feature (CONTRACT.md), joined to the page in steps.
  await expect(page.getByTestId('predict-form').locator('input')).toHaveCount(2999);
  // A screenful of the column table is in the DOM, not 3,000 rows.
  const rows = await page.getByRole('region', { name: /Columns \(3,000/ }).locator('tbody tr').count();
  expect(rows).toBeLessThan(100);
  // Responsive: the page answers a click right after, and no single task held it for long
  // (the page before spent one task of about 10 s on this file, 20 s on 5,000 columns; now the
  // longest is under a second here, so 5 s leaves room for a machine five times slower).
  await page.getByTestId('language').selectOption('ko');
  await expect(page.getByTestId('language')).toHaveValue('ko');
  const tasks = await longTasks(page);
  console.log(`wide file: ${tasks.length} long tasks, longest ${Math.max(0, ...tasks.slice(0, 10_000)).toFixed(0)} ms`);
  expect(tasks.filter((d) => d > 5000)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a file past the column limit is refused in an alert naming it and its width, in both languages', async ({ page }) => {
  await openApp(page);
  const before = await page.getByTestId('dataset-summary').getAttribute('data-features');
  await dropFile(page, 'csv-drop', 'too-wide.csv', wideCsv(5001, 3));
  await expect(page.getByRole('alert')).toContainText(/too-wide\.csv has 5,?001 columns; this page takes files of up to 5,?000 columns/);
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-features', before ?? '');
  await page.getByTestId('language').selectOption('ko');
  await expect(page.getByRole('alert')).toContainText(/too-wide\.csv 파일에는 열이 5,?001개/);
});

test('a UTF-8 file with one stray byte keeps its café and says why it was read as UTF-8', async ({ page }) => {
  await openApp(page);
  const lines = ['name,size,class', ...Array.from({ length: 40 }, (_, r) => `${r === 10 ? 'caf#' : 'café'},${r % 5},${r % 2 ? 'x' : 'y'}`)];
  const bytes = Array.from(new TextEncoder().encode(`${lines.join('\n')}\n`));
  bytes[bytes.indexOf(0x23)] = 0xe9;
  await dropFile(page, 'csv-drop', 'cafe.csv', bytes);
  await expect(page.getByTestId('encoding-reason')).toContainText(/Read as utf-8: .* valid UTF-8 and 1 byte is not/);
  await expect(page.getByText(/1 byte of cafe\.csv is not valid utf-8 .* on line 12/)).toBeVisible();
  await expect(page.getByText('caf챕')).toHaveCount(0);
  await page.getByTestId('language').selectOption('ko');
  await expect(page.getByTestId('encoding-reason')).toContainText('utf-8(으)로 읽었습니다');
});

test('a value of 1e300 is a gap with a warning, and the file trains to a finite loss', async ({ page }) => {
  await openApp(page, '?dataset=csv&steps=30');
  const lines = ['a,b,class', ...Array.from({ length: 60 }, (_, r) => `${r === 5 ? '1e300' : r % 7},${(r * 3) % 5},${r % 2 ? 'x' : 'y'}`)];
  await dropFile(page, 'csv-drop', 'big.csv', `${lines.join('\n')}\n`);
  await expect(page.getByText(/1e300/).first()).toBeVisible();
  await trainUntil(page, 'done');
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  const loss = Number(await page.getByTestId('test-loss').getAttribute('data-value'));
  expect(Number.isFinite(loss)).toBe(true);
});

test('a file to classify flags text, Infinity and unseen categories by cell', async ({ page }) => {
  await openApp(page, '?dataset=csv&steps=20');
  const lines = ['size,colour,class', ...Array.from({ length: 40 }, (_, r) => `${r % 7},${['red', 'blue'][r % 2]},${r % 2 ? 'x' : 'y'}`)];
  await dropFile(page, 'csv-drop', 'train.csv', `${lines.join('\n')}\n`);
  await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-features', '2');
  await trainUntil(page, 'done');
  await dropFile(page, 'batch-predict', 'new.csv', 'size,colour\n3,red\nbig,blue\nInfinity,green\n');
  const table = page.getByRole('region', { name: /First 3 rows/ });
  await expect(table.locator('tbody tr').nth(1)).toContainText('size: not a number');
  await expect(table.locator('tbody tr').nth(2)).toContainText('colour: category not seen in training');
  await expect(page.getByText(/2 rows have cells the model cannot read/)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('download-predictions').click();
  const file = await (await download).path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8');
  expect(text.split('\r\n')[0]).toContain('warnings');
  expect(text).toContain('size: not-finite; colour: unseen-category');
});
