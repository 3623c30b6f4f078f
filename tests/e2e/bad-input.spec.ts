import { test, expect } from './fixtures';
import { App, AssessPage, ResultsPage, STORAGE_KEY, UNREADABLE_KEY, assessmentFile, downloadFrom, importAssessment, stored } from './pages';

// Bad files are refused with a message and change nothing; stored data that cannot be read is kept,
// reported, offered for download byte for byte, and only goes away when the user discards it.

const good = assessmentFile({ name: 'Steady Org' });
const goodText = JSON.stringify(good, null, 2);

function edited(change: (file: any) => void): string {
  const file = structuredClone(good) as any;
  change(file);
  return JSON.stringify(file, null, 2);
}

const badFiles: { name: string; content: string | Buffer; says: RegExp }[] = [
  { name: 'notes.json', content: 'Meeting notes: we should look at ISO 42001 next quarter.', says: /not valid JSON/ },
  { name: 'truncated.json', content: goodText.slice(0, Math.floor(goodText.length * 0.6)), says: /cut short/ },
  { name: 'from-the-future.json', content: edited((f) => (f.schema_version = 3)), says: /newer version of the app/ },
  { name: 'level-nine.json', content: edited((f) => (f.answers['4.1'] = { level: 9 })), says: /answers › 4\.1 › level: 9 is not a maturity level/ },
  {
    name: 'na-on-a-clause.json',
    content: edited((f) => (f.answers['6.1.2'] = { not_applicable: true, justification: 'We do not do risk.' })),
    says: /6\.1\.2 is a clause requirement: every clause applies/,
  },
  { name: 'huge.json', content: Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), says: /larger than the 5 MB/ },
  {
    // UTF-16 with half a character (a lone surrogate) in the organisation's name.
    name: 'utf16-damaged.json',
    content: utf16le(goodText.replace('Steady Org', 'Steady\ud83dOrg')),
    says: /This file is UTF-16 text with a broken character at line \d+, column \d+/,
  },
];

/** `text` as UTF-16 little endian with a byte order mark, as PowerShell's `>` saves it. */
function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

test('bad files are refused with a message and change nothing', async ({ guarded: page }) => {
  const results = await importAssessment(page, good);
  const before = await results.snapshot();
  const storedBefore = await stored(page);

  for (const bad of badFiles) {
    await test.step(bad.name, async () => {
      await results.chooseFile(bad.name, bad.content);
      const alert = results.alert(`“${bad.name}”`);
      await expect(alert).toBeVisible();
      await expect(alert).toContainText(bad.says);
      await expect(alert).toContainText(/nothing was imported|your data is unchanged/);
      await expect(results.preview).toBeHidden();
      expect(await stored(page)).toBe(storedBefore);
      expect(await results.snapshot()).toEqual(before);
    });
  }

  // A bad file after a good one withdraws the good one's preview: only what was checked can be confirmed.
  await results.chooseFile('fine.json', edited((f) => (f.profile.name = 'Other Org')));
  await expect(results.preview).toContainText('Other Org');
  await results.chooseFile('notes.json', 'not json');
  await expect(results.alert('“notes.json”')).toBeVisible();
  await expect(results.preview).toBeHidden();

  await results.reload();
  expect(await results.snapshot()).toEqual(before);
  expect(await stored(page)).toBe(storedBefore);
});

test('a file saved as UTF-16 is read as the text it holds', async ({ guarded: page }) => {
  const results = await importAssessment(page, good);
  const before = await results.snapshot();
  await results.deleteAll();
  const files = {
    'utf16le-bom.json': utf16le(goodText),
    'utf16be.json': Buffer.from(goodText, 'utf16le').swap16(),
  };
  for (const [name, content] of Object.entries(files)) {
    await test.step(name, async () => {
      await results.chooseFile(name, content);
      await expect(results.preview).toContainText('OrganisationSteady Org');
      await expect(results.status(`“${name}” is ready to import`)).toBeVisible();
    });
  }
  await results.confirmImport();
  expect(await results.snapshot()).toEqual(before);
});

test('unreadable stored data is reported, downloadable as it was, and kept until discarded', async ({ guarded: page }) => {
  const app = new App(page);
  await app.open('#/');
  const corrupt = goodText.replace('"level": 3', '"level": 3,,').slice(0, -40);
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [STORAGE_KEY, corrupt]);
  await app.reload();

  const banner = page.getByRole('region', { name: 'Your saved assessment could not be read' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('It has been kept unchanged in this browser.');
  expect(await stored(page, UNREADABLE_KEY)).toBe(corrupt);

  const download = banner.getByRole('button', { name: 'Download the unreadable data' });
  const first = await downloadFrom(page, () => download.click());
  expect(first.text).toBe(corrupt);

  // New work is saved beside it; the kept blob is neither overwritten nor forgotten.
  const assess = new AssessPage(page);
  await assess.goto('4');
  await assess.item('4.1').choose(2);
  await expect(assess.saved).toBeVisible();
  expect(await stored(page, UNREADABLE_KEY)).toBe(corrupt);
  await assess.reload();
  await expect(assess.item('4.1').radio(2)).toBeChecked();
  await expect(banner).toBeVisible();
  expect((await downloadFrom(page, () => download.click())).text).toBe(corrupt);
  expect(await stored(page, UNREADABLE_KEY)).toBe(corrupt);

  await banner.getByRole('button', { name: 'Discard it' }).click();
  await expect(banner).toBeHidden();
  await expect(app.status('The unreadable data was deleted.')).toBeVisible();
  expect(await stored(page, UNREADABLE_KEY)).toBeNull();
  await assess.reload();
  await expect(banner).toBeHidden();
  await expect(assess.item('4.1').radio(2)).toBeChecked();

  const results = new ResultsPage(page);
  await results.goto();
  await expect(results.score('4')).toHaveAttribute('data-readiness', '17');
});

test('a second unreadable blob gets a slot of its own and nothing is lost', async ({ guarded: page }) => {
  const app = new App(page);
  await app.open('#/');
  const older = '{"format": "aims-readiness/assessment", "schema_version": 1, truncated';
  const newer = 'not even JSON — written by something else';
  await page.evaluate(
    ([k1, v1, k2, v2]) => {
      window.localStorage.setItem(k1, v1);
      window.localStorage.setItem(k2, v2);
    },
    [UNREADABLE_KEY, older, STORAGE_KEY, newer],
  );
  await app.reload();

  const banner = page.getByRole('region', { name: 'Your saved assessment could not be read' });
  await expect(banner).toBeVisible();
  expect(await stored(page, UNREADABLE_KEY)).toBe(older);
  expect(await stored(page, `${UNREADABLE_KEY}-2`)).toBe(newer);

  const download = banner.getByRole('button', { name: 'Download the unreadable data' });
  expect((await downloadFrom(page, () => download.click())).text).toBe(older);
  await banner.getByRole('button', { name: 'Discard it' }).click();
  await expect(app.status('Another unreadable copy is still kept.')).toBeVisible();
  await expect(banner).toBeVisible();
  expect((await downloadFrom(page, () => download.click())).text).toBe(newer);
  await banner.getByRole('button', { name: 'Discard it' }).click();
  await expect(banner).toBeHidden();
  expect(await stored(page, UNREADABLE_KEY)).toBeNull();
  expect(await stored(page, `${UNREADABLE_KEY}-2`)).toBeNull();
});
