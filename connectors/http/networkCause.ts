/**
 * What really failed under fetch's bare "fetch failed": Node's fetch (undici)
 * keeps the socket's error a `cause` or two down, and that is what tells a user
 * what to check: `getaddrinfo ENOTFOUND acme.atlassian.net` (the host name),
 * `connect ECONNREFUSED 10.0.0.5:443` (nothing listening, a proxy), a
 * certificate error (TLS interception). Null when no cause says more.
 */
export function networkCause(error: unknown): string | null {
  let deepest: string | null = null;
  const seen = new Set<unknown>();
  for (let cause = causeOf(error); cause instanceof Error && !seen.has(cause); cause = causeOf(cause)) {
    seen.add(cause);
    const code = (cause as { code?: unknown }).code;
    const said = typeof code === 'string' && !cause.message.includes(code) ? (cause.message ? `${cause.message} (${code})` : code) : cause.message;
    if (said) deepest = said;
  }
  return deepest;
}

function causeOf(error: unknown): unknown {
  return error instanceof Error ? error.cause : undefined;
}
