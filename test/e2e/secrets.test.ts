import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APIErrorCode } from '@notionhq/client';
import type { ErrorCollection } from 'jira.js/cloud';
import { describe, expect, it } from 'vitest';
import { configSchema } from '#config/schema.ts';
import { DEFAULT_SECRET_ENV } from '#config/secretsFromEnv.ts';
import { SANDBOX_JIRA_USER } from '#sandbox/company/epics.ts';
import { SANDBOX_NOTION_TOKEN } from '#sandbox/company/world.ts';
import { runCli, writeConfig } from '../helpers/cliRun.ts';
import { sandboxHarness, type SandboxHarness } from '../helpers/sandboxSync.ts';

const T0 = new Date('2026-11-23T08:00:00Z');
const BASIC = Buffer.from(`${SANDBOX_JIRA_USER.email}:${SANDBOX_JIRA_USER.apiToken}`).toString('base64');
const SECRETS = [SANDBOX_NOTION_TOKEN, SANDBOX_JIRA_USER.apiToken, BASIC];

/** What a server that echoes the request's headers into its error answers (some proxies do) sends back. */
const echoNotion = (status: number, code: APIErrorCode) => (request: Request) => ({
  object: 'error',
  status,
  code,
  message: `Request failed; it carried Authorization: ${request.headers.get('authorization')} (token ${request.headers.get('authorization')?.replace('Bearer ', '')}).`,
  request_id: 'echo',
});
const echoJira = (request: Request): ErrorCollection => ({
  errorMessages: [`Rejected the request with Authorization: ${request.headers.get('authorization')}`],
  errors: { token: SANDBOX_JIRA_USER.apiToken },
});

/** Everything the run left anywhere: its output, and every page, block and database in the emulated Notion. */
function everythingWritten(h: SandboxHarness, result: { stdout: string; stderr: string }): string {
  return [result.stdout, result.stderr, JSON.stringify(h.world.notion.snapshot()), JSON.stringify(h.notionWrites())].join('\n');
}

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

const rowPageOf = (h: SandboxHarness, epicId: string) => {
  const rows = h.world.notion.rows(h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!);
  return rows.find((r) => h.world.notion.valueOf(r, 'Jira ID') === epicId)!.id;
};

