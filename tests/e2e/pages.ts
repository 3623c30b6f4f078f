// Page objects: what a user sees and does on each page, found by role and accessible name wherever the
// page offers one, and by the automation contract (data-item-id, data-section-id) where it does not.

import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** The full app's page: the folder's index.html (""), or app.html in a build whose site.toml makes the
 *  quiz the entry page (`make e2e-site`). */
export const APP_PAGE = process.env.E2E_APP_PAGE ?? '';
/** The localStorage key of the single assessment earlier versions stored (moved into the library at start). */
export const STORAGE_KEY = 'aims-readiness/assessment';
/** The localStorage key naming the assessment a tab opened last. */
export const OPEN_KEY = 'aims-readiness/open';
/** The localStorage key of one kept assessment's data. */
export function dataKey(id: string): string {
  return `aims-readiness/assessments/${id}`;
}
/** The localStorage key of stored data that could not be read. */
export const UNREADABLE_KEY = 'aims-readiness/unreadable';

/** An answer as a user gives it: a maturity level 0 … 5, or not applicable. */
export type Answer = number | 'na';

/** The generic names of the maturity levels 0 … 5. */
export const LEVEL_NAMES = ['Not started', 'Initial', 'Partial', 'Implemented', 'Measured', 'Optimising'];

/** The two screens every flow spec runs on: a small phone and a desktop. */
export const VIEWPORTS = [
  { name: 'phone', size: { width: 360, height: 740 } },
  { name: 'desktop', size: { width: 1280, height: 900 } },
];

/** A downloaded file: the name the app suggested and its text. */
export interface Downloaded {
  name: string;
  text: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs `click` and returns the file it makes the browser download. */
export async function downloadFrom(page: Page, click: () => Promise<void>): Promise<Downloaded> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** The raw value of a localStorage key of the app's origin; without a key, the data of the assessment a tab opened last. */
export async function stored(page: Page, key?: string): Promise<string | null> {
  return page.evaluate((k) => {
    if (k !== null) return window.localStorage.getItem(k);
    const id = window.localStorage.getItem('aims-readiness/open');
    return id === null ? null : window.localStorage.getItem(`aims-readiness/assessments/${id}`);
  }, key ?? null);
}

/** Fills the origin's localStorage with `filler-…` keys until not one more character fits. */
export async function fillStorage(page: Page) {
  await page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler-${n++}`, 'f'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

/** The IDs of the assessments kept in this browser's storage (deleted ones within their undo window included). */
export async function storedIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(window.localStorage)
      .filter((k) => k.startsWith('aims-readiness/assessments/'))
      .map((k) => k.slice('aims-readiness/assessments/'.length))
      .sort(),
  );
}

/** What every page has: the live regions, the save indicator and the header navigation. */
export class App {
  constructor(readonly page: Page) {}

  /** The polite announcement (confirmations) holding `text`. */
  status(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** The assertive announcement (errors) holding `text`. */
  alert(text: string | RegExp = /\S/): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  get saved(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Saved locally at/ });
  }

  get heading(): Locator {
    // The first: the policy page's preview holds the policy's own title too.
    return this.page.getByRole('main').getByRole('heading', { level: 1 }).first();
  }

  /** Opens a route (`#/results`, `#/assess/A.6` …) and waits for its page heading. */
  async open(hash: string) {
    await this.page.goto(`./${APP_PAGE}${hash}`);
    await this.ready();
  }

  /** Reloads the page and waits for the app to show its page again. */
  async reload() {
    await this.page.reload();
    await this.ready();
  }

  /** The app runs and shows its page: the static first paint (index.html's start page, `[data-static]`,
   *  whose heading is visible before any code has run) is gone. */
  async ready() {
    await expect(this.page.locator('[data-static]')).toHaveCount(0);
    await expect(this.heading).toBeVisible();
  }
}

export class StartPage extends App {
  async goto() {
    await this.open('#/');
  }

