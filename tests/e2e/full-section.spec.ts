import { test, expect } from './fixtures';
import { App, AssessPage, ResultsPage, StartPage, expectedReadiness, VIEWPORTS } from './pages';

// The compliance lead: the full assessment of one Annex A category, levels on some controls and one
// control marked not applicable, which needs a justification before it counts.

const levels: Record<string, number> = { 'A.7.2': 3, 'A.7.3': 1, 'A.7.5': 5, 'A.7.6': 0 };
const excluded = 'A.7.4';
const justification = 'We train no models: every AI system we use is bought ready-made, so data provenance is the supplier’s.';

for (const { name, size } of VIEWPORTS) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport: size });

    test('a section with levels and one control not applicable', async ({ guarded: page }) => {
      const start = new StartPage(page);
      await start.goto();
      await start.fullAssessment();
      await page.getByRole('link', { name: 'Skip for now' }).click();

      const assess = new AssessPage(page);
      await page.getByRole('navigation', { name: 'Questionnaire sections' }).getByRole('link', { name: /^A\.7 / }).click();
      await expect(page).toHaveURL(/#\/assess\/A\.7$/);
      await expect(assess.heading).toHaveText(/^A\.7 /);
      expect(await assess.itemIds()).toEqual(['A.7.2', 'A.7.3', 'A.7.4', 'A.7.5', 'A.7.6']);

      for (const [id, level] of Object.entries(levels)) {
        await assess.item(id).choose(level);
      }
      await expect(assess.sectionProgress).toHaveText('This section: 4 of 5');

      // The guidance opens with what an auditor would accept, the next step and the related frameworks,
      // EU AI Act rows with the caveat that ISO/IEC 42001 is not a harmonised standard.
      const guided = assess.item('A.7.2');
      await expect(guided.root.getByRole('heading', { name: 'Evidence an auditor would accept' })).toBeHidden();
      await guided.guidanceToggle.click();
      await expect(guided.root.getByRole('heading', { name: 'Evidence an auditor would accept' })).toBeVisible();
      await expect(guided.root.getByRole('heading', { name: 'Next step if you are not there yet' })).toBeVisible();
      await expect(guided.root.getByRole('table', { name: /EU AI Act articles/ })).toContainText('Art. 17(1)(f)');
      await expect(guided.root.getByText(/is not a harmonised standard under the EU AI Act/)).toBeVisible();
      // Closing and opening again keeps one copy of it.
      await guided.guidanceToggle.click();
      await guided.guidanceToggle.click();
      await expect(guided.root.getByRole('heading', { name: 'Evidence an auditor would accept' })).toHaveCount(1);

      // N/A: the justification appears as the item's first text field, takes the focus, and says it is
      // required; until it is written the control counts as unanswered.
      const item = assess.item(excluded);
      await expect(item.justification).toBeHidden();
      await item.choose('na');
      await expect(item.justification).toBeVisible();
      await expect(item.justification).toBeFocused();
      await expect(item.firstTextField).toBeFocused();
      await expect(item.justificationError).toBeVisible();
      await expect(item.justification).toHaveAccessibleDescription(/Write a justification/);
      await expect(assess.sectionProgress).toHaveText('This section: 4 of 5');

      await item.justification.pressSequentially(justification);
      await expect(item.justification).toHaveValue(justification);
      await expect(item.justificationError).toBeHidden();
      await expect(item.radio('na')).toBeChecked();
      await expect(assess.sectionProgress).toHaveText('This section: 5 of 5');

      // Emptying the justification takes the answer back, and the error says why.
      await item.justification.fill('');
      await expect(item.justificationError).toBeVisible();
      await expect(assess.sectionProgress).toHaveText('This section: 4 of 5');
      await item.justification.fill(justification);
      await expect(item.justificationError).toBeHidden();
      await expect(assess.sectionProgress).toHaveText('This section: 5 of 5');
      await expect(new App(page).saved).toBeVisible();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Results' }).click();
      const results = new ResultsPage(page);
      await expect(results.heading).toHaveText('Results');

      await expect(results.soaCells(excluded)).toHaveText(['Excluded', justification, '', '—', '']);
      await expect(results.soaCells('A.7.2')).toHaveText(['Included', '', 'Implemented (suggested)', '3', '']);
      await expect(results.soaCells('A.7.6')).toHaveText(['Included', '', 'Not started (suggested)', '0', '']);
      await expect(results.soaCells('A.8.2')).toHaveText(['Undecided', '', '', '—', '']);

      // A.7's readiness: the four rated controls only; the excluded one counts neither way.
      const a7 = expectedReadiness(Object.values(levels));
      expect(a7).not.toBe(expectedReadiness([...Object.values(levels), 0]));
      await expect(results.score('A.7')).toHaveAttribute('data-readiness', String(a7));
      await expect(results.score('A.7')).toHaveText(`${a7}%`);
      await expect(results.indicativeNotice).toBeHidden();
    });
  });
}

test('the action plan shows all gaps, the ones below target, or the unanswered ones', async ({ guarded: page }) => {
  const assess = new AssessPage(page);
  await assess.goto('4');
  await assess.item('4.1').choose(1);
  await assess.item('4.2').choose(3);
  const results = new ResultsPage(page);
  await results.goto();
  const plan = page.getByRole('region', { name: 'Gaps and action plan' });
  const items = plan.locator('ol.gaps > li');
  const all = await items.count();
  await plan.getByRole('radio', { name: /^Below target \(1\)/ }).check();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('4.1');
  await plan.getByRole('radio', { name: /^Not yet answered/ }).check();
  await expect(items).toHaveCount(all - 1);
  await expect(plan).not.toContainText('4.1 Understanding');
  await plan.getByRole('radio', { name: /^All/ }).check();
  await expect(items).toHaveCount(all);
});
