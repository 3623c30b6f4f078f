// The quiz page (quiz.html, or index.html when site.toml makes it the entry page) as a visitor drives it:
// the page object and the walk through every question, shared by quiz.spec.ts and site.spec.ts.
import type { Page } from '@playwright/test';
import { expect, expectAccessible } from './fixtures';
import { expectedBand, expectedReadiness } from './pages';

export const PHONE = { width: 390, height: 844 };
// Levels cycle through this pattern question by question.
export const PATTERN = [2, 0, 3, 1, 4, 2, 5, 3];

/** The question on screen: its item ID, with the radios and buttons of the quiz. */
export class Quiz {
  constructor(readonly page: Page) {}
  get start() {
    return this.page.getByRole('button', { name: /^Start/ }).first();
  }
  get item() {
    return this.page.locator('main [data-item-id]').first();
  }
  radio(level: number) {
    return this.item.locator(`input[type=radio][value="${level}"]`);
  }
  get next() {
    return this.page.getByRole('button', { name: /^(Next|See my result)$/ });
  }
  get back() {
    return this.page.getByRole('button', { name: 'Back' });
  }
  get progress() {
    return this.page.getByText(/^Question \d+ of \d+$/);
  }
  async count(): Promise<number> {
    const text = await this.progress.innerText();
    return Number(/of (\d+)$/.exec(text)![1]);
  }
}

/** Answers every question with PATTERN, checking each screen; returns the levels given by item ID. */
export async function answerAll(page: Page, opts: { axe: boolean; viewportHeight?: number }) {
  const quiz = new Quiz(page);
  const given = new Map<string, number>();
  for (let i = 0; ; i++) {
    await expect(quiz.progress).toHaveText(new RegExp(`^Question ${i + 1} of \\d+$`));
    const id = (await quiz.item.getAttribute('data-item-id'))!;
    const level = PATTERN[i % PATTERN.length];
    if (opts.viewportHeight) {
      // The question and its first level are on the first screen: no scrolling to find them.
      const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
      const first = await quiz.radio(0).boundingBox();
      expect(heading!.y + heading!.height, `question ${id} on the first screen`).toBeLessThanOrEqual(opts.viewportHeight);
      expect(first!.y + first!.height, `first level of ${id} on the first screen`).toBeLessThanOrEqual(opts.viewportHeight);
    }
    await quiz.radio(level).check();
    await expect(quiz.radio(level)).toBeChecked();
    given.set(id, level);
    if (opts.axe) {
      if (i === 0) {
        // "What this means" opens, and passes axe open too.
        await page.getByText('What this means').click();
        await expect(page.getByText(/Level 3, “Implemented”, here:/)).toBeVisible();
      }
      await expectAccessible(page, `question ${id}`);
    }
    const last = (await quiz.next.innerText()) === 'See my result';
    await quiz.next.click();
    if (last) break;
  }
  return given;
}

export function expected(given: Map<string, number>) {
  const levels = [...given.values()];
  const clauseLevels = [...given.entries()].filter(([id]) => !id.startsWith('A.')).map(([, l]) => l);
  return { readiness: expectedReadiness(levels), band: expectedBand(levels, clauseLevels) };
}
