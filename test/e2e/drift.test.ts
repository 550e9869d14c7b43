import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sandboxHarness, type SandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const epicRows = (h: SandboxHarness) => h.world.notion.rows(h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!);
const epicCount = (h: SandboxHarness) => h.world.jira.site.issues.filter((i) => i.parentKey === null).length;

describe('Notion changing under the engine', () => {
  it('an Epics database a person deleted is made again and filled completely; the old one stays in the trash', async () => {
    const h = sandboxHarness({ epics: 20 });
    await h.run(['sync'], T0);
    const old = h.world.notion.databaseByTitle('Epics')!;
    h.world.notion.trash(old.id);
    const result = await h.run(['sync'], later(10));
    expect(result.code).toBe(0);
    const fresh = h.world.notion.databaseByTitle('Epics')!;
    expect(fresh.id).not.toBe(old.id);
    expect(epicRows(h)).toHaveLength(epicCount(h));
    expect(h.world.notion.rows(old.dataSourceIds[0]!)).toHaveLength(epicCount(h));
  });

  it('a configured database that is no longer shared is named, with the fix, and nothing is written', async () => {
    const h = sandboxHarness({ epics: 6 });
    await h.run(['sync'], T0);
    const db = h.world.notion.databaseByTitle('Epics')!;
    const config = JSON.parse(readFileSync(h.configPath, 'utf8')) as { notion: Record<string, unknown> };
    writeFileSync(h.configPath, JSON.stringify({ ...config, notion: { ...config.notion, epicsDatabase: db.id } }));
    h.world.notion.unshare(db.id);
    h.resetLogs();
    const result = await h.run(['sync', '--full'], later(10));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Notion cannot see the Epics database');
    expect(result.stderr).toContain('••• → Connections');
    expect(h.notionWrites()).toEqual([]);
  });

  it('a strategy page moved to the trash: links to it are dropped and its label is reported, nothing crashes', async () => {
    const h = sandboxHarness({ epics: 30 });
    await h.run(['sync'], T0);
    const page = [...h.world.notion.rows(h.world.notionIds.strategyDataSource)].find((p) => h.world.notion.valueOf(p, 'Slug') === 'mid-market')!;
    h.world.notion.trash(page.id);
    const result = await h.run(['sync'], later(10));
    expect(result.code).toBe(0);
    const linked = epicRows(h).filter((r) => (h.world.notion.valueOf(r, 'Impact') as string[]).includes(page.id));
    expect(linked).toEqual([]);
    expect(epicRows(h).some((r) => String(h.world.notion.valueOf(r, 'Linked By')).includes('label impact-mid-market names no strategy page'))).toBe(true);
  });
});
