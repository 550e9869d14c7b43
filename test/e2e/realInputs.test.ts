import { describe, expect, it } from 'vitest';
import { SANDBOX_DC_PAT } from '#sandbox/company/epics.ts';
import { SANDBOX_NOTION_IDS } from '#sandbox/company/notionWorkspace.ts';
import { SANDBOX_FIELDS, SANDBOX_PEOPLE } from '#sandbox/company/people.ts';
import { SANDBOX_STRATEGY_PAGES } from '#sandbox/company/strategy.ts';
import type { JiraIssue } from '#sandbox/emulators/jira/model.ts';
import { adfToWiki } from '#sandbox/emulators/jira/wikiMarkup.ts';
import { mappingsWithFieldRules } from '../helpers/fieldRules.ts';
import { sandboxHarness, type HarnessConfig, type SandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');
const FLAVOURS = ['cloud', 'datacenter'] as const;
type Flavour = (typeof FLAVOURS)[number];

/** The sample company on either flavour of Jira, and a run with that flavour's credentials. */
function harness(flavour: Flavour, options: { epics: number; config?: (c: HarnessConfig) => HarnessConfig }) {
  const h = sandboxHarness({
    epics: options.epics,
    flavour,
    config: (c) => {
      const configured = options.config ? options.config(c) : c;
      return { ...configured, jira: { ...configured.jira, deployment: flavour } };
    },
  });
  const run = () => (flavour === 'cloud' ? h.run(['sync'], T0) : h.runWithEnv(['sync'], { JIRA_EMAIL: '', JIRA_API_TOKEN: SANDBOX_DC_PAT }, T0));
  return { h, run };
}

const epicsOf = (h: SandboxHarness) => h.world.jira.site.issues.filter((i) => i.parentKey === null);
const rowOf = (h: SandboxHarness, issue: JiraIssue) => {
  const ds = h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!;
  return h.world.notion.rows(ds).find((r) => h.world.notion.valueOf(r, 'Jira ID') === issue.id)!;
};
const hex = (id: string) => id.replaceAll('-', '');
const [AMARA, , , , , , CLAIRE, TOMAS] = SANDBOX_PEOPLE;
const { teamLead, stakeholders, themes, productArea } = SANDBOX_FIELDS;

describe('Notion links in epic descriptions, in the forms people paste', () => {
  it.each(FLAVOURS)('every strategy page the sample company links from a description is linked (%s)', async (flavour) => {
    const { h, run } = harness(flavour, { epics: 300 });
    const usage = SANDBOX_STRATEGY_PAGES.filter((p) => p.layer === 'Usage');
    // Only the epics whose description names a page, and without labels, so the description is all that can link them.
    const linked = epicsOf(h).flatMap((issue) => {
      const page = usage.find((p) => JSON.stringify(issue.description).includes(hex(p.id)));
      return page ? [{ issue, page }] : [];
    });
    h.world.jira.site.issues = linked.map(({ issue }) => Object.assign(issue, { labels: [] }));
    const wiki = linked.map(({ issue }) => adfToWiki(issue.description)).join('\n');
    for (const form of ['https://app.notion.com/p/', '&pm=s', '|smart-link]', '|smart-card]', '|smart-embed]', '||Layer||Page||', '.notion.site/']) expect(wiki).toContain(form);

    expect((await run()).code).toBe(0);
    for (const { issue, page } of linked) {
      const row = rowOf(h, issue);
      expect({ key: issue.key, usage: h.world.notion.valueOf(row, 'Usage') }).toEqual({ key: issue.key, usage: [page.id] });
      expect(String(h.world.notion.valueOf(row, 'Linked By'))).toContain(`Notion link in the description → ${page.title}`);
    }
  });

  it("the strategy database and the parent page may be given as Notion's current app.notion.com URLs", async () => {
    const { h, run } = harness('cloud', {
      epics: 6,
      config: (c) => ({
        ...c,
        notion: {
          ...c.notion,
          strategyDatabase: `https://app.notion.com/p/${hex(SANDBOX_NOTION_IDS.strategyDatabase)}?v=0f1e2d3c4b5a69788796a5b4c3d2e1f0`,
          parentPage: `https://app.notion.com/p/Backbone-${hex(SANDBOX_NOTION_IDS.parentPage)}`,
        },
      }),
    });
    expect((await run()).code).toBe(0);
    expect(h.world.notion.databaseByTitle('Epics')).toBeDefined();
    expect(epicsOf(h).some((issue) => (h.world.notion.valueOf(rowOf(h, issue), 'Impact') as string[]).length > 0)).toBe(true);
  });
});

describe('field rules and team-by-field on users, multi-selects and cascading selects', () => {
  it.each(FLAVOURS)('a rule matches a user by display name or email, any option of a multi-select, a cascading select as "Parent / Child" or "Parent" (%s)', async (flavour) => {
    const mappings = mappingsWithFieldRules({
      innovation: [{ field: teamLead.id, equals: 'amara okafor' }],
      growth: [
        { field: stakeholders.id, equals: TOMAS!.email },
        { field: productArea.id, equals: 'Go-to-market' },
      ],
      debt: [
        { field: themes.id, equals: 'Platform health' },
        { field: productArea.id, equals: 'Foundations / Ledger' },
      ],
    });
    const { h, run } = harness(flavour, { epics: 12, config: (c) => ({ ...c, mappings }) });
    const custom: Record<string, string[]>[] = [
      { [teamLead.id]: [AMARA!.accountId] },
      { [stakeholders.id]: [CLAIRE!.accountId, TOMAS!.accountId] },
      { [themes.id]: ['Regulatory', 'Platform health'] },
      { [productArea.id]: ['Foundations', 'Ledger'] },
      { [productArea.id]: ['Go-to-market', 'Pricing'] },
    ];
    const epics = epicsOf(h).slice(0, custom.length);
    epics.forEach((issue, i) => Object.assign(issue, { labels: [], components: [], summary: 'Quarterly planning', custom: custom[i] }));

    expect((await run()).code).toBe(0);
    expect(epics.map((issue) => h.world.notion.valueOf(rowOf(h, issue), 'Classified By'))).toEqual([
      `component: field ${teamLead.id} = Amara Okafor → Innovation`,
      `component: field ${stakeholders.id} = ${TOMAS!.email} → Growth`,
      `component: field ${themes.id} = Platform health → Debt & Evolution`,
      `component: field ${productArea.id} = Foundations / Ledger → Debt & Evolution`,
      `component: field ${productArea.id} = Go-to-market → Growth`,
    ]);
  });

  it.each(FLAVOURS.flatMap((flavour) => [
    { flavour, field: teamLead.id, what: 'a user picker: the display name', team: 'Amara Okafor' },
    { flavour, field: stakeholders.id, what: 'a multi-user picker: the first user', team: 'Claire Dubois' },
    { flavour, field: themes.id, what: 'a multi-select: the first option', team: 'Regulatory' },
    { flavour, field: productArea.id, what: 'a cascading select: "Parent / Child"', team: 'Money movement / Payouts' },
  ]))('team by $what ($flavour)', async ({ flavour, field, team }) => {
    const { h, run } = harness(flavour, { epics: 6, config: (c) => ({ ...c, jira: { ...c.jira, team: { by: 'field', field } } }) });
    const [named, empty] = epicsOf(h);
    named!.custom = {
      [teamLead.id]: [AMARA!.accountId],
      [stakeholders.id]: [CLAIRE!.accountId, TOMAS!.accountId],
      [themes.id]: ['Regulatory', 'New markets'],
      [productArea.id]: ['Money movement', 'Payouts'],
    };
    empty!.custom = {};

    expect((await run()).code).toBe(0);
    expect(h.world.notion.valueOf(rowOf(h, named!), 'Team')).toBe(team);
    expect(h.world.notion.valueOf(rowOf(h, empty!), 'Team')).toBe(empty!.projectKey);
  });
});
