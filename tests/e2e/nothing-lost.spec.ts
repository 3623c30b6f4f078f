import { test, expect } from './fixtures';
import { App, AssessPage, ResultsPage, StartPage, STORAGE_KEY, assessmentFile, clickAtTheSameMoment, fillStorage, importAssessment, stored } from './pages';
import type { Page } from '@playwright/test';

// The browser holds the only copy: what the app stores, it can read; what is typed wrong is refused where
// it is typed, with the reason, and nothing stored before is lost; tabs follow each other's changes by
// the order they were made in, never by dates inside the data.

/** The stored answers, as the file format has them. */
async function storedAnswers(page: Page): Promise<Record<string, any>> {
  return JSON.parse((await stored(page)) ?? '{"answers":{}}').answers;
}

/** The file an export of this page's data gives, imported into a fresh browser context: it must open. */
async function exportOpensElsewhere(page: Page) {
  const results = new ResultsPage(page);
  await results.goto();
  const file = await results.download('Download JSON');
  const other = await page.context().browser()!.newContext();
  const fresh = new ResultsPage(await other.newPage());
  await fresh.goto();
  await fresh.chooseFile(file.name, file.text);
  await expect(fresh.preview).toBeVisible();
  await other.close();
  return file;
}

test('a typo in a year is refused where it is typed and wipes nothing', async ({ guarded: page }) => {
  const assess = new AssessPage(page);
  await assess.goto('4');
  const item = assess.item('4.1');
  await item.choose(2);
  await item.openNotes();
  await item.due.click();
  await page.keyboard.type('01');
  await page.keyboard.type('15');
  await page.keyboard.type('99999');
  // Chromium makes the year 99999, or 9999 where the field's max holds it to four digits: either way
  // the field says why it is not saved.
  await expect(item.due).toHaveValue(/^9999+-01-15$/);
  await expect(item.root.getByText(/^Not saved: “9999+-01-15” is not a date between 1900 and 2199/)).toBeVisible();
  expect((await storedAnswers(page))['4.1']).toEqual({ level: 2 });

  await assess.reload();
  await expect(page.getByRole('heading', { name: 'Your saved assessment could not be read' })).toBeHidden();
  await expect(item.radio(2)).toBeChecked();
  await exportOpensElsewhere(page);
});

/** An assessment file whose notes and evidence of `items` items hold `chars` × “漢” each. */
function longNotes(items: string[], chars: number) {
  const text = '漢'.repeat(chars);
  return assessmentFile({
    answers: Object.fromEntries(items.map((id) => [id, { level: 2, notes: text, evidence: text } as any])),
  });
}

async function itemIds(page: Page): Promise<string[]> {
  // Every item ID the questionnaire has, read from the full assessment's section pages.
  const assess = new AssessPage(page);
  const ids: string[] = [];
  for (const section of ['4', '5', '6', '7', '8', '9', '10', 'A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10']) {
    await assess.goto(section);
    ids.push(...(await assess.itemIds()));
  }
  return ids;
}

test('notes up to the size a file can hold are kept; past it they are refused with a counter, not saved and lost', async ({ guarded: page }) => {
  test.setTimeout(180_000);
  await new StartPage(page).goto();
  await new StartPage(page).fullAssessment();
  const ids = await itemIds(page);
  // 43 items × 2 × 60,000 bytes: 5.16 MB, within the 5 MB (5,242,880 bytes) a file holds.
  await importAssessment(page, longNotes(ids.slice(0, 43), 20_000));
  const app = new App(page);
  await expect(page.getByText(/^4\.9 of 5 MB used/)).toBeVisible();

  // The 44th item's notes still fit (5.22 MB); its evidence would take it past the limit: the field
  // says so, keeps the text, saves nothing.
  const assess = new AssessPage(page);
  const id = ids[43];
  await assess.goto(id.startsWith('A.') ? id.split('.').slice(0, 2).join('.') : id.split('.')[0]);
  const item = assess.item(id);
  await item.openNotes();
  await item.notes.fill('漢'.repeat(20_000));
  await expect.poll(async () => (await storedAnswers(page))[id]?.notes?.length).toBe(20_000);
  const before = await stored(page);
  await item.evidence.fill('漢'.repeat(20_000));
  await expect(item.root.getByText(/^Not saved: the assessment would take [\d,]+ bytes, more than the 5,242,880 bytes \(5 MB\)/)).toBeVisible();
  await expect(item.root.getByText('20,000 of 20,000 characters')).toHaveCount(2);
  await expect(item.evidence).toHaveValue('漢'.repeat(20_000));
  expect(await stored(page)).toBe(before);
  await expect(app.saved).toBeVisible();

  await assess.reload();
  await expect(page.getByRole('heading', { name: 'Your saved assessment could not be read' })).toBeHidden();
  expect(Object.keys(await storedAnswers(page))).toHaveLength(44);
  await exportOpensElsewhere(page);
});

