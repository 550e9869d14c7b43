// npm run check:report
// Opens the HTML report in a real headless browser (Debian's Chromium:
// `apt-get install chromium`), checks what it rendered, and saves a screenshot
// to docs/report.png. Run `npm run demo` first: it writes .sandbox/report.html.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const report = resolve('.sandbox/report.html');
const browser = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
if (!existsSync(report)) throw new Error(`${report} is missing: run \`npm run demo\` first.`);
if (!browser) throw new Error('Chromium is missing: `apt-get install chromium` (Debian) and run again.');

// The flags keep a sandboxed, offline Chromium from reaching for the network.
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars'];
const url = pathToFileURL(report).href;
const dom = execFileSync(browser, [...flags, '--dump-dom', url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
// Each section the report must answer with (README: "The report"), and the marks that show the answer is there.
const expected = [
  'Portfolio balance',
  'Current mix against target (share of classified',
  'class="target">target ',
  'Trend',
  'What moved since ',
  'Relabelled:',
  'Teams',
  'Epics to fix, by team',
  'Why it is classified so',
  'Which epics serve which target',
  'Impact targets',
  'Usage flows',
  'Connection to strategy',
  'Strategy without work',
  'Orphan work',
  '<svg',
];
const missing = expected.filter((text) => !dom.includes(text));
if (missing.length > 0) throw new Error(`the rendered report lacks: ${missing.join(', ')}`);
// Orphans are counted one way: the list's heading says as many as the balance's portfolio row.
const listed = /Orphan work \((\d+)\)/.exec(dom)?.[1];
const counted = /<td>portfolio<\/td><th>Portfolio<\/th>(?:<td class="num">[^<]*<\/td>){4}<td class="num">(\d+)<\/td>/.exec(dom)?.[1];
if (listed === undefined || listed !== counted) throw new Error(`the report lists ${listed ?? 'no'} orphans but its balance counts ${counted ?? 'none'}`);
if (/<script/i.test(dom)) throw new Error('the rendered report contains a script element');
if (!/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/.test(dom)) throw new Error('the rendered report has no Content-Security-Policy forbidding scripts');

const screenshot = resolve('docs/report.png');
execFileSync(browser, [...flags, `--screenshot=${screenshot}`, '--window-size=1100,3500', url], { stdio: 'ignore' });
process.stdout.write(`rendered ${url} in ${browser}: every section present, no scripts, scripts forbidden by its CSP; screenshot at ${screenshot}\n`);
