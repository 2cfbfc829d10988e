/**
 * The controls: change the hidden layers and the learning rate, the URL follows, and
 * opening that URL in a new page restores them; settings that need a new model say so.
 */
import { expect, test } from '@playwright/test';
import { openApp, status, trainUntil, openTab } from './page';

test('hidden layers and learning rate through the controls, into the URL, and back from it', async ({ page, context }) => {
  await openApp(page);
  const settings = page.getByTestId('settings');
  await settings.getByRole('button', { name: 'More units in hidden layer 1' }).click();
  await settings.getByRole('button', { name: 'More units in hidden layer 1' }).click();
  await settings.getByTestId('add-layer').click();
  await expect(settings.getByTestId('hidden-layer-4')).toHaveValue('10');
  await settings.getByTestId('learning-rate').fill('0.1');
  await settings.getByTestId('learning-rate').press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('hidden')).toBe('12,20,10,10');
  expect(new URL(page.url()).searchParams.get('lr')).toBe('0.1');
  // The new layers need a new model; Reset builds it.
  await expect(settings.getByText('These settings need a new model')).toBeVisible();
  await settings.getByTestId('apply-reset').click();
  await expect(settings.getByText('These settings need a new model')).toBeHidden();
  await openTab(page, 'about');
  await expect(page.getByText(/hidden units \[12, 20, 10, 10\]/)).toBeVisible();

  const other = await context.newPage();
  await openApp(other, new URL(page.url()).search);
  await expect(other.getByTestId('hidden-layer-1')).toHaveValue('12');
  await expect(other.getByTestId('hidden-layer-4')).toHaveValue('10');
  await expect(other.getByTestId('learning-rate')).toHaveValue('0.1');
});

test('the learning rate changes mid-run without a new model', async ({ page }) => {
  await openApp(page, '?steps=300');
  await trainUntil(page, 'done');
  await page.getByTestId('learning-rate').fill('0.01');
  await page.getByTestId('learning-rate').press('Enter');
  await expect(page.getByText('These settings need a new model')).toHaveCount(0);
  await trainUntil(page, 'done');
  await expect(status(page)).toHaveAttribute('data-step', '600');
});

test('two runs: the earlier one is kept in the runs table and overlaid on the charts', async ({ page }) => {
  await openApp(page, '?steps=200');
  await trainUntil(page, 'done');
  await page.getByRole('button', { name: 'Fewer units in hidden layer 1' }).click();
  await page.getByTestId('apply-reset').click();
  await expect(status(page)).toHaveAttribute('data-step', '0');
  await trainUntil(page, 'done');
  await openTab(page, 'runs');
  const runs = page.getByTestId('runs');
  await expect(runs.locator('tr[data-run="1"]')).toContainText('[10, 20, 10]');
  await expect(runs.locator('tr[data-run="current"]')).toContainText('[9, 20, 10]');
  await runs.getByRole('checkbox', { name: 'Overlay run 1 on the charts' }).check();
  await expect(page.getByTestId('loss-chart')).toContainText('run 1 test');
  await expect(page.getByTestId('accuracy-chart')).toContainText('run 1 test');
  // Over training time too: the earlier run's two evaluations (steps 100 and 200) are in the data table.
  await page.getByTestId('x-axis').selectOption('time');
  const accuracy = page.getByTestId('accuracy-chart');
  await accuracy.getByText('Data table').click();
  await expect(accuracy.getByTestId('accuracy-chart-data').locator('caption', { hasText: 'run 1 test' })).toHaveText('run 1 test: 2 points');
});

test('activation, dropout, L2 and patience through the controls, into the URL, and back from it', async ({ page, context }) => {
  await openApp(page);
  const settings = page.getByTestId('settings');
  await settings.getByTestId('activation').selectOption('tanh');
  // A new activation needs a new model, and the notice names it.
  await expect(settings.getByText('These settings need a new model')).toBeVisible();
  await expect(settings.getByTestId('needs-reset')).toHaveAttribute('data-changes', 'activation');
  for (const [id, value] of [
    ['dropout', '0.1'],
    ['l2', '0.001'],
    ['patience', '3'],
  ] as const) {
    await settings.getByTestId(id).fill(value);
    await settings.getByTestId(id).press('Enter');
  }
  await expect.poll(() => new URL(page.url()).search).toContain('activation=tanh&dropout=0.1&l2=0.001&patience=3');
  // Patience applies to the next run: it is not among the changes that need a new model.
  await expect(settings.getByTestId('needs-reset')).toHaveAttribute('data-changes', 'activation,dropout,l2');
  await settings.getByTestId('apply-reset').click();
  await expect(settings.getByText('These settings need a new model')).toBeHidden();

  const other = await context.newPage();
  await openApp(other, new URL(page.url()).search);
  const restored = other.getByTestId('settings');
  await expect(restored.getByTestId('activation')).toHaveValue('tanh');
  await expect(restored.getByTestId('dropout')).toHaveValue('0.1');
  await expect(restored.getByTestId('l2')).toHaveValue('0.001');
  await expect(restored.getByTestId('patience')).toHaveValue('3');
  // The page builds its first model from the URL: nothing waits for Reset.
  await expect(restored.getByText('These settings need a new model')).toHaveCount(0);
});

test('an invalid dropout in the URL shows a notice and the default', async ({ page }) => {
  await openApp(page, '?dropout=5&activation=softmax');
  await expect(page.getByRole('status').filter({ hasText: 'dropout=5' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'activation=softmax' })).toBeVisible();
  await expect(page.getByTestId('dropout')).toHaveValue('0');
  await expect(page.getByTestId('activation')).toHaveValue('relu');
  await expect(page.getByText('These settings need a new model')).toHaveCount(0);
});

test('a dropout out of range typed into the field goes back to the value', async ({ page }) => {
  await openApp(page);
  const dropout = page.getByTestId('dropout');
  await dropout.fill('0.95');
  await dropout.press('Enter');
  await expect(dropout).toHaveValue('0');
  expect(new URL(page.url()).searchParams.get('dropout')).toBeNull();
  // The keyboard's arrow steps by 0.05.
  await dropout.press('ArrowUp');
  await dropout.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('dropout')).toBe('0.05');
});

test('early stopping on the Iris tutorial: no validation split, so it says it never watches the test rows, and trains to the last step', async ({ page }) => {
  await openApp(page, '?patience=3&steps=500');
  await expect(page.getByTestId('patience')).toHaveValue('3');
  await trainUntil(page, 'done');
  const step = Number(await status(page).getAttribute('data-step'));
  expect(step).toBe(500);
  await expect(page.getByRole('status').filter({ hasText: 'Early stopping watches a validation split, never the test rows' })).toBeVisible();
  await expect(status(page)).toHaveAttribute('data-best-step', '');
  // Off (patience 0): the same model trains on.
  await page.getByTestId('patience').fill('0');
  await page.getByTestId('patience').press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('patience')).toBeNull();
  await page.getByTestId('steps').fill('300');
  await page.getByTestId('steps').press('Enter');
  await trainUntil(page, 'done');
  await expect(status(page)).toHaveAttribute('data-step', String(step + 300));
});
