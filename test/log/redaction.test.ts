import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { guardedStream } from '#cli/guardedOutput.ts';
import { createLogger } from '#log/createLogger.ts';
import { SecretScrubber } from '#log/secrets.ts';

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => lines.join('') };
}

describe('no token reaches the logs', () => {
  const token = 'ntn_fake_token_for_tests_0123456789';
  const basic = Buffer.from(`me@example.com:${token}`).toString('base64');
  const scrubber = new SecretScrubber().addCredentials({ jiraEmail: 'me@example.com', jiraToken: token });

  it.each([false, true])('pretty=%s: the logger redacts token fields by name, the CLI output by value', (pretty) => {
    const out = sink();
    const logger = createLogger({ pretty, destination: guardedStream(out.stream, scrubber, {}) });
    logger.info({ headers: { authorization: `Bearer ${token}` }, token }, `calling with ${token}`);
    logger.error({ err: new Error(`401 for Basic ${basic}`) }, 'failed');
    const text = out.text();
    expect(text).toContain('[REDACTED]');
    expect(text).not.toContain(token);
    expect(text).not.toContain(basic);
  });

  it('a token broken up by control characters is still found, since they are removed first', () => {
    const out = sink();
    guardedStream(out.stream, scrubber, {}).write(`leaked ${token.slice(0, 10)}\u001b[0m${token.slice(10)}\n`);
    expect(out.text()).toBe('leaked [REDACTED]\n');
  });
});
