import { describe, expect, it } from 'vitest';
import { at, balanceRows, historyHarness, portfolioMix, syncAs, threeEpics } from '../helpers/historyWorld.ts';
import type { SandboxHarness } from '../helpers/sandboxSync.ts';

const NOW = new Date('2026-11-23T08:00:00Z'); // Monday of 2026-W48
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const bulkFetches = (h: SandboxHarness) => h.world.jira.requestLog.filter((r) => r.path === '/rest/api/3/changelog/bulkfetch');
const epicRow = (h: SandboxHarness, key: string) => {
  const notion = h.world.notion;
  return notion.rows(notion.databaseByTitle('Epics')!.dataSourceIds[0]!).find((r) => notion.valueOf(r, 'Jira Key') === key)!;
};

describe('what the history reads from Jira', () => {
  it('after the first run, only epics that changed have their changelog read, and a run without changes reads none', async () => {
    const h = historyHarness('cloud');
    const { late } = threeEpics(h);
    expect((await syncAs(h, 'cloud', [], NOW)).code).toBe(0);
    expect(h.world.notion.valueOf(epicRow(h, 'PLAT-1'), 'In Progress')).toBe('2026-10-20T00:00:00.000Z → now');
    expect(h.world.notion.valueOf(epicRow(h, 'PAY-1'), 'In Progress')).toBe(
      '2026-10-28T00:00:00.000Z → 2026-11-04T00:00:00.000Z; 2026-11-11T00:00:00.000Z → 2026-11-18T00:00:00.000Z',
    );

    h.resetLogs();
    expect((await syncAs(h, 'cloud', [], later(1))).code).toBe(0);
    expect(bulkFetches(h)).toEqual([]);
    expect(h.notionWrites()).toEqual([]);

    // GRO-1 goes back to To Do at 09:00 on Monday: of W48 it spent 9 hours in progress, no longer the whole week.
    h.world.jira.updateIssue(late.id, { status: { name: 'To Do', category: 'new' }, updated: at('2026-11-23T09:00') });
    h.resetLogs();
    expect((await syncAs(h, 'cloud', [], later(2))).code).toBe(0);
    expect(bulkFetches(h).map((r) => (r.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys)).toEqual([[late.id]]);
    expect(h.world.notion.valueOf(epicRow(h, 'GRO-1'), 'In Progress')).toBe('2026-11-13T00:00:00.000Z → 2026-11-23T09:00:00.000Z');
    expect(portfolioMix(h, '2026-W48', ['Days In Progress', 'Time Share'])).toMatchObject({ Innovation: [0.4, 5.1], 'Debt & Evolution': [7, 94.9] });
  });

  it('the time weight of the current period does not move with the clock: a later run the same week writes nothing', async () => {
    const h = historyHarness('cloud');
    threeEpics(h);
    expect((await syncAs(h, 'cloud', [], NOW)).code).toBe(0);
    h.resetLogs();
    expect((await syncAs(h, 'cloud', [], new Date('2026-11-27T17:00:00Z'))).code).toBe(0);
    // Only the state page notes the day's full reconciliation; no row changes.
    expect(h.notionWrites().filter((w) => w.path.startsWith('/v1/pages'))).toEqual([]);
  });

  it('the bulk fetch is followed across pages when Jira returns fewer histories than asked', async () => {
    const h = historyHarness('cloud');
    threeEpics(h);
    h.world.jira.changelogPageLimit = 2;
    expect((await syncAs(h, 'cloud', [], NOW)).code).toBe(0);
    const pages = bulkFetches(h).map((r) => (r.body as { nextPageToken?: string }).nextPageToken);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages[0]).toBeUndefined();
    expect(pages.slice(1).every((token) => typeof token === 'string')).toBe(true);
    expect(portfolioMix(h, '2026-W46', ['Epics', 'Points', 'Days In Progress'])).toMatchObject({ Growth: [1, 3, 5], 'Debt & Evolution': [1, 8, 7], Innovation: [1, 2, 3] });
  });

  it('where the bulk fetch is missing (404), each epic\'s changelog is read on its own, with the same result', async () => {
    const h = historyHarness('cloud');
    const epics = threeEpics(h);
    h.world.jira.bulkChangelog = false;
    const result = await syncAs(h, 'cloud', [], NOW);
    expect(result.code, result.stderr).toBe(0);
    const perIssue = h.world.jira.requestLog.filter((r) => r.method === 'GET' && r.path.endsWith('/changelog'));
    expect(perIssue.map((r) => r.path).sort()).toEqual(Object.values(epics).map((e) => `/rest/api/3/issue/${e.id}/changelog`).sort());
    expect(portfolioMix(h, '2026-W46', ['Epics', 'Points', 'Days In Progress'])).toMatchObject({ Growth: [1, 3, 5], 'Debt & Evolution': [1, 8, 7], Innovation: [1, 2, 3] });
  });

  it('a first run killed while rebuilding is completed by the next: every row of every period once', async () => {
    const clean = historyHarness('cloud');
    threeEpics(clean);
    expect((await syncAs(clean, 'cloud', [], NOW)).code).toBe(0);
    const complete = balanceRows(clean).map((r) => r['Key']).sort();

    const h = historyHarness('cloud');
    threeEpics(h);
    let creates = 0;
    const original = h.world.notionNet.handle.bind(h.world.notionNet);
    h.world.notionNet.handle = async (request) => {
      if (request.method === 'POST' && new URL(request.url).pathname === '/v1/pages') creates += 1;
      // Three Epics rows, this week's 15 balance rows, then W44's 12 cells and (written in plan order) its portfolio "All work" row, but not its teams' ones; then the process is gone.
      return creates > 31 ? Response.error() : original(request);
    };
    expect((await syncAs(h, 'cloud', [], NOW)).code).not.toBe(0);
    h.world.notionNet.handle = original;
    expect((await syncAs(h, 'cloud', [], later(1))).code).toBe(0);
    expect(balanceRows(h).map((r) => r['Key']).sort()).toEqual(complete);
  });

  it('--backfill takes a number of periods; anything else is a usage error', async () => {
    const h = historyHarness('cloud', 0);
    threeEpics(h);
    const bad = await syncAs(h, 'cloud', ['--backfill', 'lots'], NOW);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--backfill: expected a number of periods from 1 to 520, got "lots"');
    expect((await syncAs(h, 'cloud', ['--backfill', '2'], NOW)).code).toBe(0);
    expect(new Set(balanceRows(h).map((r) => r['Period']))).toEqual(new Set(['2026-W46', '2026-W47', '2026-W48']));
  });
});
