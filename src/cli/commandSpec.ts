import type { CommandContext } from './context.ts';
import type { ExitCode } from './exitCodes.ts';

/** One option of a command, as commander reads it: `--dry-run`, `--html <file>`. */
export interface OptionSpec {
  flags: string;
  description: string;
  /** The command cannot run without it: leaving it out is a usage error (exit 2). */
  required?: boolean;
}

/**
 * A command described as data: its name, its help and its options, and what
 * runs it. The command files stay free of the argument parser; `program.ts`
 * turns these into commander commands.
 */
export interface CommandSpec<Options = Record<string, unknown>> {
  name: string;
  /** One line, for the list of commands. */
  summary: string;
  /** The paragraph `help <command>` prints above the options. */
  description: string;
  options: readonly OptionSpec[];
  /** Gets the options by their camelCased long names (`--dry-run` is `dryRun`); a flag left out is undefined. */
  run(ctx: CommandContext, options: Options): Promise<ExitCode>;
}
