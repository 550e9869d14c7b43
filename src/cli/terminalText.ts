/* eslint-disable no-control-regex -- matching control characters is this file's job */

/**
 * Text from Jira or Notion printed to a terminal must stay text. An epic
 * summary can carry escape sequences that retitle the window (OSC), clear the
 * screen or move the cursor (CSI), or a carriage return that makes the next
 * text overwrite what was printed. This removes them all.
 */

// Every escape sequence: CSI (ESC [ … final byte); OSC, DCS, SOS, PM and APC strings up to BEL or
// ESC \ on the same line; any other ESC with its intermediate and final bytes. An unterminated string
// loses only its introducer, so the text after it stays visible.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\u0007\u001b\n]*(?:\u0007|\u001b\\)|[ -/]*[0-~]?)/;

// C0 controls but tab and newline, DEL, and C1 controls (U+009B is a one-character CSI to some terminals).
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

// Sequences first, so an ESC is removed with the bytes it governs.
const UNPRINTABLE = new RegExp(`${ESCAPE_SEQUENCE.source}|${CONTROL_CHARACTER.source}`, 'g');

// Select Graphic Rendition codes that only colour or weigh text: reset, bold, dim, normal weight, default
// colour, and foreground colours readable on both light and dark themes (not black, white or grey-white).
// Conceal, background colours and the rest, which could hide text, are not among them.
const COLOUR_CODES = new Set(['', '0', '1', '2', '22', '39', '31', '32', '33', '34', '35', '36', '90', '91', '92', '93', '94', '95', '96']);

function isColour(sequence: string): boolean {
  const sgr = /^\u001b\[([\d;]*)m$/.exec(sequence);
  return sgr !== null && sgr[1]!.split(';').every((code) => COLOUR_CODES.has(code));
}

/**
 * `text` without control characters or escape sequences, keeping newlines and
 * tabs. With `keepColour` (a terminal, where the CLI colours its own output),
 * plain colour codes survive: they cannot move the cursor, erase, retitle or
 * hide anything.
 */
export function terminalText(text: string, options: { keepColour: boolean }): string {
  return text.replace(UNPRINTABLE, (found) => (options.keepColour && isColour(found) ? found : ''));
}
