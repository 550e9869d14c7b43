/**
 * Errors the user can act on. Each carries a stable code, the exit status the
 * CLI ends with, and a message that names the thing to fix (a config path, a
 * Jira key, a Notion page) and what to do about it.
 */
export const EXIT = {
  ok: 0,
  failed: 1,
  badConfig: 2,
  partial: 3,
  lintFindings: 4,
  locked: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class BackboneError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;

  constructor(code: string, message: string, exitCode: ExitCode = EXIT.failed, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackboneError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

export function isBackboneError(value: unknown): value is BackboneError {
  return value instanceof BackboneError;
}

/** A config file or environment problem: exit 2, one line per problem. */
export class ConfigError extends BackboneError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('config', problems.join('\n'), EXIT.badConfig);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
