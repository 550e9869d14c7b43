import { http } from 'msw/http';
import type { Emulator } from '../emulators/emulator.ts';

/** The msw face of the emulators: every request under a base URL goes to its emulator. */
export function emulatorHandlers(routes: { baseUrl: string; emulator: Emulator }[]) {
  return routes.map(({ baseUrl, emulator }) =>
    http.all(`${baseUrl.replace(/\/$/, '')}/*`, ({ request }) => emulator.handle(request)),
  );
}
