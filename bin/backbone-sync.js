#!/usr/bin/env -S node --max-semi-space-size=8 --heap-growing-percent=20
// Thin launcher. In the checkout Node 24 runs the TypeScript sources through it
// directly (type stripping); `npm run build` bundles it, shebang included, into
// dist/backbone-sync.js, the package's bin (Node does not strip types under
// node_modules, so the published package ships JavaScript).
// The flags above keep memory flat: the first caps V8's young generation (by default
// it grows with the machine's memory, and a sync's many short-lived objects would
// fill it: about 100 MB of peak RSS at 100k epics for no CPU saved); the second has
// the old generation grow by 20% before its next collection instead of V8's default
// of up to 4x, so the garbage of thousands of Notion writes is collected as it goes
// (a 12,000-epic first sync peaks at 178 MB instead of 339, for some 17% more CPU in
// a run bound by Notion's rate anyway: bench/README.md). The Dockerfile and the
// `sync` npm script pass the same flags; test/deploy checks they agree.
import { main } from '#cli/main.ts';

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
process.exitCode = code;
// A request abandoned at the deadline may hold a socket open; do not let it keep a cron job alive.
setTimeout(() => process.exit(code), 2000).unref();
