import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect, expectAccessible } from './fixtures';
import { OPEN_KEY, ResultsPage, downloadFrom, stored, storedIds } from './pages';
import { PATTERN, PHONE, Quiz, answerAll, expected } from './quiz-page';

// The public quiz (quiz.html) as a visitor of a consultancy's website takes it on a phone: one question
// per screen from the first screen on, back and next, an honest estimate, the result with its gaps and
// next steps, and the way on to the full assessment, a file and a share link; axe on every screen. Then
// the same quiz embedded in another origin's iframe, where "continue" carries the answers in the link.

test.describe('the quiz on a phone', () => {
  test.use({ viewport: PHONE });

  test('one question per screen to the result, then on to the full assessment with the same answers', async ({ guarded: page }) => {
    test.setTimeout(240_000);
    await page.goto('quiz.html');
    const quiz = new Quiz(page);
    await expect(quiz.start).toBeVisible();
    await expect(quiz.start).toHaveText('Start the quick scan');
    // The estimate is stated with its basis, and the privacy promise is on the first screen.
    await expect(page.getByText(/^\d+ questions, about \d+ minutes?$/)).toBeVisible();
    await expect(page.getByText(/read at \d+ words a minute/)).toBeVisible();
    await expect(page.getByText(/your answers stay in this browser and nothing is sent anywhere/).first()).toBeVisible();
    await expectAccessible(page, 'the quiz intro');
    await quiz.start.click();

    // Back keeps the answer; the address names the question, so the browser's back button works too.
    await quiz.radio(3).check();
    await quiz.next.click();
    await expect(page).toHaveURL(/#\/question\/2$/);
    await quiz.back.click();
    await expect(page).toHaveURL(/#\/question\/1$/);
    await expect(quiz.radio(3)).toBeChecked();

    const given = await answerAll(page, { axe: true, viewportHeight: PHONE.height });
    const count = given.size;
    expect(count).toBeGreaterThanOrEqual(16);
    const { readiness, band } = expected(given);

    await expect(page.getByRole('heading', { level: 1, name: 'Your quick-scan result' })).toBeVisible();
    await expect(page.locator('.quiz-score')).toHaveAttribute('data-readiness', String(readiness));
    await expect(page.locator('.quiz-score .band')).toHaveText(band);
    await expect(page.getByText(`Indicative: ${count} of ${count} questions answered`, { exact: false })).toBeVisible();
    // Every clause and Annex A category has its readiness, and three to five gaps come with a next step.
    await expect(page.locator('.quiz-sections li')).toHaveCount(16);
    const gaps = page.locator('.quiz-gaps li');
    const gapCount = await gaps.count();
    expect(gapCount).toBeGreaterThanOrEqual(3);
    expect(gapCount).toBeLessThanOrEqual(5);
    for (let i = 0; i < gapCount; i++) await expect(gaps.nth(i).locator('p')).not.toBeEmpty();
    await expectAccessible(page, 'the quiz result');

    // Stored as the full app stores a quick scan.
    const data = JSON.parse((await stored(page))!);
    expect(data.mode).toBe('quick');
    expect(Object.keys(data.answers)).toHaveLength(count);

    // Keep: the file holds the answers.
    const file = await downloadFrom(page, () => page.getByRole('button', { name: 'Download my answers (JSON file)' }).click());
    expect(file.name).toMatch(/^iso42001-readiness.*\.json$/);
    expect(Object.keys(JSON.parse(file.text).answers)).toHaveLength(count);
    // Share: a link to the full app with the answers in its fragment.
    await page.getByRole('button', { name: 'Make a share link' }).click();
    await expect(page.getByLabel('Share link')).toHaveValue(/\/index\.html#share=/);

    // Continue: the full app, same storage, same score.
    const next = page.getByRole('link', { name: 'Continue with the full assessment' });
    await expect(next).not.toHaveAttribute('target', '_blank');
    await next.click();
    const results = new ResultsPage(page);
    await expect(results.score('overall')).toHaveAttribute('data-readiness', String(readiness));

    // Back on the quiz, it offers to continue where it stopped.
    await page.goto('quiz.html');
    await expect(quiz.start).toHaveText(`Start where you left off (${count} of ${count} answered)`);
  });

  test('a full assessment in this browser is never taken over: the quiz starts its own', async ({ guarded: page }) => {
    await page.goto('index.html');
    await page.getByRole('button', { name: 'Full assessment' }).click();
    await page.goto('index.html#/assess/4');
    const first = page.locator('[data-item-id="4.1"] input[type=radio][value="4"]');
    await first.check();
    await expect(page.getByText(/^Saved/).first()).toBeVisible();
    const fullId = await stored(page, OPEN_KEY);
    const before = await stored(page);

    await page.goto('quiz.html');
    const quiz = new Quiz(page);
    await expect(quiz.start).toHaveText('Start the quick scan');
    await quiz.start.click();
    await quiz.radio(1).check();
    await expect(page.getByText(/^Saved in this browser/)).toBeVisible();

    const ids = await storedIds(page);
    expect(ids).toHaveLength(2);
    expect(await stored(page, `aims-readiness/assessments/${fullId}`)).toBe(before);
    expect(JSON.parse((await stored(page))!).mode).toBe('quick');
  });
});

test('embedded in another origin’s iframe, “continue” opens the full app in a new tab with the answers', async ({ guarded: page, guard, baseURL }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  const quizUrl = new URL('quiz.html', baseURL).href;
  // Another origin (another port of 127.0.0.1), served for real by the test: a host site's page. (Chromium
  // refuses loopback frames inside a page faked with page.route.)
  const body = `<!doctype html><html lang="en"><title>Host site</title><h1>Our AI readiness quiz</h1>
    <iframe src="${quizUrl}" title="ISO/IEC 42001 readiness quick scan" style="width:100%;height:760px;border:0"></iframe></html>`;
  const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}/embed.html`;
  test.info().attach('host', { body: host });
  await page.goto(host);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: /^Start/ }).first().click();
  const framePage = page.frames().find((f) => f.url().startsWith(quizUrl))!;
  expect(framePage).toBeTruthy();

  const given = new Map<string, number>();
  for (let i = 0; ; i++) {
    const item = frame.locator('main [data-item-id]').first();
    await expect(frame.getByText(new RegExp(`^Question ${i + 1} of \\d+$`))).toBeVisible();
    const id = (await item.getAttribute('data-item-id'))!;
    const level = PATTERN[i % PATTERN.length];
    await item.locator(`input[type=radio][value="${level}"]`).check();
    given.set(id, level);
    const next = frame.getByRole('button', { name: /^(Next|See my result)$/ });
    const last = (await next.innerText()) === 'See my result';
    await next.click();
    if (last) break;
  }
  const { readiness } = expected(given);
  await expect(frame.locator('.quiz-score')).toHaveAttribute('data-readiness', String(readiness));
  await expect(frame.getByText(/Opens in a new tab, with your answers in the link/)).toBeVisible();

  const link = frame.getByRole('link', { name: 'Continue with the full assessment' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('href', /^index\.html#share=/);
  const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  guard(tab);
  await tab.waitForLoadState();
  await expect(tab).toHaveURL(/\/index\.html#/);
  await tab.getByRole('button', { name: 'Add as a new assessment' }).click();
  await tab.goto(new URL('index.html#/results', baseURL).href);
  await expect(new ResultsPage(tab).score('overall')).toHaveAttribute('data-readiness', String(readiness));
  server.close();
});
