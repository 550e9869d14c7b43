import { describe, expect, it } from 'vitest';
import { terminalText } from '#cli/terminalText.ts';

const plain = (text: string) => terminalText(text, { keepColour: false });
const onTerminal = (text: string) => terminalText(text, { keepColour: true });

describe('text printed to a terminal stays text', () => {
  it.each([
    ['a window title (OSC, ended by BEL)', 'Ledger\u001b]0;pwned\u0007 export', 'Ledger export'],
    ['a window title (OSC, ended by ESC \\)', 'Ledger\u001b]2;pwned\u001b\\ export', 'Ledger export'],
    ['a hyperlink hiding its target (OSC 8)', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', 'click'],
    ['an unterminated OSC, which keeps the text after it', 'a\u001b]0;title\nnext line', 'a0;title\nnext line'],
    ['clear screen, cursor moves, erase line', '\u001b[2J\u001b[H\u001b[1A\u001b[2Kx', 'x'],
    ['a full reset (ESC c) and a charset switch', '\u001bc\u001b(0x', 'x'],
    ['a carriage return that overwrites the line', 'secret plan\rall fine   ', 'secret planall fine   '],
    ['backspaces, bell, form feed and DEL', 'a\bb\u0007c\fd\u007fe', 'abcde'],
    ['C1 controls, including the one-character CSI', 'a\u009b2Jb\u009d0;t\u0007c\u0085d', 'a2Jb0;tcd'],
    ['a DCS string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
  ])('removes %s', (_what, text, expected) => {
    expect(plain(text)).toBe(expected);
    expect(onTerminal(text)).toBe(expected);
  });

  it('keeps newlines, tabs and every printable character, emoji and right-to-left text included', () => {
    const text = 'Team\tPAY\n🚀 تحسين تجربة الدفع — naïve ünicode';
    expect(plain(text)).toBe(text);
  });

  it('keeps plain colour codes on a terminal only, and never those that hide text', () => {
    const coloured = '\u001b[36m███\u001b[0m \u001b[1m\u001b[31mERROR\u001b[39m\u001b[22m';
    expect(onTerminal(coloured)).toBe(coloured);
    expect(plain(coloured)).toBe('███ ERROR');
    expect(onTerminal('\u001b[8mhidden\u001b[0m \u001b[30;40mblack on black\u001b[0m \u001b[7minverse')).toBe('hidden\u001b[0m black on black\u001b[0m inverse');
  });
});
