#!/usr/bin/env -S node --max-semi-space-size=8
// Thin launcher. In the checkout Node 24 runs the TypeScript sources through it
// directly (type stripping); `npm run build` bundles it, shebang included, into
// dist/backbone-sync.js, the package's bin (Node does not strip types under
// node_modules, so the published package ships JavaScript).
// The flag above caps V8's young generation: by default it grows with the machine's
// memory, and a sync's many short-lived objects would fill it, about 100 MB of peak
// RSS at 100k epics for no CPU saved (bench/README.md). The Dockerfile and the
// `sync` npm script pass the same flag; test/deploy checks they agree.
import { main } from '#cli/main.ts';

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
process.exitCode = code;
// A request abandoned at the deadline may hold a socket open; do not let it keep a cron job alive.
setTimeout(() => process.exit(code), 2000).unref();