  async quickScan() {
    await this.page.getByRole('button', { name: 'Quick scan' }).click();
    await expect(this.page).toHaveURL(/#\/profile$/);
  }

  async fullAssessment() {
    await this.page.getByRole('button', { name: 'Full assessment' }).click();
    await expect(this.page).toHaveURL(/#\/profile$/);
  }
}

export class ProfilePage extends App {
  readonly name = this.page.getByLabel('Organisation name');
  readonly sector = this.page.getByLabel('Sector');
  readonly size = this.page.getByLabel('Size');
  readonly systems = this.page.getByLabel('AI systems in scope');

  async goto() {
    await this.open('#/profile');
  }

  role(name: 'AI provider' | 'AI producer' | 'AI customer' | 'AI partner' | 'AI subject' | 'Relevant authority' | RegExp): Locator {
    return this.page.getByRole('checkbox', { name: typeof name === 'string' ? new RegExp(`^${name}`) : name });
  }

  async continue() {
    await this.page.getByRole('link', { name: 'Continue to the questions' }).click();
    await expect(this.page).toHaveURL(/#\/assess$/);
  }
}

/** One requirement's card on the questionnaire. */
export class ItemCard {
  constructor(
    readonly page: Page,
    readonly id: string,
  ) {}

  get root(): Locator {
    return this.page.locator(`[data-item-id="${this.id}"]`);
  }

  radio(answer: Answer): Locator {
    const name = answer === 'na' ? /^Not applicable/ : new RegExp(`^${answer} · ${LEVEL_NAMES[answer]}`);
    return this.root.getByRole('radio', { name });
  }

  async choose(answer: Answer) {
    await this.radio(answer).check();
  }

  /** The N/A justification: by the contract, the first text field of the item. */
  get firstTextField(): Locator {
    return this.root.getByRole('textbox').first();
  }

  get justification(): Locator {
    return this.root.getByLabel('Why does this control not apply? (required)');
  }

  get justificationError(): Locator {
    return this.root.getByText(/^Write a justification/);
  }

  /** Marks the item not applicable and types the justification key by key. */
  async notApplicable(justification: string) {
    await this.choose('na');
    await this.justification.pressSequentially(justification);
  }

  /** The summary of the optional checkpoints: "2 of 7 checkpoints ticked". */
  get checkpointsToggle(): Locator {
    return this.root.locator('summary').filter({ hasText: /^\d+ of \d+ checkpoints? ticked$/ });
  }

  /** Opens the checkpoints unless they are open already. */
  async openCheckpoints() {
    const group = this.root.getByRole('group', { name: /^Checkpoints for / });
    if (!(await group.isVisible())) await this.checkpointsToggle.click();
    await expect(group).toBeVisible();
  }

  /** The tick box of the checkpoint whose text is `text`. */
  checkpoint(text: string): Locator {
    return this.root.getByRole('checkbox', { name: text, exact: true });
  }

  get notesToggle(): Locator {
    return this.root.getByText('Your notes, evidence, owner and due date');
  }

  get guidanceToggle(): Locator {
    return this.root.getByText('Guidance, evidence and next step');
  }

  /** Opens "Your notes, evidence, owner and due date" unless it is open already. */
  async openNotes() {
    if (!(await this.notes.isVisible())) await this.notesToggle.click();
    await expect(this.notes).toBeVisible();
  }

  get notes(): Locator {
    return this.root.getByLabel('Notes', { exact: true });
  }

  get evidence(): Locator {
    return this.root.getByLabel(/^Evidence/);
  }

  get owner(): Locator {
    return this.root.getByLabel('Owner', { exact: true });
  }

  get due(): Locator {
    return this.root.getByLabel('Due date');
  }
}

export class AssessPage extends App {
  async goto(section: string) {
    await this.open(`#/assess/${section}`);
  }

  item(id: string): ItemCard {
    return new ItemCard(this.page, id);
  }

  /** The IDs of the items this page shows, in order. */
  async itemIds(): Promise<string[]> {
    return this.page.locator('[data-item-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id') ?? ''));
  }

  get sectionProgress(): Locator {
    return this.page.getByText(/^This section: \d+ of \d+$/);
  }

  get overallProgress(): Locator {
    return this.page.getByText(/^Overall progress: \d+ of \d+ answered$/);
  }

  /** The pager's link forward: the next section, or the results after the last one. */
  get nextLink(): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /→$/ });
  }
}

export class ResultsPage extends App {
  async goto() {
    await this.open('#/results');
  }

