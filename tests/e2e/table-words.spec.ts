import { test, expect } from './fixtures';
import { ResultsPage } from './pages';

// Results tables never break a word on a phone (it used to read "Un dec ide d" in the Statement of
// Applicability): a word split across two lines has two client rectangles; a wide table scrolls instead.

test.use({ viewport: { width: 390, height: 844 } });

test('no table cell on the results page wraps inside a word at 390 px', async ({ guarded: page }) => {
  const results = new ResultsPage(page);
  await results.goto();
  await expect(results.soaTable).toBeVisible();
  const report = await page.evaluate(() => {
    const split: string[] = [];
    let words = 0;
    for (const cell of document.querySelectorAll('main .screen-only table th, main .screen-only table td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        // A word: no space, and no hyphen, dash or slash, after which a line may break.
        for (const match of text.matchAll(/[^\s\-–—/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          words += 1;
          if (lines.size > 1) split.push(`${match[0]} (${lines.size} lines)`);
        }
      }
    }
    return { words, split };
  });
  expect(report.words, 'words in the results tables').toBeGreaterThan(200);
  expect(report.split).toEqual([]);
});
