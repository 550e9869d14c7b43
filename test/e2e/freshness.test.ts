import { describe, expect, it } from 'vitest';
import { SANDBOX_DC_PAT } from '#sandbox/company/epics.ts';
import type { JiraIssue } from '#sandbox/emulators/jira/model.ts';
import { sandboxHarness, type SandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
/** DATA is left out of the synced projects, so moving an epic there takes it out of scope. */
const SYNCED = ['PAY', 'GRO', 'ONB', 'PLAT', 'MOB'];

const epicRows = (h: SandboxHarness) => h.world.notion.rows(h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!);
const rowFor = (h: SandboxHarness, jiraId: string) => epicRows(h).filter((r) => h.world.notion.valueOf(r, 'Jira ID') === jiraId);
const balanceRows = (h: SandboxHarness) => h.world.notion.rows(h.world.notion.databaseByTitle('Portfolio Balance')!.dataSourceIds[0]!);
/** The epics the portfolio's balance counts this week, as the "All work" row in Notion says. */
const portfolioEpics = (h: SandboxHarness) => {
  const row = balanceRows(h).find((r) => h.world.notion.valueOf(r, 'Scope') === 'portfolio' && h.world.notion.valueOf(r, 'Work Type') === 'All work');
  return h.world.notion.valueOf(row!, 'Epics');
};
/** An open epic (so the balance counts it) of a project. */
const openEpicIn = (h: SandboxHarness, project: string) =>
  h.world.jira.site.issues.find((i) => i.parentKey === null && i.projectKey === project && i.status.category !== 'done')!;
/** The searches of a run: the pull asks for fields, the in-scope search for ids only. */
const searches = (h: SandboxHarness) =>
  h.world.jira.requestLog
    .filter((r) => /\/search(\/jql)?$/.test(r.path))
    .map((r) => r.body as { jql: string; fields: string[]; maxResults: number; expand?: string | string[] })
    // Data Center reads the changed epics' changelogs through the search too (expand=changelog): not an epic search.
    .filter((s) => !String(s.expand ?? '').includes('changelog'));
const idSearches = (h: SandboxHarness) => searches(h).filter((s) => s.fields.join() === 'id');
/** A sync as cron runs it; Data Center authenticates with a personal access token. */
const sync = (h: SandboxHarness, flavour: 'cloud' | 'datacenter', now: Date) =>
  flavour === 'cloud' ? h.run(['sync'], now) : h.runWithEnv(['sync'], { JIRA_EMAIL: '', JIRA_API_TOKEN: SANDBOX_DC_PAT }, now);

describe.each(['cloud', 'datacenter'] as const)('an incremental run on Jira %s', (flavour) => {
  const harness = () =>
    sandboxHarness({ epics: 60, flavour, config: (c) => ({ ...c, jira: { ...c.jira, deployment: flavour, projects: SYNCED } }) });

  /** A first sync at T0, then the change, then an incremental run half an hour later. */
  async function incrementalRunAfter(h: SandboxHarness, change: () => void) {
    expect((await sync(h, flavour, T0)).code).toBe(0);
    const counted = portfolioEpics(h);
    change();
    h.resetLogs();
    const result = await sync(h, flavour, later(30));
    expect(result.code, result.stderr).toBe(0);
    expect(searches(h).filter((s) => s.fields.join() !== 'id').every((s) => /updated >=/.test(s.jql)), 'the run is incremental').toBe(true);
    return { counted };
  }

  it('archives the row of an epic deleted in Jira, and the balance stops counting it, in that same run', async () => {
    const h = harness();
    const gone = openEpicIn(h, 'PAY');
    const { counted } = await incrementalRunAfter(h, () => h.world.jira.deleteIssue(gone.id));
    expect(rowFor(h, gone.id)).toEqual([]);
    expect(portfolioEpics(h)).toBe(Number(counted) - 1);
  });

  it('archives the row of an epic moved to a project outside jira.projects, and the balance stops counting it, in that same run', async () => {
    const h = harness();
    const moved = openEpicIn(h, 'GRO');
    const { counted } = await incrementalRunAfter(h, () => h.world.jira.moveIssue(moved.id, 'DATA'));
    expect(rowFor(h, moved.id)).toEqual([]);
    expect(portfolioEpics(h)).toBe(Number(counted) - 1);
  });

  it('keeps the row of an epic moved between synced projects, under its new key and team', async () => {
    const h = harness();
    const moved = openEpicIn(h, 'PAY');
    let newKey = '';
    const { counted } = await incrementalRunAfter(h, () => (newKey = h.world.jira.moveIssue(moved.id, 'GRO').key));
    const [row, ...more] = rowFor(h, moved.id);
    expect(more).toEqual([]);
    expect(h.world.notion.valueOf(row!, 'Jira Key')).toBe(newKey);
    expect(h.world.notion.valueOf(row!, 'Team')).toBe('GRO');
    expect(portfolioEpics(h)).toBe(counted);
  });
});

describe('what learning the epics in scope costs an incremental run', () => {
  /** Epics last changed long before the first sync: in scope, but not pulled by an incremental run. */
  function addOldEpics(h: SandboxHarness, count: number): void {
    const template = h.world.jira.site.issues.find((i) => i.parentKey === null && i.projectKey === 'PAY')!;
    const old = T0.getTime() - 400 * 24 * 3_600_000;
    for (let n = 0; n < count; n += 1) {
      const issue: JiraIssue = { ...template, id: String(500_000 + n), key: `PAY-${5_000 + n}`, created: old, updated: old, resolved: null };
      h.world.jira.site.issues.push(issue);
    }
  }

  it.each([
    ['cloud', 5_000],
    ['datacenter', 1_000],
  ] as const)('on %s: one ids-only search per %i epics in scope, the issue types read once, no Notion write', async (flavour, perPage) => {
    const h = sandboxHarness({ epics: 60, flavour, config: (c) => ({ ...c, jira: { ...c.jira, deployment: flavour } }) });
    expect((await sync(h, flavour, T0)).code).toBe(0);
    addOldEpics(h, 6_000);
    const inScope = h.world.jira.site.issues.filter((i) => i.parentKey === null).length;
    h.resetLogs();
    expect((await sync(h, flavour, later(30))).code).toBe(0);
    const ids = idSearches(h);
    expect(ids).toHaveLength(Math.ceil(inScope / perPage));
    expect(ids.every((s) => s.maxResults === perPage)).toBe(true);
    // Everything else is the incremental pull as it was: the field list, the issue types (once), one page of changed epics.
    const others = h.world.jira.requestLog.filter((r) => !ids.includes(r.body as never)).map((r) => `${r.method} ${r.path.replace(/\/rest\/api\/\d/, '')}`);
    expect(others.sort()).toEqual(['GET /field', 'GET /issuetype', `POST ${flavour === 'cloud' ? '/search/jql' : '/search'}`]);
    expect(h.notionWrites()).toEqual([]);
  });
});
