import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logLines } from '../helpers/cliRun.ts';
import { at, balanceRows, historyHarness, portfolioMix, syncAs, threeEpics } from '../helpers/historyWorld.ts';
import type { SandboxHarness } from '../helpers/sandboxSync.ts';

const NOW = new Date('2026-11-23T08:00:00Z'); // Monday of 2026-W48
const COLUMNS = ['Epics', 'Points', 'Days In Progress'];

/** New rules from now on: the Growth target drops from 50 to 40 and Innovation's rises from 20 to 30. */
function changeRules(h: SandboxHarness): void {
  const rules = JSON.parse(readFileSync('mappings/work-types.json', 'utf8')) as { workTypes: { id: string; target: number }[] };
  for (const type of rules.workTypes) type.target = { innovation: 30, growth: 40, debt: 30 }[type.id] ?? type.target;
  const dir = mkdtempSync(join(tmpdir(), 'backbone-rules-'));
  writeFileSync(join(dir, 'work-types.json'), JSON.stringify(rules));
  const config = JSON.parse(readFileSync(h.configPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(h.configPath, JSON.stringify({ ...config, mappings: dir }));
}


describe.each(['cloud', 'datacenter'] as const)('the first run on %s rebuilds the trend from the changelog', (flavour) => {
  it('each closed period counts the epics that existed then, with the status, labels and points they had, and their days in progress', async () => {
    const h = historyHarness(flavour);
    const { reopened, relabelled, late } = threeEpics(h);
    const result = await syncAs(h, flavour, [], NOW);
    expect(result.code, result.stderr).toBe(0);

    // W44: PAY-1 and PLAT-1 in progress, both Growth (PLAT-1 still at 5 points); GRO-1 does not exist yet.
    expect(portfolioMix(h, '2026-W44', COLUMNS)).toMatchObject({ Growth: [2, 8, 12], 'Debt & Evolution': [0, 0, 0], Innovation: [0, 0, 0] });
    // W45: PAY-1 was done (it no longer counts); PLAT-1 re-estimated to 8.
    expect(portfolioMix(h, '2026-W45', COLUMNS)).toMatchObject({ Growth: [1, 8, 7], 'Debt & Evolution': [0, 0, 0], Innovation: [0, 0, 0] });
    // W46: PAY-1 reopened; PLAT-1 relabelled Debt; GRO-1 created, in progress from Thursday.
    expect(portfolioMix(h, '2026-W46', [...COLUMNS, 'Time Share'])).toMatchObject({
      Growth: [1, 3, 5, 33.3],
      'Debt & Evolution': [1, 8, 7, 46.7],
      Innovation: [1, 2, 3, 20],
    });
    // W47: PAY-1 done again.
    expect(portfolioMix(h, '2026-W47', COLUMNS)).toMatchObject({ Growth: [0, 0, 0], 'Debt & Evolution': [1, 8, 7], Innovation: [1, 2, 7] });

    const sources = new Map(balanceRows(h).map((r) => [r['Period'], r['Source']]));
    expect(Object.fromEntries(sources)).toEqual({ '2026-W44': 'reconstructed', '2026-W45': 'reconstructed', '2026-W46': 'reconstructed', '2026-W47': 'reconstructed', '2026-W48': 'reported' });
    expect(logLines(result.stdout).some((l) => String(l['msg']).includes("rebuilding 4 closed period(s) without rows from Jira's changelog, classified with today's rules"))).toBe(true);

    // The history's Jira cost: one changelog read for all three epics (in the pull's order, by key).
    const ids = [late.id, reopened.id, relabelled.id];
    const log = h.world.jira.requestLog;
    if (flavour === 'cloud') {
      const bulk = log.filter((r) => r.path === '/rest/api/3/changelog/bulkfetch');
      expect(bulk.map((r) => r.body)).toEqual([{ issueIdsOrKeys: ids, fieldIds: ['status', 'labels', 'resolution', 'customfield_10016'], maxResults: 10000 }]);
      expect(log.some((r) => r.path.endsWith('/changelog') && r.method === 'GET')).toBe(false);
    } else {
      const expanded = log.filter((r) => r.path === '/rest/api/2/search' && JSON.stringify(r.body).includes('changelog'));
      expect(expanded).toHaveLength(1);
      expect(expanded[0]!.body).toMatchObject({ jql: `id in ("${ids.join('", "')}") ORDER BY id ASC`, expand: ['changelog'] });
    }
  });
});

describe('closed periods are frozen', () => {
  it('a re-run in a later period, with changed rules and labels, leaves every closed period as reported', async () => {
    const h = historyHarness('cloud');
    const { late } = threeEpics(h);
    expect((await syncAs(h, 'cloud', [], NOW)).code).toBe(0);
    const before = balanceRows(h).map((r) => JSON.stringify(r)).sort();

    // A week later: GRO-1 became Growth on Tuesday of W48, and the Growth target moved from 50 to 40.
    h.world.jira.updateIssue(late.id, { labels: ['work-growth'], updated: at('2026-11-24T10:00') });
    changeRules(h);
    const nextWeek = new Date('2026-11-30T08:00:00Z');
    const result = await syncAs(h, 'cloud', [], nextWeek);
    expect(result.code, result.stderr).toBe(0);

    const rows = balanceRows(h);
    expect(rows.filter((r) => r['Period'] !== '2026-W49').map((r) => JSON.stringify(r)).sort()).toEqual(before);
    expect(portfolioMix(h, '2026-W49', ['Epics', 'Target'])).toMatchObject({ Growth: [1, 40], Innovation: [0, 30] });
    expect(portfolioMix(h, '2026-W48', ['Target'])).toMatchObject({ Growth: [50], Innovation: [20] });
    // Nothing to rebuild: the Jira history is not read beyond the epic that changed.
    const bulk = h.world.jira.requestLog.filter((r) => r.path === '/rest/api/3/changelog/bulkfetch');
    expect(bulk.at(-1)!.body).toMatchObject({ issueIdsOrKeys: [late.id] });
  });

  it('--restate rewrites the closed periods from the changelog with today\'s rules, and logs what changed', async () => {
    const h = historyHarness('cloud');
    const { late } = threeEpics(h);
    expect((await syncAs(h, 'cloud', [], NOW)).code).toBe(0);
    h.world.jira.updateIssue(late.id, { labels: ['work-growth'], updated: at('2026-11-24T10:00') });
    changeRules(h);
    const nextWeek = new Date('2026-11-30T08:00:00Z');
    expect((await syncAs(h, 'cloud', [], nextWeek)).code).toBe(0);
    const w44 = balanceRows(h).filter((r) => r['Period'] === '2026-W44').map((r) => JSON.stringify(r)).sort();
    expect(portfolioMix(h, '2026-W48', ['Epics', 'Source'])).toMatchObject({ Innovation: [1, 'reported'], Growth: [0, 'reported'] });

    const result = await syncAs(h, 'cloud', ['--restate'], nextWeek);
    expect(result.code, result.stderr).toBe(0);
    // W48 ended after GRO-1's relabelling: rebuilt, it counts GRO-1 as Growth; every rebuilt period has today's targets.
    expect(portfolioMix(h, '2026-W48', ['Epics', 'Source', 'Target'])).toMatchObject({ Innovation: [0, 'reconstructed', 30], Growth: [1, 'reconstructed', 40] });
    expect(portfolioMix(h, '2026-W46', ['Target'])).toMatchObject({ Innovation: [30], Growth: [40] });
    const restated = logLines(result.stdout).filter((l) => String(l['msg']).startsWith('restated'));
    expect(restated.map((l) => l['period'])).toContain('2026-W48');
    expect(String(restated.find((l) => l['period'] === '2026-W48')!['msg'])).toMatch(/Growth 0% → 20% of points/);
    // The window is the last four closed periods: W44 is older and stays as it was.
    expect(balanceRows(h).filter((r) => r['Period'] === '2026-W44').map((r) => JSON.stringify(r)).sort()).toEqual(w44);
  });
});
