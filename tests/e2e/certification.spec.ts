import path from 'node:path';
import { test, expect, expectAccessible } from './fixtures';
import { AssessPage, DocumentsPage, RoadmapPage, assessmentFile, importAssessment, stored } from './pages';
import { readSections } from './shared.cjs';

// The compliance lead preparing for certification: the register of required documents (#/documents)
// and the road to stage 1 and stage 2 (#/roadmap), on a phone and on a desktop.

const ITEMS = readSections(path.join(__dirname, '../..')).flatMap((s) => s.items.map((i) => i.id));

/** Every item answered at `level`, with some overrides. */
function answersAt(level: number, overrides: Record<string, { level?: number; due?: string }> = {}) {
  return Object.fromEntries(ITEMS.map((id) => [id, { level, ...overrides[id] }]));
}

for (const [device, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 900 }],
] as const) {
  test.describe(`on a ${device}`, () => {
    test.use({ viewport });

    test('documents register: statuses and fields survive a reload; the suggestion stays a suggestion', async ({ guarded: page }) => {
      await importAssessment(page, assessmentFile({ answers: { '4.3': { level: 4 }, '6.1.3': { level: 2 } } }));
      const register = new DocumentsPage(page);
      await register.goto();
      await expect(register.entries).toHaveCount(52);

      const scope = register.entry('aims-scope');
      await expect(scope.root).toHaveAttribute('data-clause', '4.3');
      await expect(register.entry('impact-assessment-results').root).toHaveAttribute('data-clause', '6.1.4 8.4 A.5.3 A.5.4 A.5.5');
      await expect(register.entry('technical-documentation').root).toHaveAttribute('data-clause', 'A.6.2.7');
      // Answered at 4: "exists" is suggested, but nothing is chosen for the user.
      await expect(scope.suggestion).toHaveText('Suggested from your answers: Exists.');
      for (const value of ['exists', 'draft', 'missing'] as const) await expect(scope.status(value)).not.toBeChecked();
      await expect(register.entry('statement-of-applicability').suggestion).toHaveText('Suggested from your answers: Draft.');
      await expect(register.page.locator('.register-tally')).toContainText('1 exists, 3 drafts');

      await scope.status('draft').check();
      await expect(scope.location, 'the fields start closed while empty').toHaveCount(0);
      await scope.openDetails();
      await scope.location.fill('Intranet › AIMS › Scope');
      await scope.owner.fill('Head of AI governance');
      await scope.reviewed.fill('2026-11-20');
      const soa = register.entry('statement-of-applicability');
      await soa.status('missing').check();
      await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}').documents).toEqual({
        'aims-scope': { status: 'draft', location: 'Intranet › AIMS › Scope', owner: 'Head of AI governance', reviewed: '2026-11-20' },
        'statement-of-applicability': { status: 'missing' },
      });
      await expectAccessible(page, `documents (${device})`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the register is no wider than the screen').toBeLessThanOrEqual(0);

      await register.reload();
      await expect(scope.status('draft')).toBeChecked();
      await expect(scope.detailsToggle, 'recorded fields start open').toHaveAttribute('aria-expanded', 'true');
      await expect(scope.location).toHaveValue('Intranet › AIMS › Scope');
      await expect(scope.owner).toHaveValue('Head of AI governance');
      await expect(scope.reviewed).toHaveValue('2026-11-20');
      await expect(soa.status('missing')).toBeChecked();
      await expect(scope.suggestion).toHaveText('Suggested from your answers: Exists.');

      // Taking the choice back leaves the suggestion, and the record goes once it is empty.
      await soa.root.getByRole('button', { name: /^Clear my status/ }).click();
      await expect(soa.status('missing')).not.toBeChecked();
      await expect.poll(async () => Object.keys(JSON.parse((await stored(page)) ?? '{}').documents)).toEqual(['aims-scope']);

      // The evidence links go to the items' sections.
      await scope.root.getByRole('link', { name: /^4\.3 / }).click();
      await expect(page).toHaveURL(/#\/assess\/4$/);
    });

    test('documents register: the CSV opens with a byte-order mark and the right columns', async ({ guarded: page }) => {
      await importAssessment(
        page,
        assessmentFile({ documents: { 'ai-policy': { status: 'exists', location: '=cmd|calc', owner: 'Board, chair' } } }),
      );
      const register = new DocumentsPage(page);
      await register.goto();
      const file = await register.downloadCsv();
      expect(file.name).toMatch(/^iso42001-readiness-fixture-ltd-2025-03-02-documents\.csv$/);
      expect(file.text.charCodeAt(0), 'starts with a BOM').toBe(0xfeff);
      const lines = file.text.slice(1).split('\r\n').filter((l) => l !== '');
      expect(lines[0]).toBe(
        'document_id,title,clauses,need,status,suggested_status,location,owner,reviewed,evidence_for,description',
      );
      expect(lines).toHaveLength(53);
      const policy = lines.find((l) => l.startsWith('ai-policy,'));
      // 5.2 at level 1 and A.2.2 at level 2 suggest a draft; the user's "exists" is the status.
      expect(policy).toMatch(/^ai-policy,AI policy,5\.2 A\.2\.2,required,exists,draft,'=cmd\|calc,"Board, chair",,/);
    });

    test('roadmap: dates are kept, and stage readiness flips when the answers and documents are in place', async ({ guarded: page }) => {
      await importAssessment(
        page,
        assessmentFile({
          answers: answersAt(3, { '6.1.2': { level: 3, due: '2027-05-01' } }),
          documents: { 'statement-of-applicability': { status: 'missing' } },
        }),
      );
      const roadmap = new RoadmapPage(page);
      await roadmap.goto();
      await expect(roadmap.stage(1)).toHaveAttribute('data-ready', 'false');
      await expect(roadmap.stage(2)).toHaveAttribute('data-ready', 'false');
      const soa = roadmap.requirement(1, 'soa');
      await expect(soa).toHaveAttribute('data-ready', 'false');
      await expect(soa.getByRole('link', { name: 'Statement of Applicability' })).toHaveAttribute('href', '#/documents');
      await expect(roadmap.requirement(1, 'scope')).toHaveAttribute('data-ready', 'true');
      await expect(roadmap.requirement(2, 'stage-1')).toHaveAttribute('data-ready', 'false');

      await roadmap.stage1Date.fill('2027-03-01');
      await roadmap.stage2Date.fill('2027-06-01');
      await expect.poll(async () => JSON.parse((await stored(page)) ?? '{}').roadmap).toEqual({ stage1: '2027-03-01', stage2: '2027-06-01' });
      await expectAccessible(page, `roadmap (${device})`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the roadmap is no wider than the screen').toBeLessThanOrEqual(0);
      await roadmap.reload();
      await expect(roadmap.stage1Date).toHaveValue('2027-03-01');
      await expect(roadmap.stage2Date).toHaveValue('2027-06-01');

      // The document in place: both stages are ready.
      const register = new DocumentsPage(page);
      await register.goto();
      await register.entry('statement-of-applicability').status('exists').check();
      await roadmap.goto();
      await expect(roadmap.stage(1)).toHaveAttribute('data-ready', 'true');
      await expect(roadmap.stage(2)).toHaveAttribute('data-ready', 'true');
      await expect(roadmap.flagged).toHaveCount(0);

      // A management review input below target holds stage 2 back, with a link to its question, and is
      // flagged: it has no due date.
      const assess = new AssessPage(page);
      await assess.goto('9');
      await assess.item('9.3.2').choose(1);
      await roadmap.goto();
      await expect(roadmap.stage(1)).toHaveAttribute('data-ready', 'true');
      await expect(roadmap.stage(2)).toHaveAttribute('data-ready', 'false');
      const review = roadmap.requirement(2, 'management-review');
      await expect(review).toContainText('level 1, target 3');
      await expect(review.getByRole('link', { name: /^9\.3\.2 / })).toHaveAttribute('href', '#/assess/9');
      await expect(roadmap.flagged).toHaveCount(1);
      await expect(roadmap.flagged.first()).toContainText('no due date (needed for stage 2)');

      // A stage 1 question below target, due after the planned stage 1 audit, is flagged against it.
      await assess.goto('6');
      await assess.item('6.1.2').choose(2);
      await roadmap.goto();
      await expect(roadmap.stage(1)).toHaveAttribute('data-ready', 'false');
      await expect(roadmap.page.locator('.flagged-gaps li[data-item-id="6.1.2"]')).toContainText(
        'due 2027-05-01, after the planned stage 1 audit on 2027-03-01',
      );
    });

    test('roadmap: the summary for top management downloads as HTML and prints on one A4 page', async ({ guarded: page }) => {
      await importAssessment(
        page,
        assessmentFile({ name: '<b>Kestrel</b> & Co', answers: answersAt(1), roadmap: { stage1: '2027-03-01', stage2: '' } }),
      );
      const roadmap = new RoadmapPage(page);
      await roadmap.goto();
      await expect(roadmap.summary).toContainText('Not ready: 0 of 10 requirements in place');
      const file = await roadmap.downloadSummary();
      expect(file.name).toMatch(/-roadmap\.html$/);
      expect(file.text).toContain('<title>Road to certification – &lt;b&gt;Kestrel&lt;/b&gt; &amp; Co</title>');
      expect(file.text).not.toContain('<b>Kestrel');
      expect(file.text).toContain('Stage 1');
      expect(file.text).toContain('2027-03-01');
      if (device === 'desktop') {
        const pdf = await page.pdf({ format: 'A4' });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
        expect(pages.length, 'the summary prints on one page').toBe(1);
      }
    });
  });
}
