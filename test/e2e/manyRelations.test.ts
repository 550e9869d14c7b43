import { describe, expect, it } from 'vitest';
import { sandboxHarness, type SandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const text = (content: string) => [{ type: 'text', text: { content } }];

const epicRows = (h: SandboxHarness) => h.world.notion.rows(h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!);

describe('an epic serving more strategy targets than a Notion page object lists (25)', () => {
  it('keeps all 32 Impact relations, and a full re-run reads them whole and writes nothing', async () => {
    const h = sandboxHarness({ epics: 12 });
    const slugs = Array.from({ length: 32 }, (_, i) => `market-${i + 1}`);
    const targets = slugs.map(
      (slug) =>
        h.world.notion.seedPage({
          parent: { data_source_id: h.world.notionIds.strategyDataSource },
          properties: { Name: { title: text(`Market ${slug}`) }, Layer: { select: { name: 'Impact' } }, Slug: { rich_text: text(slug) } },
        }).id,
    );
    const epic = h.world.jira.site.issues.find((i) => i.parentKey === null)!;
    epic.labels.push(...slugs.map((slug) => `impact-${slug}`));
    expect((await h.run(['sync'], T0)).code).toBe(0);
    const row = epicRows(h).find((r) => h.world.notion.valueOf(r, 'Jira ID') === epic.id)!;
    expect(h.world.notion.valueOf(row, 'Impact')).toEqual(expect.arrayContaining(targets));

    h.resetLogs();
    const rerun = await h.run(['sync', '--full'], later(30));
    expect(rerun.code).toBe(0);
    expect(h.world.notion.requestLog.some((r) => r.path.startsWith(`/v1/pages/${row.id}/properties/`)), 'the rest was read from the property endpoint').toBe(true);
    expect(h.notionWrites().filter((w) => w.path === `/v1/pages/${row.id}`)).toEqual([]);
  });
});