  /** The score carrying `data-section-id` (`overall`, `clauses`, `annex-a`, `4`, `A.7` …). */
  score(sectionId: string): Locator {
    return this.page.locator(`[data-section-id="${sectionId}"]`);
  }

  /** The whole percent of a score, or null when it has none. */
  async readiness(sectionId: string): Promise<number | null> {
    const value = await this.score(sectionId).getAttribute('data-readiness');
    return value === null ? null : Number(value);
  }

  get band(): Locator {
    return this.score('overall').getByText(/^(Early stage|Developing|Nearly ready|Audit-ready|—)$/);
  }

  get indicativeNotice(): Locator {
    return this.page.getByText(/^Quick scan: these numbers are indicative/);
  }

  get targetLevel(): Locator {
    return this.page.getByLabel('Target level');
  }

  get soaTable(): Locator {
    return this.page.getByRole('table', { name: 'Statement of Applicability' });
  }

  /** The cells of a control's SoA row: applicable, justification, level, notes. */
  soaCells(controlId: string): Locator {
    return this.soaTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(controlId)} `) }) })
      .getByRole('cell');
  }

  get gaps(): Locator {
    return this.page.getByRole('region', { name: 'Gaps and action plan' }).getByRole('listitem');
  }

  /** Every number of the dashboard, to compare two dashboards. */
  async snapshot() {
    const scores = await this.page
      .locator('[data-section-id]')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-section-id')}=${e.getAttribute('data-readiness')}`));
    return {
      scores,
      summary: await this.page.getByRole('region', { name: 'Summary' }).innerText(),
      clauses: await this.page.getByRole('table', { name: 'Readiness per clause' }).innerText(),
      annex: await this.page.getByRole('table', { name: 'Readiness per Annex A category' }).innerText(),
      gaps: await this.page.getByRole('region', { name: 'Gaps and action plan' }).innerText(),
      soa: await this.soaTable.innerText(),
    };
  }

  /** Clicks the export button whose name matches and returns the file. */
  async download(button: string | RegExp): Promise<Downloaded> {
    return downloadFrom(this.page, () => this.page.getByRole('button', { name: button }).click());
  }

  get fileInput(): Locator {
    return this.page.getByLabel('Assessment file (.json)');
  }

  async chooseFile(name: string, content: string | Buffer) {
    await this.fileInput.setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    });
  }

  get preview(): Locator {
    return this.page.getByRole('group', { name: 'Ready to load' });
  }

  /** Keeps the previewed file as a new assessment (the default choice) and opens it. */
  async confirmImport() {
    await this.preview.getByRole('button', { name: 'Add as a new assessment' }).click();
    await expect(this.preview).toBeHidden();
  }

  /** Puts the previewed file in place of the open assessment, which stays in the library. */
  async replaceWithImport() {
    await this.preview.getByRole('button', { name: /^Replace “.*” with this file$/ }).click();
    await expect(this.preview).toBeHidden();
  }

  async deleteAll() {
    await this.page.getByRole('button', { name: 'Delete all local data' }).click();
    await this.page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect(this.status('All local data was deleted from this browser.')).toBeVisible();
  }

  /** Makes a share link and returns it as the readonly "Share link" field shows it. */
  async shareLink(): Promise<string> {
    await this.page.getByRole('button', { name: 'Copy share link' }).click();
    const field = this.page.getByRole('textbox', { name: 'Share link', exact: true });
    await expect(field).toHaveValue(/#share=/);
    return field.inputValue();
  }
}

export class PolicyPage extends App {
  readonly scope = this.page.getByLabel('Scope of the policy');
  readonly extraPrinciples = this.page.getByLabel('Further principles (one per line)');
  readonly owner = this.page.getByLabel('Policy owner (role)');
  readonly approver = this.page.getByLabel('Approved by');
  readonly review = this.page.getByLabel('Review interval');
  readonly version = this.page.getByLabel('Version');
  readonly effectiveDate = this.page.getByLabel('Effective date');
  readonly exceptions = this.page.getByLabel('How exceptions are requested and approved');
  readonly editor = this.page.getByLabel('Policy text (Markdown)');
  readonly editorToggle = this.page.getByText('Edit the text', { exact: true });
  readonly discardEdits = this.page.getByRole('button', { name: 'Discard my edits and regenerate' });

