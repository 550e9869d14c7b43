import { SANDBOX_DC_PAT } from '#sandbox/company/epics.ts';
import type { JiraIssue } from '#sandbox/emulators/jira/model.ts';
import type { CliResult } from './cliRun.ts';
import { sandboxHarness, type SandboxHarness } from './sandboxSync.ts';
import { BALANCE_TABLE } from '#core/tables/balanceTable.ts';

/** A moment of the test's calendar: 2026-11-23 is the Monday that starts 2026-W48. */
export const at = (iso: string) => Date.parse(`${iso}Z`);

type Change = Partial<Pick<JiraIssue, 'status' | 'labels' | 'resolved' | 'storyPoints'>>;

const STATUS = {
  todo: { name: 'To Do', category: 'new' },
  inProgress: { name: 'In Progress', category: 'indeterminate' },
  done: { name: 'Done', category: 'done' },
} as const;

export const move = (to: keyof typeof STATUS, when: string): [string, Change] => [
  when,
  { status: { ...STATUS[to] }, resolved: to === 'done' ? at(when) : null },
];

/**
 * An epic added to the emulated Jira as it was created, then changed as a
 * person would, one edit at a time, so the emulator writes its changelog the
 * way Jira does. Returns the issue in its state after the last change.
 */
export function epicWithHistory(
  h: SandboxHarness,
  base: { key: string; project: string; created: string; labels: string[]; storyPoints: number | null },
  changes: [when: string, change: Change][],
): JiraIssue {
  const site = h.world.jira.site;
  const id = String(20000 + site.issues.length);
  const created = at(base.created);
  site.issues.push({
    id,
    key: base.key,
    projectKey: base.project,
    typeId: '10000',
    summary: `Epic ${base.key}`,
    labels: base.labels,
    status: { ...STATUS.todo },
    components: [],
    parentKey: null,
    created,
    updated: created,
    resolved: null,
    description: null,
    storyPoints: base.storyPoints,
    originalEstimateSeconds: null,
    team: null,
  });
  for (const [when, change] of changes) h.world.jira.updateIssue(id, { ...change, updated: at(when) });
  return site.issues.find((i) => i.id === id)!;
}

/** The balance rows in Notion, as plain values by column name. */
export function balanceRows(h: SandboxHarness): Record<string, unknown>[] {
  const notion = h.world.notion;
  return notion.rows(notion.databaseByTitle('Portfolio Balance')!.dataSourceIds[0]!).map((r) => Object.fromEntries(Object.keys(r.values).map((name) => [name, notion.valueOf(r, name)])));
}

/** One portfolio row of a period: work type → the columns asked for. */
export function portfolioMix(h: SandboxHarness, period: string, columns: string[]): Record<string, unknown[]> {
  const rows = balanceRows(h).filter((r) => r['Period'] === period && r['Scope'] === 'portfolio' && r['Work Type'] !== 'All work');
  // Share columns are Notion percents (0.333 shows as 33.3%): read back as the percent shown.
  const percent = new Set<string>(Object.values(BALANCE_TABLE.columns).filter((c) => 'format' in c && c.format === 'percent').map((c) => c.name));
  const shown = (c: string, v: unknown) => (percent.has(c) && typeof v === 'number' ? Math.round(v * 1000) / 10 : v);
  return Object.fromEntries(rows.map((r) => [String(r['Work Type']), columns.map((c) => shown(c, r[c]))]));
}

/**
 * Three epics with stories the history must get right, over 2026-W44 (26 Oct)
 * to 2026-W47 (16 to 23 Nov). Done work stops counting at once
 * (doneWithinDays 0), so whether an epic was done shows in the counts.
 * - PAY-1, Growth, 3 points: started 28 Oct, done 4 Nov, reopened 11 Nov, done again 18 Nov.
 * - PLAT-1, 5 points re-estimated to 8 on 3 Nov, in progress since 20 Oct: work-growth, relabelled work-debt on 10 Nov.
 * - GRO-1, Innovation, 2 points: created 12 Nov (after W45 ended), in progress from 13 Nov.
 */
export function threeEpics(h: SandboxHarness) {
  const reopened = epicWithHistory(h, { key: 'PAY-1', project: 'PAY', created: '2026-10-01T00:00', labels: ['work-growth'], storyPoints: 3 }, [
    move('inProgress', '2026-10-28T00:00'),
    move('done', '2026-11-04T00:00'),
    move('inProgress', '2026-11-11T00:00'),
    move('done', '2026-11-18T00:00'),
  ]);
  const relabelled = epicWithHistory(h, { key: 'PLAT-1', project: 'PLAT', created: '2026-10-15T00:00', labels: ['work-growth'], storyPoints: 5 }, [
    move('inProgress', '2026-10-20T00:00'),
    ['2026-11-03T00:00', { storyPoints: 8 }],
    ['2026-11-10T12:00', { labels: ['work-debt'] }],
  ]);
  const late = epicWithHistory(h, { key: 'GRO-1', project: 'GRO', created: '2026-11-12T00:00', labels: ['work-innovation'], storyPoints: 2 }, [move('inProgress', '2026-11-13T00:00')]);
  return { reopened, relabelled, late };
}


const FLAVOURS = {
  cloud: { options: {}, env: {}, deployment: 'cloud' },
  datacenter: { options: { flavour: 'datacenter' as const }, env: { JIRA_EMAIL: '', JIRA_API_TOKEN: SANDBOX_DC_PAT }, deployment: 'datacenter' },
};
export type Flavour = keyof typeof FLAVOURS;

/** A Jira with no epics but the ones a test adds, rebuilding `backfillPeriods` closed periods; done work stops counting at once. */
export function historyHarness(flavour: Flavour, backfillPeriods = 4): SandboxHarness {
  const { options, deployment } = FLAVOURS[flavour];
  return sandboxHarness({
    epics: 0,
    ...options,
    config: (c) => ({ ...c, jira: { ...c.jira, deployment }, balance: { backfillPeriods, doneWithinDays: 0 } }),
  });
}

/** `sync` with the flavour's credentials (a personal access token on Data Center). */
export function syncAs(h: SandboxHarness, flavour: Flavour, args: string[], now: Date): Promise<CliResult> {
  return h.runWithEnv(['sync', ...args], FLAVOURS[flavour].env, now);
}
