import { test, expect } from './fixtures';
import { AssessPage, waitForServiceWorker } from './perf-pages';

// After one visit the app opens and keeps working with the network off: the service worker serves every
// built file from its cache, and answers still save in this browser.
test('after one visit the app opens offline and still saves answers', async ({ guarded: page, context }) => {
  const assess = new AssessPage(page);
  await assess.goto('4');
  await waitForServiceWorker(page);

  await context.setOffline(true);
  try {
    const offline = await page.reload();
    expect(offline?.fromServiceWorker(), 'the page came from the service worker').toBe(true);
    await expect(assess.item('4.1')).toBeVisible();

    await assess.answer('4.1', 2);
    await page.reload();
    await expect(assess.level('4.1', '2')).toBeChecked();
  } finally {
    await context.setOffline(false);
  }
});

// The manifest makes the app installable: same-origin, with a start URL, a standalone display and an icon
// that all resolve to files of this build.
test('the web app manifest is linked and names only files of this site', async ({ guarded: page }) => {
  await page.goto('./');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href!, page.url());
  expect(manifestUrl.origin).toBe(new URL(page.url()).origin);
  const response = await page.request.get(manifestUrl.href);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ start_url: './', display: 'standalone' });
  expect(manifest.name).toBeTruthy();
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.icons.length).toBeGreaterThan(0);
  for (const icon of manifest.icons) {
    const iconUrl = new URL(icon.src, manifestUrl);
    expect(iconUrl.origin, icon.src).toBe(manifestUrl.origin);
    expect((await page.request.get(iconUrl.href)).ok(), icon.src).toBe(true);
  }
});

// The worker's install fetches and caches every built file, so it waits until the app has started and shown
// its first screen: registered at the page's load event, it competed with the app's start-up for the
// network and the cores, and the first radio of #/assess/4 came about 40 ms later (`make bench`).
test('the service worker is registered only after the app has shown its first screen', async ({ guarded: page }) => {
  await page.addInitScript(() => {
    const at: Record<string, number> = {};
    Object.defineProperty(window, '__at', { value: at });
    addEventListener('TrunkApplicationStarted', () => { at.started = performance.now(); });
    new MutationObserver(() => {
      if (at.radio === undefined && document.querySelector('[data-item-id] input[type=radio]')) at.radio = performance.now();
    }).observe(document, { childList: true, subtree: true });
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args: Parameters<typeof register>) {
      at.registered = performance.now();
      return register.apply(this, args);
    };
  });
  const assess = new AssessPage(page);
  await assess.goto('4');
  await waitForServiceWorker(page);
  const at = await page.evaluate(() => (window as unknown as { __at: Record<string, number> }).__at);
  expect(at.started, 'the app started').toBeGreaterThan(0);
  expect(at.radio, 'the first radio was shown').toBeGreaterThan(0);
  expect(at.registered, 'the worker was registered after the app had started').toBeGreaterThan(at.started);
  expect(at.registered, 'the worker was registered after the first radio was shown').toBeGreaterThan(at.radio);
});
