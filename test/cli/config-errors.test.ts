import { describe, expect, it } from 'vitest';
import { runCli, writeConfig } from '../helpers/cliRun.ts';

const valid = {
  jira: { host: 'https://acme.atlassian.net', projects: ['PAY'] },
  notion: { strategyDatabase: '1b2c3d4e5f60718293a4b5c6d7e8f901', parentPage: '2c3d4e5f60718293a4b5c6d7e8f9012a' },
};
const env = { JIRA_EMAIL: 'me@example.com', JIRA_API_TOKEN: 'jira-token-123', NOTION_TOKEN: 'notion-token-123' };

describe('a bad config exits with code 2 and one line per problem', () => {
  it('names the JSON path and what was expected', async () => {
    const path = writeConfig({ ...valid, notion: { ...valid.notion, strategyDatabase: 'abc' } });
    const result = await runCli(['sync', '--config', path], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('notion.strategyDatabase: expected a Notion id or URL, got "abc"');
  });

  it('reports every problem at once, unknown keys included', async () => {
    const path = writeConfig({ ...valid, jira: { host: 'not a url', projects: [], colour: 'blue' } });
    const result = await runCli(['sync', '--config', path], env);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines.some((l) => l.includes('jira.host'))).toBe(true);
    expect(lines.some((l) => l.includes('jira.projects') && l.includes('unbounded'))).toBe(true);
    expect(lines.some((l) => l.includes('jira') && l.includes('colour'))).toBe(true);
  });

  it('a missing file says how to create one', async () => {
    const result = await runCli(['sync', '--config', '/nonexistent/backbone.json'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('/nonexistent/backbone.json: file not found. Copy config.example.json');
  });

  it('a file that is not JSON says so', async () => {
    const result = await runCli(['sync', '--config', writeConfig('{ "jira": ')], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not valid JSON/);
  });

  it('a missing token names the variable to set', async () => {
    const result = await runCli(['sync', '--config', writeConfig(valid)], { JIRA_EMAIL: 'me@example.com' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('JIRA_API_TOKEN is not set');
    expect(result.stderr).toContain('NOTION_TOKEN is not set');
  });

  it('token variable names can be changed in the config', async () => {
    const path = writeConfig({ ...valid, notion: { ...valid.notion, tokenEnv: 'MY_NOTION_SECRET' } });
    const result = await runCli(['sync', '--config', path], { JIRA_EMAIL: 'a@b.c', JIRA_API_TOKEN: 'x' });
    expect(result.stderr).toContain('MY_NOTION_SECRET is not set');
  });

  it('an unknown command is a usage error', async () => {
    const result = await runCli(['synk'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'synk'");
  });

  it('timeouts and rates out of range are refused with their bound, before anything runs', async () => {
    const path = writeConfig({
      jira: { ...valid.jira, requestTimeoutSeconds: 2_592_000, rateLimit: { requestsPerSecond: 1e-9 } },
      notion: { ...valid.notion, rateLimit: { requestsPerSecond: 5000 } },
      sync: { deadlineMinutes: 43_200, overlapMinutes: 2000, fullEveryHours: 1000 },
    });
    const result = await runCli(['sync', '--dry-run', '--config', path], env);
    expect(result.code).toBe(2);
    const lines = result.stderr.replace(/^backbone-sync: /, '').trim().split('\n');
    expect(lines).toContain('jira.requestTimeoutSeconds: at most 600 seconds (10 minutes): a request with no answer by then is hung');
    expect(lines).toContain('jira.rateLimit.requestsPerSecond: at least 0.1 requests/second (one every 10 s); slower cannot finish a run');
    expect(lines).toContain('notion.rateLimit.requestsPerSecond: at most 1000 requests/second; no Jira or Notion limit is near that');
    expect(lines).toContain('sync.deadlineMinutes: at most 1440 minutes (24 h): a cron run longer than a day is a mistake');
    expect(lines.some((l) => l.startsWith('sync.overlapMinutes: at most 1440 minutes'))).toBe(true);
    expect(lines.some((l) => l.startsWith('sync.fullEveryHours: at most 744 hours'))).toBe(true);
  });
});

describe('the daemon refuses a bad schedule at start', () => {
  it('an invalid cron expression exits 2 naming it', async () => {
    const result = await runCli(['daemon', '--schedule', 'every morning', '--config', writeConfig(valid)], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--schedule: "every morning" is not a cron expression');
  });
});
