import { setupServer } from 'msw/node';

/**
 * One msw server per test file. Any request no handler claims fails the test:
 * the engine must never reach the real network.
 */
export const server = setupServer();
