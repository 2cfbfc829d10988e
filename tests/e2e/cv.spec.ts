/**
 * k-fold cross-validation as a person uses it: Iris (150 rows) recommends it, choose 5
 * folds, Train runs the folds and then the shown model; the summary gives mean ± sd over
 * the folds and a row per fold, and the page's test accuracy stays the held-out split's.
 * Stop during the folds ends the whole run. In Korean too, with no WCAG 2.1 AA violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { collectErrors, openApp, status, stepOf, trainUntil } from './page';

test('Iris, 5 folds: cv-summary with mean ± sd, a row per fold, then the shown model trained', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=100');
  await expect(page.getByTestId('cv-recommend')).toContainText('150 rows');
  await page.getByTestId('cv-folds').selectOption('5');
  await expect(page).toHaveURL(/folds=5/);
  await expect(page.getByTestId('cv-recommend')).toHaveCount(0);
  await expect(page.getByTestId('cv-summary')).toHaveCount(0);
  await trainUntil(page, 'done');
  const summary = page.getByTestId('cv-summary');
  await expect(summary).toHaveAttribute('data-folds', '5');
  const mean = Number(await summary.getAttribute('data-mean'));
  const sd = Number(await summary.getAttribute('data-sd'));
  for (const v of [mean, sd]) {
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
  const folds = page.getByTestId('cv-fold');
  await expect(folds).toHaveCount(5);
  const accuracies = await folds.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-accuracy'))));
  expect(mean).toBeCloseTo(accuracies.reduce((a, b) => a + b, 0) / 5, 9);
  // The shown model then trained its own 100 steps and was evaluated on the 30 test rows.
  expect(await stepOf(page)).toBe(100);
  const accuracy = Number(await page.getByTestId('test-accuracy').getAttribute('data-value'));
  expect(Math.round(accuracy * 30)).toBeCloseTo(accuracy * 30, 6);
  expect(errors).toEqual([]);
});

test('Stop during the folds ends the cross-validation: no summary, the model untouched', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=200000&folds=10');
  await expect(page.getByTestId('cv-folds')).toHaveValue('10');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('cv-progress')).toHaveAttribute('data-active', 'true');
  await expect(page.getByTestId('cv-progress')).toContainText(/fold 1 of 10 · step [1-9]/);
  await page.getByTestId('stop').click();
  await expect(status(page)).toHaveAttribute('data-state', 'stopped');
  await expect(page.getByTestId('cv-progress')).toHaveAttribute('data-active', 'false');
  await expect(page.getByTestId('cv-summary')).toHaveCount(0);
  expect(await stepOf(page)).toBe(0);
  expect(errors).toEqual([]);
});

test('in Korean: the folds, the progress and the summary are worded, with no WCAG 2.1 AA violation', async ({ page }) => {
  await openApp(page, '?steps=100&folds=5');
  await page.getByTestId('language').selectOption('ko');
  await expect(page.getByTestId('train')).toContainText('교차 검증(5폴드) 후 학습');
  await trainUntil(page, 'done');
  await expect(page.getByTestId('cv-summary')).toContainText('폴드 5개의 테스트 정확도');
  const results = await new AxeBuilder({ page }).include('#cv-title').include('[data-testid="cv-folds"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
