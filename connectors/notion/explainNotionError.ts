import { APIResponseError, isNotionClientError, RequestTimeoutError as SdkTimeoutError } from '@notionhq/client';
import { BackboneError } from '#core/errors.ts';
import { networkFailure, type NetworkFailure } from '../http/networkFailure.ts';

export interface NotionErrorContext {
  /** What was being touched, e.g. 'the strategy database 1f2e…'. */
  what: string;
  tokenEnv: string;
  /** `notion.baseUrl`: a network failure names its host. */
  baseUrl: string;
}

/** Turns a Notion SDK failure into a message that names the page or database and what to do. */
export function explainNotionError(error: unknown, context: NotionErrorContext): unknown {
  if (error instanceof BackboneError) return error;
  if (APIResponseError.isAPIResponseError(error)) {
    switch (error.code) {
      case 'unauthorized':
        return new BackboneError('auth', 'notion-auth', `Notion rejected the token in ${context.tokenEnv} while reading ${context.what}. Check the integration's secret.`, { cause: error });
      case 'object_not_found':
      case 'restricted_resource':
        return new BackboneError(
          'access',
          'notion-not-shared',
          `Notion cannot see ${context.what}: ${error.message} Open it in Notion, choose ••• → Connections, and add your integration (or fix the id in the config).`,
          { cause: error },
        );
      default:
        return new BackboneError('remote', 'notion-api', `Notion refused a request on ${context.what} (${error.status} ${error.code}): ${error.message}`, { cause: error });
    }
  }
  const failure = SdkTimeoutError.isRequestTimeoutError(error) ? ({ kind: 'timeout' } as const) : networkFailure(error);
  if (failure) return unreachable(failure, error, context);
  if (isNotionClientError(error)) {
    return new BackboneError('network', 'notion-client', `Notion request on ${context.what} failed: ${error.message}`, { cause: error });
  }
  return error;
}

/** No answer from Notion at all: which host, what went wrong on the way, and what to check for that failure. */
function unreachable(failure: NetworkFailure, error: unknown, context: NotionErrorContext): BackboneError {
  const host = new URL(context.baseUrl).host;
  const within = failure.kind === 'timeout' && failure.ms ? `${failure.ms / 1000} seconds` : 'the time allowed';
  const [why, check] = {
    dns: [`the name ${host} does not resolve (DNS)`, `Check notion.baseUrl (${context.baseUrl}) for a typo, and the machine's DNS and proxy settings.`],
    refused: [`${host} refused the connection`, `Check notion.baseUrl (${context.baseUrl}), its port, and any proxy or firewall in between.`],
    dropped: ['the connection was dropped before Notion answered', 'Check the network and any proxy in between, then run again.'],
    timeout: [`no answer within ${within} (notion.requestTimeoutSeconds)`, 'Check the network and any proxy in between; if Notion is only slow, raise notion.requestTimeoutSeconds.'],
  }[failure.kind];
  return new BackboneError('network', 'notion-network', `Could not reach Notion at ${host} while working on ${context.what}: ${why}. ${check}`, { cause: error });
}
