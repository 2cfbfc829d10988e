/**
 * The prediction form speaks where the person looks: a bad or missing value marks its
 * field with the reason under it (role=alert inside the form), the old prediction goes,
 * and fixing the value brings a prediction back and the message goes. A value far outside
 * the training rows is classified but flagged beside its field.
 */
import { expect, test } from '@playwright/test';
import { collectErrors, openApp, predictSample } from './page';

test('a bad value marks its field and clears the old prediction until it is fixed', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const form = page.getByTestId('predict-form');
  const prediction = page.getByTestId('prediction');
  const first = await predictSample(page, [6.4, 3.2, 4.5, 1.5]);
  expect(first.cls).not.toBe('');

  const petal = form.locator('input[name="petal length"]');
  await petal.fill('abc');
  await form.getByTestId('predict').click();
  await expect(petal).toHaveAttribute('aria-invalid', 'true');
  const alert = form.getByRole('alert');
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText('petal length');
  // The message is the field's description, under it.
  const describedBy = (await petal.getAttribute('aria-describedby')) ?? '';
  expect(describedBy.split(' ')).toContain(await alert.getAttribute('id'));
  await expect(prediction).toHaveAttribute('data-class', '');
  // The other fields are not marked.
  await expect(form.locator('input[aria-invalid="true"]')).toHaveCount(1);

  // A missing value is a bad value too (Iris has no mean to fill in).
  await petal.fill('');
  await expect(petal).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toHaveCount(1);

  // Fixed: the message goes and the prediction is back, without another click.
  await petal.fill('4.5');
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(petal).not.toHaveAttribute('aria-invalid', 'true');
  await expect(prediction).toHaveAttribute('data-class', first.cls);
  expect(errors).toEqual([]);
});

test('a value far outside the training rows is classified but flagged beside its field', async ({ page }) => {
  await openApp(page);
  const form = page.getByTestId('predict-form');
  await predictSample(page, [6.4, 3.2, 40, 1.5]);
  const petal = form.locator('input[name="petal length"]');
  const note = form.getByTestId('outside-range');
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('Outside what the model was trained on');
  expect(((await petal.getAttribute('aria-describedby')) ?? '').split(' ')).toContain(await note.getAttribute('id'));
  await expect(page.getByTestId('prediction')).not.toHaveAttribute('data-class', '');
  // Back inside the range: no flag.
  await predictSample(page, [6.4, 3.2, 4.5, 1.5]);
  await expect(note).toHaveCount(0);
});

test('Korean words the field’s message', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('language').selectOption('ko');
  const form = page.getByTestId('predict-form');
  await form.locator('input[name="sepal width"]').fill('x');
  await form.getByTestId('predict').click();
  await expect(form.getByRole('alert')).toContainText(/[가-힣]/);
});
