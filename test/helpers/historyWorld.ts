import type { JiraIssue } from '#sandbox/emulators/jira/model.ts';
import type { SandboxHarness } from './sandboxSync.ts';

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
  return Object.fromEntries(rows.map((r) => [String(r['Work Type']), columns.map((c) => r[c])]));
}
