/**
 * model_dir in the browser: a reload brings back the model at its step, its prediction
 * and its curves; an exported model imported in a fresh browser profile predicts the
 * same; a corrupted model.json is refused and the current model stays.
 */
import { expect, test } from '@playwright/test';
import { collectErrors, exportModel, openApp, predictSample, status, stepOf, trainUntil } from './page';

const SAMPLE = [5.8, 3.1, 5.0, 1.7];

test('train 500 steps, reload: step 500, the same prediction and the curves are back; Train goes on to 1000', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=500');
  await trainUntil(page, 'done');
  const before = await predictSample(page, SAMPLE);
  const points = await page.getByTestId('loss-chart').getAttribute('data-points');
  await expect(page.getByTestId('checkpoints').locator('tr[data-step="500"]')).toHaveCount(1);

  await page.reload();
  await expect(status(page)).toHaveAttribute('data-step', '500');
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-points', points ?? '');
  await expect(page.getByTestId('test-accuracy')).not.toHaveAttribute('data-value', '');
  const after = await predictSample(page, SAMPLE);
  expect(after.cls).toBe(before.cls);
  after.probs.forEach((p, i) => expect(p).toBeCloseTo(before.probs[i], 5));

  await trainUntil(page, 'done');
  expect(await stepOf(page)).toBe(1000);
  expect(errors).toEqual([]);
});

test('export, then import in a fresh browser profile: the same probabilities; a corrupted model.json is refused', async ({ page, browser }) => {
  await openApp(page, '?steps=300');
  await trainUntil(page, 'done');
  const expected = await predictSample(page, SAMPLE);
  const files = await exportModel(page);
  expect(files.map((f) => f.name).sort()).toEqual(['model.json', 'weights.bin']);
  const modelJson = files.find((f) => f.name === 'model.json')!;
  const weights = files.find((f) => f.name === 'weights.bin')!;
  expect(JSON.parse(modelJson.buffer.toString('utf8')).format).toBe('layers-model');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = collectErrors(other);
  await openApp(other);
  expect(await stepOf(other)).toBe(0);
  const input = other.getByTestId('import-model').locator('input[type=file]');

  // A truncated model.json: an alert naming it, and the fresh model stays.
  await input.setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: modelJson.buffer.subarray(0, 200) },
    { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: weights.buffer },
  ]);
  await expect(other.getByRole('alert')).toContainText('model.json');
  expect(await stepOf(other)).toBe(0);

  await input.setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: modelJson.buffer },
    { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: weights.buffer },
  ]);
  await expect(status(other)).toHaveAttribute('data-step', '300');
  const imported = await predictSample(other, SAMPLE);
  expect(imported.cls).toBe(expected.cls);
  imported.probs.forEach((p, i) => expect(Math.abs(p - expected.probs[i])).toBeLessThan(1e-4));
  expect(errors).toEqual([]);
  await fresh.close();
});
