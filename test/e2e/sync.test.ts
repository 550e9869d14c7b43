import { describe, expect, it } from 'vitest';
import { SANDBOX_JIRA_USER } from '#sandbox/company/epics.ts';
import { SANDBOX_NOTION_TOKEN } from '#sandbox/company/world.ts';
import { sandboxHarness } from '../helpers/sandboxSync.ts';

const NOW = new Date('2026-11-23T08:00:00Z');

describe('a sync against the sandbox, through the real SDKs', () => {
  it('writes one Notion row per epic and the balance, and prints the table when asked', async () => {
    const h = sandboxHarness({ epics: 60 });
    const result = await h.run(['sync', '--table'], NOW);
    expect(result.stderr).toContain('Portfolio balance, period 2026-W48');
    expect(result.code).toBe(0);
    const epics = h.world.jira.site.issues.filter((i) => i.typeId === '10000' || i.typeId === '10100');
    const rows = h.world.notion.rows(h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!);
    expect(rows).toHaveLength(epics.length);
    expect(new Set(rows.map((r) => h.world.notion.valueOf(r, 'Jira ID')))).toEqual(new Set(epics.map((e) => e.id)));
    for (const type of ['Innovation', 'Growth', 'Debt & Evolution', 'Unclassified']) expect(result.stderr).toContain(type);
    const balance = h.world.notion.rows(h.world.notion.databaseByTitle('Portfolio Balance')!.dataSourceIds[0]!);
    expect(balance.length).toBeGreaterThan(4);
  });

  it('running it twice leaves exactly one row per epic, and the second run writes nothing', async () => {
    const h = sandboxHarness({ epics: 60 });
    expect((await h.run(['sync'], NOW)).code).toBe(0);
    h.resetLogs();
    const second = await h.run(['sync'], new Date(NOW.getTime() + 3_600_000));
    expect(second.code).toBe(0);
    expect(h.notionWrites()).toEqual([]);
    const rows = h.world.notion.rows(h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!);
    const ids = rows.map((r) => h.world.notion.valueOf(r, 'Jira ID'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('--dry-run reads and computes but writes nothing', async () => {
    const h = sandboxHarness({ epics: 30 });
    const result = await h.run(['sync', '--dry-run'], NOW);
    expect(result.code).toBe(0);
    expect(h.notionWrites()).toEqual([]);
    expect(result.stdout).toContain('planned (dry run: nothing written)');
    expect(result.stderr).toMatch(/^Epics: \d+ to create, 0 to update, 0 to archive, 0 unchanged$/m);
    expect(result.stderr).toMatch(/^ {2}create {3}PAY-\d+$/m);
  });

  it('no token reaches the output, even when the run fails', async () => {
    const h = sandboxHarness({ epics: 10 });
    h.world.notion.unshare(h.world.notionIds.strategyDatabase);
    const result = await h.run(['sync', '--pretty'], NOW);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('share');
    const output = result.stdout + result.stderr;
    expect(output).not.toContain(SANDBOX_NOTION_TOKEN);
    expect(output).not.toContain(SANDBOX_JIRA_USER.apiToken);
    expect(output).not.toContain(Buffer.from(`${SANDBOX_JIRA_USER.email}:${SANDBOX_JIRA_USER.apiToken}`).toString('base64'));
  });
});

describe('--dry-run after a change', () => {
  it('lists each row it would update with the properties that would change', async () => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], NOW);
    const epic = h.world.jira.site.issues.find((i) => i.parentKey === null)!;
    h.world.jira.updateIssue(epic.id, { summary: 'Renamed', updated: NOW.getTime() });
    h.resetLogs();
    const result = await h.run(['sync', '--dry-run'], NOW);
    expect(result.stderr).toContain(`  update   ${epic.key}: Name, Updated`);
    expect(h.notionWrites()).toEqual([]);
  });
});
