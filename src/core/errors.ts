/**
 * Errors a user can act on, as kinds, in the style of jira.js 6's error module:
 * callers test with a predicate (`isBackboneError(e)`) and read `e.kind` instead of parsing
 * messages. Each carries a stable `code` ('jira-auth', 'notion-schema') and a
 * message that names the thing to fix (a config path, a Jira key, a Notion
 * page) and what to do. No exit codes here: the CLI maps kinds to them in one
 * table (src/cli/exitCodes.ts), so connectors never know how they are run.
 */
export type ErrorKind =
  /** The config file, the mappings, the command line or the environment: fix them and run again. */
  | 'config'
  /** Another run holds the lock for the same Notion pages. */
  | 'locked'
  /** Jira or Notion refused the credentials. */
  | 'auth'
  /** Jira or Notion cannot see something the config names (not shared, wrong id). */
  | 'access'
  /** A Notion database or a Jira site is not shaped as the engine needs. */
  | 'schema'
  /** Data the engine cannot use as it is (an ambiguous slug, a malformed issue). */
  | 'data'
  /** Jira or Notion refused a request for another reason. */
  | 'remote'
  /** Jira or Notion could not be reached in time. */
  | 'network'
  /** The run passed its deadline. */
  | 'deadline';

export class BackboneError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;

  constructor(kind: ErrorKind, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackboneError';
    this.kind = kind;
    this.code = code;
  }
}

/** A config file or environment problem, one line per problem. */
export class ConfigError extends BackboneError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('config', 'config', problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function isBackboneError(value: unknown): value is BackboneError {
  return value instanceof BackboneError;
}
