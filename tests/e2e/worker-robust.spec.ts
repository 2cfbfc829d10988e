/**
 * Long work in the worker keeps the page's watchdog fed and Stop answering (#19 items 1
 * and 5, #15; Stop during an evaluation is in tests/unit/evaluate-chunked.test.ts): a CSV of 200,000 rows trains with heartbeats during its evaluations, its
 * training split evaluated on a sample the page names; a reload during a run or right
 * after it shows the step of the newest checkpoint listed. The data is generated here.
 */
import { expect, test, type Page } from '@playwright/test';
import { dropFile, lastCheckpointListed, openApp, openTab, status, stepOf } from './page';

/** Records the type of every message the page's workers post, with the time it came. */
const RECORD_MESSAGES = () => {
  const w = window as unknown as { __messages: { type: string; at: number }[] };
  w.__messages = [];
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      this.addEventListener('message', (e: MessageEvent<{ type?: string }>) => w.__messages.push({ type: String(e.data?.type), at: performance.now() }));
    }
  };
};

const messages = (page: Page) => page.evaluate(() => (window as unknown as { __messages: { type: string; at: number }[] }).__messages);

/** `rows` rows of three numbers and a class that follows from them (seeded: the same file every run). */
function bigCsv(rows: number): string {
  const lines = ['a,b,c,kind'];
  let s = 7;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < rows; i++) {
    const [a, b, c] = [next(), next(), next()];
    lines.push(`${a.toFixed(3)},${b.toFixed(3)},${c.toFixed(3)},${a > b ? 'x' : c > 0.5 ? 'y' : 'z'}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a 200,000-row CSV trains: heartbeats during its evaluations, and its training split evaluated on a sample the page names', async ({ page }) => {
  test.setTimeout(240_000);
  await page.addInitScript(RECORD_MESSAGES);
  await openApp(page, '?steps=400');
  await dropFile(page, 'csv-drop', 'big.csv', bigCsv(200_000));
  const summary = page.getByTestId('dataset-summary');
  await expect(summary).toHaveAttribute('data-train-rows', /^\d{6}$/, { timeout: 120_000 });
  const trainRows = Number(await summary.getAttribute('data-train-rows'));
  expect(trainRows).toBeGreaterThan(100_000);
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 120_000 });

  const before = (await messages(page)).length;
  await page.getByTestId('train').click();
  await expect(status(page)).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  const run = (await messages(page)).slice(before);
  expect(run.filter((m) => m.type === 'heartbeat').length).toBeGreaterThan(0);
  // The watchdog never fired: no replaced worker, no alert.
  await expect(page.getByRole('alert')).toHaveCount(0);
  const note = page.getByTestId('train-sample');
  await expect(note).toHaveAttribute('data-examples', '100000');
  await expect(note).toHaveAttribute('data-rows', String(trainRows));
});

test('a reload during a run shows the step of the newest checkpoint listed, at least the last 1000-step one', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page, '?steps=100000');
  await page.getByTestId('train').click();
  await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThan(1500);
  await page.reload();
  await expect(page.getByTestId('train')).toBeEnabled({ timeout: 60_000 });
  await openTab(page, 'checkpoints');
  const listed = page.getByTestId('checkpoints').locator('tr[data-step]');
  await expect(listed.first()).toBeVisible();
  const steps = (await listed.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-step'))))).filter((s) => s > 0);
  const newest = Math.max(...steps);
  expect(newest).toBeGreaterThanOrEqual(1000);
  await expect(status(page)).toHaveAttribute('data-step', String(newest));
});

test('a reload right after a run\'s checkpoint is listed shows the run\'s last step', async ({ page }) => {
  await openApp(page, '?steps=300');
  await page.getByTestId('train').click();
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  await lastCheckpointListed(page);
  await page.reload();
  await expect(page.getByTestId('train')).toBeEnabled();
  await expect(status(page)).toHaveAttribute('data-step', '300');
  await expect(page.getByTestId('checkpoints').locator('tr[data-step="300"]')).toHaveCount(1);
});
