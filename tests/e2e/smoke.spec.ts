import { test, expect, expectAccessible } from './fixtures';

// The walking skeleton: the app boots under its CSP, an answer is saved locally and survives a reload.
test('an answer is saved locally and survives a reload', async ({ guarded: page }) => {
  await page.goto('./');
  await expect(page.getByRole('main').getByText('nothing is sent anywhere')).toBeVisible();
  await page.goto('./#/assess/4');
  const item = page.locator('[data-item-id="4.1"]');
  await item.getByRole('radio', { name: /^3 · Implemented/ }).check();
  await expect(page.getByText(/Saved locally at/)).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-item-id="4.1"] input[value="3"]')).toBeChecked();
  await expectAccessible(page, 'questionnaire');
});
