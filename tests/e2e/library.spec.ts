import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import {
  App,
  AssessPage,
  OPEN_KEY,
  ResultsPage,
  STORAGE_KEY,
  assessmentFile,
  dataKey,
  downloadFrom,
  fillStorage,
  importAssessment,
  stored,
  storedIds,
} from './pages';

// Several assessments in one browser (issue 15): the list at #/assessments, imports that add instead of
// replace, look-only, delete with undo, comparing two, the move from the single stored assessment of
// earlier versions, and a full storage.

const versions = join(__dirname, '..', 'data', 'versions');
const v1Storage = readFileSync(join(versions, 'v1_storage.json'), 'utf8');

const clientA = assessmentFile({
  name: 'Client A Ltd',
  updated: '2026-01-10T09:00:00.000Z',
  answers: { '4.1': { level: 1 }, '4.2': { level: 1, owner: 'CRO' }, 'A.2.2': { level: 2 } },
});
const clientB = assessmentFile({ name: 'Client B plc', updated: '2026-02-10T09:00:00.000Z' });

/** The entry of the list whose heading is `label`. */
function entry(page: Page, label: string) {
  return page.locator('[data-assessment-id]').filter({ has: page.getByRole('heading', { name: label, exact: true }) });
}

async function openLibrary(page: Page) {
  const app = new App(page);
  await app.open('#/assessments');
  await expect(app.heading).toHaveText('Your assessments');
  return app;
}

/** A share link of `file`, made by the app in a browser of its own. */
async function shareLinkOf(page: Page, file: Record<string, unknown>, guard: (p: Page) => Page): Promise<string> {
  const context = await page.context().browser()!.newContext();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const other = guard(await context.newPage());
    const results = await importAssessment(other, file);
    return await results.shareLink();
  } finally {
    await context.close();
  }
}

test('the consultant’s story: import client A, open client B’s share link, both kept, compared, nothing lost', async ({ guarded: page, guard }) => {
  const linkB = await shareLinkOf(page, clientB, guard);
  await importAssessment(page, clientA, 'client-a.json');

  await page.goto(linkB);
  const preview = page.getByRole('group', { name: 'Ready to load' });
  await expect(preview).toContainText('OrganisationClient B plc');
  await expect(preview).toContainText('Last changed2026-02-10 09:00 UTC');
  await expect(preview.getByRole('button', { name: 'Replace “Client A Ltd” with this file' })).toBeVisible();
  await preview.getByRole('button', { name: 'Add as a new assessment' }).click();
  await expect(page).toHaveURL(/#\/results$/);

  await openLibrary(page);
  await expect(page.locator('[data-assessment-id]')).toHaveCount(2);
  await expect(entry(page, 'Client A Ltd')).toContainText('Last changed2026-01-10 09:00 UTC');
  await expect(entry(page, 'Client B plc')).toContainText('Open in this tab');
  const ids = await storedIds(page);
  expect(ids).toHaveLength(2);
  const a = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), dataKey(await entry(page, 'Client A Ltd').getAttribute('data-assessment-id') ?? ''))) ?? '{}');
  expect(a.answers).toEqual(clientA.answers);

  // Compare: pick both, the earlier comes first whatever the order picked.
  const idA = (await entry(page, 'Client A Ltd').getAttribute('data-assessment-id')) ?? '';
  const idB = (await entry(page, 'Client B plc').getAttribute('data-assessment-id')) ?? '';
  await page.getByLabel('First assessment').selectOption(idB);
  await page.getByLabel('Second assessment').selectOption(idA);
  await page.getByRole('link', { name: 'Compare' }).click();
  await expect(page).toHaveURL(new RegExp(`#/compare/${idA}/${idB}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare two assessments');
  // Clause 4 (four items, target 3): A had 1 and 1 (2 of 12 points, 17 %), B has 3 and 2 (5 of 12, 42 %).
  await expect(page.locator('tr[data-section-id="4"]')).toHaveAttribute('data-delta', '25');
  for (const id of ['clauses', 'annex-a', 'overall']) {
    await expect(page.locator(`tr[data-section-id="${id}"]`)).toHaveAttribute('data-delta', /^-?\d+$/);
  }
  await expect(page.getByRole('region', { name: 'Went up' })).toContainText('4.1');
  await expect(page.getByRole('region', { name: 'Newly not applicable' })).toContainText('A.10.4');
  await expect(page.getByRole('region', { name: 'Owners and due dates that changed' })).toContainText('4.2');
  await expect(page.locator('svg.radar polygon.area')).toHaveCount(2);
  const md = await downloadFrom(page, () => page.getByRole('button', { name: 'Download comparison as Markdown' }).click());
  expect(md.name).toMatch(/\.md$/);
  expect(md.text).toContain('Client B plc');
  const csv = await downloadFrom(page, () => page.getByRole('button', { name: 'Download comparison as CSV' }).click());
  expect(csv.text.split('\n').length).toBeGreaterThan(20);
  const html = await downloadFrom(page, () => page.getByRole('button', { name: 'Download comparison as HTML' }).click());
  expect(html.text).toMatch(/^<!DOCTYPE html>/i);

  // Nothing lost after a reload, and the list says when this browser last exported.
  await openLibrary(page);
  await expect(page.locator('[data-assessment-id]')).toHaveCount(2);
  await expect(page.getByText(/^This browser last exported a file on \d{4}-\d\d-\d\d \d\d:\d\d UTC/)).toBeVisible();
  expect(await storedIds(page)).toEqual(ids);
});

test('comparing with a picked file keeps the file nowhere', async ({ guarded: page }) => {
  await importAssessment(page, clientA, 'client-a.json');
  await importAssessment(page, clientB, 'client-b.json');
  const ids = await storedIds(page);
  await openLibrary(page);
  const idA = await entry(page, 'Client A Ltd').getAttribute('data-assessment-id');
  const idB = await entry(page, 'Client B plc').getAttribute('data-assessment-id');
  await new App(page).open(`#/compare/${idA}/${idB}`);
  await expect(page.locator('tr[data-section-id="4"]')).toHaveAttribute('data-delta', '25');
  const later = assessmentFile({ name: 'Client A Ltd', updated: '2026-03-01T00:00:00.000Z', answers: { '4.1': { level: 3 }, '4.2': { level: 3 } } });
  await page.getByLabel('Assessment file to compare with (.json)').setInputFiles({
    name: 'client-a-march.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(later)),
  });
  await expect(page.getByText(/^Comparing with “client-a-march.json”/).first()).toBeVisible();
  // A in January (17 %) against the March file (6 of 12 points, 50 %).
  await expect(page.locator('tr[data-section-id="4"]')).toHaveAttribute('data-delta', '33');
  expect(await storedIds(page)).toEqual(ids);
});

