import { describe, expect, it } from 'vitest';
import { progressReporter } from '#cli/progressReporter.ts';
import { memoryLogger } from '../helpers/silentLogger.ts';

describe('progress while writing', () => {
  it('logs when a table starts, then every 10 seconds, with what is done, the total and the time left', () => {
    const { logger, lines } = memoryLogger();
    let now = 0;
    const report = progressReporter({ logger, now: () => now });
    report({ table: 'Epics', done: 0, total: 300 });
    // One write every 200 ms: 60 s for 300 rows.
    for (let done = 1; done <= 300; done += 1) {
      now += 200;
      report({ table: 'Epics', done, total: 300 });
    }
    const progress = lines().filter((l) => l['msg'] === 'progress');
    expect(progress.map((l) => l['done'])).toEqual([0, 50, 100, 150, 200, 250, 300]);
    expect(progress[0]).toMatchObject({ table: 'Epics', total: 300, etaSeconds: null });
    expect(progress[1]).toMatchObject({ done: 50, etaSeconds: 50 });
    expect(progress.at(-1)).toMatchObject({ done: 300, etaSeconds: 0 });
  });

  it('starts over for the next table', () => {
    const { logger, lines } = memoryLogger();
    let now = 0;
    const report = progressReporter({ logger, now: () => now });
    report({ table: 'Epics', done: 0, total: 2 });
    now += 1_000;
    report({ table: 'Portfolio Balance', done: 0, total: 70 });
    expect(lines().map((l) => l['table'])).toEqual(['Epics', 'Portfolio Balance']);
  });

  it('draws a bar on a terminal, redrawn in place, and clears it when the table is done', () => {
    const { logger } = memoryLogger();
    const drawn: string[] = [];
    let now = 0;
    const report = progressReporter({ logger, now: () => now, statusLine: (text) => drawn.push(text) });
    report({ table: 'Epics', done: 0, total: 4 });
    for (let done = 1; done <= 4; done += 1) {
      now += 1_000;
      report({ table: 'Epics', done, total: 4 });
    }
    expect(drawn[0]).toBe('Epics ························ 0/4 (0%), about … left');
    expect(drawn[2]).toBe('Epics ████████████············ 2/4 (50%), about 2s left');
    expect(drawn.at(-1)).toBe('');
  });
});
