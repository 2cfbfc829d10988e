/**
 * The page on a phone and from the keyboard. At 375 x 740 nothing scrolls sideways
 * (before and after training, in both languages, with a wide CSV whose tables scroll in
 * their own boxes), the panels stack in one column and buttons are big enough to touch.
 * A laptop keeps its grid. From the keyboard: the skip link, Tab to Train and Enter
 * starts a run; a drop zone opens the file chooser with Enter or Space.
 */
import { expect, test, type FileChooser, type Page } from '@playwright/test';
import { collectErrors, dropFile, openApp, status, stepOf, trainUntil } from './page';

/** How far the page scrolls sideways: the document's width against the window's. */
async function widths(page: Page): Promise<{ scroll: number; inner: number }> {
  return page.evaluate(() => ({ scroll: (document.scrollingElement ?? document.documentElement).scrollWidth, inner: window.innerWidth }));
}

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, inner } = await widths(page);
  expect(scroll, `page is ${scroll}px wide in a ${inner}px window`).toBeLessThanOrEqual(inner);
}

/** Visible buttons (and the drop zones' choose buttons) shorter than `min` px, by their text. */
async function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.locator('button:visible, .file-button:visible, select:visible').evaluateAll(
    (els, min) => els.filter((el) => el.getBoundingClientRect().height < min).map((el) => `${el.textContent?.trim() ?? ''} (${el.getBoundingClientRect().height}px)`),
    min,
  );
}

/** A CSV far wider than a phone: 14 long-named columns. */
function wideCsv(): string {
  const names = Array.from({ length: 13 }, (_, i) => `measurement_with_a_long_name_${i}`);
  const lines = [[...names, 'label'].join(',')];
  for (let r = 0; r < 60; r++) lines.push([...names.map((_, i) => ((r * (i + 3)) % 17) + 0.5), r % 2 ? 'yes' : 'no'].join(','));
  return lines.join('\n');
}

test.describe('on a phone (375 x 740)', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('one column, no sideways scroll before and after training, touchable buttons', async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page, '?steps=200');
    await expectNoSidewaysScroll(page);

    // One column: every panel starts at the same left edge and fits the window.
    const boxes = await page.locator('main .column > .panel').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
    expect(boxes.length).toBeGreaterThan(4);
    const inner = (await widths(page)).inner;
    for (const b of boxes) {
      expect(b.left).toBeCloseTo(boxes[0].left, 0);
      expect(b.right).toBeLessThanOrEqual(inner);
    }

    expect(await smallTargets(page, 40)).toEqual([]);
    const train = page.getByTestId('train');
    await train.scrollIntoViewIfNeeded();
    await expect(train).toBeInViewport();
    await trainUntil(page, 'done');
    expect(await stepOf(page)).toBe(200);
    await expectNoSidewaysScroll(page);

    // Korean text is longer in places; it wraps too.
    await page.getByTestId('language').selectOption('ko');
    await expect(train).toHaveText('200단계 더 학습');
    await expectNoSidewaysScroll(page);
    expect(await smallTargets(page, 40)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a wide CSV scrolls inside its tables, not the page', async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page, '?steps=50');
    await dropFile(page, 'csv-drop', 'wide.csv', wideCsv());
    await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-features', '13');
    await expectNoSidewaysScroll(page);
    // The tables are wider than their boxes, and their boxes scroll.
    const scrollers = await page.locator('.table-scroll').evaluateAll((els) => els.map((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX })));
    expect(scrollers.some((s) => s.scroll > s.client)).toBe(true);
    for (const s of scrollers) expect(s.overflow).toBe('auto');
    await trainUntil(page, 'done');
    await expectNoSidewaysScroll(page);
    expect(errors).toEqual([]);
  });
});

test('a laptop (1280 x 900) keeps its workspace: the toolbar over three columns', async ({ page }) => {
  await openApp(page);
  const columns = await page.locator('main').evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
  expect(columns).toBe(3);
  // Data, model and output side by side, under the toolbar.
  const tops = await page.locator('main > .column').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(2);
  const toolbar = await page.locator('header.toolbar').boundingBox();
  expect(toolbar && toolbar.y + toolbar.height).toBeLessThanOrEqual(Math.min(...tops));
  await expectNoSidewaysScroll(page);
});

/** Press Tab (or `key`) until `done` says the focused element is the one, at most `max` times. */
async function tabUntil(page: Page, done: (el: Element) => boolean, max = 60, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const here = await page.evaluateHandle(() => document.activeElement);
    if (await here.evaluate(done)) return;
  }
  throw new Error(`Not reached in ${max} presses of Tab`);
}

test.describe('from the keyboard', () => {
  test('the skip link, then Tab reaches Train and Enter starts a run', async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page, '?steps=200');
    // The first Tab shows the skip link; Enter on it moves the focus to the main content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();

    // The toolbar comes before the workspace: back from it, Train is a few presses away.
    await tabUntil(page, (el) => el.getAttribute('data-testid') === 'train', 20, 'Shift+Tab');
    const train = page.getByTestId('train');
    await expect(train).toBeFocused();
    // The focus is visible: a solid outline.
    expect(await train.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    const run = (await status(page).getAttribute('data-run')) ?? '';
    await page.keyboard.press('Enter');
    await expect(status(page)).not.toHaveAttribute('data-run', run);
    await expect(status(page)).toHaveAttribute('data-state', 'done');
    expect(await stepOf(page)).toBe(200);
    expect(errors).toEqual([]);
  });

  test('a drop zone opens the file chooser with Enter and with Space', async ({ page }) => {
    const errors = collectErrors(page);
    // Listening from the start: Playwright intercepts file choosers only once a listener is
    // set up in the browser, which a listener added just before the key press may still race.
    const choosers: FileChooser[] = [];
    page.on('filechooser', (c) => choosers.push(c));
    await openApp(page);
    await tabUntil(page, (el) => el instanceof HTMLInputElement && el.type === 'file' && el.closest('[data-testid="csv-drop"]') !== null);
    // The hidden input's focus shows on its visible button.
    const button = page.getByTestId('csv-drop').locator('.file-button');
    expect(await button.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');

    await page.keyboard.press('Enter');
    await expect.poll(() => choosers.length).toBe(1);
    const csv = ['a,b,kind', ...Array.from({ length: 40 }, (_, i) => `${i % 4},${(i * 7) % 5},${i % 2 ? 'odd' : 'even'}`)].join('\n');
    await choosers[0].setFiles({ name: 'keys.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(page.getByRole('heading', { name: /keys/ })).toBeVisible();
    await expect(page.getByTestId('dataset-summary')).toHaveAttribute('data-classes', '2');

    await page.getByTestId('csv-drop').locator('input[type=file]').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => choosers.length).toBe(2);
    expect(choosers[1].isMultiple()).toBe(false);
    expect(errors).toEqual([]);
  });
});
