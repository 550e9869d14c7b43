import { html, httpUrl, type SafeHtml } from './html.ts';

/** The epic's key, linked to Jira when its URL is a web address; a URL typed into Notion could be anything. */
export function epicLink(epic: { key: string; url: string }): SafeHtml {
  const href = httpUrl(epic.url);
  return href ? html`<a href="${href}">${epic.key}</a>` : html`${epic.key}`;
}
