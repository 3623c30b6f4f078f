import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { App, AssessPage, ProfilePage, ResultsPage, STORAGE_KEY, stored } from './pages';

// Data written by the version 1 app (schema version 1: tests/data/versions/, written by that build) keeps
// opening with nothing lost: what it left in localStorage, its exported files and its share links. The
// roles become the ISO/IEC 22989 roles, and the preview says so.

const versions = join(__dirname, '..', 'data', 'versions');
const v1File = readFileSync(join(versions, 'v1.json'), 'utf8');
const v1Storage = readFileSync(join(versions, 'v1_storage.json'), 'utf8');
const v1Link = readFileSync(join(versions, 'v1_link.txt'), 'utf8').trim();

test('what the version 1 app left in this browser opens, and the next change stores version 2', async ({ guarded: page }) => {
  const app = new App(page);
  await app.open('#/');
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [STORAGE_KEY, v1Storage]);
  await page.reload();
  const assess = new AssessPage(page);
  await assess.goto('4');
  await expect(assess.item('4.1').radio(2)).toBeChecked();
  await assess.item('4.1').openNotes();
  await expect(assess.item('4.1').notes).toHaveValue('Stored by the version 1 app');

  const profile = new ProfilePage(page);
  await profile.goto();
  await expect(profile.name).toHaveValue('Stored Ltd');
  await expect(profile.role('AI customer')).toBeChecked();
  await expect(profile.role('AI provider')).not.toBeChecked();
  // Until something changes, the stored data is left as the old app wrote it.
  expect(await stored(page)).toBe(v1Storage);

  await profile.role('AI partner').check();
  await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}').schema_version).toBe(2);
  const now = JSON.parse((await stored(page)) ?? '{}');
  expect(now.profile.roles).toEqual(['ai-customer', 'ai-partner']);
  expect(now.answers['4.1']).toEqual({ level: 2, notes: 'Stored by the version 1 app' });
});

test('a file exported by the version 1 app imports with every answer and note', async ({ guarded: page }) => {
  const results = new ResultsPage(page);
  await results.goto();
  await results.chooseFile('northwind-v1.json', v1File);
  await expect(results.preview).toBeVisible();
  await expect(results.preview).toContainText('upgraded to version 2');
  await expect(results.preview).toContainText('deployer and user → AI customer');
  await results.confirmImport();
  const kept = JSON.parse((await stored(page)) ?? '{}');
  const old = JSON.parse(v1File);
  expect(kept.schema_version).toBe(2);
  expect(kept.answers).toEqual(old.answers);
  expect(kept.policy).toEqual(old.policy);
  expect(kept.profile.roles).toEqual(['ai-producer', 'ai-customer']);
});

test('a share link made by the version 1 app opens', async ({ guarded: page }) => {
  await page.goto(`/#${v1Link}`);
  const app = new App(page);
  await expect(app.heading).toHaveText('Open a shared assessment');
  const preview = page.getByRole('group', { name: 'Ready to load' });
  await expect(preview).toContainText('OrganisationNorthwind Mutual Insurance Ltd');
  await expect(preview).toContainText('upgraded to version 2');
  await preview.getByRole('button', { name: 'Add as a new assessment' }).click();
  await expect(page).toHaveURL(/#\/results$/);
  const kept = JSON.parse((await stored(page)) ?? '{}');
  expect(kept.answers).toEqual(JSON.parse(v1File).answers);
});
