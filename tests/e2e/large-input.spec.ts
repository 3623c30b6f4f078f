import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { test, expect } from './fixtures';
import { App, ResultsPage, assessmentFile, importAssessment } from './pages';
import { readSections } from './shared.cjs';

// Bounded work: what a preview shows, and so the time it takes, does not grow with what a file or link
// holds. 100,000 answers to items this questionnaire does not have are kept and summarised in one warning.
// And the app makes no share link that it would refuse to open.

const UNKNOWN = 100_000;
const SUMMARY =
  '100,000 answers are to items this questionnaire does not have (e.g. “X.0”, “X.1”, “X.10”, “X.100”, “X.1000” …): they are kept but not scored';

/** The fixture's seven answers and 100,000 more to unknown IDs: 2.2 MB of JSON. */
function sprawling(): string {
  const file = assessmentFile({ name: 'Sprawling Holdings' }) as { answers: Record<string, unknown> };
  for (let i = 0; i < UNKNOWN; i++) file.answers[`X.${i}`] = { level: 3 };
  return JSON.stringify(file);
}

/** `length` letters and digits that deflate cannot shrink much (xorshift from `seed`). */
function noise(seed: number, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let state = (seed * 2654435761) >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out += alphabet[(state >>> 0) % alphabet.length];
  }
  return out;
}

async function expectOneSummary(app: App) {
  const preview = app.page.getByRole('group', { name: 'Ready to load' });
  await expect(preview).toContainText('OrganisationSprawling Holdings');
  await expect(preview).toContainText('Completion10% (7 of 70 answered)');
  await expect(preview.getByRole('listitem')).toHaveCount(1);
  await expect(preview.getByRole('listitem')).toHaveText(SUMMARY);
}

test('a file with 100,000 unknown items is previewed with one summarised warning', async ({ guarded: page }) => {
  const text = sprawling();
  expect(text.length).toBeGreaterThan(2_000_000);
  const results = new ResultsPage(page);
  await results.goto();
  await results.chooseFile('sprawling.json', text);
  await expectOneSummary(results);
});

test('a share link with the same 100,000 unknown items is previewed the same way', async ({ guarded: page }) => {
  const payload = deflateRawSync(Buffer.from(sprawling())).toString('base64url');
  expect(payload.length).toBeGreaterThan(300_000);
  const app = new App(page);
  await app.open(`#share=${payload}`);
  await expect(app.heading).toHaveText('Open a shared assessment');
  await expectOneSummary(app);
});

test('a share link too long to open is not made; the message says what to do instead', async ({ guarded: page }) => {
  // 30 items with 20,000 characters of notes each: about 600,000 characters of link with the notes.
  const ids = readSections(path.join(__dirname, '../..')).flatMap((s) => s.items.map((i) => i.id));
  const answers = Object.fromEntries(ids.slice(0, 30).map((id, i) => [id, { level: 2, notes: noise(i + 1, 20_000) }]));
  const results = await importAssessment(page, assessmentFile({ name: 'Verbose Ltd', answers }));

  const exports = page.getByRole('region', { name: 'Export and share' });
  const field = exports.getByRole('textbox', { name: 'Share link', exact: true });
  const refusal = /^This assessment does not fit in a share link: the link would be longer than the 524,288 characters a link can have\. Make the link without notes/;
  await exports.getByLabel('Include notes, evidence, owners and due dates').check();
  await exports.getByRole('button', { name: 'Copy share link' }).click();
  await expect(results.alert(refusal)).toBeVisible();
  await expect(exports.getByText(refusal)).toBeVisible();
  await expect(field).toBeHidden();

  // Without the notes the link is made, and it opens.
  await exports.getByLabel('Include notes, evidence, owners and due dates').uncheck();
  const link = await results.shareLink();
  await expect(exports.getByText(refusal)).toBeHidden();
  await page.goto(link);
  await expect(page.getByRole('group', { name: 'Ready to load' })).toContainText('OrganisationVerbose Ltd');
});
