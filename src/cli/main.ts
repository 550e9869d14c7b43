import { createLogger } from '#log/createLogger.ts';
import { SecretScrubber } from '#log/secrets.ts';
import { defaultSecretsInEnv } from '#config/secretsFromEnv.ts';
import type { CommandSpec } from './commandSpec.ts';
import { daemonSpec } from './commands/daemon.ts';
import { initSpec } from './commands/init.ts';
import { lintSpec } from './commands/lint.ts';
import { reportSpec } from './commands/report.ts';
import { syncSpec } from './commands/sync.ts';
import type { CliIo, CommandContext } from './context.ts';
import type { ExitCode } from './exitCodes.ts';
import { guardedStream, statusLineOn } from './guardedOutput.ts';
import { parseCommandLine } from './program.ts';
import { reportFailure } from './reportFailure.ts';

export type { CliIo };

/** Every command, in the order the help lists them. A new command is a file in commands/ and a line here. */
const COMMANDS: readonly CommandSpec[] = [initSpec, syncSpec, lintSpec, daemonSpec, reportSpec];

/** The CLI as a function: parses argv, runs one command, returns the exit code. Importing it does nothing. */
export async function main(argv: readonly string[], rawIo: CliIo): Promise<ExitCode> {
  // Tokens under the default names are known before anything is parsed, so even a config error cannot print them.
  const scrubber = new SecretScrubber().addCredentials(defaultSecretsInEnv(rawIo.env));
  const io: CliIo = {
    ...rawIo,
    stdout: guardedStream(rawIo.stdout, scrubber, rawIo.env),
    stderr: guardedStream(rawIo.stderr, scrubber, rawIo.env),
    statusLine: statusLineOn(rawIo.stderr, scrubber) ?? undefined,
  };
  const line = parseCommandLine(argv, COMMANDS, io);
  if ('exit' in line) return line.exit;
  const { command, options, flags } = line;
  const logger = createLogger({ pretty: flags.pretty, colour: flags.colour, level: flags.logLevel, destination: io.stdout });
  const ctx: CommandContext = { io, flags, scrubber, logger };
  try {
    return await command.run(ctx, options);
  } catch (error) {
    return reportFailure(error, command.name, ctx);
  }
}
