import { test, expect, expectAccessible } from './fixtures';
import { AssessPage, ResultsPage, StartPage, stored, VIEWPORTS } from './pages';

// The consultant preparing a management review: ticks the review inputs already covered, comes back the
// next day to find them ticked, and hands the client reports and a CSV that carry them.

const previous = 'The status of actions from previous management reviews is considered';
const audits = 'Trends in audit results are considered';
const improvement = 'Opportunities for continual improvement are considered';

for (const { name, size } of VIEWPORTS) {
  test.describe(`on a ${name}`, () => {
    test.use({ viewport: size });

    test('ticked checkpoints survive a reload and reach every export, the level stays the score', async ({ guarded: page }) => {
      const start = new StartPage(page);
      await start.goto();
      await start.fullAssessment();
      const assess = new AssessPage(page);
      await assess.goto('9');
      const review = assess.item('9.3.2');
      await review.choose(2);
      await expect(review.checkpointsToggle).toHaveText('0 of 7 checkpoints ticked');
      await review.openCheckpoints();
      await review.checkpoint(previous).check();
      await review.checkpoint(audits).check();
      await expect(review.checkpointsToggle).toHaveText('2 of 7 checkpoints ticked');
      await expectAccessible(page, `clause 9 with checkpoints open (${name})`);
      await expect
        .poll(async () => JSON.parse((await stored(page)) ?? '{}').answers?.['9.3.2']?.checkpoints)
        .toEqual(['inputs-audit-results', 'inputs-previous-actions']);
      // Unticking one takes it out again.
      await review.checkpoint(improvement).check();
      await review.checkpoint(improvement).uncheck();
      await expect(review.checkpointsToggle).toHaveText('2 of 7 checkpoints ticked');
      // An item that asks one thing has no checkpoints.
      await assess.goto('6');
      await expect(assess.item('6.3').checkpointsToggle).toHaveCount(0);

      await assess.goto('9');
      await assess.reload();
      const again = assess.item('9.3.2');
      // Open from the start because some are ticked.
      await expect(again.root.getByRole('group', { name: /^Checkpoints for 9\.3\.2/ })).toBeVisible();
      await expect(again.checkpoint(previous)).toBeChecked();
      await expect(again.checkpoint(audits)).toBeChecked();
      await expect(again.checkpoint(improvement)).not.toBeChecked();
      await expect(again.radio(2)).toBeChecked();

      const results = new ResultsPage(page);
      await results.goto();
      // Ticks are informative: 9.3.2 at level 2 is a gap whatever is ticked.
      await expect(results.gaps.filter({ hasText: '9.3.2' })).toHaveCount(1);
      const md = (await results.download('Download Markdown report')).text;
      const trail = md.slice(md.indexOf('## Evidence trail'));
      expect(trail).toContain('**9\\.3.2 Management review inputs**\n\n- Checkpoints: 2 of 7 checkpoints ticked');
      expect(trail).toContain(`  - Ticked: ${previous}`);
      expect(trail).toContain(`  - Not ticked: ${improvement}`);
      const html = (await results.download('Download HTML report')).text;
      expect(html).toContain(`<li>Ticked: ${audits}</li>`);
      const csv = (await results.download('Download CSV of answers')).text;
      const header = csv.split('\r\n')[0].replace(/^\uFEFF/, '').split(',');
      const row = csv.split('\r\n').find((r) => r.startsWith('9.3.2,'))!.split(',');
      expect(row[header.indexOf('checkpoints')]).toBe('inputs-audit-results; inputs-previous-actions');
      const json = JSON.parse((await results.download('Download JSON')).text);
      expect(json.answers['9.3.2'].checkpoints).toEqual(['inputs-audit-results', 'inputs-previous-actions']);
    });
  });
}
