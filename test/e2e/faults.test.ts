import { describe, expect, it } from 'vitest';
import type { Fault } from '#sandbox/emulators/faults.ts';
import { sandboxHarness, type SandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');

/** Every engine-owned row in Notion, by table and key, without page ids: comparable across worlds. */
function notionState(h: SandboxHarness): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  for (const [title, key] of [
    ['Epics', 'Jira ID'],
    ['Portfolio Balance', 'Key'],
  ] as const) {
    const db = h.world.notion.databaseByTitle(title)!;
    for (const row of h.world.notion.rows(db.dataSourceIds[0]!)) {
      // The Jira URL names each harness's own host, so it is the one value left out.
      const values = Object.fromEntries(Object.keys(row.values).filter((p) => p !== 'Jira URL').map((p) => [p, h.world.notion.valueOf(row, p)]));
      const id = `${title}:${String(h.world.notion.valueOf(row, key))}`;
      expect(state[id], `duplicate row ${id}`).toBeUndefined();
      state[id] = values;
    }
  }
  return state;
}

const storm = (status: number, times = 4): Fault => ({ kind: 'status', status, retryAfterSeconds: 0, ...{ times } });

describe('faults on the wire', () => {
  it.each([
    ['a 429 storm with Retry-After', [{ path: /./, times: 12, fault: storm(429) }]],
    ['500s on reads', [{ method: 'POST', path: /\/query$/, times: 3, fault: { kind: 'status', status: 500 } as Fault }]],
    ['502, 503 and 504 on updates', [
      { method: 'PATCH', path: /^\/v1\/pages\//, times: 1, fault: { kind: 'status', status: 502 } as Fault },
      { method: 'PATCH', path: /^\/v1\/pages\//, times: 1, fault: { kind: 'status', status: 503 } as Fault },
      { method: 'PATCH', path: /^\/v1\/pages\//, times: 1, fault: { kind: 'status', status: 504 } as Fault },
    ]],
    ['529 overload on creates', [{ method: 'POST', path: /^\/v1\/pages$/, times: 4, fault: storm(529) }]],
    ['connection resets everywhere', [{ path: /./, times: 6, fault: { kind: 'reset' } as Fault }]],
    ['creates and updates applied but their responses lost', [
      { method: 'POST', path: /^\/v1\/pages$/, times: 3, fault: { kind: 'lose-response' } as Fault },
      { method: 'PATCH', path: /^\/v1\/pages\//, times: 3, fault: { kind: 'lose-response' } as Fault },
    ]],
  ])('%s: Notion ends exactly as after a fault-free run', async (_, rules) => {
    // The same two syncs in two worlds (a first full one, then one after an edit in Jira), faults in one of them.
    const twoSyncs = async (h: SandboxHarness) => {
      const codes = [(await h.run(['sync'], T0)).code];
      const epic = h.world.jira.site.issues.find((i) => i.parentKey === null)!;
      h.world.jira.updateIssue(epic.id, { summary: 'changed', labels: ['work-innovation'], updated: T0.getTime() - 1000 });
      codes.push((await h.run(['sync'], new Date(T0.getTime() + 60_000))).code);
      return codes;
    };
    const clean = sandboxHarness({ epics: 30, notionNow: () => T0 });
    const faulty = sandboxHarness({ epics: 30, notionNow: () => T0 });
    for (const rule of rules) faulty.world.notionNet.inject(rule);
    expect(await twoSyncs(clean)).toEqual([0, 0]);
    expect(await twoSyncs(faulty)).toEqual([0, 0]);
    expect(faulty.world.notionNet.stats.faults).toBeGreaterThan(0);
    expect(notionState(faulty)).toEqual(notionState(clean));
  });

  it('Jira throttling and 503s are ridden out', async () => {
    const h = sandboxHarness({ epics: 30 });
    h.world.jiraNet.inject({ path: /search\/jql$/, times: 3, fault: { kind: 'status', status: 429, retryAfterSeconds: 0 } });
    h.world.jiraNet.inject({ path: /field$/, times: 2, fault: { kind: 'status', status: 503 } });
    const result = await h.run(['sync'], T0);
    expect(result.code).toBe(0);
    expect(h.world.jiraNet.stats.faults).toBe(5);
  });

  it('failures that outlast the retries: exit 3, the failed epics named, and the next run completes them', async () => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], T0);
    const [a, b] = h.world.jira.site.issues.filter((i) => i.parentKey === null);
    h.world.jira.updateIssue(a!.id, { summary: 'A changed', updated: T0.getTime() - 1000 });
    h.world.jira.updateIssue(b!.id, { summary: 'B changed', updated: T0.getTime() - 1000 });
    h.world.notionNet.inject({ method: 'PATCH', path: /^\/v1\/pages\//, times: 12, fault: { kind: 'status', status: 503 } });
    const failed = await h.run(['sync'], new Date(T0.getTime() + 60_000));
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('2 row(s) failed and will be retried by the next run');
    expect(failed.stderr).toContain(a!.key);
    expect(failed.stderr).toContain(b!.key);
    const next = await h.run(['sync'], new Date(T0.getTime() + 120_000));
    expect(next.code).toBe(0);
    const rows = h.world.notion.rows(h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!);
    const names = rows.map((r) => h.world.notion.valueOf(r, 'Name'));
    expect(names).toContain('A changed');
    expect(names).toContain('B changed');
  });
});
