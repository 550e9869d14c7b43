import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSchedule } from '#cli/daemon/parseSchedule.ts';

/**
 * Docker, Kubernetes and GitHub's runners are not on this machine, so the recipes
 * are checked as far as it allows: they parse, validate against their formats'
 * schemas, say what the README promises, and point at files and commands that
 * exist. The package itself is installed and run in package.test.ts; the
 * Kubernetes manifests are checked in kubernetes.test.ts.
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; bin: Record<string, string>; scripts: Record<string, string> };
const launcherFlags = readFileSync('bin/backbone-sync.js', 'utf8').split('\n')[0]!.split(/\s+/).slice(3);

describe('cron', () => {
  const crontab = readFileSync('deploy/crontab', 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const assignments = Object.fromEntries(crontab.filter((l) => /^\w+=/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2)));
  const line = crontab.find((l) => !/^\w+=/.test(l))!;
  const command = line.split(/\s+/).slice(5).join(' ');

  it('the crontab line has a valid schedule and calls the CLI installed at the package\'s version', () => {
    expect(() => parseSchedule(line.split(/\s+/).slice(0, 5).join(' '))).not.toThrow();
    expect(command).toContain('npx backbone-sync sync');
    expect(readFileSync('deploy/crontab', 'utf8')).toContain(`npm install backbone-sync@${pkg.version} `);
    expect(readFileSync('README.md', 'utf8')).toContain(`\`${line}\``);
  });

  it('the tokens in .env (from deploy/env.example) reach backbone-sync', async () => {
    // The line as shipped, run by sh as cron runs it, with its folder and log file in a temp dir
    // and an npx on PATH that logs what it was started with.
    const dir = mkdtempSync(join(tmpdir(), 'backbone-cron-'));
    copyFileSync('deploy/env.example', join(dir, '.env'));
    writeFileSync(join(dir, 'npx'), '#!/bin/sh\necho "args: $*"\nenv\n');
    chmodSync(join(dir, 'npx'), 0o755);
    const log = join(dir, 'backbone-sync.log');
    const local = command.replace('/opt/backbone-sync', dir).replace('/var/log/backbone-sync.log', log);
    expect(local).not.toBe(command);
    // cron's environment: little more than the crontab's own assignments (its PATH is /usr/bin:/bin unless set).
    const path = `${dir}:${assignments['PATH'] ?? '/usr/bin:/bin'}`;
    await promisify(execFile)('/bin/sh', ['-c', local], { env: { ...assignments, HOME: dir, PATH: path } });
    const received = readFileSync(log, 'utf8');
    expect(received).toContain('args: backbone-sync sync');
    for (const name of ['JIRA_EMAIL', 'JIRA_API_TOKEN', 'NOTION_TOKEN']) expect(received).toMatch(new RegExp(`^${name}=\\S+$`, 'm'));
  });

  it('the example env file holds placeholders only', () => {
    const values = readFileSync('deploy/env.example', 'utf8').split('\n').filter((l) => /^\w+=/.test(l)).map((l) => l.split('=')[1]);
    expect(values).toEqual(['you@example.com', expect.stringMatching(/^replace-with-/), expect.stringMatching(/^replace-with-/)]);
  });
});

describe('GitHub Actions', () => {
  const text = readFileSync('deploy/github-actions/backbone-sync.yml', 'utf8');
  const workflow = parse(text);
  const steps = workflow.jobs.sync.steps as { run?: string; env?: Record<string, string> }[];
  const sync = steps.find((s) => s.run?.includes(' sync'))!;

  it('is a valid workflow by GitHub\'s own workflow schema', () => {
    const parsed = parseWorkflow({ name: 'backbone-sync.yml', content: text }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    for (const { cron } of workflow.on.schedule) expect(() => parseSchedule(cron)).not.toThrow();
  });

  it('runs the published package at the version in package.json, so a repository of config alone is enough', () => {
    expect(sync.run).toMatch(new RegExp(`^npx --yes backbone-sync@${pkg.version.replaceAll('.', '\\.')} sync `));
    expect(steps.some((s) => s.run?.startsWith('npm '))).toBe(false);
  });

  it('takes the tokens from repository secrets and never runs two syncs at once', () => {
    expect(Object.keys(sync.env!).sort()).toEqual(['JIRA_API_TOKEN', 'JIRA_EMAIL', 'NOTION_TOKEN']);
    expect(Object.values(sync.env!).every((v) => v.startsWith('${{ secrets.'))).toBe(true);
    expect(workflow.concurrency).toEqual({ group: expect.any(String), 'cancel-in-progress': false });
  });
});

describe('Docker', () => {
  // Instructions, with line continuations joined.
  const dockerfile = readFileSync('Dockerfile', 'utf8').replace(/\\\n/g, ' ');
  const stages = dockerfile.split(/^(?=FROM )/m).filter((s) => s.startsWith('FROM '));
  const runtime = stages.at(-1)!;

  it('copies files that exist and the build context keeps, from stages that exist', () => {
    const stageNames = stages.map((s) => /^FROM \S+ AS (\S+)/.exec(s)?.[1]);
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n').filter(Boolean);
    for (const [, from, sources] of dockerfile.matchAll(/^COPY (?:--from=(\S+) )?(.+) \S+$/gm)) {
      if (from) expect(stageNames).toContain(from);
      else for (const path of sources!.split(/\s+/)) expect([existsSync(path), ignored.includes(path)], path).toEqual([true, false]);
    }
  });

  it('runs the packed package as a numeric user, without development dependencies', () => {
    expect(stages[0]).toMatch(/^RUN npm pack /m);
    expect(runtime).toMatch(/^FROM node:24/);
    expect(runtime).toMatch(/^COPY --from=\S+ \S+\.tgz /m);
    expect(runtime).toMatch(/npm ci --omit=dev /);
    expect(runtime).not.toMatch(/^COPY (src|connectors|bin) /m);
    expect(runtime).toMatch(/^USER \d+:\d+$/m);
    expect(Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: object }).dependencies)).not.toContain('node');
  });
});

it('every way of starting a sync gives Node the launcher\'s V8 flags', () => {
  expect(readFileSync('bin/backbone-sync.js', 'utf8')).toMatch(/^#!\/usr\/bin\/env -S node /);
  expect(launcherFlags.length).toBeGreaterThan(0);
  const entrypoint = JSON.parse(/^ENTRYPOINT (.*)$/m.exec(readFileSync('Dockerfile', 'utf8'))![1]!) as string[];
  // The image runs the package's own bin, the bundle of bin/backbone-sync.js, whose shebang
  // carries the flags (package.test.ts checks the installed bin's first line).
  expect(entrypoint).toEqual(['node', ...launcherFlags, pkg.bin['backbone-sync']]);
  expect(pkg.scripts['sync']).toBe(`node ${launcherFlags.join(' ')} bin/backbone-sync.js sync`);
});
