/**
 * One screen, cause and effect (issue #13): on a laptop the controls, the curves, the decision
 * map, the network and the prediction form are all inside the first viewport, on Iris and
 * after dropping a 14-column CSV, and the page itself never scrolls; the drawer's tabs hold
 * the rest. On a phone the toolbar stays docked at the bottom however far the page scrolls.
 * Nothing shifts while the page opens and trains (cumulative layout shift under 0.1).
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, dropFile, openApp, trainUntil } from './page';

/** What a person must see at once (CONTRACT.md): the controls, the output and the model. */
const ON_SCREEN = ['play', 'train', 'loss-chart', 'accuracy-chart', 'boundary-map', 'network', 'predict-form'];

/** Each hook's box against the window: ids whose box is not wholly inside it, with the box. */
async function offScreen(page: Page, ids: string[]): Promise<string[]> {
  return page.evaluate((ids) => {
    const out: string[] = [];
    for (const id of ids) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      if (!el) {
        out.push(`${id} missing`);
        continue;
      }
      const r = el.getBoundingClientRect();
      const inside = r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
      if (!inside) out.push(`${id} at ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return out;
  }, ids);
}

async function pageScrolls(page: Page): Promise<{ height: number; inner: number }> {
  return page.evaluate(() => ({ height: (document.scrollingElement ?? document.documentElement).scrollHeight, inner: window.innerHeight }));
}

/** Fourteen columns: thirteen measurements with long names and a label. */
function fourteenColumns(): string {
  const names = Array.from({ length: 13 }, (_, i) => `measurement_${i}_of_the_sample`);
  const lines = [[...names, 'kind'].join(',')];
  for (let r = 0; r < 90; r++) lines.push([...names.map((_, i) => (((r * (i + 5)) % 23) + 0.25 * (r % 3)).toFixed(2)), ['alpha', 'beta', 'gamma'][r % 3]].join(','));
  return lines.join('\n');
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test.describe(`a laptop at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('Iris, then a 14-column CSV: the workspace fits the first screen and the page does not scroll', async ({ page }) => {
      const errors = collectErrors(page);
      await openApp(page, '?steps=100');
      await expect(page.getByTestId('boundary-map')).toBeVisible();
      await expect(page.getByTestId('network')).toBeVisible();
      expect(await offScreen(page, ON_SCREEN)).toEqual([]);
      const before = await pageScrolls(page);
      expect(before.height).toBeLessThanOrEqual(before.inner);

      await trainUntil(page, 'done');
      expect(await offScreen(page, ON_SCREEN)).toEqual([]);

      await dropFile(page, 'csv-drop', 'fourteen.csv', fourteenColumns());
      await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-features', '13');
      await expect(page.getByTestId('boundary-map')).toBeVisible();
      await expect(page.getByTestId('predict-form').locator('input')).toHaveCount(13);
      expect(await offScreen(page, ON_SCREEN)).toEqual([]);
      const after = await pageScrolls(page);
      expect(after.height).toBeLessThanOrEqual(after.inner);

      // Korean words are longer in places; the workspace still fits.
      await page.getByTestId('language').selectOption('ko');
      expect(await offScreen(page, ON_SCREEN)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}

test.describe('the drawer', () => {
  test('a tab opens its panel under the workspace, the keyboard moves between tabs, Escape closes it', async ({ page }) => {
    await openApp(page, '?steps=50');
    const drawer = page.getByTestId('drawer');
    await expect(drawer).toHaveAttribute('data-open', '');
    await page.getByTestId('tab-about').click();
    await expect(drawer).toHaveAttribute('data-open', 'about');
    await expect(page.getByTestId('backend')).toBeVisible();
    // The workspace keeps its hooks in view with the drawer open.
    expect(await offScreen(page, ['train', 'loss-chart', 'accuracy-chart'])).toEqual([]);

    await page.getByTestId('tab-about').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('tab-checkpoints')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(drawer).toHaveAttribute('data-open', 'checkpoints');
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveAttribute('data-open', '');
    await expect(page.getByTestId('backend')).toBeHidden();
    // Hidden, not gone: its hooks can still be read.
    await expect(page.getByTestId('backend')).toHaveAttribute('data-value', /webgl|wasm|cpu/);
  });
});

test.describe('on a phone (390 x 844)', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the toolbar stays docked at the bottom wherever the page is scrolled', async ({ page }) => {
    await openApp(page, '?steps=50');
    const train = page.getByTestId('train');
    expect(await offScreen(page, ['train'])).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    expect(await offScreen(page, ['train'])).toEqual([]);
    const box = await train.boundingBox();
    expect(box!.y).toBeGreaterThan(844 / 2);
    await trainUntil(page, 'done');
  });
});

test('nothing shifts while the page opens and trains (cumulative layout shift under 0.1)', async ({ page }) => {
  // Record every layout shift from the first paint, as Chrome's CLS does (not those right after input).
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; at: number; sources: string[] }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; startTime: number; sources?: { node?: Node }[] }[]) {
        if (!e.hadRecentInput) {
          const sources = (e.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.tagName}.${s.node.className}` : String(s.node?.nodeName)));
          w.__shifts.push({ value: e.value, at: e.startTime, sources });
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await openApp(page, '?steps=300');
  await expect(page.getByTestId('boundary-map')).toBeVisible();
  await trainUntil(page, 'done');
  await expect(page.getByTestId('boundary-map')).toHaveAttribute('data-step', '300');
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; at: number; sources: string[] }[] }).__shifts);
  // CLS: the largest burst (session window: gaps under 1 s, at most 5 s long).
  let cls = 0;
  let windowSum = 0;
  let windowStart = -Infinity;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.at - last > 1000 || s.at - windowStart > 5000) {
      windowSum = 0;
      windowStart = s.at;
    }
    windowSum += s.value;
    last = s.at;
    cls = Math.max(cls, windowSum);
  }
  expect(cls, JSON.stringify(shifts.filter((s) => s.value > 0.001))).toBeLessThan(0.1);
});