  async goto() {
    await this.open('#/policy');
  }

  /** The rendered policy beside the form. */
  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview' }).locator('.policy-preview');
  }

  appetite(name: 'Not stated' | 'Low' | 'Moderate' | 'High'): Locator {
    return this.page.getByRole('group', { name: 'Risk appetite' }).getByRole('radio', { name: new RegExp(`^${name}`) });
  }

  principle(name: string | RegExp): Locator {
    return this.page.getByRole('group', { name: /Guiding principles/ }).getByRole('checkbox', { name });
  }

  relatedPolicy(name: string | RegExp): Locator {
    return this.page.getByRole('group', { name: 'Related policies to align with' }).getByRole('checkbox', { name });
  }

  async openEditor() {
    if (!(await this.editor.isVisible())) await this.editorToggle.click();
    await expect(this.editor).toBeVisible();
  }

  async downloadMarkdown(): Promise<Downloaded> {
    return downloadFrom(this.page, () => this.page.getByRole('button', { name: /Markdown \(\.md\)/ }).click());
  }

  async downloadHtml(): Promise<Downloaded> {
    return downloadFrom(this.page, () => this.page.getByRole('button', { name: 'Download policy as HTML' }).click());
  }
}

/** The readiness the rule gives for these levels: mean of min(level, target)/target × 100, halves up. */
export function expectedReadiness(levels: number[], target = 3): number {
  const points = levels.reduce((sum, l) => sum + Math.min(l, target), 0);
  const max = target * levels.length;
  // Integer arithmetic, as the rule is exact: round(100 × points / max), halves up.
  return Math.floor((200 * points + max) / (2 * max));
}

/** The band of an overall readiness, from the exact value, as the rule says. */
export function expectedBand(levels: number[], clauseLevels: number[], target = 3): string {
  const points = levels.reduce((sum, l) => sum + Math.min(l, target), 0);
  const max = target * levels.length;
  if (100 * points < 40 * max) return 'Early stage';
  if (100 * points < 70 * max) return 'Developing';
  if (100 * points < 90 * max || clauseLevels.some((l) => l < target)) return 'Nearly ready';
  return 'Audit-ready';
}

/** An assessment file as the app exports it (schema version 2), for flows where the data is a given. */
export function assessmentFile(options: {
  name?: string;
  mode?: 'quick' | 'full';
  target?: number;
  answers?: Record<string, { level?: number; not_applicable?: boolean; justification?: string; notes?: string; owner?: string; due?: string }>;
  updated?: string;
  documents?: Record<string, { status?: 'exists' | 'draft' | 'missing'; location?: string; owner?: string; reviewed?: string }>;
  roadmap?: { stage1: string; stage2: string };
} = {}): Record<string, unknown> {
  return {
    format: 'aims-readiness/assessment',
    schema_version: 2,
    app_version: '0.1.0',
    content_version: 1,
    name: '',
    created: '2025-03-01T09:30:00.000Z',
    updated: options.updated ?? '2025-03-02T16:05:00.000Z',
    mode: options.mode ?? 'full',
    target: options.target ?? 3,
    profile: { name: options.name ?? 'Fixture Ltd', roles: ['ai-customer'], sector: 'Insurance', size: 'medium', systems_in_scope: 'Claims triage model' },
    answers: options.answers ?? {
      '4.1': { level: 3 },
      '4.2': { level: 2, notes: 'Stakeholder list in draft', owner: 'CRO' },
      '5.2': { level: 1 },
      '6.1.2': { level: 4 },
      'A.2.2': { level: 2 },
      'A.6.2.4': { level: 3 },
      'A.10.4': { not_applicable: true, justification: 'We have no customers of our AI systems.' },
    },
    soa: { version: '', date: '', approver: '', controls: {}, added: [] },
    documents: options.documents ?? {},
    roadmap: options.roadmap ?? { stage1: '', stage2: '' },
    policy: {
      scope: '',
      principles: [],
      extra_principles: '',
      risk_appetite: null,
      owner_role: '',
      approver: '',
      review_months: null,
      version: '',
      effective_date: '',
      related_policies: [],
      exceptions: '',
      edited_markdown: null,
    },
  };
}

