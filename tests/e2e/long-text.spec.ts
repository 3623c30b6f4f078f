import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { App, AssessPage, PolicyPage, ProfilePage, ResultsPage, StartPage } from './pages';
import { readSections } from './shared.cjs';

// Long unbroken text (a name without spaces, a pasted URL, an owner typed without a space) wraps on a
// 360 px phone: no page, print view or exported document becomes wider than the screen. Tables may scroll
// sideways inside their own frames; those frames do not widen the page.

const PHONE = { width: 360, height: 740 };
const NAME = 'Northwind'.repeat(22).slice(0, 200);
const OWNER = 'chief-ai-risk-officer_'.repeat(23).slice(0, 500);
const URL = `https://intranet.example.org/${'evidence/'.repeat(40)}register.xlsx`;
const JUSTIFICATION = 'WeHaveNoCustomersOfOurAISystems'.repeat(10);
const APPROVER = 'BoardOfDirectorsAndTheRiskCommittee'.repeat(6).slice(0, 200);
const sections = readSections(path.join(__dirname, '../..'));

/** Fails unless the page is at most as wide as the phone, naming what sticks out if it is not. */
async function expectFits(page: Page, what: string) {
  const { width, wide } = await page.evaluate(() => {
    // What overflows: boxes whose content is wider than they are, outside any scroll frame.
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible')
      .filter((el) => el.closest('.table-scroll') === null)
      .slice(-3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> (${el.scrollWidth} px)`);
    return { width: document.documentElement.scrollWidth, wide };
  });
  expect(width, `${what} is ${width} px wide: ${wide.join(', ')}`).toBeLessThanOrEqual(PHONE.width);
}

/** Opens an exported HTML document in a page of its own, at phone width. */
async function openDocument(doc: Page, html: string): Promise<Page> {
  await doc.setViewportSize(PHONE);
  await doc.setContent(html);
  return doc;
}

test.use({ viewport: PHONE });

test('long unbroken text wraps on every page, in print and in every export', async ({ guarded: page, guard }) => {
  const start = new StartPage(page);
  await start.goto();
  await start.fullAssessment();
  const profile = new ProfilePage(page);
  await profile.name.fill(NAME);
  await profile.sector.fill(URL.slice(0, 200));

  const assess = new AssessPage(page);
  await assess.goto('4');
  const item = assess.item('4.1');
  await item.choose(1);
  await item.openNotes();
  await item.owner.fill(OWNER);
  await item.notes.fill(URL);
  await item.evidence.fill(URL);
  await assess.goto('A.10');
  await assess.item('A.10.4').notApplicable(JUSTIFICATION.slice(0, 40));
  await assess.item('A.10.4').justification.fill(JUSTIFICATION);
  await expect(assess.saved).toBeVisible();

  const policy = new PolicyPage(page);
  await policy.goto();
  await policy.approver.fill(APPROVER);
  await policy.owner.fill(OWNER.slice(0, 200));
  await expect(policy.preview).toContainText(APPROVER);

  const app = new App(page);
  for (const hash of ['#/', '#/profile', '#/policy', '#/results']) {
    await test.step(hash, async () => {
      await app.open(hash);
      await expectFits(page, hash);
    });
  }
  for (const section of sections) {
    await test.step(`#/assess/${section.id}`, async () => {
      await assess.goto(section.id);
      await expectFits(page, `section ${section.id}`);
    });
  }
  await test.step('the item with the long owner, notes open', async () => {
    await assess.goto('4');
    await item.openNotes();
    await expect(item.owner).toHaveValue(OWNER);
    await expectFits(page, 'item 4.1 with its notes open');
  });

  const results = new ResultsPage(page);
  await results.goto();
  await expect(results.gaps.filter({ hasText: OWNER })).toHaveCount(1);
  await test.step('results, as printed', async () => {
    await page.emulateMedia({ media: 'print' });
    await expectFits(page, 'the print view of the results');
    await page.emulateMedia({ media: 'screen' });
  });
  await test.step('share preview', async () => {
    const link = await results.shareLink();
    await page.goto(link);
    await expect(page.getByRole('group', { name: 'Ready to load' })).toContainText(NAME);
    await expectFits(page, 'the share preview');
    await results.goto();
  });

  for (const [what, download] of [
    ['the HTML report', () => results.download('Download HTML report')],
    ['the policy as HTML', async () => {
      await policy.goto();
      return policy.downloadHtml();
    }],
  ] as const) {
    await test.step(what, async () => {
      const file = await download();
      expect(file.text).toContain(NAME);
      const doc = await openDocument(guard(await page.context().newPage()), file.text);
      await expectFits(doc, what);
      await doc.emulateMedia({ media: 'print' });
      await expectFits(doc, `${what}, as printed`);
      await doc.close();
    });
  }
});
