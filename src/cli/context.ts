import { loadConfig, type LoadedConfig } from '#config/loadConfig.ts';
import { secretsFromEnv, type Secrets } from '#config/secretsFromEnv.ts';
import type { Logger, LogLevel } from '#log/createLogger.ts';
import type { SecretScrubber } from '#log/secrets.ts';

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Tests pass 'throw' so an emulator that drifts from Jira's schema fails loudly. */
  onSchemaMismatch?: 'throw' | 'warn';
  /** Where SIGTERM/SIGINT come from; the process by default. */
  signals?: NodeJS.EventEmitter;
  /** Redraws one status line in place on a terminal (main sets it when stderr is one). */
  statusLine?: ((text: string) => void) | undefined;
}

/** What every command gets: the global flags, the IO (scrubbed and made terminal-safe), the logger, and the scrubber the IO uses. */
export interface CommandContext {
  io: CliIo;
  flags: GlobalFlags;
  scrubber: SecretScrubber;
  /** Made before the command runs, so a failure at any step, a bad config too, gets its log line. */
  logger: Logger;
}

export interface GlobalFlags {
  config: string;
  pretty: boolean;
  /** Colours in pretty logs and the balance table: a terminal, unless NO_COLOR (or FORCE_COLOR) says otherwise. */
  colour: boolean;
  logLevel: LogLevel;
}

export interface Loaded extends LoadedConfig {
  secrets: Secrets;
  logger: Logger;
}

/** Config, mappings and secrets, validated; the secrets are registered with the scrubber before any log line. */
export async function loadForCommand(ctx: CommandContext, needs: { jira: boolean } = { jira: true }): Promise<Loaded> {
  const loaded = await loadConfig(ctx.flags.config);
  const secrets = secretsFromEnv(loaded.config, ctx.io.env, needs);
  // The config may name other variables than the defaults main registered.
  ctx.scrubber.addCredentials(secrets);
  ctx.logger.info(
    { mappings: loaded.mappingsPath, bundled: loaded.bundledMappings },
    `classification rules from ${loaded.mappingsPath}${loaded.bundledMappings ? ' (bundled defaults)' : ''}`,
  );
  return { ...loaded, secrets, logger: ctx.logger };
}
