import fs from 'node:fs';
import path from 'node:path';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readSections } from './shared.cjs';

// Page objects for the offline and privacy specs, written against the UI's automation contract:
// hash routes (#/, #/profile, #/assess/<section>, #/results, #/policy, #share=…), items as
// [data-item-id] containers with level radios valued 0…5 or "na", scores as [data-section-id][data-readiness],
// announcements in role=alert or role=status.

const ROOT = path.resolve(__dirname, '../..');

/** A section of the questionnaire as content/sections/*.toml declares it. */
export interface SectionInfo {
  id: string;
  items: { id: string; quick: boolean }[];
}

/** Section and item IDs from the same TOML the app embeds. */
export function sections(): SectionInfo[] {
  return readSections(ROOT);
}

/** The files of the release build, as paths relative to dist/ ("" is the directory itself). */
export function builtFiles(): Set<string> {
  const dist = path.join(ROOT, 'dist');
  const files = new Set<string>(['']);
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.add(path.relative(dist, full).split(path.sep).join('/'));
    }
  };
  walk(dist);
  return files;
}

/** Waits until a service worker controls the page (it claims the page when it activates). */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

export class StartPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('./#/');
  }

  async quickScan() {
    await this.page.getByRole('button', { name: 'Quick scan' }).click();
  }

  async fullAssessment() {
    await this.page.getByRole('button', { name: 'Full assessment' }).click();
  }
}

export class ProfilePage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('./#/profile');
  }

  async setOrganisationName(name: string) {
    await this.page.getByLabel('Organisation name').fill(name);
  }
}

export class AssessPage {
  constructor(private readonly page: Page) {}

  async goto(section: string) {
    await this.page.goto(`./#/assess/${section}`);
    await expect(this.page.locator('[data-item-id]').first()).toBeVisible();
  }

  item(id: string): Locator {
    return this.page.locator(`[data-item-id="${id}"]`);
  }

  level(id: string, level: string): Locator {
    return this.item(id).locator(`input[type=radio][value="${level}"]`);
  }

  async answer(id: string, level: number) {
    await this.level(id, String(level)).check();
    await expect(this.level(id, String(level))).toBeChecked();
  }

  async notApplicable(id: string, justification: string) {
    await this.level(id, 'na').check();
    await this.item(id).getByRole('textbox').first().fill(justification);
  }
}

export class ResultsPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('./#/results');
    await expect(this.readiness('overall')).toBeVisible();
  }

  readiness(section: string): Locator {
    return this.page.locator(`[data-section-id="${section}"][data-readiness]`).first();
  }

  /** Every export button that saves a file (JSON, CSV, Markdown, HTML), by visible name; not import, copy or print. */
  async fileExportButtons(): Promise<Locator[]> {
    const buttons = this.page.getByRole('button', { name: /JSON|CSV|Markdown|HTML/ });
    await expect(buttons.first()).toBeVisible();
    const exports: Locator[] = [];
    for (const button of await buttons.all()) {
      const name = (await button.getAttribute('aria-label')) ?? (await button.innerText());
      // Encrypted exports ask for a passphrase first (tests/e2e/encrypted.spec.ts).
      if (!/import|copy|print|encrypted/i.test(name)) exports.push(button);
    }
    return exports;
  }

  async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }

  async importFile(file: string) {
    await this.page.locator('input[type=file]').setInputFiles(file);
  }

  /** Clicks the share-link button and returns the link it produced (shown in a field or a link, or copied). */
  async shareLink(): Promise<string> {
    await this.page.getByRole('button', { name: /share link/i }).first().click();
    let link = '';
    await expect
      .poll(
        async () => {
          link = await this.page.evaluate(async () => {
            for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
              if (el.value.includes('#share=')) return el.value;
            }
            const a = document.querySelector<HTMLAnchorElement>('a[href*="#share="]');
            if (a) return a.href;
            return navigator.clipboard.readText().catch(() => '');
          });
          return link.includes('#share=');
        },
        { message: 'a share link in a field, a link or the clipboard' },
      )
      .toBe(true);
    return link;
  }
}

/** The text of every visible role=status and role=alert element. */
export async function announcements(page: Page): Promise<string[]> {
  return page.locator('[role=status]:visible, [role=alert]:visible').allInnerTexts();
}
