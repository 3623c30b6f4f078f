import type { Browser, Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { APP_PAGE, ResultsPage, StartPage } from './pages';
import { PHONE, Quiz, answerAll, expected } from './quiz-page';
import { outline } from './static-markup';

// A hosting site's settings on both pages: name, logo, accent colour (light and dark), title, description,
// call to action (with the sentence that it carries no answers) and footer links; on the full app's start
// page (static first paint and app) and results page, and on the quiz's first screen and result. The sample
// also makes the quiz the entry page: index.html is the quiz, app.html the full app, and the quiz's
// "continue" and share link lead there.
//
// Runs only against the sample site's build, which `make test` makes and checks (`make e2e-site`):
//
//   make build SITE=tests/data/site/sample/site.toml DIST=target/sample-dist
//   SITE=tests/data/site/sample/site.toml E2E_DIST=target/sample-dist E2E_APP_PAGE=app.html \
//     node_modules/.bin/playwright test --config tests/e2e/playwright.config.ts site.spec.ts
//
// Any other build skips it.

const SAMPLE = 'tests/data/site/sample/site.toml';
test.skip(process.env.SITE !== SAMPLE, `needs a build made with SITE=${SAMPLE}`);

const NAME = 'Example Consulting';
const CTA = 'Talk to Example Consulting';
const CTA_URL = 'https://consulting.example.org/contact?from=readiness';
const NOTE = 'Opens consulting.example.org. The link carries none of your answers; they stay in this browser.';
const FOOTER = [
  ['Imprint', 'https://consulting.example.org/imprint'],
  ['Privacy notice', 'https://consulting.example.org/privacy'],
];
// #8a1c4a in the light theme, #ff9ec8 in the dark one.
const ACCENT = { light: 'rgb(138, 28, 74)', dark: 'rgb(255, 158, 200)' };


/** Checks the header's logo and name, the call to action and the footer links of the page shown. */
async function expectBranded(page: Page, withCallToAction: boolean) {
  const brand = page.locator('header .brand');
  await expect(brand.locator('.site-name')).toHaveText(NAME);
  const logo = brand.locator('img.site-logo');
  await expect(logo).toHaveAttribute('src', 'site-logo.svg');
  await expect(logo).toHaveAttribute('alt', '');
  // Loaded from this site, and drawn.
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const cta = page.getByRole('main').getByRole('link', { name: CTA });
  if (withCallToAction) {
    await expect(cta).toHaveAttribute('href', CTA_URL);
    await expect(cta).toHaveAttribute('rel', 'noreferrer');
    await expect(page.locator('.cta .cta-note')).toHaveText(NOTE);
  } else {
    await expect(cta).toHaveCount(0);
  }
  const footer = page.locator('footer.site-footer');
  for (const [text, url] of FOOTER) {
    await expect(footer.getByRole('link', { name: text })).toHaveAttribute('href', url);
  }
}

/** The page at `path` as a browser without scripting shows it (the static first paint): the site's title,
 *  frame and accent colour. Returns its outline, to compare with what the code renders. */
async function brandedWithoutScripting(
  browser: Browser,
  guard: (page: Page) => Page,
  path: string,
  viewport?: { width: number; height: number },
): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled: false, ...(viewport ? { viewport } : {}) });
  const page = guard(await context.newPage());
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('AI readiness check · Example Consulting');
  await expectBranded(page, true);
  expect(await accent(page)).toBe(ACCENT.light);
  const lines = await outline(page);
  await context.close();
  return lines;
}

/** The accent colour in the light theme and in the dark one, and axe in both; leaves the light theme on. */
async function expectThemes(page: Page, label: string) {
  expect(await accent(page)).toBe(ACCENT.light);
  await expectAccessible(page, `${label}, light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await accent(page)).toBe(ACCENT.dark);
  await expectAccessible(page, `${label}, dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

async function accent(page: Page): Promise<string> {
  return page.locator('main button.big, main .cta-link').first().evaluate((el) => getComputedStyle(el).backgroundColor);
}

test('the start page carries the site: title, description, theme colour, logo, name, call to action, footer', async ({
  guarded: page,
}) => {
  const start = new StartPage(page);
  await start.goto();
  await expect(page).toHaveTitle('AI readiness check · Example Consulting');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^Example Consulting's ISO\/IEC 42001/);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#8a1c4a');
  await expectBranded(page, true);
  await expectThemes(page, 'the branded start page');
  const manifest = await (await page.request.get('manifest.webmanifest')).json();
  expect(manifest.theme_color).toBe('#8a1c4a');
  // Installed, the app opens the full app, not the quiz that index.html is here.
  expect(manifest.start_url).toBe(APP_PAGE);
});

test('the results page carries the call to action and the same frame', async ({ guarded: page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const results = new ResultsPage(page);
  await results.goto();
  await expectBranded(page, true);
  await expectAccessible(page, 'the branded results page on a phone');
  // Following the call to action is the visitor's choice: the page itself made no request elsewhere (the
  // fixture fails the test on any), and the link holds no answer.
  const href = await page.getByRole('main').getByRole('link', { name: CTA }).getAttribute('href');
  expect(href).not.toContain('share=');
  expect(href).not.toContain('#');
});

test('the static first paint carries the site too, and the app takes it over unchanged', async ({ browser, guard }) => {
  const before = await brandedWithoutScripting(browser, guard, `./${APP_PAGE}`);

  const live = guard(await browser.newPage());
  await new StartPage(live).goto();
  await expect(live.locator('[data-static]')).toHaveCount(0);
  expect(await outline(live)).toEqual(before);
  await live.close();
});

test.describe('the quiz, the entry page here', () => {
  test.use({ viewport: PHONE });

  test('its static first screen carries the site too, and the quiz takes it over unchanged', async ({ browser, guard }) => {
    const before = await brandedWithoutScripting(browser, guard, './', PHONE);

    const live = guard(await browser.newPage({ viewport: PHONE }));
    await live.goto('./');
    // A first visit: the quiz's code starts at the first sign of use, here a key.
    await live.keyboard.press('Tab');
    await expect(live.locator('[data-static]')).toHaveCount(0);
    await expect(new Quiz(live).start).toBeEnabled();
    expect(await outline(live)).toEqual(before);
    await live.close();
  });

  test('carries the site on its first screen and result, and continues to the full app with the same answers', async ({
    guarded: page,
  }) => {
    test.setTimeout(180_000);
    // The folder's address opens the quiz.
    await page.goto('./');
    const quiz = new Quiz(page);
    await expect(quiz.start).toHaveText('Start the quick scan');
    await expect(page).toHaveTitle('AI readiness check · Example Consulting');
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^Example Consulting's ISO\/IEC 42001/);
    await expectBranded(page, true);
    await expectThemes(page, 'the branded quiz intro on a phone');

    await quiz.start.click();
    const given = await answerAll(page, { axe: false });
    const { readiness } = expected(given);
    await expect(page.getByRole('heading', { level: 1, name: 'Your quick-scan result' })).toBeVisible();
    await expectBranded(page, true);
    await expectAccessible(page, 'the branded quiz result on a phone');

    // The share link and "continue" lead to the full app, which is app.html on this site.
    await page.getByRole('button', { name: 'Make a share link' }).click();
    await expect(page.getByLabel('Share link')).toHaveValue(/\/app\.html#share=/);
    await page.getByRole('link', { name: 'Continue with the full assessment' }).click();
    await expect(page).toHaveURL(/\/app\.html#\/results$/);
    const results = new ResultsPage(page);
    await expect(results.score('overall')).toHaveAttribute('data-readiness', String(readiness));
    await expectBranded(page, true);
  });
});
