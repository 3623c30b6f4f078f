import { test, expect } from './fixtures';
import { App, ResultsPage, assessmentFile, importAssessment, stored } from './pages';

// Share links: the assessment travels in the URL fragment only. Opening one in another browser shows what
// it holds, replaces nothing until confirmed, and leaves no payload in the address bar; a damaged link is
// refused with an error and changes nothing.

const file = assessmentFile({ name: 'Quayside Health Trust' });

/** The numbers of a dashboard (notes and owners stay out of a share link unless asked for). */
async function numbers(results: ResultsPage) {
  const { scores, summary, clauses, annex, soa } = await results.snapshot();
  return { scores, summary, clauses, annex, soa };
}

test('share link round trip into a fresh browser', async ({ guarded: page, guard, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const results = await importAssessment(page, file);
  const before = await numbers(results);

  const link = await results.shareLink();
  await expect(results.status(`Share link copied to the clipboard (${link.length} characters).`)).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[^#]*#share=[A-Za-z0-9_-]+$/);

  const context = await browser.newContext();
  try {
    const other = guard(await context.newPage());
    await other.goto(link);
    const app = new App(other);
    await expect(app.heading).toHaveText('Open a shared assessment');
    const preview = other.getByRole('group', { name: 'Ready to load' });
    await expect(preview).toContainText('OrganisationQuayside Health Trust');
    await expect(preview).toContainText('Completion10% (7 of 70 answered)');
    await expect(preview).toContainText('Nothing is stored in this browser yet');
    expect(await stored(other), 'nothing stored before confirming').toBeNull();

    await preview.getByRole('button', { name: 'Add as a new assessment' }).click();
    await expect(other).toHaveURL(/#\/results$/);
    expect(other.url()).not.toContain('share=');
    const theirs = new ResultsPage(other);
    await expect(theirs.heading).toHaveText('Results');
    expect(await numbers(theirs)).toEqual(before);

    // Notes and owners were not in the link (the box was not ticked); the N/A justification was.
    const kept = JSON.parse((await stored(other)) ?? '{}');
    expect(kept.answers['4.2']).toEqual({ level: 2 });
    expect(kept.answers['A.10.4'].justification).toBe('We have no customers of our AI systems.');

    // A reload stays on the results: the payload is gone from the address and from this history entry.
    await theirs.reload();
    await expect(theirs.heading).toHaveText('Results');
    expect(other.url()).not.toContain('share=');
    expect(await numbers(theirs)).toEqual(before);
  } finally {
    await context.close();
  }
});

test('a tampered or truncated share link shows an error and changes nothing', async ({ guarded: page }) => {
  const results = await importAssessment(page, file);
  const link = await results.shareLink();
  // A second organisation's data is what this browser holds when the bad links arrive.
  const ours = assessmentFile({ name: 'Current Org', answers: { '7.1': { level: 4 } } });
  await importAssessment(page, ours, 'ours.json');
  const before = await results.snapshot();
  const storedBefore = await stored(page);

  const [base, payload] = link.split('#share=');
  const mid = Math.floor(payload.length / 2);
  const tampered = {
    'characters changed': payload.slice(0, mid) + 'AbCdEfGhIjKl' + payload.slice(mid + 12),
    'cut short by 10': payload.slice(0, -10),
    'cut in half': payload.slice(0, mid),
    'a foreign character': payload.slice(0, mid) + '*' + payload.slice(mid + 1),
  };
  for (const [what, bad] of Object.entries(tampered)) {
    await test.step(what, async () => {
      expect(bad).not.toBe(payload);
      await page.goto(`${base}#share=${bad}`);
      await expect(results.heading).toHaveText('Open a shared assessment');
      const error = page.getByRole('alert').filter({ hasText: /share link (is damaged or incomplete|cannot be opened)/ });
      await expect(error).toBeVisible();
      await expect(error).toContainText('Your data is unchanged.');
      await expect(page.getByRole('group', { name: 'Ready to load' })).toBeHidden();
      expect(await stored(page)).toBe(storedBefore);
    });
  }
  await results.goto();
  expect(await results.snapshot()).toEqual(before);
  await results.reload();
  expect(await results.snapshot()).toEqual(before);
});

test('a share link that went through a mail or chat program still opens', async ({ guarded: page }) => {
  const results = await importAssessment(page, file);
  const before = await numbers(results);
  const link = await results.shareLink();
  const [base, payload] = link.split('#share=');
  const lines = payload.match(/.{1,60}/g) ?? [];
  expect(lines.length).toBeGreaterThan(3);
  const mangled = {
    'spaces in it, as the address bar spells them (%20)': `${base}#share=${lines.join('%20')}`,
    'line breaks in it (%0D%0A) and a ">" after it': `${base}#share=${lines.join('%0D%0A')}%3E`,
    'a space typed in, "=" encoded, a full stop after it': `${base}#share%3D${lines.join(' ')}.`,
  };
  for (const [what, address] of Object.entries(mangled)) {
    await test.step(what, async () => {
      await page.goto(address);
      await expect(results.heading).toHaveText('Open a shared assessment');
      await expect(page.getByRole('group', { name: 'Ready to load' })).toContainText('OrganisationQuayside Health Trust');
    });
  }
  await page.getByRole('button', { name: 'Add as a new assessment' }).click();
  await expect(page).toHaveURL(/#\/results$/);
  expect(await numbers(results)).toEqual(before);
});
