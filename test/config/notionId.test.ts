import { describe, expect, it } from 'vitest';
import { parseNotionId } from '#core/notionId.ts';

const DASHED = '1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901';

describe('Notion ids in every form users paste', () => {
  it.each([
    ['32 hex digits', '1b2c3d4e5f60718293a4b5c6d7e8f901'],
    ['a dashed uuid', DASHED],
    ['upper case', '1B2C3D4E5F60718293A4B5C6D7E8F901'],
    ['a notion.so page URL', 'https://www.notion.so/acme/Strategy-1b2c3d4e5f60718293a4b5c6d7e8f901'],
    ['a database URL with a view', 'https://www.notion.so/1b2c3d4e5f60718293a4b5c6d7e8f901?v=0a1b2c3d4e5f60718293a4b5c6d7e8f9'],
    ['a notion.site URL', 'https://acme.notion.site/Strategy-1b2c3d4e5f60718293a4b5c6d7e8f901'],
  ])('%s', (_, value) => {
    expect(parseNotionId(value)).toBe(DASHED);
  });

  it.each(['abc', 'https://example.com/1b2c3d4e5f60718293a4b5c6d7e8f901', ''])('rejects %j', (value) => {
    expect(parseNotionId(value)).toBeNull();
  });
});
