import { classifyEpics } from '#core/classifyEpics.ts';
import { inferredLabels, lintEpics, type Finding } from '#core/lint.ts';
import { EPICS_TABLE, overridesByEpic } from '#core/tables/epicsTable.ts';
import { warnRejectedEstimates } from '#engine/warnRejectedEstimates.ts';
import type { CommandSpec } from '../commandSpec.ts';
import { EXIT, type ExitCode } from '../exitCodes.ts';
import { loadForCommand, type CommandContext } from '../context.ts';
import { wire } from '../wire.ts';

interface LintOptions {
  applyLabels?: boolean;
  dryRun?: boolean;
}

export const lintSpec: CommandSpec<LintOptions> = {
  name: 'lint',
  summary: 'list the epics that break the label conventions, with a fix for each',
  description: 'List, per team, the epics that break the label conventions, with a fix for each. Exits 4 when there are any, so it can gate CI.',
  options: [
    {
      flags: '--apply-labels',
      description: 'add the inferred work-* label in Jira to epics classified by alias, component or keyword (never removes a label)',
    },
    { flags: '--dry-run', description: 'with --apply-labels: print the labels it would add, add none' },
  ],
  run: lintCommand,
};

function formatFindings(findings: readonly Finding[]): string {
  const lines: string[] = [];
  const teams = [...new Set(findings.map((f) => f.team))];
  for (const team of teams) {
    const ofTeam = findings.filter((f) => f.team === team);
    const keys = [...new Set(ofTeam.map((f) => f.key))];
    lines.push(`${team}  (${keys.length} epic${keys.length === 1 ? '' : 's'} to fix)`);
    for (const key of keys) {
      const ofEpic = ofTeam.filter((f) => f.key === key);
      lines.push(`  ${key}  ${ofEpic[0]!.summary}`);
      for (const f of ofEpic) lines.push(`    - ${f.problem}\n      fix: ${f.fix}`);
    }
  }
  const epics = new Set(findings.map((f) => f.key)).size;
  lines.push(findings.length ? `\n${findings.length} problem(s) in ${epics} epic(s) across ${teams.length} team(s).` : 'Every epic follows the label conventions.');
  return `${lines.join('\n')}\n`;
}

/** `backbone-sync lint`: the conventions as a gate for CI or a Jira automation. */
export async function lintCommand(ctx: CommandContext, options: LintOptions): Promise<ExitCode> {
  // The flags under their command-line names.
  const values = { 'apply-labels': options.applyLabels ?? false, 'dry-run': options.dryRun ?? false };
  const { config, mappings, secrets, logger } = await loadForCommand(ctx);
  const ports = wire(config, secrets, { logger, mappings, onSchemaMismatch: ctx.io.onSchemaMismatch });
  const [{ epics, rejectedEstimates }, strategy, table] = await Promise.all([
    ports.jira.pullEpics(),
    ports.strategy.pullStrategy(),
    ports.tables.open(EPICS_TABLE, { dryRun: true }),
  ]);
  warnRejectedEstimates(logger, rejectedEstimates);
  // Overrides set in Notion count, so a bad one is reported too.
  // The same rule as sync: of duplicate rows, the oldest override counts.
  const overrides = overridesByEpic(table ? await table.readRows() : []);
  const classified = classifyEpics(epics, { mappings, strategy, overrideOf: (id) => overrides.get(id) ?? null });
  let findings = lintEpics(classified, mappings, strategy);

  if (values['apply-labels']) {
    const toLabel = inferredLabels(classified, mappings);
    for (const { id, key, label } of toLabel) {
      if (values['dry-run']) ctx.io.stdout.write(`would add ${label} to ${key}\n`);
      else await ports.labels.addLabel(id, label);
    }
    if (!values['dry-run']) {
      const labelled = new Set(toLabel.map((t) => t.key));
      findings = findings.filter((f) => !(f.kind === 'no-work-label' && labelled.has(f.key)));
      ctx.io.stdout.write(`added a work label to ${toLabel.length} epic(s) in Jira\n`);
    }
    logger.info({ epics: toLabel.length, dryRun: values['dry-run'] }, values['dry-run'] ? 'labels planned (dry run: nothing written)' : 'labels added');
  }
  ctx.io.stdout.write(formatFindings(findings));
  return findings.length > 0 ? EXIT.lintFindings : EXIT.ok;
}
