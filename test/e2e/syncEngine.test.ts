import { describe, expect, it } from 'vitest';
import { sandboxHarness, type HarnessConfig, type SandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const epicRows = (h: SandboxHarness) => h.world.notion.rows(h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!);
const rowFor = (h: SandboxHarness, jiraId: string) => epicRows(h).filter((r) => h.world.notion.valueOf(r, 'Jira ID') === jiraId);
const epicsOf = (h: SandboxHarness) => h.world.jira.site.issues.filter((i) => i.parentKey === null);
/** The query of the last pull (an incremental run also searches for the ids in scope, with `fields: ['id']`). */
const lastJql = (h: SandboxHarness) =>
  h.world.jira.requestLog
    .filter((r) => r.path.endsWith('/search/jql'))
    .map((r) => r.body as { jql: string; fields: string[] })
    .filter((body) => body.fields.join() !== 'id')
    .at(-1)!.jql;
const pagePatches = (h: SandboxHarness) => h.notionWrites().filter((w) => w.method === 'PATCH' && w.path.startsWith('/v1/pages/'));

describe('the sync engine', () => {
  it('changing 3 epics in Jira makes exactly their 3 updates and nothing else', async () => {
    const h = sandboxHarness({ epics: 60 });
    expect((await h.run(['sync'], T0)).code).toBe(0);
    h.resetLogs();
    const changed = epicsOf(h).slice(0, 3);
    for (const e of changed) h.world.jira.updateIssue(e.id, { summary: `${e.summary} (renamed)`, updated: later(5).getTime() });
    const result = await h.run(['sync'], later(10));
    expect(result.code).toBe(0);
    const patches = pagePatches(h);
    expect(patches).toHaveLength(3);
    for (const p of patches) expect(Object.keys(p.body['properties'] as object).sort()).toEqual(['Name', 'Updated']);
    // The cursor needs no write of its own: it is the newest Updated on the rows.
    expect(h.notionWrites().filter((w) => !patches.includes(w))).toEqual([]);
    for (const e of changed) expect(h.world.notion.valueOf(rowFor(h, e.id)[0]!, 'Name')).toBe(`${e.summary}`);
  });

  it('a change of work type updates the epic and the balance rows it affects', async () => {
    const h = sandboxHarness({ epics: 60 });
    await h.run(['sync'], T0);
    h.resetLogs();
    const epic = epicsOf(h).find((e) => e.labels.includes('work-growth') && e.status.category !== 'done')!;
    h.world.jira.updateIssue(epic.id, { labels: ['work-debt'], updated: later(5).getTime() });
    await h.run(['sync'], later(10));
    const balanceDs = h.world.notion.databaseByTitle('Portfolio Balance')!.dataSourceIds[0]!;
    const balancePages = new Set(h.world.notion.rows(balanceDs).map((r) => r.id));
    const balanceWrites = pagePatches(h).filter((p) => balancePages.has(p.path.split('/')[3]!));
    expect(balanceWrites.length).toBeGreaterThan(0);
    expect(pagePatches(h).length - balanceWrites.length).toBe(1);
  });

  it('a full reconciliation archives a deleted epic and keeps the row of a moved one', async () => {
    const h = sandboxHarness({ epics: 60 });
    await h.run(['sync'], T0);
    const [gone, moved] = epicsOf(h).filter((e) => e.projectKey === 'PAY');
    const movedRow = rowFor(h, moved!.id)[0]!.id;
    h.world.jira.deleteIssue(gone!.id);
    const movedIssue = h.world.jira.moveIssue(moved!.id, 'GRO');
    const result = await h.run(['sync', '--full'], later(30));
    expect(result.code).toBe(0);
    expect(rowFor(h, gone!.id)).toEqual([]);
    expect(h.world.notion.page(h.notionWrites().find((w) => (w.body['in_trash'] as boolean) === true)!.path.split('/')[3]!)!.inTrash).toBe(true);
    const [row] = rowFor(h, moved!.id);
    expect(row!.id).toBe(movedRow);
    expect(h.world.notion.valueOf(row!, 'Jira Key')).toBe(movedIssue.key);
    expect(h.world.notion.valueOf(row!, 'Team')).toBe('GRO');
  });

  it('a create whose response was lost is verified, not repeated: no duplicate rows, nothing missing', async () => {
    const h = sandboxHarness({ epics: 30 });
    h.world.notionNet.inject({ method: 'POST', path: /^\/v1\/pages$/, times: 1, fault: { kind: 'lose-response' } });
    h.world.notionNet.inject({ method: 'POST', path: /^\/v1\/pages$/, times: 1, fault: { kind: 'reset' } });
    const first = await h.run(['sync'], T0);
    expect(first.code).toBe(0);
    const ids = epicRows(h).map((r) => h.world.notion.valueOf(r, 'Jira ID'));
    expect(ids).toHaveLength(epicsOf(h).length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('duplicate rows, from any cause, are repaired: the oldest is kept and the rest archived', async () => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], T0);
    const original = epicRows(h)[0]!;
    const ds = h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!;
    // A copy made after the original, as a crashed run or a person duplicating the row would.
    const copiedAt = new Date(Date.parse(original.createdTime) + 3_600_000);
    h.world.notion.seedPage({ parent: { data_source_id: ds }, properties: { 'Jira ID': { rich_text: [{ text: { content: h.world.notion.valueOf(original, 'Jira ID') } }] } } }, copiedAt);
    expect(rowFor(h, String(h.world.notion.valueOf(original, 'Jira ID')))).toHaveLength(2);
    await h.run(['sync'], later(5));
    const rows = rowFor(h, String(h.world.notion.valueOf(original, 'Jira ID')));
    expect(rows.map((r) => r.id)).toEqual([original.id]);
  });

  it("a person's copy made in the same minute as the engine's row is the one archived, and its override moves to the kept row", async () => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], T0);
    const original = epicRows(h).find((r) => h.world.notion.valueOf(r, 'Work Type') !== 'Innovation')!;
    const jiraId = String(h.world.notion.valueOf(original, 'Jira ID'));
    const ds = h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!;
    // Same created minute, and a page id that sorts first: the old tie-break kept this copy.
    const copy = h.world.notion.seedPage(
      {
        parent: { data_source_id: ds },
        properties: { Name: { title: [{ text: { content: 'my copy' } }] }, 'Jira ID': { rich_text: [{ text: { content: jiraId } }] }, 'Work Type Override': { select: { name: 'Innovation' } } },
      },
      new Date(original.createdTime),
      '00000000-0000-4000-8000-000000000000',
    );
    expect((await h.run(['sync'], later(5))).code).toBe(0);
    expect(rowFor(h, jiraId).map((r) => r.id)).toEqual([original.id]);
    expect(h.world.notion.page(copy.id)!.inTrash).toBe(true);
    const kept = h.world.notion.page(original.id)!;
    expect(h.world.notion.valueOf(kept, 'Work Type Override')).toBe('Innovation');
    expect(h.world.notion.valueOf(kept, 'Work Type')).toBe('Innovation');
  });

  it('human edits survive: the Work Type Override is respected and never overwritten, and added properties are left alone', async () => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], T0);
    const ds = h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!;
    const row = epicRows(h).find((r) => h.world.notion.valueOf(r, 'Work Type') !== 'Innovation')!;
    h.world.notion.editRow(row.id, 'Work Type Override', { type: 'select', value: 'Innovation' });
    h.world.notion.editSchema(ds, 'Story Points', {});
    const notes = { type: 'rich_text' as const, items: [{ plain_text: 'discussed in QBR', href: null }] };
    h.world.notion.editRow(row.id, 'Notes', notes);
    await h.run(['sync', '--full'], later(10));
    const after = h.world.notion.page(row.id)!;
    expect(h.world.notion.valueOf(after, 'Work Type Override')).toBe('Innovation');
    expect(h.world.notion.valueOf(after, 'Work Type')).toBe('Innovation');
    expect(h.world.notion.valueOf(after, 'Classified By')).toContain('override');
    expect(h.world.notion.valueOf(after, 'Notes')).toBe('discussed in QBR');
  });

  it('an epic updated in the same minute as the cursor is still picked up, whatever the account time zone', async () => {
    const h = sandboxHarness({ epics: 20 });
    h.world.jira.site.issues.forEach((i) => (i.updated = Math.min(i.updated, T0.getTime() - 3_600_000)));
    const last = epicsOf(h)[0]!;
    last.updated = Date.parse('2026-11-23T07:59:10Z');
    await h.run(['sync'], T0);
    // Kiritimati is UTC+14: a JQL date string read in the user's zone would be off by 14 hours.
    h.world.jira.updateIssue(epicsOf(h)[1]!.id, { summary: 'Edited 40 seconds after the cursor', updated: Date.parse('2026-11-23T07:59:50Z') });
    await h.run(['sync'], later(1));
    expect(h.world.notion.valueOf(rowFor(h, epicsOf(h)[1]!.id)[0]!, 'Name')).toBe('Edited 40 seconds after the cursor');
    expect(lastJql(h)).toMatch(/updated >= \d{13}/);
  });
});

