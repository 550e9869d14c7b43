import { describe, expect, it } from 'vitest';
import { parseNotionId } from '#core/notionId.ts';

const ID = '1b2c3d4e5f60718293a4b5c6d7e8f901';
const DASHED = '1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901';
const OTHER = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

describe('Notion ids in every form users paste', () => {
  it.each([
    ['32 hex digits', ID],
    ['a dashed uuid', DASHED],
    ['upper case', ID.toUpperCase()],
    ['a notion.so page URL', `https://www.notion.so/Strategy-${ID}`],
    ['a notion.so URL with the workspace in the path', `https://www.notion.so/acme/Strategy-${ID}`],
    ['a database URL with a view', `https://www.notion.so/${ID}?v=${OTHER}`],
    ['a notion.site URL', `https://acme.notion.site/Strategy-${ID}`],
    ["Notion's current app.notion.com/p/ form, with a title", `https://app.notion.com/p/Small-businesses-get-paid-faster-${ID}`],
    ['app.notion.com/p/ without a title', `https://app.notion.com/p/${ID}`],
    ['app.notion.com/p/ with an underscored title that contains hex and dashes', `https://app.notion.com/p/Guide_de_projet_27c6-5125_v2-${ID}`],
    ['a side peek over a database view opens the page in p=', `https://www.notion.so/${OTHER}?v=0f1e2d3c4b5a69788796a5b4c3d2e1f0&p=${ID}&pm=s`],
    ['a centre peek on a notion.site', `https://acme.notion.site/${OTHER}?v=0f1e2d3c4b5a69788796a5b4c3d2e1f0&p=${ID}&pm=c`],
    ['a side peek on app.notion.com', `https://app.notion.com/p/${OTHER}?v=0f1e2d3c4b5a69788796a5b4c3d2e1f0&p=${ID}&pm=s`],
    ['a share link', `https://www.notion.so/share?p=${ID}`],
    ['a notion:// desktop app link', `notion://www.notion.so/acme/Strategy-${ID}`],
    ['a link to a block on the page', `https://www.notion.so/acme/Strategy-${ID}#${OTHER}`],
    ['a percent-encoded title', `https://www.notion.so/acme/Strat%C3%A9gie-%C2%AB2026%C2%BB-${ID}`],
    ['a title pasted unencoded', `https://www.notion.so/acme/Stratégie-2026-${ID}`],
    ['copy-link parameters', `https://www.notion.so/Strategy-${ID}?pvs=4&source=copy_link`],
    ['a trailing slash', `https://www.notion.so/Strategy-${ID}/`],
    ['surrounding spaces', `  https://www.notion.so/Strategy-${ID}  `],
  ])('%s', (_, value) => {
    expect(parseNotionId(value)).toBe(DASHED);
  });

  it.each([
    ['not an id', 'abc'],
    ['an empty string', ''],
    ['another site', `https://example.com/${ID}`],
    ['a look-alike host', `https://notion.so.evil.com/Strategy-${ID}`],
    ['a host that only ends in notion.so', `https://evilnotion.so/Strategy-${ID}`],
    ['a Notion host as user info', `https://www.notion.so@evil.com/Strategy-${ID}`],
    ['a scheme that is not the web or the app', `ftp://www.notion.so/Strategy-${ID}`],
    ['a share link without a page', 'https://www.notion.so/share'],
    ['a p= that is not an id', `https://www.notion.so/${OTHER}?p=nonsense`],
    ['33 hex digits', `https://www.notion.so/a${ID}`],
  ])('rejects %s', (_, value) => {
    expect(parseNotionId(value)).toBeNull();
  });
});
