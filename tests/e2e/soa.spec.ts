import { test, expect, expectAccessible } from './fixtures';
import { App, AssessPage, ProfilePage, downloadFrom, stored } from './pages';

// The Statement of Applicability as clause 6.1.3 asks for it: every control included or excluded with a
// justification, the status of what is included (suggested from the level until set), role hints from the
// ISO/IEC 22989 roles, the document's version, date and approver, added controls; all kept and exported.

for (const viewport of [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
]) {
  test.describe(viewport.name, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('an SoA with a justification for every decision, kept and exported', async ({ guarded: page }) => {
      const profile = new ProfilePage(page);
      await profile.goto();
      await profile.role('AI customer').check();
      const assess = new AssessPage(page);
      await assess.goto('A.6');
      await assess.item('A.6.2.4').choose(2);
      await assess.item('A.6.1.2').notApplicable('We buy every AI system we use; we design and develop none.');

      const app = new App(page);
      await app.open('#/soa');
      await expect(app.heading).toHaveText('Statement of Applicability');
      const verification = page.locator('[data-control-id="A.6.2.4"]');
      await expect(verification).toHaveAttribute('data-decision', 'included');
      await expect(verification).toContainText('Justification for inclusion missing');
      const status = verification.getByLabel('Implementation status');
      await expect(status.locator('option:checked')).toHaveText('As the level suggests: Partly implemented');

      const risks = verification.getByRole('checkbox', { name: /^Treats identified risks/ });
      await risks.check();
      await expect(verification).not.toContainText('Justification for inclusion missing');
      await expect(risks, 'the focus stays on the box just ticked').toBeFocused();
      await status.selectOption('planned');

      const excluded = page.locator('[data-control-id="A.6.1.2"]');
      await expect(excluded).toHaveAttribute('data-decision', 'excluded');
      await expect(excluded).toContainText('We buy every AI system we use');
      await expect(excluded).toContainText('As AI customer, you can usually justify excluding this control.');
      await expect(excluded.getByRole('checkbox')).toHaveCount(0);
      await expect(page.locator('[data-control-id="A.2.2"]')).toHaveAttribute('data-decision', 'undecided');

      await page.getByLabel('SoA version').fill('1.0');
      await page.getByLabel('SoA date').fill('2026-11-30');
      await page.getByLabel('Approved by').fill('Managing director');
      await page.getByRole('button', { name: 'Add a control from another source' }).click();
      const added = page.locator('.soa-added');
      await added.getByLabel('Reference', { exact: true }).fill('ISO/IEC 27001 A.5.15');
      await added.getByLabel('Source', { exact: true }).fill('ISO/IEC 27001:2022');
      await added.getByLabel('Title', { exact: true }).fill('Access control');
      await page.locator('.soa-added').getByRole('checkbox', { name: /^Contractual obligation/ }).check();
      await expectAccessible(page, `the SoA page (${viewport.name})`);

      await page.reload();
      await expect(page.getByLabel('SoA version')).toHaveValue('1.0');
      await expect(page.getByLabel('Approved by')).toHaveValue('Managing director');
      await expect(added.getByLabel('Reference', { exact: true })).toHaveValue('ISO/IEC 27001 A.5.15');
      await expect(verification.getByRole('checkbox', { name: /^Treats identified risks/ })).toBeChecked();
      await expect(verification.getByLabel('Implementation status')).toHaveValue('planned');
      const kept = JSON.parse((await stored(page)) ?? '{}');
      expect(kept.soa.controls['A.6.2.4']).toEqual({ reasons: ['risk-treatment'], status: 'planned' });
      expect(kept.soa.added[0]).toMatchObject({ reference: 'ISO/IEC 27001 A.5.15', reasons: ['contractual'] });

      const csv = await downloadFrom(page, () => page.getByRole('button', { name: 'Download the SoA as CSV' }).click());
      expect(csv.text.startsWith('\ufeffcontrol,title,category,source,decision,inclusion_reasons,exclusion_justification,implementation_status')).toBe(true);
      expect(csv.text).toContain('A.6.2.4,');
      expect(csv.text).toContain('risk-treatment,,planned,,2,');
      expect(csv.text).toContain('ISO/IEC 27001 A.5.15,Access control,,ISO/IEC 27001:2022,included,contractual');
      const html = await downloadFrom(page, () => page.getByRole('button', { name: 'Download the SoA as HTML' }).click());
      expect(html.text).toContain('Version: 1.0 · Date: 2026-11-30 · Approved by: Managing director');

      // Removing an added control takes a second click.
      await page.getByRole('button', { name: 'Remove added control 1' }).click();
      await expect(added.getByLabel('Reference', { exact: true })).toHaveValue('ISO/IEC 27001 A.5.15');
      await page.getByRole('button', { name: 'Yes, remove added control 1' }).click();
      await expect(added.getByLabel('Reference', { exact: true })).toHaveCount(0);
    });
  });
}
