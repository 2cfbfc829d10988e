/**
 * The per-neuron pictures: on Iris, one neuron-map per hidden unit (10 + 20 + 10), each
 * named for a screen reader, enlarged on focus, and redrawn as the model trains.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp, trainUntil } from './page';

/** Every neuron map's pixels, as one string to compare. */
const pixels = (page: Page) =>
  page.evaluate(() => Array.from(document.querySelectorAll<HTMLCanvasElement>('[data-testid="neuron-map"]'), (c) => c.toDataURL()).join('|'));

test('Iris shows a picture per hidden unit, and they change with training', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page);
  const maps = page.getByTestId('neuron-map');
  await expect(maps).toHaveCount(40);
  await expect(page.locator('[data-testid="neuron-map"][data-layer="0"]')).toHaveCount(10);
  await expect(page.locator('[data-testid="neuron-map"][data-layer="1"]')).toHaveCount(20);
  await expect(page.locator('[data-testid="neuron-map"][data-layer="2"]')).toHaveCount(10);
  const third = page.locator('[data-testid="neuron-map"][data-layer="0"][data-unit="2"]');
  await expect(third).toHaveAttribute('aria-label', /^Hidden layer 1, unit 3: /);
  const before = await pixels(page);

  // Focus enlarges a unit in place (a transform: nothing around it moves).
  const box = await third.boundingBox();
  await third.focus();
  await expect.poll(async () => (await third.boundingBox())?.width ?? 0).toBeGreaterThan((box?.width ?? 0) * 2);

  await trainUntil(page, 'done');
  // The map (and its pictures) of the trained model.
  await expect(page.getByTestId('boundary-map')).toHaveAttribute('data-step', '2000');
  await expect(maps).toHaveCount(40);
  await expect.poll(() => pixels(page)).not.toBe(before);
  expect(errors).toEqual([]);
});
