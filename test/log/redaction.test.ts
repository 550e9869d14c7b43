import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
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
  const scrubber = new SecretScrubber();
  scrubber.add(token);
  scrubber.addBasic('me@example.com', token);

  it.each([false, true])('pretty=%s: tokens are redacted by field name and by value', (pretty) => {
    const out = sink();
    const logger = createLogger({ pretty, scrubber, destination: out.stream });
    logger.info({ headers: { authorization: `Bearer ${token}` }, token }, `calling with ${token}`);
    logger.error({ err: new Error(`401 for Basic ${Buffer.from(`me@example.com:${token}`).toString('base64')}`) }, 'failed');
    const text = out.text();
    expect(text).toContain('[REDACTED]');
    expect(text).not.toContain(token);
    expect(text).not.toContain(Buffer.from(`me@example.com:${token}`).toString('base64'));
  });
});