test('a paste longer than a field holds is kept in the field with the reason, never cut without a word', async ({ guarded: page }) => {
  const assess = new AssessPage(page);
  await assess.goto('5');
  const item = assess.item('5.2');
  await item.choose(1);
  await item.openNotes();
  await item.notes.fill('Policy drafted.');
  await expect.poll(async () => (await storedAnswers(page))['5.2']?.notes).toBe('Policy drafted.');

  const pasted = 'x'.repeat(20_001);
  await item.notes.fill(pasted);
  await expect(item.notes).toHaveValue(pasted);
  await expect(item.root.getByText(/^Not saved: This text has 20,001 characters; the field holds at most 20,000\. Shorten it by 1/)).toBeVisible();
  await expect(item.root.getByText('20,001 of 20,000 characters')).toBeVisible();
  expect((await storedAnswers(page))['5.2'].notes).toBe('Policy drafted.');

  // Shortening it saves it, and the message goes.
  await item.notes.press('End');
  await item.notes.press('Backspace');
  await expect.poll(async () => (await storedAnswers(page))['5.2']?.notes?.length).toBe(20_000);
  await expect(item.root.getByText(/^Not saved/)).toBeHidden();
});

test('choosing N/A without a justification takes the level back, in storage and in the scores', async ({ guarded: page }) => {
  const assess = new AssessPage(page);
  await assess.goto('A.2');
  const item = assess.item('A.2.2');
  await item.choose(4);
  await expect.poll(async () => (await storedAnswers(page))['A.2.2']).toEqual({ level: 4 });
  await item.choose('na');
  await expect(item.justificationError).toBeVisible();
  await expect.poll(async () => (await storedAnswers(page))['A.2.2']).toBeUndefined();
  await expect(assess.sectionProgress).toHaveText(/^This section: 0 of/);

  await assess.reload();
  await expect(item.radio(4)).not.toBeChecked();
  await expect(item.radio('na')).not.toBeChecked();
  const results = new ResultsPage(page);
  await results.goto();
  await expect(results.soaCells('A.2.2').nth(3)).toHaveText('—');
});

test('stored data that cannot be read while storage is full stays where it was, and nothing overwrites it', async ({ guarded: page }) => {
  const app = new App(page);
  await app.open('#/');
  const unreadable = JSON.stringify({ ...assessmentFile({ name: 'From a newer app' }), schema_version: 3 }, null, 2);
  // Fill the storage so that not even a copy of the unreadable data fits.
  await page.evaluate(([key, value]) => {
    localStorage.clear();
    localStorage.setItem(key, value);
  }, [STORAGE_KEY, unreadable]);
  await fillStorage(page);
  await app.reload();

  const banner = page.getByRole('region', { name: 'Your saved assessment could not be read' });
  await expect(banner).toContainText('newer version of the app');
  await expect(banner).toContainText('still unchanged where it was');
  await expect(banner).not.toContainText('It has been kept unchanged');

  // Starting a quick scan and answering does not overwrite it: the app says it did not save.
  const start = new StartPage(page);
  await start.goto();
  await start.quickScan();
  await expect(app.page.getByText('Not saved', { exact: true })).toBeVisible();
  expect(await stored(page, STORAGE_KEY)).toBe(unreadable);

  // The download gives it byte for byte.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(await download.path(), 'utf8')).toBe(unreadable);

  // Once room is made, the next change sets it aside first, then saves.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k);
  });
  const assess = new AssessPage(page);
  await assess.goto('4');
  await assess.item('4.1').choose(3);
  await expect(app.saved).toBeVisible();
  expect(await stored(page, 'aims-readiness/unreadable')).toBe(unreadable);
  expect((await storedAnswers(page))['4.1']).toEqual({ level: 3 });
});

test('a reload with one tab says nothing about other tabs, even for a large assessment', async ({ guarded: page }) => {
  test.setTimeout(120_000);
  const assess = new AssessPage(page);
  // 40 items × 120,000 bytes: 4.8 MB, as in the report.
  await importAssessment(page, longNotes((await itemIds(page)).slice(0, 40), 20_000));
  for (let i = 0; i < 3; i += 1) {
    await assess.goto('4');
    // Reload straight after the click, while the 4.8 MB write may still be on its way.
    await assess.item('4.1').choose(i + 1);
    await assess.reload();
    await page.waitForTimeout(1_000);
    await expect(assess.status('Updated with changes made in another tab.')).toHaveCount(0);
    await expect(assess.item('4.1').radio(i + 1)).toBeChecked();
  }
});

