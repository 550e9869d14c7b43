import { afterEach, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { explainNotionError } from '#connectors/notion/explainNotionError.ts';
import { isBackboneError } from '#core/errors.ts';
import { server } from '../helpers/mswServer.ts';
import { sandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');

/** A sandbox whose Notion never answers as `resolver` says; Jira works. Returns the harness and Notion's host. */
function notionBehind(resolver: () => Response | Promise<Response>, notion: Record<string, unknown> = {}) {
  let baseUrl = '';
  const h = sandboxHarness({
    epics: 5,
    config: (c) => {
      baseUrl = c.notion.baseUrl;
      return { ...c, notion: { ...c.notion, ...notion } };
    },
  });
  server.use(http.all(`${baseUrl}/*`, resolver));
  return { h, host: new URL(baseUrl).host };
}

describe('Notion out of reach', () => {
  afterEach(() => vi.useRealTimers());

  it('a dropped connection fails the run with a line naming Notion, its host and what to check', async () => {
    const { h, host } = notionBehind(() => HttpResponse.error());
    const result = await h.run(['sync'], T0);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^backbone-sync: Could not reach Notion at ${host} while working on the .+: the connection was dropped before Notion answered\\. Check the network`, 'm'));
    expect(result.stderr).not.toContain('unexpected failure');
  });

  it('a Notion that never answers is abandoned at notion.requestTimeoutSeconds, and the line says so', async () => {
    vi.useFakeTimers({ now: T0 });
    const { h, host } = notionBehind(() => new Promise<Response>(() => undefined), { requestTimeoutSeconds: 5 });
    let done = false;
    const run = h.run(['sync'], T0).finally(() => (done = true));
    while (!done) await vi.advanceTimersByTimeAsync(1_000);
    const result = await run;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Could not reach Notion at ${host} while working on the `);
    expect(result.stderr).toContain('no answer within 5 seconds (notion.requestTimeoutSeconds)');
    expect(result.stderr).toContain('raise notion.requestTimeoutSeconds');
  });

  // msw cannot fail a name lookup or refuse a connection, so these are the errors Node 24's fetch throws for them, as they come.
  const fetchFailed = (code: string, message: string, extra: object = {}) =>
    new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code, ...extra }) });

  it.each([
    ['a host name that does not resolve', fetchFailed('ENOTFOUND', 'getaddrinfo ENOTFOUND api.notion.example', { hostname: 'api.notion.example' }), 'does not resolve (DNS)', 'Check notion.baseUrl (https://api.notion.example) for a typo'],
    ['a refused connection', fetchFailed('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:443'), 'refused the connection', 'its port, and any proxy'],
    ['a socket closed mid-answer', fetchFailed('UND_ERR_SOCKET', 'other side closed'), 'the connection was dropped', 'Check the network and any proxy'],
  ])('%s is a network error naming Notion, the host and what to check', (_, error, why, check) => {
    const explained = explainNotionError(error, { what: 'the strategy database abc (notion.strategyDatabase)', tokenEnv: 'NOTION_TOKEN', baseUrl: 'https://api.notion.example' });
    expect(isBackboneError(explained) && explained.kind).toBe('network');
    const { message } = explained as Error;
    expect(message).toContain('Could not reach Notion at api.notion.example while working on the strategy database abc (notion.strategyDatabase)');
    expect(message).toContain(why);
    expect(message).toContain(check);
  });

  it('a TypeError from a bug is not mistaken for the network', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    expect(explainNotionError(bug, { what: 'x', tokenEnv: 'NOTION_TOKEN', baseUrl: 'https://api.notion.com' })).toBe(bug);
  });
});
