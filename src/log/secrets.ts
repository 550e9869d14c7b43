/**
 * Tokens must never reach a log line, an error message, Notion or a report.
 * Redacting by field name (pino's `redact`) misses a token echoed inside a
 * message, so all text leaving the CLI is scrubbed of the secret values
 * themselves: its stdout and stderr, the bodies it sends to Notion, and the
 * report file.
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

  /** Both tokens, and the Basic header Jira's client builds from the email and the Jira token. */
  addCredentials(credentials: { jiraEmail?: string; jiraToken?: string; notionToken?: string }): this {
    this.add(credentials.jiraToken);
    this.add(credentials.notionToken);
    this.addBasic(credentials.jiraEmail, credentials.jiraToken);
    return this;
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join('[REDACTED]');
    return out;
  }
}
