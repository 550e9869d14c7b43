import { networkCause } from '#connectors/http/networkCause.ts';
import { isBackboneError } from '#core/errors.ts';
import type { CommandContext } from './context.ts';
import { EXIT, EXIT_FOR_KIND, type ExitCode } from './exitCodes.ts';

/**
 * How a failed command ends: one message on stderr that says what to fix and,
 * in JSON mode, one `error` log line with the error's kind and code, so a log
 * shipper sees the failure, not only cron's exit status.
 */
export function reportFailure(error: unknown, command: string, ctx: CommandContext): ExitCode {
  const { kind, code, message } = isBackboneError(error) ? error : { kind: 'unexpected', code: 'unexpected', message: unexpected(error, command, ctx) };
  if (ctx.flags.pretty) ctx.logger.debug({ err: error }, 'the failure in full');
  else ctx.logger.error({ command, kind, code, err: error }, message);
  ctx.io.stderr.write(`backbone-sync: ${ctx.scrubber.scrub(message)}\n`);
  return isBackboneError(error) ? EXIT_FOR_KIND[error.kind] : EXIT.failed;
}

/** A failure no connector explained: named as such, with the command, the cause under it, and where to look. */
function unexpected(error: unknown, command: string, ctx: CommandContext): string {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const cause = networkCause(error);
  const where = `unexpected error in \`backbone-sync ${command}\``;
  // Node's fetch rejects every failure to connect, resolve or handshake with this one TypeError.
  if (cause || (error instanceof TypeError && error.message === 'fetch failed')) {
    return `${where}: ${what}${cause ? ` (${cause})` : ''}. A request did not reach its server, and nothing said which: check the network (DNS, proxy, firewall) and jira.host and notion.baseUrl in ${ctx.flags.config}.`;
  }
  return `${where}: ${what}. This is a bug in backbone-sync: please report it with the output of the same run with --log-level debug.`;
}