/** Loads an assessment through the import panel on `#/results`, as a user with a file would. */
export async function importAssessment(
  page: Page,
  file: Record<string, unknown>,
  fileName = 'assessment.json',
  how: 'new' | 'replace' = 'new',
) {
  const results = new ResultsPage(page);
  await results.goto();
  await results.chooseFile(fileName, JSON.stringify(file, null, 2));
  await expect(results.preview).toBeVisible();
  if (how === 'replace') await results.replaceWithImport();
  else await results.confirmImport();
  await expect(results.status(/^Imported/)).toBeVisible();
  return results;
}

/**
 * Clicks `selectors[i]` in `pages[i]`, all at the same wall-clock moment (tabs of one browser share one
 * clock), each later by `delays[i]` milliseconds.
 */
export async function clickAtTheSameMoment(pages: Page[], selectors: string[], delays: number[] = pages.map(() => 0)) {
  const at = Date.now() + 300;
  await Promise.all(
    pages.map((page, i) =>
      page.evaluate(
        ([selector, when]) =>
          new Promise<void>((resolve) => {
            setTimeout(() => {
              (document.querySelector(selector as string) as HTMLElement).click();
              resolve();
            }, Math.max(0, (when as number) - Date.now()));
          }),
        [selectors[i], at + delays[i]] as const,
      ),
    ),
  );
}

/** One entry of the documents register (`data-document-id`). */
export class DocumentEntry {
  readonly root: Locator;
  constructor(readonly page: Page, readonly id: string) {
    this.root = page.locator(`[data-document-id="${id}"]`);
  }

  /** The status radio with this value (`exists`, `draft`, `missing`). */
  status(value: 'exists' | 'draft' | 'missing'): Locator {
    return this.root.locator(`input[type="radio"][value="${value}"]`);
  }

  get suggestion(): Locator {
    return this.root.locator('.doc-suggestion');
  }

  /** The button that shows or hides where it is kept, owner and review date. */
  get detailsToggle(): Locator {
    return this.root.getByRole('button', { name: /^Where it is kept, owner, last review/ });
  }

  /** Shows the location, owner and review date fields (they start closed while empty). */
  async openDetails() {
    if ((await this.detailsToggle.getAttribute('aria-expanded')) !== 'true') await this.detailsToggle.click();
    await expect(this.location).toBeVisible();
  }

  get location(): Locator {
    return this.root.getByLabel('Where it is kept');
  }

  get owner(): Locator {
    return this.root.getByLabel('Owner');
  }

  get reviewed(): Locator {
    return this.root.getByLabel('Date last reviewed');
  }
}

/** `#/documents`: the register of required documented information. */
export class DocumentsPage extends App {
  async goto() {
    await this.open('#/documents');
    await expect(this.heading).toHaveText('Required documented information');
  }

  entry(id: string): DocumentEntry {
    return new DocumentEntry(this.page, id);
  }

  get entries(): Locator {
    return this.page.locator('[data-document-id]');
  }

  async downloadCsv(): Promise<Downloaded> {
    return downloadFrom(this.page, () => this.page.getByRole('button', { name: 'Download CSV of the register' }).click());
  }
}

/** `#/roadmap`: the road to certification. */
export class RoadmapPage extends App {
  async goto() {
    await this.open('#/roadmap');
    await expect(this.heading).toHaveText('Road to certification');
  }

  get stage1Date(): Locator {
    return this.page.getByLabel('Planned stage 1 audit date');
  }

  get stage2Date(): Locator {
    return this.page.getByLabel('Planned stage 2 audit date');
  }

  /** The element of a stage, carrying `data-ready`. */
  stage(n: 1 | 2): Locator {
    return this.page.locator(`[data-stage="${n}"]`);
  }

  requirement(stage: 1 | 2, id: string): Locator {
    return this.stage(stage).locator(`[data-requirement="${id}"]`);
  }

  get flagged(): Locator {
    return this.page.locator('.flagged-gaps li');
  }

  get summary(): Locator {
    return this.page.locator('.roadmap-summary');
  }

  async downloadSummary(): Promise<Downloaded> {
    return downloadFrom(this.page, () => this.page.getByRole('button', { name: 'Download summary (HTML)' }).click());
  }
}
