import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Emulator } from '../emulators/emulator.ts';

export interface SandboxServer {
  /** http://127.0.0.1:<port>: the Jira host and the Notion base URL at once. */
  url: string;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(new URL(req.url ?? '/', origin), { method: req.method ?? 'GET', headers, body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  // A network-error response stands for a dropped connection: drop it for real.
  if (response.type === 'error') {
    res.socket?.destroy();
    return;
  }
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * The HTTP face of the emulators, on 127.0.0.1: Jira paths (/rest/…) and Notion
 * paths (/v1/…) never overlap, so one port serves both systems.
 */
export async function startSandboxServer(options: { jira: Emulator; notion: Emulator; port?: number }): Promise<SandboxServer> {
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const target = req.url?.startsWith('/v1/') ? options.notion : options.jira;
    toRequest(req, origin)
      .then((request) => target.handle(request))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`sandbox error: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
