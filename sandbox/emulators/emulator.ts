/**
 * The one shape every emulated system has: a web Request in, a web Response out.
 * The msw face (sandbox/msw.ts) and the HTTP face (sandbox/server.ts) both call
 * `handle`, so tests and the demo exercise exactly the same behaviour.
 */
export interface Emulator {
  handle(request: Request): Promise<Response>;
}
