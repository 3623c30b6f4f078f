import { test, expect, expectAccessible } from './fixtures';

// On a slow connection the page is never blank: index.html says the app is loading, after a while says
// what may be wrong, and the app replaces the message as soon as it starts.
test('the page says it is loading until the app starts, then the app replaces the message', async ({ guarded: page }) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });

  await page.goto('./', { waitUntil: 'commit' });
  const boot = page.getByRole('main');
  await expect(boot.getByRole('heading', { level: 1 })).toHaveText('ISO/IEC 42001 readiness self-assessment');
  await expect(boot.getByRole('status')).toHaveText('Loading the app…');
  const slow = boot.getByText(/^Still loading\?/);
  await expect(slow).toHaveCSS('opacity', '0');
  await expectAccessible(page, 'start-up message');
  // The hint fades in after a few seconds; play its animation to the end instead of waiting.
  await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
  await expect(slow).toHaveCSS('opacity', '1');
  await expect(slow).toContainText('may block JavaScript or WebAssembly');

  release();
  await expect(page.getByRole('main').getByText('nothing is sent anywhere')).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByText('Loading the app')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page says the app needs JavaScript and does not claim to be loading', async ({ guarded: page }) => {
    await page.goto('./');
    await expect(page.getByText(/needs JavaScript enabled/)).toBeVisible();
    await expect(page.getByText('Loading the app…')).toBeHidden();
  });
});
