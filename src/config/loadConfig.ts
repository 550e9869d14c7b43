import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mappingsSchema, type Mappings } from '#core/mappings.ts';
import { targetProblems } from '#core/targets.ts';
import { ConfigError } from '#core/errors.ts';
import { formatIssues } from './formatIssues.ts';
import { configSchema, type Config } from './schema.ts';

export interface LoadedConfig {
  path: string;
  config: Config;
  mappings: Mappings;
  /** The work-types.json in force, so every command can say which rules it runs with. */
  mappingsPath: string;
  /** True when the config names no mappings folder and the package's own rules apply. */
  bundledMappings: boolean;
}

/**
 * The rules shipped in the package's mappings/. Resolved through package.json's
 * `imports`, so the path is right from the sources, from the bundle in dist/ and in
 * an installed copy alike; a config mounted alone (a container's /config) needs no
 * mappings folder beside it.
 */
export const BUNDLED_MAPPINGS_PATH = fileURLToPath(import.meta.resolve('#mappings/work-types.json'));

async function readJson(path: string, missingHint: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError([code === 'ENOENT' ? `${path}: file not found. ${missingHint}` : `${path}: cannot be read (${code ?? String(error)})`]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError([`${path}: not valid JSON (${(error as Error).message})`]);
  }
}

/** Reads and validates the config file and the mappings it points at; every problem is reported at once. */
export async function loadConfig(configPath: string): Promise<LoadedConfig> {
  const path = resolve(configPath);
  const parsed = configSchema.safeParse(
    await readJson(path, 'Copy config.example.json to it, or pass --config <file>.'),
  );
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error));
  const config = parsed.data;
  const mappingsPath = config.mappings ? join(resolve(dirname(path), config.mappings), 'work-types.json') : BUNDLED_MAPPINGS_PATH;
  const mappings = mappingsSchema.safeParse(
    await readJson(
      mappingsPath,
      `The config's "mappings" key points at ${config.mappings}; put work-types.json there, or remove the key to use the bundled rules.`,
    ),
  );
  if (!mappings.success) throw new ConfigError(formatIssues(mappings.error, mappingsPath));
  const targets = targetProblems(mappings.data, config.balance.teamTargets);
  if (targets.length > 0) throw new ConfigError(targets);
  return { path, config, mappings: mappings.data, mappingsPath, bundledMappings: !config.mappings };
}