test('import as new, replace, or just look: nothing an import does destroys data', async ({ guarded: page }) => {
  await importAssessment(page, clientA, 'client-a.json');
  const results = new ResultsPage(page);
  const one = await storedIds(page);
  expect(one).toHaveLength(1);

  // Just look: shown read-only, kept nowhere.
  await results.goto();
  await results.chooseFile('client-b.json', JSON.stringify(clientB));
  await results.preview.getByRole('button', { name: 'Just look at it' }).click();
  await expect(page).toHaveURL(/#\/look$/);
  await expect(results.heading).toHaveText('Looking at “Client B plc”');
  await expect(page.getByText('Read-only and not kept')).toBeVisible();
  expect(await storedIds(page)).toEqual(one);
  await page.getByRole('button', { name: 'Close without keeping' }).click();
  await expect(page).toHaveURL(/#\/assessments$/);
  await expect(page.locator('[data-assessment-id]')).toHaveCount(1);

  // Replace: the replaced one stays in the list.
  await importAssessment(page, clientB, 'client-b.json', 'replace');
  await expect(results.status('Imported. What “Client A Ltd” held before is kept in your assessments.')).toBeVisible();
  await openLibrary(page);
  await expect(page.locator('[data-assessment-id]')).toHaveCount(2);
  await expect(entry(page, 'Client A Ltd')).toHaveCount(1);
  await expect(entry(page, 'Client B plc')).toContainText('Open in this tab');

  // Add: a third one.
  await importAssessment(page, assessmentFile({ name: 'Client C GmbH' }), 'client-c.json');
  await openLibrary(page);
  await expect(page.locator('[data-assessment-id]')).toHaveCount(3);
});

test('delete asks first, then can be undone; rename and copy as the next snapshot', async ({ guarded: page }) => {
  await importAssessment(page, clientA, 'client-a.json');
  await openLibrary(page);
  const a = entry(page, 'Client A Ltd');
  const id = await a.getAttribute('data-assessment-id');
  const data = await stored(page, dataKey(id ?? ''));

  await a.getByRole('button', { name: 'Rename' }).click();
  await a.getByRole('textbox', { name: 'New name for “Client A Ltd”' }).fill('2026 Q1');
  await a.getByRole('button', { name: 'Save the name' }).click();
  const renamed = entry(page, '2026 Q1 · Client A Ltd');
  await expect(renamed).toHaveAttribute('data-assessment-id', id ?? '');

  await renamed.getByRole('button', { name: 'Copy as next snapshot' }).click();
  const field = renamed.getByRole('textbox', { name: 'Name of the copy of “2026 Q1 · Client A Ltd”' });
  await expect(field).toHaveValue(/^\d{4} Q[1-4]/);
  await field.fill('2026 Q2');
  await renamed.getByRole('button', { name: 'Make the copy' }).click();
  await openLibrary(page);
  const copy = entry(page, '2026 Q2 · Client A Ltd');
  await expect(copy).toContainText('Open in this tab');
  const copyId = await copy.getAttribute('data-assessment-id');
  expect(JSON.parse((await stored(page, dataKey(copyId ?? ''))) ?? '{}').answers).toEqual(clientA.answers);

  // Delete: a confirmation first; cancel keeps it.
  const original = entry(page, '2026 Q1 · Client A Ltd');
  await original.getByRole('button', { name: 'Delete' }).click();
  await expect(original.getByRole('group', { name: 'Delete “2026 Q1 · Client A Ltd”?' })).toBeVisible();
  await original.getByRole('button', { name: 'Cancel' }).click();
  await original.getByRole('button', { name: 'Delete' }).click();
  await original.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.locator('[data-assessment-id]')).toHaveCount(1);
  await expectAccessible(page, 'the list with a deletion to undo');
  // Still stored while it can be undone, even across a reload.
  await openLibrary(page);
  await page.getByRole('button', { name: 'Undo deleting “2026 Q1 · Client A Ltd”' }).click();
  await expect(page.locator('[data-assessment-id]')).toHaveCount(2);
  const back = JSON.parse((await stored(page, dataKey(id ?? ''))) ?? '{}');
  expect(back.answers).toEqual(JSON.parse(data ?? '{}').answers);
  expect(back.name).toBe('2026 Q1');
});

test('the single assessment and backup earlier versions stored become entries, nothing lost', async ({ guarded: page }) => {
  // A v2 blob as this build writes it.
  await importAssessment(page, clientB, 'client-b.json');
  const v2Blob = (await stored(page)) ?? '';
  expect(JSON.parse(v2Blob).schema_version).toBe(2);
  await page.evaluate(([k1, v1, k2, v2]) => {
    localStorage.clear();
    localStorage.setItem(k1, v1);
    localStorage.setItem(k2, v2);
  }, [STORAGE_KEY, v1Storage, 'aims-readiness/backup', v2Blob]);
  await page.reload();
  await openLibrary(page);
  await expect(page.locator('[data-assessment-id]')).toHaveCount(2);
  await expect(entry(page, 'Stored Ltd')).toContainText('Open in this tab');
  await expect(entry(page, 'Client B plc')).toBeVisible();
  // Copied byte for byte; the old keys are gone only because the copies read back identical.
  const ids = await storedIds(page);
  const values = await Promise.all(ids.map((id) => stored(page, dataKey(id))));
  expect(values.sort()).toEqual([v1Storage, v2Blob].sort());
  expect(await stored(page, STORAGE_KEY)).toBeNull();
  expect(await stored(page, 'aims-readiness/backup')).toBeNull();
  expect(await stored(page, OPEN_KEY)).toBe(await entry(page, 'Stored Ltd').getAttribute('data-assessment-id'));
  // The next start finds nothing more to move.
  await openLibrary(page);
  expect(await storedIds(page)).toEqual(ids);
});

test('with no room to move it, the earlier version’s assessment stays under its old key and is still shown', async ({ guarded: page }) => {
  const app = new App(page);
  await app.open('#/');
  await page.evaluate(([key, value]) => {
    localStorage.clear();
    localStorage.setItem(key, value);
  }, [STORAGE_KEY, v1Storage]);
  await fillStorage(page);
  await app.reload();
  await expect(app.alert(/could not be moved into this version's list of assessments/)).toBeVisible();
  expect(await stored(page, STORAGE_KEY)).toBe(v1Storage);
  expect(await storedIds(page)).toEqual([]);
  const results = new ResultsPage(page);
  await results.goto();
  const file = await downloadFrom(page, () => page.getByRole('button', { name: 'Download JSON' }).click());
  expect(JSON.parse(file.text).profile.name).toBe('Stored Ltd');
  // Once there is room, the next start moves it.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k);
  });
  await openLibrary(page);
  await app.reload();
  await expect(entry(page, 'Stored Ltd')).toBeVisible();
  expect(await stored(page, STORAGE_KEY)).toBeNull();
});

test('two tabs on two assessments never merge each other’s data', async ({ guarded: tabA, guard }) => {
  await importAssessment(tabA, clientA, 'client-a.json');
  const tabB = guard(await tabA.context().newPage());
  await importAssessment(tabB, clientB, 'client-b.json');
  const a = new AssessPage(tabA);
  const b = new AssessPage(tabB);
  await a.goto('4');
  await b.goto('4');
  await expect(a.item('4.1').radio(1)).toBeChecked();
  await expect(b.item('4.1').radio(3)).toBeChecked();
  await b.item('4.3').choose(5);
  await a.item('4.4').choose(2);
  await tabA.waitForTimeout(300);
  await expect(a.item('4.3').radio(5)).not.toBeChecked();
  await expect(b.item('4.4').radio(2)).not.toBeChecked();
  // A tab on the same assessment does get the changes.
  await openLibrary(tabB);
  await entry(tabB, 'Client A Ltd').getByRole('button', { name: 'Open' }).click();
  await b.goto('4');
  await expect(b.item('4.4').radio(2)).toBeChecked();
  await b.item('4.3').choose(4);
  await expect(a.item('4.3').radio(4)).toBeChecked();
  await tabB.close();
});

test('a full storage is said, and what could not be saved stays on screen with the export offered', async ({ guarded: page }) => {
  await importAssessment(page, clientA, 'client-a.json');
  const app = await openLibrary(page);
  await fillStorage(page);
  await app.reload();
  await expect(page.getByText(/^This browser's storage for this site is \d+% full/).first()).toBeVisible();
  const before = await stored(page);

  const assess = new AssessPage(page);
  await assess.goto('4');
  await assess.item('4.1').openNotes();
  await assess.item('4.1').notes.fill('A note that does not fit any more');
  const banner = page.locator('.storage-full');
  await expect(banner).toHaveRole('alert');
  await expect(banner).toBeVisible();
  await expect(page.getByText('Not saved', { exact: true })).toBeVisible();
  expect(await stored(page)).toBe(before);
  await expect(assess.item('4.1').notes).toHaveValue('A note that does not fit any more');
  const file = await downloadFrom(page, () => banner.getByRole('button', { name: 'Export a JSON file of this assessment' }).click());
  expect(JSON.parse(file.text).answers['4.1'].notes).toBe('A note that does not fit any more');

  // Adding an import when nothing fits keeps nothing half-written and says so.
  const ids = await storedIds(page);
  const results = new ResultsPage(page);
  await results.goto();
  await results.chooseFile('client-b.json', JSON.stringify(clientB));
  await results.preview.getByRole('button', { name: 'Add as a new assessment' }).click();
  await expect(app.alert(/^Nothing was added/)).toBeVisible();
  await expect(results.preview).toBeVisible();
  expect(await storedIds(page)).toEqual(ids);
});

for (const viewport of [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
]) {
  test(`the list, look-only and compare pages are accessible at ${viewport.width} px`, async ({ guarded: page }) => {
    await page.setViewportSize(viewport);
    await importAssessment(page, clientA, 'client-a.json');
    await importAssessment(page, clientB, 'client-b.json');
    await openLibrary(page);
    await expectAccessible(page, `the list at ${viewport.width} px`);
    await entry(page, 'Client A Ltd').getByRole('button', { name: 'Rename' }).click();
    await expectAccessible(page, `renaming at ${viewport.width} px`);
    const idA = await entry(page, 'Client A Ltd').getAttribute('data-assessment-id');
    const idB = await entry(page, 'Client B plc').getAttribute('data-assessment-id');
    await new App(page).open(`#/compare/${idA}/${idB}`);
    await expect(page.locator('tr[data-section-id="overall"]')).toBeVisible();
    await expectAccessible(page, `the comparison at ${viewport.width} px`);
    const results = new ResultsPage(page);
    await results.goto();
    await results.chooseFile('client-b.json', JSON.stringify(clientB));
    await expectAccessible(page, `the import preview at ${viewport.width} px`);
    await results.preview.getByRole('button', { name: 'Just look at it' }).click();
    await expect(page).toHaveURL(/#\/look$/);
    await expectAccessible(page, `looking at a file at ${viewport.width} px`);
  });
}
