import { test, expect } from './fixtures';
import { PolicyPage, ProfilePage } from './pages';

// The AI policy drafter: the form fills the draft live, hand edits to the Markdown are kept across a
// reload until discarded, and the downloads name the organisation and carry no markup from the input.

const SAFETY = 'We design, test and oversee our AI systems so that they do not put people, property or the environment in danger.';
const MODERATE = 'has a moderate appetite for AI risk';

test('form, live preview, hand edits kept across a reload, discard, downloads', async ({ guarded: page }) => {
  const profile = new ProfilePage(page);
  await profile.goto();
  await profile.name.fill('Northwind Analytics');

  const policy = new PolicyPage(page);
  await policy.goto();
  const preview = policy.preview;
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('AI policy — Northwind Analytics');
  // Before any choice the draft takes the cautious default wording.
  await expect(preview).toContainText('Until it does, our appetite is low');
  await expect(preview).not.toContainText(SAFETY);

  await policy.scope.fill('Every AI model we build for clients and every AI tool our analysts use.');
  await policy.principle(/^Safety/).check();
  await policy.appetite('Moderate').check();
  await policy.owner.fill('Head of Data Governance');
  await policy.approver.fill('Board <i>of</i> directors');

  await expect(preview).toContainText('Scope. Every AI model we build for clients and every AI tool our analysts use.');
  await expect(preview).toContainText(SAFETY);
  await expect(preview).toContainText(`Northwind Analytics ${MODERATE}`);
  await expect(preview).not.toContainText('Until it does, our appetite is low');
  await expect(preview).toContainText('The policy owner (Head of Data Governance)');
  await expect(preview.getByRole('row', { name: /Approved by/ })).toHaveText(/Board <i>of<\/i> directors/);
  expect(await preview.locator('i').count(), 'no markup from the input').toBe(0);

  // Hand edits: the preview follows the text, a notice says the form no longer drives it.
  await policy.openEditor();
  await expect(policy.editor).toHaveValue(/^# AI policy — Northwind Analytics/);
  await expect(policy.discardEdits).toBeHidden();
  const generated = await policy.editor.inputValue();
  const edited = generated.replace('# AI policy — Northwind Analytics', '# Northwind AI rules\n\nAgreed at the March offsite.');
  await policy.editor.fill(edited);
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Northwind AI rules');
  await expect(preview).toContainText('Agreed at the March offsite.');
  await expect(page.getByText('You have edited the text, so changes in the form no longer update it.')).toBeVisible();
  await policy.owner.fill('Chief Risk Officer');
  await expect(preview).toContainText('The policy owner (Head of Data Governance)');

  await policy.reload();
  await policy.openEditor();
  await expect(policy.editor).toHaveValue(edited);
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Northwind AI rules');
  await expect(policy.owner).toHaveValue('Chief Risk Officer');

  await policy.discardEdits.click();
  await expect(policy.status('Your edits were discarded; the draft follows the form again.')).toBeVisible();
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('AI policy — Northwind Analytics');
  await expect(preview).not.toContainText('Agreed at the March offsite.');
  await expect(preview).toContainText('The policy owner (Chief Risk Officer)');
  await expect(policy.editor).toHaveValue(/^# AI policy — Northwind Analytics/);
  await expect(policy.editor).not.toHaveValue(/March offsite/);
  await expect(policy.discardEdits).toBeHidden();
  await policy.reload();
  await expect(preview).not.toContainText('Agreed at the March offsite.');

  const md = await policy.downloadMarkdown();
  expect(md.name).toBe('ai-policy-northwind-analytics.md');
  await expect(policy.status(`Downloaded ${md.name}.`)).toBeVisible();
  expect(md.text).toMatch(/^# AI policy — Northwind Analytics\n/);
  expect(md.text).toContain('Northwind Analytics has a **moderate** appetite for AI risk');
  expect(md.text).toContain(SAFETY);
  expect(md.text).toContain('Chief Risk Officer');
  expect(md.text).not.toContain('<i>');

  const html = await policy.downloadHtml();
  expect(html.name).toBe('ai-policy-northwind-analytics.html');
  expect(html.text).toContain('<title>AI policy — Northwind Analytics</title>');
  expect(html.text).toContain('<h1>AI policy — Northwind Analytics</h1>');
  expect(html.text).toContain('Northwind Analytics has a <strong>moderate</strong> appetite for AI risk');
  expect(html.text).toContain('Board &lt;i&gt;of&lt;/i&gt; directors');
  expect(html.text).not.toContain('<i>');
  expect(html.text).not.toMatch(/<script|<link|src=/i);
});
