import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSchedule } from '#cli/daemon/parseSchedule.ts';

/**
 * Docker and Kubernetes do not run on this machine, so the recipes are checked
 * as far as it allows: they parse, say what the README promises, and point at
 * files and commands that exist.
 */
describe('deployment recipes', () => {
  it('the Kubernetes CronJob forbids concurrent runs and runs the sync command', () => {
    const job = parse(readFileSync('deploy/kubernetes/cronjob.yaml', 'utf8'));
    expect(job.kind).toBe('CronJob');
    expect(job.spec.concurrencyPolicy).toBe('Forbid');
    expect(() => parseSchedule(job.spec.schedule)).not.toThrow();
    const container = job.spec.jobTemplate.spec.template.spec.containers[0];
    expect(container.args[0]).toBe('sync');
  });

  it('the CI workflow runs on a valid schedule with tokens from secrets', () => {
    const workflow = parse(readFileSync('deploy/github-actions/backbone-sync.yml', 'utf8'));
    for (const { cron } of workflow.on.schedule) expect(() => parseSchedule(cron)).not.toThrow();
    const steps = workflow.jobs.sync.steps as { run?: string; env?: Record<string, string> }[];
    const sync = steps.find((s) => s.run?.includes('backbone-sync sync'))!;
    expect(Object.values(sync.env!).every((v) => v.startsWith('${{ secrets.'))).toBe(true);
  });

  it('the crontab line has a valid schedule and calls the CLI', () => {
    const line = readFileSync('deploy/crontab', 'utf8').split('\n').find((l) => l && !l.startsWith('#'))!;
    const fields = line.split(/\s+/);
    expect(() => parseSchedule(fields.slice(0, 5).join(' '))).not.toThrow();
    expect(line).toContain('backbone-sync sync');
  });

  it('the Dockerfile copies what the CLI needs and runs it', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    for (const [, path] of dockerfile.matchAll(/^COPY (\S+) /gm)) {
      for (const p of path!.split(/\s+/)) expect(existsSync(p), p).toBe(true);
    }
    expect(dockerfile).toMatch(/^FROM node:24/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", .*"bin\/backbone-sync.js"\]$/m);
  });

  it('every way of starting a sync gives Node the launcher\'s V8 flags', () => {
    const shebang = readFileSync('bin/backbone-sync.js', 'utf8').split('\n')[0]!;
    expect(shebang).toMatch(/^#!\/usr\/bin\/env -S node /);
    const flags = shebang.split(/\s+/).slice(3);
    expect(flags.length).toBeGreaterThan(0);
    const entrypoint = JSON.parse(/^ENTRYPOINT (.*)$/m.exec(readFileSync('Dockerfile', 'utf8'))![1]!) as string[];
    expect(entrypoint).toEqual(['node', ...flags, 'bin/backbone-sync.js']);
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['sync']).toBe(`node ${flags.join(' ')} bin/backbone-sync.js sync`);
  });
});
