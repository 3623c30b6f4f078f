import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { App, AssessPage, ResultsPage, assessmentFile, importAssessment, stored } from './pages';

// Accessibility: axe-core finds nothing on any page in light and dark mode, the keyboard alone is enough,
// and every page gets a phone-sized screenshot kept as a test artefact.

const ARTIFACTS = path.join(__dirname, 'artifacts');

/** Every page of the app, in the state worth checking. `link` is a share link made beforehand. */
const screens: { name: string; show: (page: Page, link: string) => Promise<void> }[] = [
  { name: 'start', show: (page) => new App(page).open('#/') },
  { name: 'profile', show: (page) => new App(page).open('#/profile') },
  { name: 'assess-4', show: (page) => new AssessPage(page).goto('4') },
  {
    name: 'assess-A.6',
    show: async (page) => {
      const assess = new AssessPage(page);
      await assess.goto('A.6');
      const item = assess.item('A.6.1.3');
      await item.guidanceToggle.click();
      await expect(item.root.getByRole('table').first()).toBeVisible();
      await item.choose('na');
      await expect(item.justificationError).toBeVisible();
    },
  },
  {
    name: 'results',
    show: async (page) => {
      const results = new ResultsPage(page);
      await results.goto();
      await expect(results.score('overall')).toHaveAttribute('data-readiness', /\d/);
    },
  },
  { name: 'soa', show: (page) => new App(page).open('#/soa') },
  { name: 'policy', show: (page) => new App(page).open('#/policy') },
  {
    name: 'not-found',
    show: async (page) => {
      const app = new App(page);
      await app.open('#/no-such-page');
      await expect(app.heading).toHaveText('Page not found');
    },
  },
  {
    name: 'share-preview',
    show: async (page, link) => {
      await page.goto(link);
      await expect(page.getByRole('group', { name: 'Ready to load' })).toBeVisible();
    },
  },
];

/** Data on every page, and a share link to preview. */
async function prepare(page: Page): Promise<string> {
  const results = await importAssessment(page, assessmentFile({ name: 'Axe & Co' }));
  return results.shareLink();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violation on any page (${scheme})`, async ({ guarded: page }) => {
    // One test visits every page with axe: it needs more than one page's time.
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: scheme });
    const link = await prepare(page);
    for (const screen of screens) {
      await test.step(screen.name, async () => {
        await screen.show(page, link);
        await expectAccessible(page, `${screen.name} (${scheme})`);
      });
    }
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('every page fits the screen, passes axe, and is kept as a screenshot', async ({ guarded: page }) => {
    test.setTimeout(240_000);
    await mkdir(ARTIFACTS, { recursive: true });
    const link = await prepare(page);
    for (const screen of screens) {
      await test.step(screen.name, async () => {
        await screen.show(page, link);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${screen.name} is wider than the phone screen`).toBeLessThanOrEqual(0);
        await expectAccessible(page, `${screen.name} (phone)`);
        await page.screenshot({ path: path.join(ARTIFACTS, `phone-${screen.name}.png`), fullPage: true });
      });
    }
  });
});

test('keyboard only: skip link first, then a level chosen with the arrow keys', async ({ guarded: page }) => {
  const assess = new AssessPage(page);
  await assess.goto('4');

  // The window must have focus for Tab to start in the page (it can lose it while the machine is busy).
  await page.bringToFront();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // Onward from main, Tab reaches the first item's maturity choice (one stop for the whole group).
  const item = assess.item('4.1');
  let reached = false;
  for (let i = 0; i < 60 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await item.radio(0).evaluate((el) => el === document.activeElement);
  }
  expect(reached, 'Tab reaches the maturity choice of 4.1').toBe(true);
  // The focused choice shows a focus outline around its visible label.
  const outline = await item.radio(0).evaluate((el) => getComputedStyle(el.nextElementSibling as Element).outlineStyle);
  expect(outline).toBe('solid');

  await page.keyboard.press('ArrowDown');
  await expect(item.radio(1)).toBeChecked();
  await expect(item.radio(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(item.radio(3)).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(item.radio(2)).toBeChecked();
  await expect(assess.sectionProgress).toHaveText('This section: 1 of 4');
  await expect(assess.saved).toBeVisible();
  expect(JSON.parse((await stored(page)) ?? '{}').answers['4.1']).toEqual({ level: 2 });

  // Space on the first choice of the next item answers it too.
  await page.keyboard.press('Tab');
  for (let i = 0; i < 20 && !(await assess.item('4.2').radio(0).evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(assess.item('4.2').radio(0)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(assess.item('4.2').radio(0)).toBeChecked();
  await expect(assess.sectionProgress).toHaveText('This section: 2 of 4');
});
