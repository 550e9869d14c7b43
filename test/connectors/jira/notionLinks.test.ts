import { describe, expect, it } from 'vitest';
import { notionLinksIn } from '#connectors/jira/notionLinks.ts';

const A = '1b2c3d4e5f60718293a4b5c6d7e8f901';
const B = '2c3d4e5f60718293a4b5c6d7e8f9012a';
const C = '3d4e5f60718293a4b5c6d7e8f9012a3b';
const DB = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const VIEW = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const dashed = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, href?: string) => ({ type: 'text', text: value, ...(href ? { marks: [{ type: 'link', attrs: { href } }] } : {}) });
const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });

describe('Notion links in a Cloud (ADF) description', () => {
  it('in plain text, link marks, and inline, block and embed smart links', () => {
    const description = doc(
      paragraph(text(`see https://www.notion.so/acme/Strategy-${A} for why`)),
      paragraph(text('the page', `https://app.notion.com/p/Strategy-${B}?pvs=4`)),
      paragraph({ type: 'inlineCard', attrs: { url: `https://acme.notion.site/${C}` } }),
      { type: 'blockCard', attrs: { url: `https://www.notion.so/${DB}?v=${VIEW}&p=${A}&pm=s` } },
      { type: 'embedCard', attrs: { url: `https://app.notion.com/p/${B}`, layout: 'center', width: 100 } },
      paragraph(text('and https://example.com/1b2c3d4e5f60718293a4b5c6d7e8f901 is not Notion')),
    );
    expect(notionLinksIn(description)).toEqual([dashed(A), dashed(B), dashed(C)]);
  });

  it('a side-peek link names the page in p=, not the database it peeks from', () => {
    expect(notionLinksIn(doc(paragraph(text('Why', `https://www.notion.so/${DB}?v=${VIEW}&p=${A}&pm=s`))))).toEqual([dashed(A)]);
  });

  it('a URL ending a sentence, or in parentheses, keeps its id', () => {
    expect(notionLinksIn(doc(paragraph(text(`Strategy: https://app.notion.com/p/Strategy-${A}. Also (https://www.notion.so/${B}), https://acme.notion.site/${C}, done`))))).toEqual([
      dashed(A),
      dashed(B),
      dashed(C),
    ]);
  });
});

describe('Notion links in a Data Center (wiki markup) description', () => {
  it.each([
    ['a titled link', `h2. Why\n[Strategy|https://www.notion.so/${A}]`],
    ['a smart link', `Why: [https://app.notion.com/p/Strategy-${A}|https://app.notion.com/p/Strategy-${A}|smart-link]`],
    ['a titled smart link', `[Strategy|https://app.notion.com/p/Strategy-${A}|smart-link]`],
    ['a block smart card', `[https://www.notion.so/${A}|https://www.notion.so/${A}|smart-card]`],
    ['a bare URL ending a sentence', `Strategy is https://www.notion.so/acme/Strategy-${A}.`],
    ['a bare URL before a comma', `See https://www.notion.so/acme/Strategy-${A}, then the plan.`],
    ['a table cell', `||Layer||Page||\n|Impact|https://www.notion.so/acme/Strategy-${A}|`],
    ['bold', `*https://www.notion.so/acme/Strategy-${A}*`],
    ['a side peek', `[Strategy|https://acme.notion.site/${DB}?v=${VIEW}&p=${A}&pm=s]`],
    ['a share link', `https://www.notion.so/share?p=${A}`],
    ['a desktop-app link', `Open notion://www.notion.so/acme/Strategy-${A} in the app`],
    ['a link to a block on the page', `https://www.notion.so/acme/Strategy-${A}#${B}`],
    ['a percent-encoded title', `[Stratégie|https://www.notion.so/acme/Strat%C3%A9gie-${A}]`],
  ])('%s', (_, wiki) => {
    expect(notionLinksIn(wiki)).toEqual([dashed(A)]);
  });

  it('links to other sites, even ones dressed up as Notion, are not Notion links', () => {
    const wiki = [
      `[Strategy|https://notion.so.evil.com/Strategy-${A}]`,
      `https://evilnotion.so/Strategy-${A}`,
      `https://www.notion.so@evil.com/Strategy-${A}`,
      `https://example.com/${A}`,
      `https://www.notion.so/share`,
    ].join('\n');
    expect(notionLinksIn(wiki)).toEqual([]);
  });
});
