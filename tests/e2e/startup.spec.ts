import { test, expect, expectAccessible, withoutCode } from './fixtures';

// On a slow connection the page is never blank: index.html carries the start page as static HTML
// (scripts/site_pages.py), and the app replaces it as soon as it starts. tests/e2e/first-paint.spec.ts
// checks the two are the same markup.
test('the start page shows before the app starts, then the app replaces it', async ({ guarded: page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });

  await page.goto('./', { waitUntil: 'commit' });
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('ISO/IEC 42001 readiness self-assessment');
  await expect(main.getByText('nothing is sent anywhere', { exact: false })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Quick scan' })).toBeVisible();
  // Still the static page: the app has not started.
  await expect(page.locator('main[data-static]')).toHaveCount(1);
  await expectAccessible(page, 'static start page');

  release();
  await expect(page.locator('[data-static]')).toHaveCount(0);
  await expect(page.getByRole('main').getByText('nothing is sent anywhere', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Quick scan' }).click();
  await expect(page).toHaveURL(/#\/profile$/);
});

// Not the guarded page (see withoutCode).
test('when the app’s code cannot load, the start page says so and keeps its controls disabled', async ({ page }) => {
  const offHost = await withoutCode(page, '**/aims-readiness-*_bg.wasm');
  await page.goto('./');
  await expect(page.getByRole('alert')).toHaveText(
    /The app could not start in this browser: its code did not load\. Check the connection and reload the page\./,
  );
  await expect(page.getByRole('button', { name: 'Quick scan' })).toBeDisabled();
  await expectAccessible(page, 'the static start page when the code did not load');
  expect(offHost, 'requests to another host').toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page shows the start page, says the app needs JavaScript and does not claim to be loading', async ({
    guarded: page,
  }) => {
    await page.goto('./');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ISO/IEC 42001 readiness self-assessment');
    await expect(page.getByText(/needs JavaScript enabled/)).toBeVisible();
    await expect(page.getByText('Loading the app…')).toHaveCount(0);
  });
});
