import type { PageObjectResponse } from '@notionhq/client';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { RequestScheduler } from '#connectors/http/requestScheduler.ts';
import { applyPlan, WRITE_WINDOW } from '#connectors/notion/applyPlan.ts';
import { createNotionClient } from '#connectors/notion/createNotionClient.ts';
import { EPICS_TABLE, type EpicRow } from '#core/tables/epicsTable.ts';
import { server } from '../../helpers/mswServer.ts';

const BASE = 'https://api.applyplan.notion.test';

/** A created page as Notion answers it; the engine reads nothing from it but its success. */
function createdPage(id: number): PageObjectResponse {
  const at = '2026-11-23T08:00:00.000Z';
  return {
    object: 'page',
    id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    created_time: at,
    last_edited_time: at,
    created_by: { object: 'user', id: 'bot' },
    last_edited_by: { object: 'user', id: 'bot' },
    cover: null,
    icon: null,
    parent: { type: 'data_source_id', data_source_id: 'ds', database_id: 'db' },
    archived: false,
    in_trash: false,
    is_locked: false,
    properties: {},
    url: `https://www.notion.so/${id}`,
    public_url: null,
  } as PageObjectResponse;
}

describe('writing a large plan', () => {
  it('never has more than the write window under way, however many rows: 500 creates through the real SDK', async () => {
    let created = 0;
    server.use(http.post(`${BASE}/v1/pages`, () => HttpResponse.json(createdPage(++created))));
    const scheduler = new RequestScheduler({ requestsPerSecond: 1_000_000, concurrency: 8 });
    const notion = createNotionClient({ baseUrl: BASE, token: 'secret-token-for-tests', scheduler, scrub: (t) => t });
    const rows: EpicRow[] = Array.from({ length: 500 }, (_, i) => ({ key: String(i), values: { name: `Epic ${i}`, jiraId: String(i) } }));
    let progress = 0;
    const result = await applyPlan(notion, EPICS_TABLE, 'ds', { creates: rows, updates: [], archives: [], unchanged: 0 }, () => (progress += 1));
    expect(result).toEqual({ created: 500, updated: 0, archived: 0, failed: [] });
    expect(created).toBe(500);
    expect(progress).toBe(500);
    expect(scheduler.stats.peakWaiting).toBeGreaterThan(8);
    expect(scheduler.stats.peakWaiting).toBeLessThanOrEqual(WRITE_WINDOW);
  });
});
