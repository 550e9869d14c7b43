/**
 * ADF to the wiki markup a Data Center site stores, for the nodes the sample
 * company writes: paragraphs as lines, link marks as `[text|url]`, smart links
 * as `[url|url|smart-link]` (inline), `|smart-card]` (block) and
 * `|smart-embed]` (embed), tables as `||header||` and `|cell|` rows.
 */
type AdfNode = { type?: string; text?: string; content?: unknown[]; marks?: { type: string; attrs?: { href?: string } }[]; attrs?: { url?: string } };

const SMART_LINKS: Record<string, string> = { inlineCard: 'smart-link', blockCard: 'smart-card', embedCard: 'smart-embed' };

export function adfToWiki(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as AdfNode;
  if (n.type === 'text') {
    const link = n.marks?.find((m) => m.type === 'link')?.attrs?.href;
    return link ? `[${n.text}|${link}]` : (n.text ?? '');
  }
  const smart = n.type ? SMART_LINKS[n.type] : undefined;
  if (smart) {
    const url = n.attrs?.url ?? '';
    return `[${url}|${url}|${smart}]${n.type === 'inlineCard' ? '' : '\n'}`;
  }
  if (n.type === 'tableRow') {
    const cells = (n.content ?? []) as AdfNode[];
    const bar = cells[0]?.type === 'tableHeader' ? '||' : '|';
    return `${bar}${cells.map((cell) => adfToWiki(cell).trim()).join(bar)}${bar}\n`;
  }
  const inner = (n.content ?? []).map(adfToWiki).join('');
  return n.type === 'paragraph' ? `${inner}\n` : inner;
}
