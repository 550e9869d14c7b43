/**
 * Tokens must never reach a log line, an error message or a report. Redacting
 * by field name (pino's `redact`) misses a token echoed inside a message, so
 * every line written is also scrubbed of the secret values themselves.
 */
const MIN_SECRET_LENGTH = 6;

export class SecretScrubber {
  readonly #secrets: string[] = [];

  add(value: string | undefined): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.#secrets.includes(value)) return;
    this.#secrets.push(value);
    // Longest first, so a secret containing another is replaced whole.
    this.#secrets.sort((a, b) => b.length - a.length);
  }

  /** The Basic header's base64 of `email:token` leaks the token just as well as the token itself. */
  addBasic(email: string | undefined, token: string | undefined): void {
    if (email && token) this.add(Buffer.from(`${email}:${token}`).toString('base64'));
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join('[REDACTED]');
    return out;
  }
}
