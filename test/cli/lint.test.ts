import { describe, expect, it } from 'vitest';
import { sandboxHarness } from '../helpers/sandboxSync.ts';

describe('backbone-sync lint, against Jira through msw', () => {
  it('lists the problems per team with fixes and exits 4', async () => {
    const h = sandboxHarness({ epics: 40 });
    const result = await h.run(['lint']);
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/^PAY {2}\(\d+ epics? to fix\)$/m);
    expect(result.stdout).toContain('fix: ');
    expect(result.stdout).toMatch(/\d+ problem\(s\) in \d+ epic\(s\) across \d+ team\(s\)\./);
    expect(h.world.jira.requestLog.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('exits 0 when every epic follows the conventions', async () => {
    const h = sandboxHarness({ epics: 6 });
    for (const issue of h.world.jira.site.issues) issue.labels = ['work-growth', 'impact-mid-market', 'usage-first-payment'];
    const result = await h.run(['lint']);
    expect(result.stdout).toContain('Every epic follows the label conventions.');
    expect(result.code).toBe(0);
  });

  it('--apply-labels --dry-run says what it would add and writes nothing', async () => {
    const h = sandboxHarness({ epics: 40 });
    const result = await h.run(['lint', '--apply-labels', '--dry-run']);
    expect(result.stdout).toMatch(/^would add work-\w+ to [A-Z]+-\d+$/m);
    expect(h.world.jira.requestLog.filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('--apply-labels adds the inferred work label through the Jira API and never removes one', async () => {
    const h = sandboxHarness({ epics: 40 });
    const before = new Map(h.world.jira.site.issues.map((i) => [i.id, [...i.labels]]));
    const result = await h.run(['lint', '--apply-labels']);
    const puts = h.world.jira.requestLog.filter((r) => r.method === 'PUT');
    expect(puts.length).toBeGreaterThan(0);
    for (const put of puts) {
      expect(put.path).toMatch(/^\/rest\/api\/3\/issue\/\d+$/);
      expect(put.body).toEqual({ update: { labels: [{ add: expect.stringMatching(/^work-(innovation|growth|debt)$/) }] } });
    }
    for (const issue of h.world.jira.site.issues) expect(issue.labels).toEqual(expect.arrayContaining(before.get(issue.id)!));
    expect(result.stdout).toContain(`added a work label to ${puts.length} epic(s) in Jira`);
    const again = await h.run(['lint', '--apply-labels', '--dry-run']);
    expect(again.stdout).not.toContain('would add');
  });
});

describe('text from Jira cannot take over the terminal', () => {
  // Retitles the window, clears the screen, and returns the cursor to overwrite what was printed.
  const RETITLE = '\u001b]0;pwned\u0007';
  const CLEAR = '\u001b[2J';
  // eslint-disable-next-line no-control-regex -- the characters the output must not contain
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  function hostileWorld() {
    const h = sandboxHarness({ epics: 12, config: (c) => ({ ...c, jira: { ...c.jira, team: { by: 'component' } } }) });
    const epic = h.world.jira.site.issues.find((i) => i.parentKey === null)!;
    Object.assign(epic, { summary: `Ledger ${RETITLE}export${CLEAR}\rEvery epic follows the label conventions.`, components: [`Pay${CLEAR}ments\r`], labels: [] });
    return { h, epic };
  }

  it('lint prints summaries and team names without escape sequences or carriage returns', async () => {
    const { h, epic } = hostileWorld();
    const result = await h.run(['lint']);
    expect(result.code).toBe(4);
    expect(result.stdout + result.stderr).not.toMatch(CONTROL);
    expect(result.stdout).toContain(`  ${epic.key}  Ledger exportEvery epic follows the label conventions.`);
    expect(result.stdout).toMatch(/^Payments {2}\(1 epic to fix\)$/m);
  });

  it('sync --dry-run prints the plan, the balance table and its logs without them, pretty or not', async () => {
    const { h } = hostileWorld();
    for (const pretty of [[], ['--pretty']]) {
      const result = await h.run(['sync', '--dry-run', '--table', ...pretty]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout + result.stderr).not.toMatch(CONTROL);
      expect(result.stdout + result.stderr).toMatch(/^team Payments +/m);
    }
  });
});
