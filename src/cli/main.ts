import { parseArgs } from 'node:util';
import { isBackboneError } from '#core/errors.ts';
import { EXIT, EXIT_FOR_KIND, type ExitCode } from './exitCodes.ts';
import { SecretScrubber } from '#log/secrets.ts';
import { defaultSecretsInEnv } from '#config/secretsFromEnv.ts';
import { daemonCommand, daemonUsage } from './commands/daemon.ts';
import { initCommand, initUsage } from './commands/init.ts';
import { lintCommand, lintUsage } from './commands/lint.ts';
import { reportCommand, reportUsage } from './commands/report.ts';
import { syncCommand, syncUsage } from './commands/sync.ts';
import type { CliIo, CommandContext } from './context.ts';
import { guardedStream } from './guardedOutput.ts';

export type { CliIo };

type Command = (ctx: CommandContext) => Promise<ExitCode>;

/** Every command, with its line of help. A new command is a file in commands/ and a line here. */
const COMMANDS: Record<string, { run: Command; usage: string }> = {
  init: { run: initCommand, usage: initUsage },
  sync: { run: syncCommand, usage: syncUsage },
  lint: { run: lintCommand, usage: lintUsage },
  daemon: { run: daemonCommand, usage: daemonUsage },
  report: { run: reportCommand, usage: reportUsage },
};

const usage = () => `Usage: backbone-sync <command> [options]

Commands:
${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n')}

Options:
  --config <file>    config file (default: ./backbone-sync.config.json)
  --pretty           human-readable logs (default on a terminal; JSON lines otherwise)
  -h, --help         this help

Exit codes: 0 ok, 1 failed, 2 bad config or usage, 3 finished but some rows failed,
            4 lint found problems, 5 another run holds the lock.
`;

/** The CLI as a function: parses argv, runs one command, returns the exit code. Importing it does nothing. */
export async function main(argv: readonly string[], rawIo: CliIo): Promise<ExitCode> {
  // Tokens under the default names are known before anything is parsed, so even a config error cannot print them.
  const scrubber = new SecretScrubber().addCredentials(defaultSecretsInEnv(rawIo.env));
  const io: CliIo = { ...rawIo, stdout: guardedStream(rawIo.stdout, scrubber), stderr: guardedStream(rawIo.stderr, scrubber) };
  const fail = (message: string, code: ExitCode): ExitCode => {
    io.stderr.write(`backbone-sync: ${message}\n`);
    return code;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: false,
      options: {
        config: { type: 'string', default: './backbone-sync.config.json' },
        pretty: { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${usage()}`, EXIT.badConfig);
  }
  const [name] = parsed.positionals;
  if (parsed.values.help || !name) {
    io.stdout.write(usage());
    return parsed.values.help ? EXIT.ok : EXIT.badConfig;
  }
  const command = COMMANDS[name];
  if (!command) return fail(`unknown command "${name}"\n\n${usage()}`, EXIT.badConfig);

  // Global flags are taken out; everything else after the command is the command's own.
  const nameIndex = argv.indexOf(name);
  const args = argv.filter((_, i) => i !== nameIndex && !isGlobalFlag(argv, i));
  const ctx: CommandContext = {
    io,
    scrubber,
    args,
    flags: {
      config: String(parsed.values.config),
      pretty: typeof parsed.values.pretty === 'boolean' ? parsed.values.pretty : Boolean(io.stdout.isTTY),
    },
  };
  try {
    return await command.run(ctx);
  } catch (error) {
    if (isBackboneError(error)) return fail(error.message, EXIT_FOR_KIND[error.kind]);
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      return fail(`${error.message}\n\n${usage()}`, EXIT.badConfig);
    }
    return fail(`unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, EXIT.failed);
  }
}

function isGlobalFlag(argv: readonly string[], i: number): boolean {
  const arg = argv[i]!;
  if (arg === '--pretty' || arg === '--no-pretty' || arg === '-h' || arg === '--help' || arg.startsWith('--config=')) return true;
  if (arg === '--config') return true;
  return argv[i - 1] === '--config';
}
