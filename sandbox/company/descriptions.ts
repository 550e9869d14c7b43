import { sandboxUuid } from './ids.ts';
import { SANDBOX_NOTION_IDS } from './notionWorkspace.ts';
import { SANDBOX_STRATEGY_PAGES, type SandboxStrategyPage } from './strategy.ts';

/**
 * Epic descriptions (ADF, as Cloud stores them; the emulator renders Data
 * Center's wiki markup from them), some linking a Usage page in the forms
 * people really paste: old and new page URLs, side peeks, public-site links,
 * as text ending a sentence, in a table, behind a link, or as a smart link.
 */
const USAGE = SANDBOX_STRATEGY_PAGES.filter((p) => !p.inTrash && p.layer === 'Usage');
const STRATEGY_VIEW = sandboxUuid('view:strategy-table');

const hex = (id: string) => id.replaceAll('-', '');
/** How Notion spells a title in a URL: words joined by dashes, case kept. */
const titled = (title: string) => title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
const sidePeek = (origin: string, page: SandboxStrategyPage) => `${origin}/${hex(SANDBOX_NOTION_IDS.strategyDatabase)}?v=${hex(STRATEGY_VIEW)}&p=${hex(page.id)}&pm=s`;

const PAGE_URLS: ((page: SandboxStrategyPage) => string)[] = [
  (p) => `https://www.notion.so/acme/${titled(p.title)}-${hex(p.id)}`,
  // The form Notion's API and share menu give since 2026.
  (p) => `https://app.notion.com/p/${titled(p.title)}-${hex(p.id)}`,
  // A page opened in side peek from the strategy table: the URL names the database, the page is in p=.
  (p) => sidePeek('https://www.notion.so', p),
  (p) => sidePeek('https://acme.notion.site', p),
  (p) => `https://acme.notion.site/${hex(p.id)}`,
];
const SMART_LINKS = ['inlineCard', 'blockCard', 'embedCard'] as const;

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const text = (value: string, href?: string) => ({ type: 'text', text: value, ...(href ? { marks: [{ type: 'link', attrs: { href } }] } : {}) });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const cell = (type: 'tableHeader' | 'tableCell', value: string) => ({ type, attrs: {}, content: [paragraph(text(value))] });
const row = (type: 'tableHeader' | 'tableCell', ...values: string[]) => ({ type: 'tableRow', content: values.map((v) => cell(type, v)) });

function smartLink(kind: (typeof SMART_LINKS)[number], url: string): unknown {
  if (kind === 'inlineCard') return paragraph(text('Strategy: '), { type: 'inlineCard', attrs: { url } });
  return { type: kind, attrs: { url, ...(kind === 'embedCard' ? { layout: 'center' } : {}) } };
}

/**
 * `random` decides whether and which page is linked (the portfolio's numbers);
 * `style` only how, from a stream of its own, so new forms never move them.
 */
export function description(random: () => number, style: () => number, summary: string): unknown {
  const content: unknown[] = [paragraph(text(`${summary}: scope, risks and rollout plan.`))];
  const roll = random();
  const page = pick(random, USAGE);
  const url = pick(style, PAGE_URLS)(page);
  if (roll < 0.05) {
    content.push(style() < 0.5 ? paragraph(text(`Strategy: ${url}.`)) : { type: 'table', attrs: { layout: 'default' }, content: [row('tableHeader', 'Layer', 'Page'), row('tableCell', 'Usage', url)] });
  } else if (roll < 0.1) {
    content.push(paragraph(text('Why: see '), text(page.title, url), text('.')));
  } else if (roll < 0.13) {
    content.push(smartLink(pick(style, SMART_LINKS), url));
  }
  return { type: 'doc', version: 1, content };
}
