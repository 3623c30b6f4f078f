import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Every spec gets a page that fails the test on any request leaving 127.0.0.1 and on any console error
// or uncaught exception, so "nothing leaves the browser" is checked in every flow.
export const test = base.extend<{ guarded: Page }>({
  guarded: async ({ page }, use) => {
    const offHost: string[] = [];
    const errors: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      const local = url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1';
      if (!local) offHost.push(`${req.method()} ${req.url()}`);
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('dialog', async (dialog) => {
      errors.push(`unexpected dialog: ${dialog.type()} ${dialog.message()}`);
      await dialog.dismiss();
    });
    await use(page);
    expect(offHost, 'requests to another host').toEqual([]);
    expect(errors, 'console errors, exceptions or dialogs').toEqual([]);
  },
});

export { expect };

/** Fails with the list of axe-core violations, if any. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}
