/**
 * Whether to colour what goes to `stream`, by the conventions other tools follow
 * (and Node's own `tty.getColorDepth`): FORCE_COLOR wins when set (`0` or
 * `false` turns colour off, anything else on); then NO_COLOR set to anything but
 * the empty string turns it off (no-color.org), as does TERM=dumb; otherwise
 * colour only on a terminal.
 */
export function wantsColour(env: NodeJS.ProcessEnv, stream: { isTTY?: boolean }): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env['NO_COLOR']) return false;
  if (env['TERM'] === 'dumb') return false;
  return Boolean(stream.isTTY);
}
