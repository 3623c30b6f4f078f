import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, withoutCode } from './fixtures';
import { StartPage } from './pages';
import { PHONE, Quiz } from './quiz-page';
import { outline } from './static-markup';

// The static first paint: dist/index.html carries the start page as HTML and dist/quiz.html the quiz's first
// screen (scripts/site_pages.py, from content/start.toml), so a phone shows them before the code has loaded,
// and the app and the quiz replace them with the same markup, so nothing moves. Needs the build's post-build
// step `site_pages.py`, which any site gets.

/** Records every layout shift from the first paint on, as Lighthouse counts them (none after an input). */
async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { shifts: number[] }).shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) (window as unknown as { shifts: number[] }).shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

async function expectNoShift(page: Page) {
  await page.waitForTimeout(500);
  const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
  expect(shifts.reduce((a, b) => a + b, 0), `layout shifts ${JSON.stringify(shifts)}`).toBe(0);
}

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
  await recordShifts(page);
  const start = new StartPage(page);
  await start.goto();
  // The app has mounted: no static element is left, and the app's own main is there.
  await expect(page.locator('[data-static]')).toHaveCount(0);
  await expect(page.locator('main#main')).toHaveCount(1);
  expect(await outline(page)).toEqual(before);
  await expectNoShift(page);
  await context.close();
});

test.describe('the quiz', () => {
  test.use({ viewport: PHONE });

  test('without JavaScript, quiz.html shows its first screen, with its Start button disabled', async ({ browser, guard }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = guard(await context.newPage());
    await page.goto('./quiz.html');
    await expect(page.getByRole('heading', { level: 1, name: 'How ready is your AI management system for ISO/IEC 42001?' })).toBeVisible();
    await expect(page.getByText(/^\d+ questions, about \d+ minutes?$/)).toBeVisible();
    await expect(page.getByText(/your answers stay in this browser and nothing is sent anywhere/)).toBeVisible();
    // Nothing would act on it without scripting; the <noscript> text says why.
    await expect(page.getByRole('button', { name: 'Start the quick scan' })).toBeDisabled();
    await expect(page.getByText(/needs JavaScript enabled/)).toBeVisible();
    await expect(page.getByText('Loading the app…')).toHaveCount(0);
    await context.close();
  });

  test('the quiz takes over its static first screen with the same markup, and nothing moves', async ({ browser, guard }) => {
    const still = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const staticPage = guard(await still.newPage());
    await staticPage.goto('./quiz.html');
    const before = await outline(staticPage);
    await still.close();
    expect(before.length, 'the static page has a header, a first screen and a footer').toBeGreaterThan(8);

    const context = await browser.newContext({ viewport: PHONE });
    const page = guard(await context.newPage());
    await recordShifts(page);
    await page.goto('./quiz.html');
    // A first visit: the quiz's code starts at the first sign of use. Here a change of address (to the first
    // screen's own), not an input, so that a layout shift of the takeover counts (shifts just after an input
    // would not).
    await page.evaluate(() => {
      location.hash = '#/';
    });
    await expect(page.locator('[data-static]')).toHaveCount(0);
    await expect(new Quiz(page).start).toBeEnabled();
    expect(await outline(page)).toEqual(before);
    await expectNoShift(page);
    await context.close();
  });

  test('a first visit fetches none of the quiz’s code until the visitor touches the page', async ({ guarded: page }) => {
    const code: string[] = [];
    page.on('request', (request) => {
      if (/\/quiz-[0-9a-f]+(_bg\.wasm|\.js)$/.test(new URL(request.url()).pathname)) code.push(request.url());
    });
    await page.goto('./quiz.html');
    await page.waitForLoadState('networkidle');
    // The first screen is there and its Start button works, with no code fetched.
    await expect(new Quiz(page).start).toBeEnabled();
    await expect(page.locator('main[data-static]')).toHaveCount(1);
    expect(code, 'the quiz’s code before any touch').toEqual([]);
    // A key (here Tab, which only moves the focus) is a sign of use: the code loads and the quiz takes over.
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-static]')).toHaveCount(0);
    expect(code.map((url) => url.replace(/.*\//, '').replace(/-[0-9a-f]+/, '-*')).sort()).toEqual(['quiz-*.js', 'quiz-*_bg.wasm']);
    await expect(new Quiz(page).start).toBeEnabled();
  });

  // Not the guarded page (see withoutCode).
  test('when the quiz’s code cannot load, a tap on Start says so and the first screen stays', async ({ page }) => {
    const offHost = await withoutCode(page, '**/quiz-*_bg.wasm');
    await page.goto('./quiz.html');
    await new Quiz(page).start.click();
    const alert = page.getByRole('alert');
    await expect(alert).toHaveText(/The quiz could not start in this browser: its code did not load\. Check the connection and reload the page\./);
    await expect(page.getByRole('heading', { level: 1, name: 'How ready is your AI management system for ISO/IEC 42001?' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start the quick scan' })).not.toHaveAttribute('aria-busy', 'true');
    await expectAccessible(page, 'the quiz’s first screen when its code did not load');
    expect(offHost, 'requests to another host').toEqual([]);
  });

  test('a tap on Start before the quiz’s code has loaded is not lost: the quiz opens at the first question', async ({ guarded: page }) => {
    // Hold the quiz's code back until the visitor has tapped.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/quiz-*_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('./quiz.html');
    const start = page.getByRole('button', { name: 'Start the quick scan' });
    await expect(start).toBeEnabled();
    await start.click();
    await expect(page).toHaveURL(/quiz\.html#\/question\/1$/);
    // While the code is on its way, the button says so.
    const starting = page.getByRole('button', { name: 'Starting…' });
    await expect(starting).toHaveAttribute('aria-busy', 'true');
    await expect(starting).toBeDisabled();
    release();
    const quiz = new Quiz(page);
    await expect(quiz.progress).toHaveText(/^Question 1 of \d+$/);
    await expect(page.locator('[data-static]')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });
});
