// npm run sandbox [-- --reset] [-- --epics N] [-- --dir FOLDER]
// Starts the sandbox (the sample company on emulated Jira and Notion, on
// 127.0.0.1) and keeps it running until Ctrl-C, printing the environment and
// the commands to try every CLI command against it by hand. It shares its
// workspace (.sandbox/) with `npm run demo`.
import { isAbsolute, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { openSandboxSession, SANDBOX_OPTIONS } from './sandboxSession.ts';

const { values } = parseArgs({ options: { ...SANDBOX_OPTIONS, dir: { type: 'string', default: '.sandbox' } } });
const sandbox = await openSandboxSession({ dir: values.dir, reset: values.reset, epics: Number(values.epics) });

/** A path as short as it can be typed from here: relative inside this folder, absolute outside it. */
const typeable = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
};
const config = typeable(sandbox.configPath);
const report = typeable(join(values.dir, 'report.html'));
const exports = Object.entries(sandbox.env).map(([name, value]) => `${name}=${value}`);

process.stdout.write(
  `Sandbox Jira and Notion on ${sandbox.url}` +
    `${sandbox.restored ? ' (workspace kept from the last run; --reset starts over)' : ''}\n` +
    `Config: ${config}\n\n` +
    `In another terminal, in this folder:\n\n` +
    `export ${exports.join(' ')}\n` +
    `npx backbone-sync sync --config ${config} --dry-run\n` +
    `npx backbone-sync sync --config ${config}\n` +
    `npx backbone-sync lint --config ${config}\n` +
    `npx backbone-sync report --config ${config} --html ${report}\n` +
    `npx backbone-sync daemon --config ${config} --schedule "* * * * *" --tz Europe/Berlin\n\n` +
    `Ctrl-C stops the sandbox and keeps its workspace for the next run.\n`,
);

// The open server keeps Node running; a signal saves the workspace and lets it exit.
const stop = (signal: NodeJS.Signals) => {
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  sandbox.close().then(
    () => process.stdout.write(`\n${signal}: sandbox stopped, workspace saved.\n`),
    (error: unknown) => {
      process.stderr.write(`sandbox: could not stop cleanly: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
