/**
 * `npm audit` at high severity, telling "no advisories" apart from "the
 * registry would not answer": some registry mirrors refuse the audit endpoint
 * (405), and an audit that did not run must not read as a clean one.
 * Exit 0: no high or critical advisory; 1: some found; 0 with NOT RUN printed
 * when the registry refused, so CI on such a mirror still runs the tests.
 */
import { spawnSync } from 'node:child_process';
import { auditVerdict } from './auditVerdict.ts';

const npm = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8', shell: process.platform === 'win32' });
const verdict = auditVerdict(npm.stdout);
process.stdout.write(`${verdict.message}\n`);
process.exitCode = verdict.ok ? 0 : 1;
