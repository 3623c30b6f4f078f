import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { PolicyPage, ResultsPage, importAssessment } from './pages';

// The consultant's pipeline: files the app exports are read by `aims`, the command line. This spec keeps
// what the app exports in tests/data/app-exports/<case>/ (its JSON file, both reports, both CSVs, the
// policy as Markdown and HTML, and the scores the results page shows), and fails when the app exports
// anything else; tests/cli.rs checks that `aims` makes the same bytes and scores from the app's JSON file.
// After a deliberate change of an export, `UPDATE_APP_EXPORTS=1` rewrites the files (then run
// `cargo test --test cli`).

const ROOT = path.join(__dirname, '../..');
const EXPORTS = path.join(ROOT, 'tests/data/app-exports');
const UPDATE = process.env.UPDATE_APP_EXPORTS === '1';

function seed(file: string, change: (json: Record<string, any>) => void = () => {}): Record<string, unknown> {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  change(json);
  return json;
}

const CASES: { name: string; seed: () => Record<string, unknown> }[] = [
  // A full assessment with notes, owners, exclusions and a policy the drafter writes from the form.
  { name: 'full', seed: () => seed('tests/data/versions/v1.json', (json) => { json.policy.edited_markdown = null; }) },
  // A quick scan full of hostile text, with a hand-edited policy.
  { name: 'hostile-quick', seed: () => seed('tests/data/good/hostile.json') },
];

for (const { name, seed: make } of CASES) {
  test(`the app's exports of "${name}" are the files aims is checked against`, async ({ guarded: page }) => {
    const results = await importAssessment(page, make());
    const scores: Record<string, number | string | null> = {};
    for (const el of await page.locator('[data-section-id]').all()) {
      const value = await el.getAttribute('data-readiness');
      scores[(await el.getAttribute('data-section-id'))!] = value === null ? null : Number(value);
    }
    scores.band = await results.band.innerText();
    const files: Record<string, string> = {
      'scores.json': `${JSON.stringify(scores, null, 2)}\n`,
      'assessment.json': (await results.download('Download JSON')).text,
      'answers.csv': (await results.download('Download CSV of answers')).text,
      'soa.csv': (await results.download('Download CSV of the Statement of Applicability')).text,
      'report.md': (await results.download('Download Markdown report')).text,
      'report.html': (await results.download('Download HTML report')).text,
    };
    const policy = new PolicyPage(page);
    await policy.goto();
    files['policy.md'] = (await policy.downloadMarkdown()).text;
    files['policy.html'] = (await policy.downloadHtml()).text;

    const dir = path.join(EXPORTS, name);
    if (UPDATE) fs.mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) {
      const kept = path.join(dir, file);
      if (UPDATE) fs.writeFileSync(kept, text);
      expect(text, `${kept} is not what the app exports now: rerun with UPDATE_APP_EXPORTS=1`).toBe(
        fs.readFileSync(kept, 'utf8'),
      );
    }
    expect(Object.keys(scores)).toEqual(expect.arrayContaining(['overall', 'clauses', 'annex-a', '4', 'A.10', 'band']));
  });
}
