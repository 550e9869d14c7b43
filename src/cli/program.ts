import { Command, CommanderError, Option } from 'commander';
import { LOG_LEVELS, type LogLevel } from '#log/createLogger.ts';
import { wantsColour } from './colour.ts';
import type { CommandSpec } from './commandSpec.ts';
import type { CliIo, GlobalFlags } from './context.ts';
import { EXIT, type ExitCode } from './exitCodes.ts';
import { packageVersion } from './packageVersion.ts';

/**
 * The command line is parsed by commander. It replaced node:util's parseArgs,
 * which knows no subcommands (global flags were stripped by hand, unknown ones
 * slipped through, and there was no per-command help or version). Commander
 * over yargs (six dependencies) and citty (still 0.x): it has no dependencies,
 * is actively maintained (15.1, November 2026, Node >= 22.12 like us), and gives
 * what a CLI is expected to do: `help <command>` and `<command> --help`, global
 * options before or after the command, unknown flags and commands refused with
 * a suggestion, `--version`; and with `exitOverride` and `configureOutput` it
 * never exits the process and writes only to the streams main() is given.
 */
export type CommandLine =
  | { exit: ExitCode }
  | { command: CommandSpec; options: Record<string, unknown>; flags: GlobalFlags };

const DEFAULT_CONFIG = './backbone-sync.config.json';

const FOOTER = `
Environment:
  JIRA_EMAIL, JIRA_API_TOKEN, NOTION_TOKEN   credentials (names can be changed in the config)
  LOG_LEVEL                                  the log level when --log-level is not given
  NO_COLOR, FORCE_COLOR                      turn colour off (no-color.org) or force it on

Exit codes: 0 ok, 1 failed, 2 bad config or usage, 3 finished but some rows failed,
            4 lint found problems, 5 another run holds the lock.
`;

/** Parses argv into the command to run and its options, or, after help, version or a usage error, the exit code. */
export function parseCommandLine(argv: readonly string[], commands: readonly CommandSpec[], io: CliIo): CommandLine {
  const program = new Command('backbone-sync')
    .description('Classifies Jira epics by work type and writes the portfolio balance to Notion.')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One line: "backbone-sync: unknown option '--x' (Did you mean --full?)"; the hint follows it.
      outputError: (text, write) => write(`backbone-sync: ${text.replace(/^error: /, '').replace(/\n(?=\(Did you mean)/, ' ')}`),
    })
    .option('--config <file>', 'the config file', DEFAULT_CONFIG)
    .option('--pretty', 'human-readable logs, balance table on stdout (the default on a terminal)')
    .option('--no-pretty', 'JSON log lines on stdout (the default otherwise)')
    .addOption(new Option('--log-level <level>', 'the least severe log line written (default: $LOG_LEVEL, else info)').choices(LOG_LEVELS))
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print the help')
    .helpCommand('help [command]', "print a command's usage and options")
    .showHelpAfterError('Run `backbone-sync help` for the commands and options.')
    .configureHelp({ showGlobalOptions: true })
    .addHelpText('after', FOOTER);

  // `as`: set inside a callback, which control-flow narrowing cannot see.
  let chosen = null as { command: CommandSpec; options: Record<string, unknown> } | null;
  for (const spec of commands) {
    // Created after the program is configured, so each inherits its output, exit and help settings.
    const command = program
      .command(spec.name)
      .summary(spec.summary)
      .description(spec.description)
      .showHelpAfterError(`Run \`backbone-sync help ${spec.name}\` for its options.`)
      .action((options: Record<string, unknown>) => {
        chosen = { command: spec, options };
      });
    for (const option of spec.options) {
      if (option.required) command.requiredOption(option.flags, option.description);
      else command.option(option.flags, option.description);
    }
  }

  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    // Help and version "exit" 0; every refusal of the command line is a usage error.
    if (error instanceof CommanderError) return { exit: error.exitCode === 0 ? EXIT.ok : EXIT.badConfig };
    throw error;
  }
  if (!chosen) return { exit: EXIT.badConfig };
  const globals = program.opts<{ config: string; pretty?: boolean; logLevel?: LogLevel }>();
  const logLevel = globals.logLevel ?? io.env['LOG_LEVEL'] ?? 'info';
  if (!isLogLevel(logLevel)) {
    io.stderr.write(`backbone-sync: LOG_LEVEL is "${logLevel}"; use one of ${LOG_LEVELS.join(', ')}, or unset it.\n`);
    return { exit: EXIT.badConfig };
  }
  const pretty = globals.pretty ?? Boolean(io.stdout.isTTY);
  return {
    ...chosen,
    // Colour only in human mode: JSON lines never carry escape codes.
    flags: { config: globals.config, pretty, colour: pretty && wantsColour(io.env, io.stdout), logLevel },
  };
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}