describe('a run that dies half-way', () => {
  it('killed between two writes (every request after the 10th create fails), then re-run: every row once', async () => {
    const h = sandboxHarness({ epics: 40 });
    let creates = 0;
    const original = h.world.notionNet.handle.bind(h.world.notionNet);
    h.world.notionNet.handle = async (request) => {
      if (request.method === 'POST' && new URL(request.url).pathname === '/v1/pages') creates += 1;
      // From the 11th create on, the process is gone: nothing reaches Notion any more.
      return creates > 10 ? Response.error() : original(request);
    };
    const crashed = await h.run(['sync'], T0);
    expect(crashed.code).not.toBe(0);
    expect(epicRows(h)).toHaveLength(10);
    h.world.notionNet.handle = original;
    const rerun = await h.run(['sync'], later(5));
    expect(rerun.code).toBe(0);
    const ids = epicRows(h).map((r) => h.world.notion.valueOf(r, 'Jira ID'));
    expect(ids).toHaveLength(epicsOf(h).length);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the cursor', () => {
  it('a state page left by version 1 is read, not discarded: the first run after an upgrade continues from its cursor', async () => {
    const h = sandboxHarness({ epics: 20, config: (c) => ({ ...c, sync: { fullEveryHours: 24, overlapMinutes: 10, deadlineMinutes: 30 } }) });
    await h.run(['sync'], T0);
    const statePage = h.world.notion.blocksOf(h.world.notionIds.parentPage).find((b) => b.type === 'child_page' && b.content['title'] === 'backbone-sync state')!;
    const code = h.world.notion.blocksOf(statePage.id).find((b) => b.type === 'code')!;
    const { lastFullAt, rulesHash } = JSON.parse((code.content['rich_text'] as { plain_text: string }[])[0]!.plain_text) as { lastFullAt: string; rulesHash: string };
    const v1Cursor = T0.getTime() - 2 * 3_600_000;
    const v1 = JSON.stringify({ version: 1, cursorMs: v1Cursor, lastFullAt, rulesHash });
    code.content['rich_text'] = [{ type: 'text', text: { content: v1, link: null }, plain_text: v1, href: null }];
    const upgraded = await h.run(['sync'], later(5));
    expect(upgraded.code).toBe(0);
    expect(upgraded.stdout + upgraded.stderr).not.toContain('does not hold a valid state');
    expect(lastJql(h)).toContain(`updated >= ${v1Cursor - 10 * 60_000}`);
  });


  /** 30 epics edited a minute apart over half an hour, newest first in Jira's list order; the process dies after 10 row updates. */
  async function killedAfterTenOfThirtyEdits(h: SandboxHarness, args: string[]) {
    await h.run(['sync'], T0);
    const edited = epicsOf(h).slice(0, 30);
    edited.forEach((epic, i) => h.world.jira.updateIssue(epic.id, { summary: `Edit ${i}`, updated: T0.getTime() + (30 - i) * 60_000 }));
    let patches = 0;
    const original = h.world.notionNet.handle.bind(h.world.notionNet);
    h.world.notionNet.handle = async (request) => {
      if (request.method === 'PATCH' && new URL(request.url).pathname.startsWith('/v1/pages/')) patches += 1;
      return patches > 10 ? Response.error() : original(request);
    };
    expect((await h.run(args, later(40))).code).not.toBe(0);
    h.world.notionNet.handle = original;
    expect((await h.run(['sync'], later(45))).code).toBe(0);
    expect(edited.map((epic) => h.world.notion.valueOf(rowFor(h, epic.id)[0]!, 'Name'))).toEqual(edited.map((_, i) => `Edit ${i}`));
  }
  const daily = (c: HarnessConfig) => ({ ...c, sync: { fullEveryHours: 24, overlapMinutes: 10, deadlineMinutes: 30 } });

  it('an incremental run killed after 10 of 30 updates, then re-run: every edit reaches Notion', async () => {
    const h = sandboxHarness({ epics: 40, config: daily });
    await killedAfterTenOfThirtyEdits(h, ['sync']);
    expect(lastJql(h), 'the re-run is incremental').toMatch(/updated >= \d{13}/);
  });

  it('a --full run killed part-way is repeated in full by the next run', async () => {
    const h = sandboxHarness({ epics: 40, config: daily });
    await killedAfterTenOfThirtyEdits(h, ['sync', '--full']);
    expect(lastJql(h), 'the re-run is full').not.toMatch(/updated >=/);
  });
  it('is held back after a failed write, so the failed epic is pulled again even when later ones succeeded', async () => {
    const h = sandboxHarness({ epics: 20, config: (c) => ({ ...c, sync: { fullEveryHours: 24, overlapMinutes: 0, deadlineMinutes: 30 } }) });
    await h.run(['sync'], T0);
    const [a, b] = epicsOf(h);
    const pageOfA = rowFor(h, a!.id)[0]!.id;
    h.world.jira.updateIssue(a!.id, { summary: 'A, edited first', updated: T0.getTime() + 60_000 });
    h.world.jira.updateIssue(b!.id, { summary: 'B, edited later', updated: T0.getTime() + 30 * 60_000 });
    h.world.notionNet.inject({ method: 'PATCH', path: new RegExp(`/v1/pages/${pageOfA}$`), times: 20, fault: { kind: 'status', status: 503 } });
    expect((await h.run(['sync'], later(40))).code).toBe(3);
    expect(h.world.notion.valueOf(rowFor(h, b!.id)[0]!, 'Name')).toBe('B, edited later');
    h.world.notionNet.clearFaults();
    expect((await h.run(['sync'], later(50))).code).toBe(0);
    expect(h.world.notion.valueOf(rowFor(h, a!.id)[0]!, 'Name')).toBe('A, edited first');
  });
});
