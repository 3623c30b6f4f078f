import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Collects requests leaving 127.0.0.1, console errors, uncaught exceptions and dialogs of `page`. */
function watch(page: Page, label: string, offHost: string[], errors: string[]) {
  page.on('request', (req) => {
    const url = new URL(req.url());
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1';
    if (!local) offHost.push(`${label}: ${req.method()} ${req.url()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${label}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`${label}: ${String(err)}`));
  page.on('dialog', async (dialog) => {
    errors.push(`${label}: unexpected dialog: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss();
  });
}

// Every spec gets a page that fails the test on any request leaving 127.0.0.1 and on any console error
// or uncaught exception, so "nothing leaves the browser" is checked in every flow. `guard` puts the same
// watch on further pages a test opens (a second tab, a fresh browser context).
export const test = base.extend<{ guarded: Page; guard: (page: Page) => Page }>({
  guard: async ({}, use) => {
    const offHost: string[] = [];
    const errors: string[] = [];
    let pages = 0;
    await use((page) => {
      pages += 1;
      watch(page, pages === 1 ? 'page' : `page ${pages}`, offHost, errors);
      return page;
    });
    expect(offHost, 'requests to another host').toEqual([]);
    expect(errors, 'console errors, exceptions or dialogs').toEqual([]);
  },
  guarded: async ({ page, guard }, use) => {
    await use(guard(page));
  },
});

export { expect };

/**
 * Makes the page's wasm (`wasm`, a glob) fail to load, as a blocked or broken download would, for a page
 * that is not guarded (the failed load is reported as console errors, which is expected there). Returns
 * the requests that left 127.0.0.1, for the test to check as the guard would.
 */
export async function withoutCode(page: Page, wasm: string): Promise<string[]> {
  const offHost: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).hostname !== '127.0.0.1') offHost.push(request.url());
  });
  await page.route(wasm, (route) => route.abort());
  return offHost;
}

/** Fails with the list of axe-core violations, if any. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}
