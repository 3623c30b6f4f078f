import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { AssessPage, PolicyPage, ProfilePage, ResultsPage, StartPage, type Downloaded } from './pages';

// Hostile strings typed into every text field stay text: on screen, in every export, and no dialog opens
// (the guarded fixture fails the test on any dialog). Each field gets the string behind its own label, so
// a check finds the field it is about.

const payloads = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '**bold** <b>markup</b>',
];

/** No markup came out of what was typed: no image, script, javascript: link, or bold from the input. */
async function expectNoInjectedMarkup(page: Page, where: string, markdownRendered = false) {
  expect(await page.locator('img[src="x"]').count(), `img on ${where}`).toBe(0);
  const scripts = await page.evaluate(() => Array.from(document.scripts).filter((s) => /alert\(1\)/.test(s.textContent ?? '')).length);
  expect(scripts, `script on ${where}`).toBe(0);
  expect(await page.locator('a[href^="javascript:" i]').count(), `javascript: link on ${where}`).toBe(0);
  expect(await page.locator('b', { hasText: 'markup' }).count(), `<b> on ${where}`).toBe(0);
  if (!markdownRendered) expect(await page.locator('strong', { hasText: /^bold$/ }).count(), `bold on ${where}`).toBe(0);
}

/** Undoes CommonMark backslash escapes and the entities the app writes, to read a Markdown file's text. */
function markdownText(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Fields of an RFC 4180 CSV. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

function csvRecord(text: string, id: string): Record<string, string> {
  const [header, ...rows] = parseCsv(text);
  const row = rows.find((r) => r[0] === id);
  expect(row, `CSV row ${id}`).toBeDefined();
  return Object.fromEntries(header.map((h, i) => [h, row![i]]));
}

/** An exported HTML document: no markup from the input in its source, and the input shown as text. */
async function expectInertHtml(page: Page, file: Downloaded, texts: string[], markdownRendered = false) {
  expect(file.text).not.toMatch(/<img/i);
  expect(file.text).not.toMatch(/<script/i);
  expect(file.text).not.toMatch(/href="javascript:/i);
  expect(file.text).not.toMatch(/<b>/i);
  const viewer = await page.context().newPage();
  try {
    await viewer.setContent(file.text);
    const shown = await viewer.locator('body').innerText();
    for (const text of texts) expect(shown, `${file.name} shows the text`).toContain(text);
    await expectNoInjectedMarkup(viewer, file.name, markdownRendered);
  } finally {
    await viewer.close();
  }
}

for (const [n, payload] of payloads.entries()) {
  test(`typed ${payload} stays text everywhere`, async ({ guarded: page }) => {
    const v = (label: string) => `${label}: ${payload}`;
    const start = new StartPage(page);
    await start.goto();
    await start.fullAssessment();

    const profile = new ProfilePage(page);
    await profile.name.fill(v('Name'));
    await profile.sector.fill(v('Sector'));
    await profile.systems.fill(v('Systems'));
    await expectNoInjectedMarkup(page, 'profile');

    const assess = new AssessPage(page);
    await assess.goto('A.6');
    const gap = assess.item('A.6.2.4');
    await gap.choose(1);
    await gap.openNotes();
    await gap.notes.fill(v('Notes'));
    await gap.evidence.fill(v('Evidence'));
    await gap.owner.fill(v('Owner'));
    await assess.item('A.6.1.2').notApplicable(v('Justification'));
    await expect(assess.item('A.6.1.2').justificationError).toBeHidden();
    await expectNoInjectedMarkup(page, 'questionnaire');

    const policy = new PolicyPage(page);
    await policy.goto();
    const policyFields = {
      Scope: policy.scope,
      Principle: policy.extraPrinciples,
      Owner: policy.owner,
      Approver: policy.approver,
      Version: policy.version,
      Exceptions: policy.exceptions,
    };
    for (const [label, field] of Object.entries(policyFields)) await field.fill(v(label));
    for (const label of ['Name', 'Sector', 'Systems', ...Object.keys(policyFields)]) {
      await expect(policy.preview, `policy preview shows ${label}`).toContainText(v(label));
    }
    await expectNoInjectedMarkup(page, 'policy');
    const policyMd = await policy.downloadMarkdown();
    for (const label of ['Name', 'Sector', 'Systems', ...Object.keys(policyFields)]) {
      expect(markdownText(policyMd.text), `policy .md holds ${label}`).toContain(v(label));
    }
    expect(policyMd.text).not.toContain(payload);
    await expectInertHtml(page, await policy.downloadHtml(), [v('Name'), v('Scope'), v('Approver')]);

    // The Markdown editor: its text is the user's own Markdown, so **bold** may render bold, but raw
    // HTML shows as text and a javascript: link loses its address.
    await policy.openEditor();
    const typed = `\n\nEditor: ${payload}\n`;
    await policy.editor.press('ControlOrMeta+End');
    await policy.editor.pressSequentially(typed);
    if (payload.startsWith('<')) await expect(policy.preview).toContainText(`Editor: ${payload}`);
    if (n === 2) await expect(policy.preview).toContainText('Editor: x');
    if (n === 3) await expect(policy.preview).toContainText('Editor: bold <b>markup</b>');
    await expectNoInjectedMarkup(page, 'policy after editing', true);
    const editedMd = await policy.downloadMarkdown();
    expect(editedMd.text, 'the .md is the text as edited').toBe(await policy.editor.inputValue());
    const editedHtml = await policy.downloadHtml();
    await expectInertHtml(page, editedHtml, [v('Scope')], true);

    const results = new ResultsPage(page);
    await results.goto();
    await expect(results.soaCells('A.6.1.2').nth(1)).toHaveText(v('Justification'));
    await expect(results.soaCells('A.6.2.4').nth(4)).toHaveText(v('Notes'));
    await expect(results.gaps.filter({ hasText: 'A.6.2.4' })).toContainText(`Owner: ${v('Owner')} · Due: not set`);
    await expectNoInjectedMarkup(page, 'results');

    const json = JSON.parse((await results.download('Download JSON')).text);
    expect(json.profile).toMatchObject({ name: v('Name'), sector: v('Sector'), systems_in_scope: v('Systems') });
    expect(json.answers['A.6.2.4']).toEqual({ level: 1, notes: v('Notes'), evidence: v('Evidence'), owner: v('Owner') });
    expect(json.answers['A.6.1.2']).toEqual({ not_applicable: true, justification: v('Justification') });
    expect(json.policy).toMatchObject({ scope: v('Scope'), owner_role: v('Owner'), approver: v('Approver'), version: v('Version') });
    expect(json.policy.edited_markdown).toContain(`Editor: ${payload}`);

    const answers = (await results.download('Download CSV of answers')).text;
    expect(csvRecord(answers, 'A.6.2.4')).toMatchObject({ notes: v('Notes'), evidence: v('Evidence'), owner: v('Owner') });
    expect(csvRecord(answers, 'A.6.1.2')).toMatchObject({ answer: 'N/A', justification: v('Justification') });
    const soa = (await results.download(/CSV of the Statement of Applicability/)).text;
    expect(csvRecord(soa, 'A.6.1.2')).toMatchObject({ decision: 'excluded', exclusion_justification: v('Justification') });
    expect(csvRecord(soa, 'A.6.2.4')).toMatchObject({ notes: v('Notes') });

    const md = (await results.download(/Markdown/)).text;
    expect(md).not.toContain(payload);
    for (const label of ['Name', 'Sector', 'Systems', 'Owner', 'Justification', 'Notes']) {
      expect(markdownText(md), `report .md holds ${label}`).toContain(v(label));
    }
    await expectInertHtml(page, await results.download(/HTML/), [v('Name'), v('Justification'), v('Notes'), v('Owner')]);

    await start.goto();
    await expect(page.getByRole('region', { name: 'Continue where you left off' })).toContainText(v('Name'));
    await expectNoInjectedMarkup(page, 'start');
  });
}
