import { createCloudClient } from 'jira.js';
import { isAuthError } from 'jira.js/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { JiraEmulator } from '#sandbox/emulators/jira/index.ts';
import { zonedToEpoch } from '#sandbox/emulators/jira/jqlDates.ts';
import { parseJql } from '#sandbox/emulators/jira/jqlParse.ts';
import { emulatorHandlers } from '#sandbox/transports/msw.ts';
import { buildSandboxPortfolio, SANDBOX_DC_PAT, SANDBOX_JIRA_USER } from '#sandbox/company/epics.ts';
import { SANDBOX_PEOPLE } from '#sandbox/company/people.ts';
import { server } from '../helpers/mswServer.ts';

const HOST = 'https://jira-emulator.atlassian.test';

describe('the Jira emulator, driven by the real jira.js', () => {
  let emulator: JiraEmulator;
  const jira = (apiToken = SANDBOX_JIRA_USER.apiToken) =>
    createCloudClient({ host: HOST, auth: { type: 'basic', email: SANDBOX_JIRA_USER.email, apiToken }, onSchemaMismatch: 'throw' });

  beforeEach(() => {
    emulator = new JiraEmulator({ flavour: 'cloud', site: buildSandboxPortfolio({ epics: 60 }), users: [SANDBOX_JIRA_USER], now: () => Date.UTC(2026, 10, 23, 8) });
    server.use(...emulatorHandlers([{ baseUrl: HOST, emulator }]));
  });

  it('returns only the id when no fields are asked for, and pages by token until none is sent', async () => {
    const first = await jira().issueSearch.searchAndReconsileIssuesUsingJql({ jql: 'project = PAY', maxResults: 5 });
    expect(Object.keys(first.issues![0]!)).toEqual(['id']);
    expect(first.nextPageToken).toBeTruthy();
    let pages = 1;
    let token = first.nextPageToken;
    while (token) {
      const page = await jira().issueSearch.searchAndReconsileIssuesUsingJql({ jql: 'project = PAY', maxResults: 5, nextPageToken: token });
      token = page.nextPageToken ?? undefined;
      pages += 1;
    }
    const all = emulator.site.issues.filter((i) => i.projectKey === 'PAY').length;
    expect(pages).toBe(Math.ceil(all / 5));
  });

  it('pages like Jira Cloud: up to 5,000 issues when only ids are asked for, 100 with fields, 50 with all of them', async () => {
    emulator.site.issues = buildSandboxPortfolio({ epics: 6_000 }).issues;
    const page = async (fields: string[]) =>
      (await jira().issueSearch.searchAndReconsileIssuesUsingJqlPost({ jql: 'issuetype = Epic', fields, maxResults: 10_000 })).issues!.length;
    expect(await page(['id'])).toBe(5_000);
    expect(await page(['key'])).toBe(5_000);
    expect(await page(['id', 'summary'])).toBe(100);
    expect(await page(['*all'])).toBe(50);
  });

  it('a quoted value is one literal: quotes and keywords inside it change nothing', async () => {
    emulator.site.issues[0]!.labels.push('say "hi" OR project is not EMPTY');
    const found = await jira().issueSearch.searchAndReconsileIssuesUsingJqlPost({ jql: 'labels = "say \\"hi\\" OR project is not EMPTY"', fields: ['labels'] });
    expect(found.issues!.map((i) => i.id)).toEqual([emulator.site.issues[0]!.id]);
  });

  it('dates: epoch milliseconds, or wall-clock strings in the user\'s time zone, compared to the minute', async () => {
    const issue = emulator.site.issues[0]!;
    issue.updated = Date.parse('2026-11-20T09:30:45Z');
    const keys = async (jql: string) => (await jira().issueSearch.searchAndReconsileIssuesUsingJqlPost({ jql, fields: ['summary'], maxResults: 100 })).issues!.map((i) => i.id);
    // 10:30 in Berlin is 09:30 UTC: same minute as the update, so >= matches and > does not.
    expect(await keys(`key = ${issue.key} AND updated >= "2026-11-20 10:30"`)).toEqual([issue.id]);
    expect(await keys(`key = ${issue.key} AND updated > "2026-11-20 10:30"`)).toEqual([]);
    expect(await keys(`key = ${issue.key} AND updated >= ${Date.parse('2026-11-20T09:30:59Z')}`)).toEqual([issue.id]);
    expect(zonedToEpoch(2026, 11, 20, 10, 30, 'Europe/Berlin')).toBe(Date.parse('2026-11-20T09:30:00Z'));
  });

  it('answers like Jira Cloud: 410 on the old search, 400 for unbounded JQL or an unknown project, plain-text 401', async () => {
    await expect(fetch(`${HOST}/rest/api/3/search?jql=project%3DPAY`, { headers: { authorization: `Basic ${btoa(`${SANDBOX_JIRA_USER.email}:${SANDBOX_JIRA_USER.apiToken}`)}` } }).then((r) => r.status)).resolves.toBe(410);
    await expect(jira().issueSearch.searchAndReconsileIssuesUsingJqlPost({ jql: 'ORDER BY created' })).rejects.toMatchObject({
      status: 400,
      body: { errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'] },
    });
    await expect(jira().issueSearch.searchAndReconsileIssuesUsingJqlPost({ jql: 'project = NOPE' })).rejects.toMatchObject({
      body: { errorMessages: ["The value 'NOPE' does not exist for the field 'project'."] },
    });
    const error = await jira('wrong').issueFields.getFields().catch((e: unknown) => e);
    expect(isAuthError(error)).toBe(true);
    expect((error as { body: unknown }).body).toBe('Client must be authenticated to access this resource.');
  });

  it('parses AND, OR, NOT, parentheses, IN lists and ORDER BY', () => {
    const q = parseJql('(project in ("PAY", GRO) OR labels = x) AND NOT status = Done ORDER BY key DESC, created');
    expect(q.where).toMatchObject({ kind: 'and', children: [{ kind: 'or' }, { kind: 'not' }] });
    expect(q.orderBy).toEqual([{ field: 'key', desc: true }, { field: 'created', desc: false }]);
    expect(() => parseJql('project = "PAY')).toThrow('has not been completed');
    expect(() => parseJql('project PAY')).toThrow("Expecting an operator");
  });

  it('the sample portfolio is the same every time, with the advertised mix', () => {
    const a = buildSandboxPortfolio({ epics: 300 });
    expect(buildSandboxPortfolio({ epics: 300 })).toEqual(a);
    const epics = a.issues.filter((i) => i.parentKey === null);
    expect(epics).toHaveLength(300);
    expect(new Set(epics.map((e) => e.projectKey)).size).toBe(6);
    const withPoints = epics.filter((e) => e.storyPoints !== null).length / epics.length;
    expect(withPoints).toBeGreaterThan(0.75);
    expect(new Set(epics.map((e) => e.status.category))).toEqual(new Set(['new', 'indeterminate', 'done']));
    expect(epics.some((e) => e.labels.includes('impact-world-domination'))).toBe(true);
    expect(buildSandboxPortfolio({ epics: 100_000 }).issues.length).toBeGreaterThanOrEqual(100_000);
  });
});

describe('the Jira emulator as a Data Center site', () => {
  const HOST_DC = 'https://jira-dc-emulator.example.test';
  let emulator: JiraEmulator;
  const get = async (path: string) =>
    (await fetch(`${HOST_DC}${path}`, { headers: { authorization: `Bearer ${SANDBOX_DC_PAT}` } })).json() as Promise<unknown>;
  const search = async (jql: string, fields: string[]) =>
    ((await get(`/rest/api/2/search?jql=${encodeURIComponent(jql)}&fields=${fields.join(',')}&maxResults=100`)) as { issues: { key: string; fields: Record<string, unknown> }[] }).issues;

  beforeEach(() => {
    emulator = new JiraEmulator({ flavour: 'datacenter', site: buildSandboxPortfolio({ epics: 60 }), pats: [{ token: SANDBOX_DC_PAT, user: SANDBOX_JIRA_USER }], now: () => Date.UTC(2026, 10, 23, 8) });
    server.use(...emulatorHandlers([{ baseUrl: HOST_DC, emulator }]));
  });

  it('lists Epic Link at its own id with its cf[] clause; children carry the epic key in it and are found by it, not by parent', async () => {
    const fields = (await get('/rest/api/2/field')) as { id: string; clauseNames: string[]; schema?: { custom?: string } }[];
    expect(fields.find((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:gh-epic-link')).toMatchObject({ id: 'customfield_10841', clauseNames: ['cf[10841]', 'Epic Link'] });
    const epic = emulator.site.issues.find((i) => emulator.site.issues.some((c) => c.parentKey === i.key))!;
    const children = emulator.site.issues.filter((c) => c.parentKey === epic.key).map((c) => c.key).sort();
    const found = await search(`cf[10841] in (${epic.key})`, ['customfield_10841']);
    expect(found.map((i) => i.key).sort()).toEqual(children);
    expect(found.every((i) => i.fields['customfield_10841'] === epic.key)).toBe(true);
    expect((await search(`"Epic Link" = ${epic.key}`, ['summary'])).length).toBe(children.length);
    expect(await search(`parent in (${epic.key})`, ['summary'])).toEqual([]);
  });

  it('pages like Data Center: up to 1,000 issues (jira.search.views.default.max), and says so in maxResults', async () => {
    emulator.site.issues = buildSandboxPortfolio({ epics: 1_500 }).issues;
    for (const fields of ['id', 'summary']) {
      const page = (await get(`/rest/api/2/search?jql=issuetype%20%3D%20Epic&fields=${fields}&maxResults=5000`)) as { maxResults: number; issues: unknown[]; total: number };
      expect(page.total).toBeGreaterThan(1_000);
      expect(page.maxResults).toBe(1_000);
      expect(page.issues).toHaveLength(1_000);
    }
  });

  it('returns users with a username and key (no account id), and options with their value and id', async () => {
    const epic = emulator.site.issues.find((i) => i.parentKey === null)!;
    epic.custom = { customfield_10060: [SANDBOX_PEOPLE[0]!.accountId], customfield_10063: ['Money movement', 'Payouts'] };
    const [issue] = await search(`key = ${epic.key}`, ['customfield_10060', 'customfield_10063']);
    expect(issue!.fields['customfield_10060']).toMatchObject({ name: 'aokafor', key: expect.stringMatching(/^JIRAUSER\d+$/), displayName: 'Amara Okafor', emailAddress: 'aokafor@example.com' });
    expect(issue!.fields['customfield_10060']).not.toHaveProperty('accountId');
    expect(issue!.fields['customfield_10063']).toMatchObject({ value: 'Money movement', id: expect.any(String), child: { value: 'Payouts', id: expect.any(String) } });
  });
});
