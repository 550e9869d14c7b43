import { createHash } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackboneError } from '#core/errors.ts';

export interface RunLock {
  path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One run at a time per Notion workspace target on this machine: two runs
 * writing the same databases would each create the rows the other is about to
 * create. A lock left by a process that died is taken over.
 */
export function acquireRunLock(target: string, dir: string = tmpdir()): RunLock {
  const path = join(dir, `backbone-sync-${createHash('sha256').update(target).digest('hex').slice(0, 12)}.lock`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }), { flag: 'wx' });
      return {
        path,
        release: () => {
          try {
            unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; startedAt?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
      } catch {
        // A lock file cut short by a crash: treat as stale.
      }
      if (holder.pid && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new BackboneError(
          'locked',
          'locked',
          `another backbone-sync run (pid ${holder.pid}, started ${holder.startedAt ?? 'earlier'}) is writing to the same Notion pages; this run exits without doing anything. If no run is going, delete ${path}.`,
        );
      }
      unlinkSync(path);
    }
  }
  throw new BackboneError('locked', 'locked', `could not take the run lock ${path}`);
}
