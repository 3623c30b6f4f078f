import { test, expect } from './fixtures';
import { AssessPage, clickAtTheSameMoment, stored } from './pages';
import type { Page } from '@playwright/test';

// 200 random actions across two tabs with random reloads, from a fixed seed: after each step, nothing
// acknowledged is lost. An action is acknowledged when the tab that made it shows it and says "Saved
// locally"; the expected state is every acknowledged answer in the order it was made, and storage and
// both tabs must come to hold exactly that.

const SEED = Number(process.env.SOAK_SEED ?? 42);
const STEPS = Number(process.env.SOAK_STEPS ?? 200);
const ITEMS = ['4.1', '4.2', '4.3', '4.4'];

/** mulberry32: a small, seeded pseudo-random generator. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function storedLevels(page: Page): Promise<Record<string, number>> {
  const answers = JSON.parse((await stored(page)) ?? '{"answers":{}}').answers as Record<string, { level?: number }>;
  return Object.fromEntries(Object.entries(answers).map(([id, r]) => [id, r.level ?? -1]));
}

async function shows(tab: AssessPage, expected: Record<string, number>) {
  for (const id of ITEMS) {
    const level = expected[id];
    if (level === undefined) {
      for (let l = 0; l <= 5; l += 1) await expect(tab.item(id).radio(l)).not.toBeChecked();
    } else {
      await expect(tab.item(id).radio(level), `${id} at level ${level}`).toBeChecked();
    }
  }
}

test(`soak: ${STEPS} random actions across two tabs with reloads lose nothing acknowledged (seed ${SEED})`, async ({ guarded: pageA, guard }) => {
  test.setTimeout(15 * 60_000);
  const next = random(SEED);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const pageB = guard(await pageA.context().newPage());
  const tabs = [new AssessPage(pageA), new AssessPage(pageB)];
  for (const tab of tabs) await tab.goto('4');
  const expected: Record<string, number> = {};

  for (let step = 0; step < STEPS; step += 1) {
    const roll = next();
    const tab = pick(tabs);
    await test.step(`step ${step}`, async () => {
      if (roll < 0.1) {
        await tab.reload();
      } else if (roll < 0.25) {
        // Both tabs at the same moment, on different items.
        const [first, second] = [pick(ITEMS), pick(ITEMS)];
        if (first === second) return;
        const levels = [Math.floor(next() * 6), Math.floor(next() * 6)];
        await clickAtTheSameMoment(
          tabs.map((t) => t.page),
          [first, second].map((id, i) => `[id="${id.replace('.', '-')}-level-${levels[i]}"]`),
        );
        expected[first] = levels[0];
        expected[second] = levels[1];
      } else {
        const id = pick(ITEMS);
        const level = Math.floor(next() * 6);
        // Choosing the level already chosen changes nothing, so there is nothing to acknowledge.
        if (await tab.item(id).radio(level).isChecked()) return;
        await tab.item(id).choose(level);
        await expect(tab.item(id).radio(level)).toBeChecked();
        await expect(tab.saved).toBeVisible();
        expected[id] = level;
      }
      // Nothing acknowledged is lost: storage and both tabs come to hold exactly the expected answers.
      await expect.poll(() => storedLevels(pageA), { timeout: 5_000 }).toEqual(expected);
      if (step % 10 === 0 || roll < 0.25) {
        for (const t of tabs) await shows(t, expected);
      }
    });
  }
  for (const t of tabs) {
    await t.reload();
    await shows(t, expected);
  }
  await pageB.close();
});
