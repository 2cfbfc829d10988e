/**
 * The Iris tutorial as a person does it: open, train 2000 steps, evaluate, classify
 * the tutorial's two samples, train again to step 4000, stop a run, reset.
 */
import { expect, test } from '@playwright/test';
import { collectErrors, openApp, predictSample, status, stepOf, trainUntil, openTab } from './page';

test('the Iris tutorial end to end', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const summary = page.getByTestId('dataset-summary');
  await expect(summary).toHaveAttribute('data-train-rows', '120');
  await expect(summary).toHaveAttribute('data-test-rows', '30');
  await expect(summary).toHaveAttribute('data-features', '4');
  await expect(summary).toHaveAttribute('data-classes', '3');
  await expect(summary).toContainText('sepal length');
  await expect(summary).toContainText('setosa / versicolor / virginica');
  await expect(page.getByTestId('backend')).toHaveAttribute('data-value', /^(webgl|wasm|cpu)$/);

  await trainUntil(page, 'done');
  expect(await stepOf(page)).toBe(2000);
  const accuracy = Number(await page.getByTestId('test-accuracy').getAttribute('data-value'));
  expect(accuracy).toBeGreaterThanOrEqual(0.9);
  expect(Number(await page.getByTestId('loss-chart').getAttribute('data-points'))).toBeGreaterThan(10);
  expect(Number(await page.getByTestId('accuracy-chart').getAttribute('data-points'))).toBeGreaterThan(1);

  // Per class: the confusion matrix of the 30 test rows and precision / recall / F1.
  await openTab(page, 'evaluation');
  await expect(page.getByTestId('confusion-matrix')).toBeVisible();
  await expect(page.getByTestId('class-metrics').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('class-metrics').locator('tfoot')).toContainText('30');

  const first = await predictSample(page, [6.4, 3.2, 4.5, 1.5]);
  expect(first.cls).toBe('versicolor');
  expect(first.probs).toHaveLength(3);
  expect(first.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  const second = await predictSample(page, [5.8, 3.1, 5.0, 1.7]);
  expect(['versicolor', 'virginica']).toContain(second.cls);
  test.info().annotations.push({ type: 'sample 2', description: `${second.cls} ${JSON.stringify(second.probs)}` });

  await page.screenshot({ path: test.info().outputPath('iris-trained.png'), fullPage: true });

  // Training again continues from the global step, as classifier.train() does.
  await trainUntil(page, 'done');
  expect(await stepOf(page)).toBe(4000);
  expect(errors).toEqual([]);
});

test('Stop ends a run early and Reset starts a fresh model', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=200000');
  const freshTensors = await page.getByTestId('tensor-count').getAttribute('data-value');
  await page.getByTestId('train').click();
  await expect(status(page)).toHaveAttribute('data-state', 'training');
  await expect.poll(() => stepOf(page)).toBeGreaterThan(0);
  await page.getByTestId('stop').click();
  await expect(status(page)).toHaveAttribute('data-state', 'stopped');
  const stoppedAt = await stepOf(page);
  expect(stoppedAt).toBeGreaterThan(0);
  expect(stoppedAt).toBeLessThan(200000);

  await page.getByTestId('reset').click();
  await expect(status(page)).toHaveAttribute('data-step', '0');
  await expect(status(page)).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('test-accuracy')).toHaveAttribute('data-value', '');
  // A fresh model holds as many tensors as the first one did: the run leaked nothing.
  await expect(page.getByTestId('tensor-count')).toHaveAttribute('data-value', freshTensors ?? 'missing');
  expect(errors).toEqual([]);
});
