import { APIResponseError, isNotionClientError } from '@notionhq/client';
import { BackboneError } from '#core/errors.ts';

export interface NotionErrorContext {
  /** What was being touched, e.g. 'the strategy database 1f2e…'. */
  what: string;
  tokenEnv: string;
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
  if (isNotionClientError(error)) {
    return new BackboneError('network', 'notion-client', `Notion request on ${context.what} failed: ${error.message}`, { cause: error });
  }
  return error;
}
