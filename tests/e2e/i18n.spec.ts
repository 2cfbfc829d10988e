/**
 * English and Korean as a person switches between them: the switch in the header
 * changes the page at once (no reload), <html lang> follows, training works the same
 * (the contract's attributes do not change with the language), and the choice is
 * remembered across a reload. A browser set to Korean starts in Korean.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openApp, status, stepOf, trainUntil, openTab } from './page';

const HANGUL = /[\uac00-\ud7a3]/;
/** The headings of the core panels (DatasetPanel, TrainPanel, EvaluationPanel, PredictPanel, CheckpointsPanel). */
const CORE_HEADINGS = ['#data-title', '#settings-title', '#model-files-title', '#eval-title', '#predict-title', '#checkpoints-title'];

async function expectHeadingsIn(page: Page, lang: 'en' | 'ko') {
  for (const id of CORE_HEADINGS) {
    const heading = page.locator(id);
    if (lang === 'ko') await expect(heading).toHaveText(HANGUL);
    else await expect(heading).not.toHaveText(HANGUL);
  }
}

test('switch to 한국어, train, reload, switch back to English', async ({ page }) => {
  const errors = collectErrors(page);
  await openApp(page, '?steps=200');
  const html = page.locator('html');
  const train = page.getByTestId('train');
  const title = page.getByRole('heading', { level: 1 });
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(train).toHaveText('Train');
  await expect(title).toHaveText('Neural-network classifier playground');
  await expect(page).toHaveTitle('Neural-network classifier playground');
  await expectHeadingsIn(page, 'en');

  // The switch is a labelled select with the two languages, each named in itself.
  const language = page.getByLabel('Language / 언어');
  await expect(language).toHaveAttribute('data-testid', 'language');
  await expect(language.locator('option')).toHaveText(['English', '한국어']);

  // A marker on window survives only if the page is not reloaded by the switch.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  await language.selectOption('ko');
  await expect(html).toHaveAttribute('lang', 'ko');
  await expect(train).toHaveText('학습');
  await expect(title).toHaveText('신경망 분류기 플레이그라운드');
  await expect(page).toHaveTitle('신경망 분류기 플레이그라운드');
  await openTab(page, 'evaluation');
  await expect(page.getByRole('heading', { name: '평가 (테스트 분할)' })).toBeVisible();
  await expectHeadingsIn(page, 'ko');
  await expect(page.getByTestId('stop')).toHaveText('중지');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // Training in Korean: the contract's attributes are the same machine values as in English.
  await trainUntil(page, 'done');
  expect(await stepOf(page)).toBe(200);
  await expect(status(page)).toContainText('완료');
  const accuracy = await page.getByTestId('test-accuracy').getAttribute('data-value');
  expect(accuracy).toMatch(/^\d(\.\d+)?$/);
  expect(Number(accuracy)).toBeGreaterThanOrEqual(0);
  expect(Number(accuracy)).toBeLessThanOrEqual(1);
  // The six decimals shown are the same number (ko-KR writes decimals as en-US does).
  await expect(page.getByTestId('test-accuracy')).toHaveText(Number(accuracy).toFixed(6));
  expect(Number(await page.getByTestId('loss-chart').getAttribute('data-points'))).toBeGreaterThan(1);
  await expect(train).toHaveText('200단계 더 학습');
  await expect(page.getByText(/테스트 \d+행 중 \d+행을 올바르게 분류했습니다/)).toBeVisible();

  // Remembered: a reload opens in Korean.
  await page.reload();
  await expect(page.getByTestId('dataset-summary')).toBeVisible();
  await expect(html).toHaveAttribute('lang', 'ko');
  await expect(title).toHaveText('신경망 분류기 플레이그라운드');
  await expect(train).toHaveText(/학습$/);
  await expect(page.getByTestId('language')).toHaveValue('ko');
  await expectHeadingsIn(page, 'ko');

  // And back to English, at once.
  await page.getByTestId('language').selectOption('en');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(title).toHaveText('Neural-network classifier playground');
  await expect(train).toHaveText(/^Train/);
  await expect(page).toHaveTitle('Neural-network classifier playground');
  await expectHeadingsIn(page, 'en');
  expect(errors).toEqual([]);
});

test.describe('a browser set to Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('starts in Korean until English is chosen', async ({ page }) => {
    const errors = collectErrors(page);
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByTestId('train')).toHaveText('학습');
    await expect(page.getByTestId('language')).toHaveValue('ko');
    await page.getByTestId('language').selectOption('en');
    await expect(page.getByTestId('train')).toHaveText('Train');
    await page.reload();
    await expect(page.getByTestId('train')).toHaveText('Train');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(errors).toEqual([]);
  });

  test('the page words its own notices in Korean: an ignored URL value, early stopping without a validation split', async ({ page }) => {
    await openApp(page, '?dropout=5&patience=1&steps=3000');
    await expect(page.getByRole('status').filter({ hasText: 'dropout=5' })).toHaveText('dropout=5은(는) 무시하고 0을(를) 사용합니다. dropout에는 0부터 0.9까지의 수를 적을 수 있습니다.');
    await page.getByTestId('train').click();
    await expect(page.getByTestId('training-status')).toHaveAttribute('data-state', 'done', { timeout: 200_000 });
    // Iris has no validation split, and early stopping never watches the test rows: it says so, and the run goes to its last step.
    await expect(page.getByRole('status').filter({ hasText: '조기 종료' })).toContainText('조기 종료는 검증 분할만 지켜봅니다');
    await expect(page.getByTestId('training-status')).toHaveAttribute('data-step', '3000');
  });
});
