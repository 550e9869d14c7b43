import { randomUUID } from 'node:crypto';

/** Notion's error body: JSON with a known code and a string message, which the SDK turns into APIResponseError. */
export class NotionApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export const validation = (message: string) => new NotionApiError(400, 'validation_error', message);

export const notFound = (kind: 'database' | 'data_source' | 'page' | 'block' | 'view', id: string) =>
  new NotionApiError(
    404,
    'object_not_found',
    `Could not find ${kind.replace('_', ' ')} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`,
  );

export function errorResponse(error: NotionApiError): Response {
  return Response.json(
    { object: 'error', status: error.status, code: error.code, message: error.message, request_id: randomUUID() },
    { status: error.status },
  );
}
