import { test, expect } from './fixtures';
import { AssessPage, ProfilePage, ResultsPage, StartPage, announcements, builtFiles, sections } from './perf-pages';

// "Nothing leaves the browser", checked on the whole flow: quick scan, a full section, the policy page,
// every export, an import and a share link. Every request the browser makes, from the page or the service
// worker, must be a same-origin GET for a file of the release build; the fixture fails on console errors.

test.use({ permissions: ['clipboard-read', 'clipboard-write'], actionTimeout: 15_000 });

const ORGANISATION = 'Privacy Check Ltd';

test('the full flow fetches only the site’s own files and sends nothing', async ({ guarded: page, context, browser, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL!).origin;
  const basePath = new URL(baseURL!).pathname;
  const files = builtFiles();
  const requests: { method: string; url: string }[] = [];
  context.on('request', (req) => requests.push({ method: req.method(), url: req.url() }));

  const start = new StartPage(page);
  const profile = new ProfilePage(page);
  const assess = new AssessPage(page);
  const results = new ResultsPage(page);

  // The CSP forbids every other origin, for scripts, connections and everything else.
  await start.goto();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toContain('unsafe-inline');

  // Quick scan: every quick item on each section page.
  await start.quickScan();
  await profile.goto();
  await profile.setOrganisationName(ORGANISATION);
  await expect(page.getByText('Saved locally').first()).toBeVisible();
  for (const section of sections()) {
    const quick = section.items.filter((item) => item.quick);
    if (quick.length === 0) continue;
    await assess.goto(section.id);
    for (const [i, item] of quick.entries()) await assess.answer(item.id, (i % 5) + 1);
  }

  // A full section, with one control marked not applicable.
  await start.goto();
  await start.fullAssessment();
  const annex = sections().find((s) => s.id === 'A.6') ?? sections().filter((s) => s.id.startsWith('A.')).at(-1)!;
  await assess.goto(annex.id);
  const [first, ...rest] = annex.items;
  await assess.notApplicable(first.id, 'We build no AI systems in house; every system is bought in.');
  for (const [i, item] of rest.entries()) await assess.answer(item.id, i % 6);
  await expect(page.getByText('Saved locally').first()).toBeVisible();

  // The policy drafter.
  await page.goto('./#/policy');
  await expect(page.getByRole('heading').first()).toBeVisible();

  // Every file export on the results page.
  await results.goto();
  const overall = Number(await results.readiness('overall').getAttribute('data-readiness'));
  expect(overall).toBeGreaterThanOrEqual(0);
  expect(overall).toBeLessThanOrEqual(100);
  let jsonFile = '';
  const buttons = await results.fileExportButtons();
  for (const [i, button] of buttons.entries()) {
    const name = (await button.innerText()).trim();
    const download = await results.download(button);
    expect(await download.failure(), `download of ${name}`).toBeNull();
    const saved = testInfo.outputPath(`export-${i}-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    if (/JSON/.test(name) && !jsonFile) jsonFile = saved;
  }
  for (const kind of [/JSON/, /CSV/, /Markdown/, /HTML/]) {
    expect(await page.getByRole('button', { name: kind }).count(), `an export button named ${kind}`).toBeGreaterThan(0);
  }
  expect(jsonFile, 'the JSON export was saved').not.toBe('');

  // The exported JSON imports again.
  const before = await announcements(page);
  await results.importFile(jsonFile);
  await expect
    .poll(async () => (await announcements(page)).filter((t) => !before.includes(t)), {
      message: 'the import is announced in role=status or role=alert',
    })
    .not.toEqual([]);
  for (const text of await announcements(page)) {
    expect(text, 'the import reports no error').not.toMatch(/error|could not|cannot|invalid|unreadable|failed/i);
  }

  // A share link opens the same assessment in a browser that has never seen it.
  await results.goto();
  const link = await results.shareLink();
  expect(new URL(link).origin, 'the share link points at this site').toBe(origin);
  const other = await browser.newContext();
  const otherErrors: string[] = [];
  other.on('request', (req) => requests.push({ method: req.method(), url: req.url() }));
  const receiver = await other.newPage();
  receiver.on('console', (msg) => msg.type() === 'error' && otherErrors.push(msg.text()));
  receiver.on('pageerror', (err) => otherErrors.push(String(err)));
  await receiver.goto(link);
  await expect(receiver.getByText(ORGANISATION).first()).toBeVisible();
  await other.close();
  expect(otherErrors, 'console errors where the share link was opened').toEqual([]);

  // Everything fetched: same-origin GETs of built files; no other method, origin or path.
  const foreign = requests.filter(({ method, url }) => {
    const u = new URL(url);
    if (u.protocol === 'blob:' || u.protocol === 'data:') return method !== 'GET';
    const file = decodeURIComponent(u.pathname).startsWith(basePath)
      ? decodeURIComponent(u.pathname).slice(basePath.length)
      : null;
    return method !== 'GET' || u.origin !== origin || file === null || !files.has(file);
  });
  expect(requests.length).toBeGreaterThan(0);
  expect(foreign, 'requests other than same-origin GETs of the site’s own files').toEqual([]);
});
