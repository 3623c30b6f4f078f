import { test, expect, expectAccessible } from './fixtures';
import { AssessPage, ProfilePage, ResultsPage, StartPage, expectedBand, expectedReadiness } from './pages';

// The public-website visitor: quick scan from the start page to the results, on a phone and on a desktop,
// answering every key question section by section through the pager. The expected readiness is worked
// out here from the answers given, by the rule the app states, over the quick items only.

const viewports = [
  // Levels cycle through this pattern, item by item; the two patterns land in different bands.
  { name: 'phone', size: { width: 360, height: 740 }, pattern: [2, 0, 3, 1, 5, 2, 4] },
  { name: 'desktop', size: { width: 1280, height: 900 }, pattern: [3, 4, 2, 5, 3, 1] },
];

for (const { name, size, pattern } of viewports) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport: size });

    test('quick scan end to end gives the score the rule gives', async ({ guarded: page }) => {
      const start = new StartPage(page);
      await start.goto();
      await start.quickScan();

      const profile = new ProfilePage(page);
      await profile.name.fill('Harbour Lights Insurance');
      await profile.continue();

      const assess = new AssessPage(page);
      const levels: number[] = [];
      const clauseLevels: number[] = [];
      let sections = 0;
      // Follow the pager until it offers the results instead of another section.
      for (;;) {
        await expect(assess.heading).toBeVisible();
        sections += 1;
        const ids = await assess.itemIds();
        expect(ids.length, `key questions on ${await assess.heading.innerText()}`).toBeGreaterThan(0);
        for (const id of ids) {
          const level = pattern[levels.length % pattern.length];
          await assess.item(id).choose(level);
          await expect(assess.item(id).radio(level)).toBeChecked();
          levels.push(level);
          if (!id.startsWith('A.')) clauseLevels.push(level);
        }
        await expect(assess.sectionProgress).toHaveText(`This section: ${ids.length} of ${ids.length}`);
        const next = assess.nextLink;
        const label = await next.innerText();
        const title = await assess.heading.innerText();
        await next.click();
        if (/See your results/.test(label)) break;
        await expect(page).toHaveURL(/#\/assess\/(\d+|A\.\d+)$/);
        // The next section's page is shown, not the last one's still being replaced.
        await expect(assess.heading).not.toHaveText(title);
      }
      // Clauses 4–10 and categories A.2–A.10, each with at least one key question.
      expect(sections).toBe(16);
      expect(levels.length).toBeGreaterThanOrEqual(15);
      expect(levels.length).toBeLessThanOrEqual(25);

      await expect(page).toHaveURL(/#\/results$/);
      const results = new ResultsPage(page);
      await expect(results.heading).toHaveText('Results');
      const readiness = expectedReadiness(levels);
      await expect(results.score('overall')).toHaveAttribute('data-readiness', String(readiness));
      await expect(results.score('overall')).toContainText(`${readiness}%`);
      await expect(results.band).toHaveText(expectedBand(levels, clauseLevels));
      await expect(results.score('overall')).toContainText(`${levels.length} of ${levels.length} answered (100%)`);
      await expect(results.indicativeNotice).toBeVisible();
      await expect(results.score('clauses')).toHaveAttribute('data-readiness', String(expectedReadiness(clauseLevels)));

      if (name === 'phone') {
        // Nothing wider than the phone: no sideways scrolling of the whole page.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, 'page wider than the phone screen').toBeLessThanOrEqual(0);
      }

      // What a quick scan needs, not the full dashboard: what the band means, the most important gaps with
      // their next steps, the file and share link near the top; the Statement of Applicability (mostly
      // undecided after a quick scan) is a link, not a 38-row table.
      await expect(page.locator('.headline-main .band-line')).not.toBeEmpty();
      const below = levels.filter((l) => l < 3).length;
      const top = page.locator('.top-gaps > li');
      await expect(top).toHaveCount(Math.min(5, below));
      for (let i = 0; i < Math.min(5, below); i++) await expect(top.nth(i).locator('.gap-step')).not.toBeEmpty();
      await expect(page.locator('table.soa')).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Open the Statement of Applicability' })).toBeVisible();
      await expect(page.locator('svg.radar, svg.bars')).toHaveCount(0);
      const download = await page.getByRole('button', { name: 'Download JSON' }).boundingBox();
      expect(download!.y, 'the file download within the first four screens').toBeLessThan(4 * size.height);
      // The rest of the action plan is one click away, collapsed.
      const all = page.locator('details.all-gaps');
      if (below > 5) {
        await all.getByText(`All ${below} gaps`).click();
        await expect(all.locator('ol > li')).toHaveCount(below);
      } else {
        await expect(all).toHaveCount(0);
      }
      await expectAccessible(page, `the quick scan's results on a ${name}`);

      // On to the full assessment: the same answers, every question.
      await page.getByRole('button', { name: 'Take the full assessment' }).click();
      await expect(page).toHaveURL(/#\/assess$/);
      await expect(assess.heading).toBeVisible();
      await expect(page.getByText(/^Quick scan: this page shows the key questions/)).toHaveCount(0);
      await results.goto();
      await expect(results.indicativeNotice).toHaveCount(0);
      await expect(results.score('overall')).toContainText(`${levels.length} of `);
      await expect(page.locator('table.soa')).toHaveCount(1);
    });
  });
}
