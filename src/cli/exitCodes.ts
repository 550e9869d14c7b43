import type { ErrorKind } from '#core/errors.ts';

/** The process's exit statuses, as the README's "Exit codes" section lists them. */
export const EXIT = {
  ok: 0,
  failed: 1,
  badConfig: 2,
  partial: 3,
  lintFindings: 4,
  locked: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Every error kind's exit status, in one place: what a script calling the CLI can tell apart. */
export const EXIT_FOR_KIND: Record<ErrorKind, ExitCode> = {
  config: EXIT.badConfig,
  locked: EXIT.locked,
  auth: EXIT.failed,
  access: EXIT.failed,
  schema: EXIT.failed,
  data: EXIT.failed,
  remote: EXIT.failed,
  network: EXIT.failed,
  deadline: EXIT.failed,
};
