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
  it('never has more than the write window under way, however many rows: 10,000 creates, updates and archives through the real SDK', async () => {
    // What Notion sees: how many writes have arrived and not been answered yet, at most.
    let open = 0;
    let peakOpen = 0;
    const answer = async (page: PageObjectResponse) => {
      peakOpen = Math.max(peakOpen, ++open);
      // Hand the event loop back before answering, so writes that are under way overlap as they do over a network.
      await new Promise((resolve) => setImmediate(resolve));
      open -= 1;
      return HttpResponse.json(page);
    };
    let created = 0;
    const patched = new Set<string>();
    server.use(
      http.post(`${BASE}/v1/pages`, () => answer(createdPage(++created))),
      http.patch(`${BASE}/v1/pages/:id`, ({ params }) => {
        patched.add(String(params['id']));
        return answer(createdPage(0));
      }),
    );
    const scheduler = new RequestScheduler({ requestsPerSecond: 1_000_000, concurrency: 8 });
    const notion = createNotionClient({ baseUrl: BASE, token: 'secret-token-for-tests', scheduler, scrub: (t) => t });
    const pageId = (i: number) => `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const creates: EpicRow[] = Array.from({ length: 8_000 }, (_, i) => ({ key: String(i), values: { name: `Epic ${i}`, jiraId: String(i) } }));
    const updates = Array.from({ length: 1_500 }, (_, i) => ({ pageId: pageId(i), key: `u${i}`, changed: { workType: 'Growth' } }));
    const archives = Array.from({ length: 500 }, (_, i) => ({ pageId: pageId(1_500 + i), key: `a${i}`, reason: 'gone' as const }));
    let progress = 0;
    const result = await applyPlan(notion, EPICS_TABLE, 'ds', { creates, updates, archives, unchanged: 0 }, () => (progress += 1));
    expect(result).toEqual({ created: 8_000, updated: 1_500, archived: 500, failed: [] });
    expect(created).toBe(8_000);
    expect(patched.size).toBe(2_000);
    expect(progress).toBe(10_000);
    // The scheduler held more than it runs at once (so the window, not the scheduler, is what bounds it), never more than the window.
    expect(scheduler.stats.peakWaiting).toBeGreaterThan(8);
    expect(scheduler.stats.peakWaiting).toBeLessThanOrEqual(WRITE_WINDOW);
    expect(peakOpen).toBeGreaterThan(1);
    expect(peakOpen).toBeLessThanOrEqual(8);
  });
});
