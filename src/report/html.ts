/**
 * HTML that is escaped by construction. `html\`…\`` escapes every value put
 * into it, unless the value is a fragment `html` itself built, so text from
 * Jira or Notion can only ever become text: forgetting to escape is not
 * possible, because there is no unescaped way in.
 */
export class SafeHtml {
  readonly #markup: string;

  /** Only `html` makes these: a fragment built any other way could smuggle markup in. */
  private constructor(markup: string) {
    this.#markup = markup;
  }

  static fromTemplate(strings: TemplateStringsArray, values: readonly HtmlValue[]): SafeHtml {
    let markup = strings[0]!;
    values.forEach((value, i) => {
      // Escaping cannot protect an unquoted attribute (a space starts a new one), so the template must quote it.
      if (/=\s*$/.test(strings[i]!)) throw new Error(`html: quote the attribute before value ${i + 1} (write ="\${…}")`);
      markup += render(value) + strings[i + 1]!;
    });
    return new SafeHtml(markup);
  }

  toString(): string {
    return this.#markup;
  }
}

/** What may go into `html`: text and numbers (escaped), fragments (kept), lists of either, and nothing. */
export type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  return SafeHtml.fromTemplate(strings, values);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes for both text and quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined) return '';
  return escapeHtml(String(value));
}

/**
 * An address that is safe in an `href`: only http and https. Anything else
 * (`javascript:`, `data:`, relative paths, garbage) is null, and the caller
 * shows the text without a link.
 */
export function httpUrl(text: string): string | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
