import { test, expect } from './fixtures';
import { StartPage } from './pages';
import { outline } from './static-markup';

// The static first paint: dist/index.html carries the start page as HTML (scripts/site_pages.py, from
// content/start.toml), so a phone shows it before the app has loaded, and the app replaces it with the same
// markup, so nothing moves. Needs the build's post-build step `site_pages.py`, which any site gets.

test('without JavaScript, index.html shows the start page and its privacy promise', async ({ browser, guard }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = guard(await context.newPage());
  await page.goto('./index.html');
  await expect(page.getByRole('heading', { level: 1, name: 'ISO/IEC 42001 readiness self-assessment' })).toBeVisible();
  await expect(page.getByRole('main').getByText(/^Private by design: everything you enter stays in this browser/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Quick scan' })).toBeVisible();
  // Until the app runs nothing would act on a control, and a file chosen here would be dropped when the
  // app replaces the page: the static controls say so by being disabled.
  for (const name of ['Quick scan', 'Full assessment']) await expect(page.getByRole('button', { name })).toBeDisabled();
  await expect(page.locator('main input[type=file]')).toBeDisabled();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Start' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // The start-up message is gone: the page itself is the first paint.
  await expect(page.getByText('Loading the app…')).toHaveCount(0);
  await context.close();
});

test('the app takes over the static start page with the same markup, and nothing moves', async ({ browser, guard }) => {
  const still = await browser.newContext({ javaScriptEnabled: false });
  const staticPage = guard(await still.newPage());
  await staticPage.goto('./index.html');
  const before = await outline(staticPage);
  await still.close();
  expect(before.length, 'the static page has a frame and a start page').toBeGreaterThan(30);

  const context = await browser.newContext();
  const page = guard(await context.newPage());
  // Every layout shift from the first paint on, as Lighthouse counts them (none after an input).
  await page.addInitScript(() => {
    (window as unknown as { shifts: number[] }).shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) (window as unknown as { shifts: number[] }).shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const start = new StartPage(page);
  await start.goto();
  // The app has mounted: no static element is left, and the app's own main is there.
  await expect(page.locator('[data-static]')).toHaveCount(0);
  await expect(page.locator('main#main')).toHaveCount(1);
  expect(await outline(page)).toEqual(before);
  await page.waitForTimeout(500);
  const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
  expect(shifts.reduce((a, b) => a + b, 0), `layout shifts ${JSON.stringify(shifts)}`).toBe(0);
  await context.close();
});
