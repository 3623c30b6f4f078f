import { test, expect } from './fixtures';
import { AssessPage, PolicyPage, ProfilePage, ResultsPage, StartPage, stored } from './pages';

// The compliance lead working over several days: everything typed or chosen is still there after a
// reload, and two tabs on the app keep each other's answers.

test('profile, answers, notes, target and policy inputs survive a reload', async ({ guarded: page }) => {
  const start = new StartPage(page);
  await start.goto();
  await start.fullAssessment();

  const profile = new ProfilePage(page);
  await profile.name.fill('Kestrel Logistics');
  await profile.role('AI producer').check();
  await profile.role('AI customer').check();
  await profile.sector.fill('Freight and logistics');
  await profile.size.selectOption('medium');
  await profile.systems.fill('Route optimiser\nDelivery-time predictor');

  const assess = new AssessPage(page);
  await assess.goto('4');
  const item = assess.item('4.1');
  await item.choose(2);
  await item.openNotes();
  await item.notes.fill('Context analysis drafted in the Q2 workshop.');
  await item.evidence.fill('SharePoint: /aims/context-analysis-v0.3.docx');
  await item.owner.fill('Head of Risk');
  await item.due.fill('2026-06-30');

  await assess.goto('A.7');
  await assess.item('A.7.4').notApplicable('No in-house training data.');

  const results = new ResultsPage(page);
  await results.goto();
  await results.targetLevel.selectOption('4');
  await expect(results.score('4')).toHaveAttribute('data-readiness', String(Math.round((100 * 2) / (4 * 4))));

  const policy = new PolicyPage(page);
  await policy.goto();
  await policy.scope.fill('All AI systems we build or deploy in the EU.');
  await policy.principle(/^Safety/).check();
  await policy.appetite('Low').check();
  await policy.owner.fill('Chief Data Officer');
  await policy.approver.fill('Executive committee');
  await policy.review.selectOption('6');
  await policy.version.fill('0.9');
  await policy.effectiveDate.fill('2026-01-15');
  await policy.relatedPolicy('Quality policy').check();
  await policy.exceptions.fill('Exceptions go to the AI steering group.');
  await expect.poll(() => stored(page)).toContain('Exceptions go to the AI steering group.');
  const before = await stored(page);

  await policy.reload();
  expect(await stored(page), 'a reload rewrites nothing').toBe(before);
  await expect(policy.scope).toHaveValue('All AI systems we build or deploy in the EU.');
  await expect(policy.principle(/^Safety/)).toBeChecked();
  await expect(policy.principle(/^Accountability/)).toBeChecked();
  await expect(policy.appetite('Low')).toBeChecked();
  await expect(policy.owner).toHaveValue('Chief Data Officer');
  await expect(policy.approver).toHaveValue('Executive committee');
  await expect(policy.review).toHaveValue('6');
  await expect(policy.version).toHaveValue('0.9');
  await expect(policy.effectiveDate).toHaveValue('2026-01-15');
  await expect(policy.relatedPolicy('Quality policy')).toBeChecked();
  await expect(policy.relatedPolicy('Acceptable use policy')).not.toBeChecked();
  await expect(policy.exceptions).toHaveValue('Exceptions go to the AI steering group.');
  await expect(policy.preview).toContainText('Kestrel Logistics');

  await profile.goto();
  await expect(profile.name).toHaveValue('Kestrel Logistics');
  await expect(profile.role('AI producer')).toBeChecked();
  await expect(profile.role('AI customer')).toBeChecked();
  await expect(profile.role('AI provider')).not.toBeChecked();
  await expect(profile.sector).toHaveValue('Freight and logistics');
  await expect(profile.size).toHaveValue('medium');
  await expect(profile.systems).toHaveValue('Route optimiser\nDelivery-time predictor');

  await assess.goto('4');
  await expect(item.radio(2)).toBeChecked();
  // Notes that exist open by themselves.
  await expect(item.notes).toHaveValue('Context analysis drafted in the Q2 workshop.');
  await expect(item.evidence).toHaveValue('SharePoint: /aims/context-analysis-v0.3.docx');
  await expect(item.owner).toHaveValue('Head of Risk');
  await expect(item.due).toHaveValue('2026-06-30');
  await assess.goto('A.7');
  await expect(assess.item('A.7.4').radio('na')).toBeChecked();
  await expect(assess.item('A.7.4').justification).toHaveValue('No in-house training data.');

  await results.goto();
  await expect(results.targetLevel).toHaveValue('4');
  await expect(results.score('4')).toHaveAttribute('data-readiness', '13');
  await expect(results.soaCells('A.7.4')).toHaveText(['Excluded', 'No in-house training data.', '', '—', '']);
});

test('two tabs stay consistent and keep each other’s answers', async ({ guarded: tabA, guard }) => {
  const a = new AssessPage(tabA);
  await a.goto('4');
  await a.item('4.1').choose(2);
  await expect(a.saved).toBeVisible();

  const tabB = guard(await tabA.context().newPage());
  const b = new AssessPage(tabB);
  await b.goto('4');
  await expect(b.item('4.1').radio(2)).toBeChecked();

  // A's answer appears in B without a reload.
  await a.item('4.2').choose(3);
  await expect(b.item('4.2').radio(3)).toBeChecked();
  await expect(b.status('Updated with changes made in another tab.')).toBeVisible();

  // B's next answer keeps A's, in B, in A and in storage.
  await b.item('4.3').choose(1);
  await expect(a.item('4.3').radio(1)).toBeChecked();
  await expect(a.item('4.2').radio(3)).toBeChecked();
  await expect(b.item('4.2').radio(3)).toBeChecked();
  const answers = JSON.parse((await stored(tabA)) ?? '{}').answers;
  expect(answers).toEqual({ '4.1': { level: 2 }, '4.2': { level: 3 }, '4.3': { level: 1 } });

  // A changes an answer B gave; B follows, and a reload of either shows the same.
  await a.item('4.3').choose(4);
  await expect(b.item('4.3').radio(4)).toBeChecked();
  await b.reload();
  for (const [id, level] of [['4.1', 2], ['4.2', 3], ['4.3', 4]] as const) {
    await expect(b.item(id).radio(level)).toBeChecked();
    await expect(a.item(id).radio(level)).toBeChecked();
  }
  await expect(b.sectionProgress).toHaveText('This section: 3 of 4');
  await expect(a.sectionProgress).toHaveText('This section: 3 of 4');
  await tabB.close();
});
