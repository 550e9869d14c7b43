#!/usr/bin/env node
// Thin launcher: Node 24 runs the TypeScript sources directly (type stripping).
import { main } from '../src/cli/main.ts';

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
process.exitCode = code;
// A request abandoned at the deadline may hold a socket open; do not let it keep a cron job alive.
setTimeout(() => process.exit(code), 2000).unref();
