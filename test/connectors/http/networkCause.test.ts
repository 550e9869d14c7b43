import { describe, expect, it } from 'vitest';
import { networkCause } from '#connectors/http/networkCause.ts';

/** The shape Node's fetch (undici) rejects with: a TypeError whose cause is the socket's error. */
const fetchFailed = (cause: Error) => new TypeError('fetch failed', { cause });
const socketError = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('what lies under "fetch failed"', () => {
  it.each([
    ['a refused connection', fetchFailed(socketError('connect ECONNREFUSED 127.0.0.1:443', 'ECONNREFUSED')), 'connect ECONNREFUSED 127.0.0.1:443'],
    ['an unknown host', fetchFailed(socketError('getaddrinfo ENOTFOUND acme.atlassian.nett', 'ENOTFOUND')), 'getaddrinfo ENOTFOUND acme.atlassian.nett'],
    ['a certificate a proxy replaced', fetchFailed(socketError('unable to verify the first certificate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE')), 'unable to verify the first certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE)'],
    // IPv4 and IPv6 both refused: Node reports an AggregateError with a code and no message.
    ['every address refused', fetchFailed(Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' })), 'ECONNREFUSED'],
    ['a client that wraps the fetch error once more', new Error('Request to https://acme.atlassian.net/rest/api/3/field failed: fetch failed', { cause: fetchFailed(socketError('read ECONNRESET', 'ECONNRESET')) }), 'read ECONNRESET'],
  ])('%s is named', (_, error, said) => {
    expect(networkCause(error)).toBe(said);
  });

  it('is null when nothing under the error says more', () => {
    expect(networkCause(new TypeError('fetch failed'))).toBeNull();
    expect(networkCause('not an error')).toBeNull();
  });
});
