import { createCloudClient } from 'jira.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildSandboxPortfolio, SANDBOX_DC_PAT, SANDBOX_JIRA_USER, SANDBOX_REFERENCE_DATE } from '#sandbox/company/epics.ts';
import { JiraEmulator } from '#sandbox/emulators/jira/index.ts';
import type { JiraIssue } from '#sandbox/emulators/jira/model.ts';
import { emulatorHandlers } from '#sandbox/transports/msw.ts';
import { server } from '../helpers/mswServer.ts';

const HOST = 'https://jira-changelog.atlassian.test';
const epicsOf = (site: { issues: JiraIssue[] }) => site.issues.filter((i) => i.parentKey === null);

describe('changelogs on the emulated Jira Cloud, read through jira.js', () => {
  let emulator: JiraEmulator;
  const jira = () => createCloudClient({ host: HOST, auth: { type: 'basic', email: SANDBOX_JIRA_USER.email, apiToken: SANDBOX_JIRA_USER.apiToken }, onSchemaMismatch: 'throw' });

  beforeEach(() => {
    emulator = new JiraEmulator({ flavour: 'cloud', site: buildSandboxPortfolio({ epics: 60 }), users: [SANDBOX_JIRA_USER], now: () => SANDBOX_REFERENCE_DATE });
    server.use(...emulatorHandlers([{ baseUrl: HOST, emulator }]));
  });

  it('bulk fetch: the named issues\' histories, filtered to the field ids, oldest first, paged by nextPageToken, times in the user\'s offset', async () => {
    const ids = epicsOf(emulator.site).map((i) => i.id);
    const pages: { issueId: string; created: number }[][] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await jira().issues.getBulkChangelogs({ issueIdsOrKeys: ids, fieldIds: ['status', 'labels'], maxResults: 25, ...(nextPageToken ? { nextPageToken } : {}) });
      pages.push(
        (page.issueChangeLogs ?? []).flatMap((log) =>
          (log.changeHistories ?? []).map((history) => {
            expect(history.items!.every((item) => item.fieldId === 'status' || item.fieldId === 'labels')).toBe(true);
            return { issueId: log.issueId!, created: history.created!.getTime() };
          }),
        ),
      );
      nextPageToken = page.nextPageToken ?? undefined;
    } while (nextPageToken);
    const all = pages.flat();
    const expected = epicsOf(emulator.site).flatMap((i) => (i.changelog ?? []).filter((h) => h.items.some((it) => it.fieldId === 'status' || it.fieldId === 'labels')));
    expect(all).toHaveLength(expected.length);
    expect(pages.slice(0, -1).every((p) => p.length === 25)).toBe(true);
    // Oldest first across pages (within a page they are grouped by issue), and in order within each issue.
    for (let i = 1; i < pages.length; i += 1) expect(Math.max(...pages[i - 1]!.map((h) => h.created))).toBeLessThanOrEqual(Math.min(...pages[i]!.map((h) => h.created)));
    for (const id of ids) {
      const times = all.filter((h) => h.issueId === id).map((h) => h.created);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    const request = emulator.requestLog.at(-1)!;
    expect(request.path).toBe('/rest/api/3/changelog/bulkfetch');
    // Berlin in November: Jira writes the times with the account's offset.
    const raw = await fetch(`${HOST}/rest/api/3/changelog/bulkfetch`, {
      method: 'POST',
      headers: { authorization: `Basic ${btoa(`${SANDBOX_JIRA_USER.email}:${SANDBOX_JIRA_USER.apiToken}`)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ issueIdsOrKeys: ids.slice(0, 5) }),
    }).then((r) => r.json() as Promise<{ issueChangeLogs: { changeHistories: { created: string }[] }[] }>);
    expect(raw.issueChangeLogs[0]!.changeHistories[0]!.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]00$/);
  });

  it('refuses more than 1,000 issues or 10 field ids with a 400, as Jira does', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => String(10000 + i));
    await expect(jira().issues.getBulkChangelogs({ issueIdsOrKeys: many })).rejects.toMatchObject({ status: 400 });
    const fields = Array.from({ length: 11 }, (_, i) => `customfield_${10000 + i}`);
    await expect(jira().issues.getBulkChangelogs({ issueIdsOrKeys: ['PAY-1'], fieldIds: fields })).rejects.toMatchObject({ status: 400 });
  });

  it('the per-issue changelog, paged by startAt, and the statuses with their categories', async () => {
    const busiest = [...epicsOf(emulator.site)].sort((a, b) => (b.changelog?.length ?? 0) - (a.changelog?.length ?? 0))[0]!;
    const page = await jira().issues.getChangeLogs({ issueIdOrKey: busiest.key, maxResults: 1 });
    expect(page).toMatchObject({ startAt: 0, maxResults: 1, total: busiest.changelog!.length, isLast: busiest.changelog!.length === 1 });
    const statuses = await jira().workflowStatuses.getStatuses();
    expect(statuses.map((s) => [s.name, s.statusCategory?.key])).toEqual([['To Do', 'new'], ['In Progress', 'indeterminate'], ['In Review', 'indeterminate'], ['Done', 'done']]);
  });

  it('a change made through the emulator is recorded as Jira records it: labels as space-separated lists, status by id and name', () => {
    const issue = epicsOf(emulator.site).find((i) => i.status.name === 'To Do')!;
    const before = issue.changelog?.length ?? 0;
    emulator.updateIssue(issue.id, { labels: ['work-debt', 'impact-x'], status: { name: 'In Progress', category: 'indeterminate' }, updated: SANDBOX_REFERENCE_DATE });
    const history = issue.changelog!.at(-1)!;
    expect(issue.changelog).toHaveLength(before + 1);
    expect(history.items).toEqual(
      expect.arrayContaining([
        { fieldId: 'status', fieldtype: 'jira', from: '10000', fromString: 'To Do', to: '3', toString: 'In Progress' },
        expect.objectContaining({ fieldId: 'labels', from: null, to: null, toString: 'work-debt impact-x' }),
      ]),
    );
  });
});

describe('the sample company\'s history', () => {
  const site = buildSandboxPortfolio();
  const QUARTER_START = SANDBOX_REFERENCE_DATE - 12 * 7 * 86_400_000;

  it('every epic\'s changelog is one unbroken chain per field that ends in its state today', () => {
    for (const issue of epicsOf(site)) {
      const last = new Map<string, string | null>();
      for (const history of issue.changelog ?? []) {
        expect(history.created).toBeGreaterThanOrEqual(issue.created);
        expect(history.created).toBeLessThanOrEqual(SANDBOX_REFERENCE_DATE);
        for (const item of history.items) {
          if (last.has(item.fieldId)) expect(item.fromString, `${issue.key} ${item.fieldId}`).toBe(last.get(item.fieldId));
          last.set(item.fieldId, item.toString);
        }
      }
      if (last.has('status')) expect(last.get('status')).toBe(issue.status.name);
      if (last.has('labels')) expect(last.get('labels')).toBe(issue.labels.join(' '));
      if (last.has(site.storyPointsField)) expect(last.get(site.storyPointsField)).toBe(issue.storyPoints === null ? null : String(issue.storyPoints));
      expect(last.has('resolution') ? last.get('resolution') !== null : false).toBe(issue.resolved !== null);
      expect(issue.updated).toBeGreaterThanOrEqual(Math.max(issue.created, ...(issue.changelog ?? []).filter((h) => h.items.some((i) => i.fieldId === 'labels')).map((h) => h.created)));
    }
  });

  it('tells a story over the quarter: Platform relabels Growth work as Debt, Mobile labels its Growth work', () => {
    const relabels = (project: string) =>
      epicsOf(site).flatMap((i) => (i.projectKey === project ? (i.changelog ?? []) : []).flatMap((h) => h.items.filter((it) => it.fieldId === 'labels').map((it) => ({ at: h.created, ...it }))));
    const platform = relabels('PLAT');
    expect(platform.length).toBeGreaterThan(10);
    expect(platform.every((r) => r.fromString!.split(' ').includes('work-growth') && r.at >= QUARTER_START)).toBe(true);
    const mobile = relabels('MOB');
    expect(mobile.length).toBeGreaterThan(3);
    expect(mobile.every((r) => !/work-/i.test(r.fromString!) && r.at >= QUARTER_START)).toBe(true);
  });
});

describe('changelogs on the emulated Data Center', () => {
  it('the search expands every history, fields named, without field ids', async () => {
    const emulator = new JiraEmulator({ flavour: 'datacenter', site: buildSandboxPortfolio({ epics: 30 }), pats: [{ token: SANDBOX_DC_PAT, user: SANDBOX_JIRA_USER }], now: () => SANDBOX_REFERENCE_DATE });
    const host = 'https://jira-dc-changelog.example.test';
    server.use(...emulatorHandlers([{ baseUrl: host, emulator }]));
    const withPoints = epicsOf(emulator.site).find((i) => i.changelog?.some((h) => h.items.some((it) => it.fieldtype === 'custom')))!;
    const response = await fetch(`${host}/rest/api/2/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SANDBOX_DC_PAT}`, 'content-type': 'application/json' },
      body: JSON.stringify({ jql: `id = ${withPoints.id}`, fields: ['created'], expand: ['changelog'] }),
    });
    const body = (await response.json()) as { issues: { changelog: { total: number; histories: { items: Record<string, unknown>[] }[] } }[] };
    const changelog = body.issues[0]!.changelog;
    expect(changelog.histories).toHaveLength(withPoints.changelog!.length);
    expect(changelog.total).toBe(withPoints.changelog!.length);
    const items = changelog.histories.flatMap((h) => h.items);
    expect(items.every((item) => !('fieldId' in item))).toBe(true);
    expect(items.find((item) => item['fieldtype'] === 'custom')).toMatchObject({ field: 'Story Points' });
  });
});
