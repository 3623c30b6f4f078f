import { test, expect } from './fixtures';
import { AssessPage, ProfilePage, ResultsPage, StartPage, stored } from './pages';

// The consultant: export a JSON file, wipe the browser, import it again and see the same dashboard; import
// over the open assessment, which stays in the list of assessments.

test('JSON export, delete all, import: the same dashboard', async ({ guarded: page }) => {
  const start = new StartPage(page);
  await start.goto();
  await start.fullAssessment();
  const profile = new ProfilePage(page);
  await profile.name.fill('Marlow & Finch Advisory');
  const assess = new AssessPage(page);
  await assess.goto('6');
  await assess.item('6.1.1').choose(3);
  await assess.item('6.1.2').choose(1);
  await assess.item('6.2').choose(4);
  await assess.goto('A.6');
  await assess.item('A.6.2.4').choose(2);
  await assess.item('A.6.1.2').notApplicable('A single product team does everything.');
  const owner = assess.item('A.6.2.4');
  await owner.openNotes();
  await owner.owner.fill('Lead ML engineer');

  const results = new ResultsPage(page);
  await results.goto();
  await results.targetLevel.selectOption('4');
  const before = await results.snapshot();
  expect(before.scores).toContain('overall=4');

  const file = await results.download('Download JSON');
  expect(file.name).toMatch(/\.json$/);
  const json = JSON.parse(file.text);
  expect(json.format).toBe('aims-readiness/assessment');
  expect(json.profile.name).toBe('Marlow & Finch Advisory');
  expect(json.target).toBe(4);
  expect(json.answers['A.6.1.2']).toEqual({ not_applicable: true, justification: 'A single product team does everything.' });
  await expect(results.status(`Downloaded ${file.name}.`)).toBeVisible();

  await results.deleteAll();
  expect(await stored(page)).toBeNull();
  await expect(results.score('overall')).toHaveAttribute('data-readiness', '0');
  expect(await results.snapshot()).not.toEqual(before);
  await results.reload();
  await expect(results.score('overall')).toHaveAttribute('data-readiness', '0');

  await results.chooseFile(file.name, file.text);
  await expect(results.preview).toBeVisible();
  await expect(results.preview).toContainText('OrganisationMarlow & Finch Advisory');
  await expect(results.preview).toContainText('Completion7% (5 of 70 answered)');
  await expect(results.preview).toContainText('Nothing is stored in this browser yet');
  // Nothing changes before the user confirms.
  expect(await stored(page)).toBeNull();
  await results.confirmImport();
  await expect(results.status(/^Imported “Marlow & Finch Advisory” as a new assessment/)).toBeVisible();

  expect(await results.snapshot()).toEqual(before);
  await expect(results.targetLevel).toHaveValue('4');
  await results.reload();
  expect(await results.snapshot()).toEqual(before);
});

test('importing over the open assessment keeps what it held as an assessment of its own', async ({ guarded: page }) => {
  const assess = new AssessPage(page);
  await assess.goto('4');
  await assess.item('4.1').choose(5);
  await assess.item('4.2').choose(2);
  const profile = new ProfilePage(page);
  await profile.goto();
  await profile.name.fill('Ours Ltd');
  const results = new ResultsPage(page);
  await results.goto();
  const ours = await results.snapshot();
  const oursStored = await stored(page);

  // Someone else's file: another organisation, other answers.
  const theirs = JSON.parse(oursStored ?? '{}');
  theirs.profile.name = 'Theirs plc';
  theirs.answers = { '5.1': { level: 3 }, 'A.2.2': { level: 1 } };
  await results.chooseFile('theirs.json', JSON.stringify(theirs));
  await expect(results.preview).toContainText('OrganisationTheirs plc');
  await expect(results.preview).toContainText('Replacing puts it in place of “Ours Ltd”, whose current content stays in your list of assessments');
  // Adding is the first choice; replacing names what it replaces.
  const buttons = results.preview.getByRole('button');
  await expect(buttons.first()).toHaveText('Add as a new assessment');
  await results.replaceWithImport();
  await expect(results.status('Imported. What “Ours Ltd” held before is kept in your assessments.')).toBeVisible();
  const theirsSnapshot = await results.snapshot();
  expect(theirsSnapshot).not.toEqual(ours);
  await results.reload();
  expect(await results.snapshot()).toEqual(theirsSnapshot);

  // No one-click restore: the replaced one is in the list, and opening it brings it back.
  await expect(page.getByRole('button', { name: 'Restore previous data' })).toHaveCount(0);
  await results.open('#/assessments');
  const entry = page.locator('[data-assessment-id]').filter({ has: page.getByRole('heading', { name: 'Ours Ltd' }) });
  await expect(entry).toHaveCount(1);
  await entry.getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(/#\/results$/);
  expect(await results.snapshot()).toEqual(ours);
  await results.reload();
  expect(await results.snapshot()).toEqual(ours);
  await profile.goto();
  await expect(profile.name).toHaveValue('Ours Ltd');
});
