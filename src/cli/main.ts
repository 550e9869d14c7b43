import { parseArgs } from 'node:util';
import { loadConfig } from '../config/loadConfig.ts';
import { secretsFromEnv } from '../config/secretsFromEnv.ts';
import { EXIT, isBackboneError, type ExitCode } from '../engine/errors.ts';
import { runSync } from '../engine/runSync.ts';
import { createLogger } from '../log/createLogger.ts';
import { SecretScrubber } from '../log/secrets.ts';
import { formatBalanceTable } from './formatBalanceTable.ts';
import { wire } from './wire.ts';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Tests pass 'throw' so an emulator that drifts from Jira's schema fails loudly. */
  onSchemaMismatch?: 'throw' | 'warn';
}

const USAGE = `Usage: backbone-sync <command> [options]

Commands:
  sync              pull Jira epics and Notion strategy, classify, write the balance to Notion
  sync --dry-run    do all of that but write nothing; print what would be written

Options:
  --config <file>   config file (default: ./backbone-sync.config.json)
  --pretty          human-readable logs (default on a terminal; JSON lines otherwise)
  -h, --help        this help

Exit codes: 0 ok, 1 failed, 2 bad config or environment, 3 finished but some rows failed.
`;

/** The CLI as a function: parses argv, runs one command, returns the exit code. Importing it does nothing. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const scrubber = new SecretScrubber();
  const fail = (message: string, code: ExitCode): ExitCode => {
    io.stderr.write(`backbone-sync: ${scrubber.scrub(message)}\n`);
    return code;
  };
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        config: { type: 'string', default: './backbone-sync.config.json' },
        'dry-run': { type: 'boolean', default: false },
        pretty: { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`, EXIT.badConfig);
  }
  const [command] = args.positionals;
  if (args.values.help || !command) {
    io.stdout.write(USAGE);
    return args.values.help ? EXIT.ok : EXIT.badConfig;
  }
  if (command !== 'sync') return fail(`unknown command "${command}"\n\n${USAGE}`, EXIT.badConfig);

  const pretty = args.values.pretty ?? Boolean(io.stdout.isTTY);
  try {
    const loaded = await loadConfig(args.values.config);
    const secrets = secretsFromEnv(loaded.config, io.env);
    scrubber.add(secrets.jiraToken);
    scrubber.add(secrets.notionToken);
    scrubber.addBasic(secrets.jiraEmail, secrets.jiraToken);
    const logger = createLogger({ pretty, scrubber, destination: io.stdout });
    const wiring = wire(loaded.config, secrets, { onSchemaMismatch: io.onSchemaMismatch });
    const startedAt = Date.now();
    const report = await runSync(wiring, {
      mappings: loaded.mappings,
      period: loaded.config.balance.period,
      dryRun: args.values['dry-run'],
      now: io.now?.() ?? new Date(),
      logger,
    });
    // In JSON mode stdout carries only log lines, so the human table goes to stderr.
    const table = formatBalanceTable(report.balance, { colour: pretty && Boolean(io.stdout.isTTY), period: report.period });
    (pretty ? io.stdout : io.stderr).write(`\n${table}`);
    const failed = report.tables.flatMap((t) => t.result?.failed.map((f) => ({ table: t.table, ...f })) ?? []);
    for (const f of failed) {
      logger.error({ table: f.table, key: f.key, action: f.action, err: f.error }, 'row failed; the next run retries it');
    }
    logger.info(
      {
        dryRun: args.values['dry-run'],
        epics: report.epics.length,
        tables: report.tables.map((t) => ({
          table: t.table,
          created: t.result?.created ?? 0,
          updated: t.result?.updated ?? 0,
          archived: t.result?.archived ?? 0,
          unchanged: t.plan.unchanged,
          failed: t.result?.failed.length ?? 0,
          planned: { create: t.plan.creates.length, update: t.plan.updates.length, archive: t.plan.archives.length },
        })),
        requests: { jira: wiring.schedulers.jira.stats, notion: wiring.schedulers.notion.stats },
        durationMs: Date.now() - startedAt,
      },
      'sync finished',
    );
    return failed.length > 0 ? EXIT.partial : EXIT.ok;
  } catch (error) {
    if (isBackboneError(error)) return fail(error.message, error.exitCode);
    return fail(`unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, EXIT.failed);
  }
}
