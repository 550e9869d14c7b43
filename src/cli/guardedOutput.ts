import { Writable } from 'node:stream';
import type { SecretScrubber } from '#log/secrets.ts';
import { wantsColour } from './colour.ts';
import { terminalText } from './terminalText.ts';

export type CliStream = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * The one way out to stdout and stderr. `main` wraps both streams once, so
 * whatever writes (a command, the logger, an error message) passes through
 * here and no command can forget: control characters and escape sequences
 * from Jira or Notion are removed, then every secret the scrubber knows (it
 * learns the configured ones when a command loads its config). In that
 * order, so control characters slipped into a token cannot hide it.
 */
export function guardedStream(stream: CliStream, scrubber: SecretScrubber, env: NodeJS.ProcessEnv): CliStream {
  // Colour codes pass where colour is wanted (a terminal, or FORCE_COLOR), by the rule the logger and the table follow.
  const keepColour = wantsColour(env, stream);
  const guarded = new Writable({
    write(chunk: Buffer, _encoding, done) {
      stream.write(scrubber.scrub(terminalText(chunk.toString(), { keepColour })));
      done();
    },
  });
  // Commands and the logger decide on colour and pretty output by whether the real stream is a terminal.
  return Object.assign(guarded, { isTTY: stream.isTTY });
}

/**
 * A line redrawn in place (the progress bar), on a terminal only: null when
 * `stream` is not one. Its text goes through the same cleaning and scrubbing.
 * It is redrawn with a carriage return and blanks over what was longer, no
 * escape codes, so it also suits NO_COLOR terminals.
 */
export function statusLineOn(stream: CliStream, scrubber: SecretScrubber): ((text: string) => void) | null {
  if (!stream.isTTY) return null;
  let shown = 0;
  return (text) => {
    const clean = scrubber.scrub(terminalText(text, { keepColour: false }));
    stream.write(`\r${clean.padEnd(shown)}${text ? '' : '\r'}`);
    shown = clean.length;
  };
}
