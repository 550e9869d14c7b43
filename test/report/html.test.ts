import { describe, expect, it } from 'vitest';
import { html, httpUrl } from '#report/html.ts';

describe('html`…`: markup escaped by construction', () => {
  it('escapes every value, in text and in quoted attributes', () => {
    const text = `<b title='x'>"Tom & Jerry"</b>`;
    expect(html`<p title="${text}">${text}</p>`.toString()).toBe(
      '<p title="&lt;b title=&#39;x&#39;&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;">&lt;b title=&#39;x&#39;&gt;&quot;Tom &amp; Jerry&quot;&lt;/b&gt;</p>',
    );
  });

  it('keeps fragments it built itself, and lists of them, without escaping them twice', () => {
    const items = ['a<b', 'c&d'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${3}`.toString()).toBe('<ul><li>a&lt;b</li><li>c&amp;d</li></ul>3');
  });

  it('refuses a value in an unquoted attribute, where escaping cannot stop a second attribute', () => {
    expect(() => html`<a href=${'x onmouseover=alert(1)'}>`).toThrow(/quote the attribute/);
  });
});

describe('httpUrl: which addresses may become links', () => {
  it.each([
    ['https://acme.atlassian.net/browse/PAY-1', 'https://acme.atlassian.net/browse/PAY-1'],
    ['http://jira.internal/browse/PAY-1', 'http://jira.internal/browse/PAY-1'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['/browse/PAY-1', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(httpUrl(text)).toBe(expected);
  });
});