describe('no token reaches the terminal, the logs, Notion or the report, whichever error echoes it', () => {
  it.each([[[]], [['--pretty']]])('a Notion 400 and a Notion 500 on a read, echoing the Bearer header (%j)', async (flags) => {
    for (const [status, code] of [[400, APIErrorCode.ValidationError], [500, APIErrorCode.InternalServerError]] as const) {
      const h = sandboxHarness({ epics: 6 });
      h.world.notionNet.inject({ path: new RegExp(`/v1/data_sources/${h.world.notionIds.strategyDataSource}/query$`), times: 50, fault: { kind: 'status', status, body: echoNotion(status, code) } });
      const result = await h.run(['sync', ...flags], T0);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('[REDACTED]');
      expectNoSecret(everythingWritten(h, result));
    }
  });

  it.each([[[]], [['--pretty']]])('failed rows: a Notion 400 and a Notion 500 on a row update, echoing the Bearer header, named on stderr (%j)', async (flags) => {
    const h = sandboxHarness({ epics: 8 });
    expect((await h.run(['sync'], T0)).code).toBe(0);
    const [first, second] = h.world.jira.site.issues.filter((i) => i.parentKey === null);
    for (const epic of [first!, second!]) h.world.jira.updateIssue(epic.id, { summary: `${epic.summary} (renamed)`, updated: T0.getTime() });
    h.world.notionNet.inject({ method: 'PATCH', path: new RegExp(`/v1/pages/${rowPageOf(h, first!.id)}$`), times: 50, fault: { kind: 'status', status: 400, body: echoNotion(400, APIErrorCode.ValidationError) } });
    h.world.notionNet.inject({ method: 'PATCH', path: new RegExp(`/v1/pages/${rowPageOf(h, second!.id)}$`), times: 50, fault: { kind: 'status', status: 500, body: echoNotion(500, APIErrorCode.InternalServerError) } });
    const result = await h.run(['sync', ...flags], T0);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('2 row(s) failed');
    expect(result.stderr).toContain(`${first!.key} (Epics, update: `);
    expect(result.stderr).toContain('Authorization: Bearer [REDACTED]');
    expectNoSecret(everythingWritten(h, result));
  });

  it('a Jira 400 echoing the Basic header and the token', async () => {
    const h = sandboxHarness({ epics: 6 });
    h.world.jiraNet.inject({ path: /\/search\/jql$/, times: 1, fault: { kind: 'status', status: 400, body: echoJira } });
    const result = await h.run(['sync'], T0);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Authorization: Basic [REDACTED]');
    expectNoSecret(everythingWritten(h, result));
  });

  it('a config error quoting a token pasted where an id belongs', async () => {
    const h = sandboxHarness({ epics: 3, config: (c) => ({ ...c, notion: { ...c.notion, strategyDatabase: SANDBOX_NOTION_TOKEN } }) });
    const result = await h.run(['sync'], T0);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('notion.strategyDatabase: expected a Notion id or URL, got "[REDACTED]"');
    expectNoSecret(everythingWritten(h, result));
  });

  it('a token typed into Jira or Notion is written to neither Notion nor the report', async () => {
    const h = sandboxHarness({ epics: 6 });
    const [epic] = h.world.jira.site.issues.filter((i) => i.parentKey === null);
    epic!.summary = `Rotate ${SANDBOX_JIRA_USER.apiToken} and ${SANDBOX_NOTION_TOKEN}`;
    const synced = await h.run(['sync'], T0);
    expect(synced.code).toBe(0);
    const rows = h.world.notion.rows(h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]!);
    expect(h.world.notion.valueOf(rows.find((r) => h.world.notion.valueOf(r, 'Jira ID') === epic!.id)!, 'Name')).toBe('Rotate [REDACTED] and [REDACTED]');
    expectNoSecret(everythingWritten(h, synced));
    // A person pastes a token into a row by hand: the report still does not show it.
    const report = join(tmpdir(), `backbone-report-${process.pid}-${Date.now()}.html`);
    h.world.notion.seedPage({ parent: { data_source_id: h.world.notion.databaseByTitle('Epics')!.dataSourceIds[0]! }, properties: { Name: { title: [{ text: { content: `pasted ${SANDBOX_NOTION_TOKEN}` } }] }, 'Jira ID': { rich_text: [{ text: { content: '999999' } }] }, 'Jira Key': { rich_text: [{ text: { content: 'PAY-999' } }] }, Counts: { checkbox: true } } });
    const reported = await h.run(['report', '--html', report], T0);
    expect(reported.code, reported.stderr).toBe(0);
    expect(readFileSync(report, 'utf8')).toContain('pasted [REDACTED]');
    expectNoSecret(readFileSync(report, 'utf8'));
  });
});

describe('secrets are known before anything can print them', () => {
  it('the variables redacted before the config is read are the config defaults', () => {
    const config = configSchema.parse({ jira: { host: 'https://acme.atlassian.net', projects: ['PAY'] }, notion: { strategyDatabase: '1b2c3d4e5f60718293a4b5c6d7e8f901', parentPage: '2c3d4e5f60718293a4b5c6d7e8f9012a' } });
    expect(DEFAULT_SECRET_ENV).toEqual({ jiraEmail: config.jira.emailEnv, jiraToken: config.jira.tokenEnv, notionToken: config.notion.tokenEnv });
  });

  it('an unknown command or bad flag echoing a token prints it redacted', async () => {
    const result = await runCli(['sync', '--config', writeConfig({}), `--${SANDBOX_NOTION_TOKEN}`], { NOTION_TOKEN: SANDBOX_NOTION_TOKEN });
    expect(result.code).toBe(2);
    expectNoSecret(result.stdout + result.stderr);
  });
});