test('simultaneous clicks on different items in two tabs both survive', async ({ guarded: tabA, guard }) => {
  const a = new AssessPage(tabA);
  await a.goto('4');
  const tabB = guard(await tabA.context().newPage());
  const b = new AssessPage(tabB);
  await b.goto('4');
  for (let trial = 0; trial < 6; trial += 1) {
    const levelA = trial % 6;
    const levelB = 5 - (trial % 6);
    await clickAtTheSameMoment([tabA, tabB], [`[id="4-1-level-${levelA}"]`, `[id="4-2-level-${levelB}"]`], [0, trial % 3]);
    for (const page of [a, b]) {
      await expect(page.item('4.1').radio(levelA)).toBeChecked();
      await expect(page.item('4.2').radio(levelB)).toBeChecked();
    }
    await expect.poll(async () => storedAnswers(tabA)).toEqual({ '4.1': { level: levelA }, '4.2': { level: levelB } });
  }
  await b.reload();
  await expect(b.item('4.1').radio(5)).toBeChecked();
  await tabB.close();
});

test('an import in one tab is not undone by a click in another, whatever the file’s dates', async ({ guarded: tabA, guard }) => {
  const a = new AssessPage(tabA);
  await a.goto('4');
  await a.item('4.1').choose(5);
  const tabB = guard(await tabA.context().newPage());
  const b = new AssessPage(tabB);
  await b.goto('4');
  await expect(b.item('4.1').radio(5)).toBeChecked();

  for (const updated of ['2001-01-01T00:00:00.000Z', '9999-12-31T23:59:59Z']) {
    await test.step(`a file last changed ${updated}`, async () => {
      await importAssessment(tabA, assessmentFile({ name: `Imported ${updated}`, updated, answers: { '4.1': { level: 1 } } }), 'assessment.json', 'replace');
      await b.goto('4');
      await expect(b.item('4.1').radio(1)).toBeChecked();
      await b.item('4.3').choose(2);
      await a.goto('4');
      await expect(a.item('4.3').radio(2)).toBeChecked();
      await expect(a.item('4.1').radio(1)).toBeChecked();
      // And the other way round: the importing tab's next click reaches the other tab.
      await a.item('4.4').choose(3);
      await expect(b.item('4.4').radio(3)).toBeChecked();
      await expect(b.item('4.1').radio(1)).toBeChecked();
      expect(await storedAnswers(tabB)).toEqual({ '4.1': { level: 1 }, '4.3': { level: 2 }, '4.4': { level: 3 } });
    });
  }
  await tabB.close();
});

test('replacing the open assessment in one tab reaches the other, and the replaced one stays in the library', async ({ guarded: tabA, guard }) => {
  await importAssessment(tabA, assessmentFile({ name: 'First client' }));
  const tabB = guard(await tabA.context().newPage());
  const b = new AssessPage(tabB);
  await b.goto('4');
  await expect(b.item('4.1').radio(3)).toBeChecked();
  await importAssessment(tabA, assessmentFile({ name: 'Second client', answers: { '4.1': { level: 1 } } }), 'second.json', 'replace');
  await expect(b.item('4.1').radio(1)).toBeChecked();
  await b.item('4.4').choose(4);
  await expect.poll(async () => (await storedAnswers(tabA))['4.4']).toEqual({ level: 4 });
  expect(JSON.parse((await stored(tabA)) ?? '{}').profile?.name).toBe('Second client');
  // What was replaced is an assessment of its own, with every answer.
  const kept = await tabA.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('aims-readiness/assessments/'))
      .map((k) => JSON.parse(localStorage.getItem(k) ?? '{}'))
      .find((a) => a.profile?.name === 'First client'),
  );
  expect(kept.answers['4.1']).toEqual({ level: 3 });
  await tabB.close();
});

test('deleting everything in one tab with a click in another at the same moment brings nothing back', async ({ guarded: tabA, guard }) => {
  const results = await importAssessment(tabA, assessmentFile({ name: 'To be deleted' }));
  const tabB = guard(await tabA.context().newPage());
  const b = new AssessPage(tabB);
  await b.goto('4');
  await expect(b.item('4.1').radio(3)).toBeChecked();
  await tabA.getByRole('button', { name: 'Delete all local data' }).click();
  const yes = tabA.getByRole('button', { name: 'Yes, delete everything' });
  await yes.evaluate((el) => el.setAttribute('data-test-confirm', ''));
  await clickAtTheSameMoment([tabA, tabB], ['[data-test-confirm]', '[id="4-3-level-4"]']);
  await expect(results.status('All local data was deleted from this browser.')).toBeVisible();
  await tabA.waitForTimeout(500);
  const kept = await stored(tabA);
  expect(kept === null || !kept.includes('To be deleted'), 'the deleted assessment does not come back').toBe(true);
  await expect(b.item('4.1').radio(3)).not.toBeChecked();
  await b.reload();
  await expect(b.item('4.1').radio(3)).not.toBeChecked();
  await tabB.close();
});
