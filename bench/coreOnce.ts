// One measurement of the pure core at one size, in its own process so its
// peak RSS is its own. Prints one JSON line. Run by bench/run.ts.
import { computeBalance } from '#core/balance.ts';
import { defaultBalanceConfig } from '#config/schema.ts';
import { compileClassifier } from '#core/classify.ts';
import { classifyEpics } from '#core/classifyEpics.ts';
import { compileStrategyMapper } from '#core/mapStrategy.ts';
import { mappingsSchema } from '#core/mappings.ts';
import { planRows } from '#core/plan.ts';
import { portfolioEpicOf } from '#core/portfolioEpic.ts';
import { Interner } from '#core/interner.ts';
import { pulledEpicRow } from '#core/epicRows.ts';
import type { StoredEpicRow } from '#core/tables/epicsTable.ts';
import { readFileSync } from 'node:fs';
import { syntheticCore } from './syntheticCore.ts';

const size = Number(process.argv[2] ?? 10_000);
const mappings = mappingsSchema.parse(JSON.parse(readFileSync(new URL('../mappings/work-types.json', import.meta.url), 'utf8')));
const { epics, strategy } = syntheticCore(size);
const now = new Date('2026-11-23T08:00:00Z');
const rowContext = { mappings, policy: defaultBalanceConfig(), now, period: '2026-W48' };
// Rows as a previous run left them, with 1% changed since: the diff has real work to do.
const previousClassify = compileClassifier(mappings);
const previousMap = compileStrategyMapper(strategy, mappings);
// A JSON round trip gives every row its own strings and arrays, as rows parsed from Notion's responses have;
// then they are interned the way connectors/notion/readRows.ts interns them.
const intern = new Interner();
const previous: StoredEpicRow[] = epics.map((epic, i) => {
  if (i % 10_000 === 0) (globalThis as { gc?: () => void }).gc?.();
  const row = JSON.parse(JSON.stringify(pulledEpicRow({ epic, classification: previousClassify(epic), links: previousMap(epic) }, undefined, rowContext))) as StoredEpicRow;
  const values = Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, intern.value(v)])) as StoredEpicRow['values'];
  return { key: row.key, pageId: `page-${i}`, values: i % 100 === 0 ? { ...values, name: 'old name' } : values };
});

// Setup garbage (the JSON round trip) is collected before the core starts, so the peak is the core's working set.
(globalThis as { gc?: () => void }).gc?.();
const setupPeakMb = Math.round(process.resourceUsage().maxRSS / 1024);
const before = process.cpuUsage();
const started = performance.now();
const classified = classifyEpics(epics, { mappings, strategy, overrideOf: () => null });
const balance = computeBalance({
  epics: classified.map(portfolioEpicOf),
  workTypes: mappings.workTypes,
  strategy,
  teamTargets: {},
  policy: defaultBalanceConfig(),
  now,
});
const rowsById = new Map(previous.map((row) => [row.key, row]));
const desired = classified.map((c) => pulledEpicRow(c, rowsById.get(c.epic.id), rowContext));
const plan = planRows(desired, previous, { archiveMissing: true });
const cpu = process.cpuUsage(before);
const wallMs = performance.now() - started;
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

// A yardstick for this machine's speed, taken after the peak was read so it does not raise it: the CPU
// one JSON round trip of the epics takes (touching every input once). Quoting the core's CPU as a
// multiple of it lets runs on different (or differently loaded) machines compare.
const cpuMsOf = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;
const yardstickStart = process.cpuUsage();
JSON.parse(JSON.stringify(epics));
const yardstickMs = cpuMsOf(process.cpuUsage(yardstickStart));

process.stdout.write(
  JSON.stringify({
    epics: size,
    cpuMs: Math.round(cpuMsOf(cpu)),
    cpuPerYardstick: Math.round((cpuMsOf(cpu) / yardstickMs) * 10) / 10,
    wallMs: Math.round(wallMs),
    peakRssMb,
    setupPeakRssMb: setupPeakMb,
    cells: balance.cells.length,
    updates: plan.updates.length,
  }) + '\n',
);
