import { test, expect, expectAccessible } from './fixtures';

test('an answer is saved locally and survives a reload', async ({ guarded: page }) => {
  await page.goto('./');
  await expect(page.getByText('Nothing is sent anywhere')).toBeVisible();
  const item = page.locator('[data-item-id="4.1"]');
  await item.locator('input[type=radio][value="3"]').check();
  await page.reload();
  await expect(page.locator('[data-item-id="4.1"] input[type=radio][value="3"]')).toBeChecked();
  await expect(page.getByRole('heading', { name: 'About ISO/IEC 42001' })).toBeVisible();
  await expectAccessible(page, 'start page');
});
