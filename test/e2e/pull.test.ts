import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { buildEpicJql, jqlString } from '#connectors/jira/jql.ts';
import { SANDBOX_DC_PAT } from '#sandbox/company/epics.ts';
import { mappingsWithFieldRules } from '../helpers/fieldRules.ts';
import { server } from '../helpers/mswServer.ts';
import { sandboxHarness, type SandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');
const epicRows = (h: SandboxHarness) => h.world.notion.rows(h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!);
const epicCount = (h: SandboxHarness) => h.world.jira.site.issues.filter((i) => i.parentKey === null).length;

describe('pulling every epic from Jira, exactly', () => {
  it('follows nextPageToken across pages, asks for fields by name, and never calls the removed search', async () => {
    const h = sandboxHarness({ epics: 45, config: (c) => ({ ...c, jira: { ...c.jira, pageSize: 7 } }) });
    expect((await h.run(['sync'], T0)).code).toBe(0);
    const searches = h.world.jira.requestLog.filter((r) => r.path.endsWith('/search/jql'));
    expect(searches.length).toBe(Math.ceil(epicCount(h) / 7));
    expect(searches.slice(1).every((s) => typeof (s.body as { nextPageToken?: string }).nextPageToken === 'string')).toBe(true);
    expect((searches[0]!.body as { fields: string[] }).fields).toEqual(expect.arrayContaining(['summary', 'labels', 'status', 'customfield_10016']));
    expect((searches[0]!.body as { fields: string[] }).fields).not.toContain('*all');
    expect(h.world.jira.requestLog.some((r) => /\/rest\/api\/[23]\/search$/.test(r.path))).toBe(false);
    expect(epicRows(h)).toHaveLength(epicCount(h));
  });

  it.each(['customfield_10016', 'customfield_10028'])('discovers story points at %s (and not the decoy "Story Points" field)', async (field) => {
    const h = sandboxHarness({ epics: 12, storyPointsField: field });
    await h.run(['sync'], T0);
    const withPoints = h.world.jira.site.issues.find((i) => i.parentKey === null && i.storyPoints !== null && i.storyPoints > 0)!;
    const row = epicRows(h).find((r) => h.world.notion.valueOf(r, 'Jira ID') === withPoints.id)!;
    expect(h.world.notion.valueOf(row, 'Story Points')).toBe(withPoints.storyPoints);
  });

  it('includes epics of a team-managed project whose epic type was renamed', async () => {
    const h = sandboxHarness({ epics: 18 });
    await h.run(['sync'], T0);
    const onb = h.world.jira.site.issues.filter((i) => i.projectKey === 'ONB' && i.parentKey === null);
    expect(onb.length).toBeGreaterThan(0);
    const teams = epicRows(h).map((r) => h.world.notion.valueOf(r, 'Team'));
    expect(teams.filter((t) => t === 'ONB')).toHaveLength(onb.length);
    const jql = (h.world.jira.requestLog.find((r) => r.path.endsWith('/search/jql'))!.body as { jql: string }).jql;
    expect(jql).toContain('"Feature Set"');
  });

  it('a user-supplied value in JQL is one quoted literal: it cannot change the query', async () => {
    expect(jqlString('PAY" OR project is not EMPTY')).toBe('"PAY\\" OR project is not EMPTY"');
    expect(buildEpicJql({ projects: ['PAY', 'A\\B'], epicTypeNames: ['Epic'] })).toBe('issuetype in ("Epic") AND project in ("PAY", "A\\\\B") ORDER BY key ASC');
    const h = sandboxHarness({ epics: 6, config: (c) => ({ ...c, jira: { ...c.jira, jql: `project = ${jqlString('PAY" OR project is not EMPTY')}` } }) });
    const result = await h.run(['sync'], T0);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The value 'PAY" OR project is not EMPTY' does not exist for the field 'project'.`);
  });

  it("a jira.jql with its own ORDER BY, quoted or not, is searched in the engine's order; ORDER BY inside a quoted text stays", async () => {
    expect(buildEpicJql({ projects: [], epicTypeNames: [], jql: 'summary ~ "order by" AND project = PAY order by Rank' })).toBe('summary ~ "order by" AND project = PAY ORDER BY key ASC');
    const h = sandboxHarness({ epics: 12, config: (c) => ({ ...c, jira: { ...c.jira, jql: 'project = PAY AND issuetype = Epic ORDER BY "Rank" ASC' } }) });
    const result = await h.run(['sync', '--dry-run'], T0);
    expect(result.code, result.stderr).toBe(0);
    const jql = (h.world.jira.requestLog.find((r) => r.path.endsWith('/search/jql'))!.body as { jql: string }).jql;
    expect(jql).toBe('project = PAY AND issuetype = Epic ORDER BY key ASC');
  });

  it('a Data Center site works end to end: /rest/api/2/search by startAt, a personal access token, wiki-markup descriptions', async () => {
    const h = sandboxHarness({
      epics: 24,
      flavour: 'datacenter',
      storyPointsField: 'customfield_10002',
      config: (c) => ({ ...c, jira: { ...c.jira, deployment: 'datacenter', pageSize: 10 } }),
    });
    const result = await h.runWithEnv(['sync'], { JIRA_EMAIL: '', JIRA_API_TOKEN: SANDBOX_DC_PAT }, T0);
    expect(result.code, result.stderr).toBe(0);
    expect(epicRows(h)).toHaveLength(epicCount(h));
    // The epic search; the changelog search (expand=changelog, for time in progress) is another.
    const searches = h.world.jira.requestLog.filter((r) => r.path === '/rest/api/2/search' && !(r.body as { expand?: string[] }).expand);
    expect(searches.map((s) => (s.body as { startAt: number }).startAt)).toEqual([0, 10, 20]);
    const withPoints = h.world.jira.site.issues.find((i) => i.parentKey === null && i.storyPoints)!;
    expect(h.world.notion.valueOf(epicRows(h).find((r) => h.world.notion.valueOf(r, 'Jira ID') === withPoints.id)!, 'Story Points')).toBe(withPoints.storyPoints);
    const linked = epicRows(h).filter((r) => String(h.world.notion.valueOf(r, 'Linked By')).includes('Notion link in the description'));
    expect(linked.length).toBeGreaterThan(0);
  });
});

describe('Jira errors explained', () => {
  it('a bad token names the credentials and the site', async () => {
    const h = sandboxHarness({ epics: 3 });
    const result = await h.runWithEnv(['sync'], { JIRA_API_TOKEN: 'wrong' }, T0);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Jira at https:\/\/sandbox-[\d-]+\.atlassian\.test rejected the credentials \(401\)\. Check JIRA_EMAIL .* and JIRA_API_TOKEN/);
  });

  it("a refused search shows Jira's own message and the JQL", async () => {
    const h = sandboxHarness({ epics: 3, config: (c) => ({ ...c, jira: { ...c.jira, projects: ['PAY', 'NOPE'] } }) });
    const result = await h.run(['sync'], T0);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("refused the epic search: The value 'NOPE' does not exist for the field 'project'.");
    expect(result.stderr).toContain('JQL: issuetype in ("Epic", "Feature Set") AND project in ("PAY", "NOPE") ORDER BY key ASC');
  });

  it('an unbounded query is refused with Jira\'s message', async () => {
    const h = sandboxHarness({ epics: 3, config: (c) => ({ ...c, jira: { ...c.jira, jql: 'ORDER BY created' } }) });
    const result = await h.run(['sync'], T0);
    expect(result.stderr).toContain('Unbounded JQL queries are not allowed here.');
  });

  it('a 410 from an outdated endpoint (a proxy rewriting to the old search) is explained', async () => {
    const h = sandboxHarness({ epics: 3 });
    server.use(http.post(/\/rest\/api\/3\/search\/jql$/, () => HttpResponse.json({ errorMessages: ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.'], errors: {} }, { status: 410 })));
    const result = await h.run(['sync'], T0);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('says an endpoint was removed (410): The requested API has been removed.');
  });
});

describe('teams, effort and scope, as configured', () => {
  const teamsOf = (h: SandboxHarness) => new Set(epicRows(h).map((r) => h.world.notion.valueOf(r, 'Team')));

  it('team by a field: the Atlassian Team field names every team', async () => {
    const h = sandboxHarness({ epics: 12, config: (c) => ({ ...c, jira: { ...c.jira, team: { by: 'field', field: 'customfield_10001' } } }) });
    await h.run(['sync'], T0);
    expect([...teamsOf(h)].sort()).toEqual(['Growth', 'Insights', 'Mobile', 'Onboarding', 'Payments', 'Platform']);
  });

  it('team by a label prefix: team-<name>, else the project', async () => {
    const h = sandboxHarness({ epics: 12, config: (c) => ({ ...c, jira: { ...c.jira, team: { by: 'labelPrefix', prefix: 'team-' } } }) });
    const epic = h.world.jira.site.issues.find((i) => i.parentKey === null)!;
    epic.labels.push('team-checkout');
    await h.run(['sync'], T0);
    expect(h.world.notion.valueOf(epicRows(h).find((r) => h.world.notion.valueOf(r, 'Jira ID') === epic.id)!, 'Team')).toBe('checkout');
    expect(teamsOf(h).has('PAY')).toBe(true);
  });

  it('team by component falls back to the project for epics without one', async () => {
    const h = sandboxHarness({ epics: 12, config: (c) => ({ ...c, jira: { ...c.jira, team: { by: 'component' } } }) });
    const [first, second] = h.world.jira.site.issues.filter((i) => i.parentKey === null);
    first!.components = ['Billing'];
    second!.components = [];
    await h.run(['sync'], T0);
    const team = (id: string) => h.world.notion.valueOf(epicRows(h).find((r) => h.world.notion.valueOf(r, 'Jira ID') === id)!, 'Team');
    expect(team(first!.id)).toBe('Billing');
    expect(team(second!.id)).toBe(second!.projectKey);
  });

  it('effort fallbacks: original estimate in hours per point, or the number of child issues', async () => {
    const byEstimate = sandboxHarness({ epics: 12, config: (c) => ({ ...c, jira: { ...c.jira, effortFallback: { kind: 'originalEstimate', hoursPerPoint: 8 } } }) });
    const epic = byEstimate.world.jira.site.issues.find((i) => i.parentKey === null)!;
    Object.assign(epic, { storyPoints: null, originalEstimateSeconds: 40 * 3600 });
    await byEstimate.run(['sync'], T0);
    const points = (h: SandboxHarness, id: string) => h.world.notion.valueOf(epicRows(h).find((r) => h.world.notion.valueOf(r, 'Jira ID') === id)!, 'Story Points');
    expect(points(byEstimate, epic.id)).toBe(5);

    const byChildren = sandboxHarness({ epics: 40, config: (c) => ({ ...c, jira: { ...c.jira, effortFallback: { kind: 'childCount' } } }) });
    const parent = byChildren.world.jira.site.issues.find((i) => byChildren.world.jira.site.issues.some((c) => c.parentKey === i.key))!;
    parent.storyPoints = null;
    const children = byChildren.world.jira.site.issues.filter((c) => c.parentKey === parent.key).length;
    await byChildren.run(['sync'], T0);
    expect(points(byChildren, parent.id)).toBe(children);
    expect(byChildren.world.jira.requestLog.some((r) => String((r.body as { jql?: string }).jql).startsWith('parent in ('))).toBe(true);
  });

  it('Data Center: child issues are counted through the Epic Link field the site lists, whatever its id', async () => {
    const h = sandboxHarness({
      epics: 40,
      flavour: 'datacenter',
      epicLinkField: 'customfield_10990',
      config: (c) => ({ ...c, jira: { ...c.jira, deployment: 'datacenter', effortFallback: { kind: 'childCount' } } }),
    });
    const issues = h.world.jira.site.issues;
    const parent = issues.find((i) => issues.some((c) => c.parentKey === i.key))!;
    parent.storyPoints = null;
    const result = await h.runWithEnv(['sync'], { JIRA_EMAIL: '', JIRA_API_TOKEN: SANDBOX_DC_PAT }, T0);
    expect(result.code, result.stderr).toBe(0);
    const row = epicRows(h).find((r) => h.world.notion.valueOf(r, 'Jira ID') === parent.id)!;
    expect(h.world.notion.valueOf(row, 'Story Points')).toBe(issues.filter((c) => c.parentKey === parent.key).length);
    const childSearch = h.world.jira.requestLog.find((r) => String((r.body as { jql?: string }).jql).startsWith('cf[10990] in ('))!;
    expect((childSearch.body as { fields: string[] }).fields).toEqual(['customfield_10990']);
  });

  it('Data Center without an Epic Link field: counting children is refused with the setting to change', async () => {
    const h = sandboxHarness({
      epics: 6,
      flavour: 'datacenter',
      epicLinkField: null,
      config: (c) => ({ ...c, jira: { ...c.jira, deployment: 'datacenter', effortFallback: { kind: 'childCount' } } }),
    });
    const result = await h.runWithEnv(['sync'], { JIRA_EMAIL: '', JIRA_API_TOKEN: SANDBOX_DC_PAT }, T0);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('jira.effortFallback is "childCount", but Jira at');
    expect(result.stderr).toContain('lists no Epic Link field');
    expect(h.world.jira.requestLog.some((r) => r.path === '/rest/api/2/search')).toBe(false);
  });

  it('only the configured statuses are pulled, quoted in the JQL', async () => {
    const h = sandboxHarness({ epics: 24, config: (c) => ({ ...c, jira: { ...c.jira, statuses: ['In Progress', 'In Review'] } }) });
    await h.run(['sync'], T0);
    const statuses = new Set(epicRows(h).map((r) => h.world.notion.valueOf(r, 'Status')));
    expect([...statuses].every((s) => s === 'In Progress' || s === 'In Review')).toBe(true);
    const jql = (h.world.jira.requestLog.find((r) => r.path.endsWith('/search/jql'))!.body as { jql: string }).jql;
    expect(jql).toContain('(status in ("In Progress", "In Review"))');
  });
});

describe('reading the strategy database', () => {
  it('property names are configurable', async () => {
    const h = sandboxHarness({
      epics: 12,
      config: (c) => ({ ...c, notion: { ...c.notion, strategyProperties: { name: 'Name', layer: 'Level', slug: 'Slug', flow: 'Flow', keywords: 'Keywords' } } }),
    });
    h.world.notion.editSchema(h.world.notionIds.strategyDataSource, 'Layer', { rename: 'Level' });
    expect((await h.run(['sync'], T0)).code).toBe(0);
    const linked = epicRows(h).filter((r) => (h.world.notion.valueOf(r, 'Impact') as string[]).length > 0);
    expect(linked.length).toBeGreaterThan(0);
  });

  it('reads past the 10,000-row query cap', async () => {
    const h = sandboxHarness({ epics: 3 });
    const ds = h.world.notionIds.strategyDataSource;
    for (let i = 0; i < 10_050; i += 1) {
      h.world.notion.seedPage({ parent: { data_source_id: ds }, properties: { Name: { title: [{ text: { content: `Goal ${i}` } }] }, Layer: { select: { name: 'Impact' } }, Slug: { rich_text: [{ text: { content: `goal-${i}` } }] } } }, new Date(Date.UTC(2025, 0, 1) + i * 60_000));
    }
    h.world.jira.site.issues[0]!.labels.push('impact-goal-10049');
    expect((await h.run(['sync'], T0)).code).toBe(0);
    const row = epicRows(h).find((r) => h.world.notion.valueOf(r, 'Jira ID') === h.world.jira.site.issues[0]!.id)!;
    expect(String(h.world.notion.valueOf(row, 'Linked By'))).toContain('label impact-goal-10049 → Goal 10049');
  });
});

describe('classification rules that read Jira fields', () => {
  it('a field rule in the mappings makes the pull ask for that field and classifies by its value', async () => {
    const dir = mappingsWithFieldRules({ debt: [{ field: 'customfield_10001', equals: 'Platform' }] });
    const h = sandboxHarness({ epics: 24, config: (c) => ({ ...c, mappings: dir }) });
    const epic = h.world.jira.site.issues.find((i) => i.projectKey === 'PLAT' && i.parentKey === null)!;
    epic.labels = [];
    epic.summary = 'Quarterly planning';
    await h.run(['sync'], T0);
    const row = epicRows(h).find((r) => h.world.notion.valueOf(r, 'Jira ID') === epic.id)!;
    expect(h.world.notion.valueOf(row, 'Classified By')).toBe('component: field customfield_10001 = Platform → Debt & Evolution');
    const fields = (h.world.jira.requestLog.find((r) => r.path.endsWith('/search/jql'))!.body as { fields: string[] }).fields;
    expect(fields).toContain('customfield_10001');
  });
});

describe('implausible estimates count as no estimate, with a warning naming the epic', () => {
  const warnings = (stdout: string) =>
    stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { level: number; msg: string; jiraKey?: string })
      .filter((l) => l.level === 40 && l.jiraKey);
  const pointsOf = (h: SandboxHarness, id: string) => h.world.notion.valueOf(epicRows(h).find((r) => h.world.notion.valueOf(r, 'Jira ID') === id)!, 'Story Points');

  it('story points that are negative, astronomically large or above 1,000 are not summed: the balance stays finite and adds up to 100', async () => {
    const h = sandboxHarness({ epics: 24 });
    const epics = h.world.jira.site.issues.filter((i) => i.parentKey === null).slice(0, 4);
    const values = [1e308, 1e308, 1e21, -5];
    epics.forEach((epic, i) => Object.assign(epic, { storyPoints: values[i], status: { name: 'In Progress', category: 'indeterminate' } }));
    const result = await h.run(['sync'], T0);
    expect(result.code, result.stderr).toBe(0);
    for (const epic of epics) expect(pointsOf(h, epic.id)).toBeNull();
    const said = warnings(result.stdout);
    epics.forEach((epic, i) => expect(said).toContainEqual(expect.objectContaining({ jiraKey: epic.key, msg: expect.stringContaining(`${epic.key}: story points ${values[i]}`) })));
    const balance = h.world.notion.rows(h.world.notion.databaseByTitle('Portfolio Balance')!.dataSourceIds[0]!);
    for (const row of balance) expect(Number.isFinite(h.world.notion.valueOf(row, 'Points'))).toBe(true);
    const portfolioShares = balance
      .filter((r) => h.world.notion.valueOf(r, 'Scope') === 'portfolio' && h.world.notion.valueOf(r, 'Work Type') !== 'All work')
      .map((r) => h.world.notion.valueOf(r, 'Point Share') as number);
    // Notion holds shares as fractions in its percent format: 100% is 1.
    expect(portfolioShares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(result.stderr).not.toContain('e+');
  });

  it('an original estimate worth more than 1,000 points is no estimate either', async () => {
    const h = sandboxHarness({ epics: 12, config: (c) => ({ ...c, jira: { ...c.jira, effortFallback: { kind: 'originalEstimate', hoursPerPoint: 8 } } }) });
    const epic = h.world.jira.site.issues.find((i) => i.parentKey === null)!;
    Object.assign(epic, { storyPoints: null, originalEstimateSeconds: 1e12 });
    const result = await h.run(['sync'], T0);
    expect(pointsOf(h, epic.id)).toBeNull();
    expect(warnings(result.stdout)).toContainEqual(expect.objectContaining({ jiraKey: epic.key, msg: expect.stringContaining(`${epic.key}: original estimate`) }));
  });

  it('so is a child count above 1,000', async () => {
    const h = sandboxHarness({ epics: 12, config: (c) => ({ ...c, jira: { ...c.jira, effortFallback: { kind: 'childCount' } } }) });
    const { issues } = h.world.jira.site;
    const child = issues.find((i) => i.parentKey !== null)!;
    const parent = issues.find((i) => i.key === child.parentKey)!;
    parent.storyPoints = null;
    const existing = issues.filter((c) => c.parentKey === parent.key).length;
    for (let n = existing; n <= 1000; n += 1) issues.push({ ...child, id: String(900000 + n), key: `${child.projectKey}-${90000 + n}` });
    const result = await h.run(['sync'], T0);
    expect(pointsOf(h, parent.id)).toBeNull();
    expect(warnings(result.stdout)).toContainEqual(expect.objectContaining({ jiraKey: parent.key, msg: expect.stringContaining(`${parent.key}: child count 1001`) }));
  });
});
