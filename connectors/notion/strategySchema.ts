import { BackboneError } from '#core/errors.ts';

export interface StrategyPropertyNames {
  name: string;
  layer: string;
  slug: string;
  flow: string;
  keywords: string;
}

/** The property types each strategy property is read from (see readStrategyPages). */
const READABLE: Record<keyof StrategyPropertyNames, readonly string[]> = {
  name: ['title', 'rich_text'],
  layer: ['select', 'rich_text'],
  slug: ['rich_text', 'title', 'select'],
  flow: ['select', 'rich_text'],
  keywords: ['multi_select', 'rich_text', 'select'],
};

const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * The strategy database's schema against `notion.strategyProperties`, before
 * any row is read. A property a person deleted or renamed (or a typo in the
 * config) would otherwise make every page look like no strategy page at all,
 * and the run would strip Impact and Usage from the Epics rows.
 */
export function checkStrategySchema(properties: Readonly<Record<string, { type: string }>>, names: StrategyPropertyNames, databaseId: string): void {
  const problems: string[] = [];
  for (const key of Object.keys(READABLE) as (keyof StrategyPropertyNames)[]) {
    const name = names[key];
    const property = properties[name];
    const setting = `notion.strategyProperties.${key}`;
    if (!property) problems.push(`it has no property "${name}" (${setting}): rename the property back in Notion, or set ${setting} to its name`);
    else if (!READABLE[key].includes(property.type)) problems.push(`"${name}" (${setting}) is a ${property.type} property; backbone-sync reads it from ${READABLE[key].join(' or ')}`);
  }
  if (problems.length === 0) return;
  const title = Object.entries(properties).find(([, p]) => p.type === 'title')?.[0];
  throw new BackboneError(
    'schema',
    'strategy-schema',
    `The strategy database ${databaseId} (notion.strategyDatabase) does not have the properties backbone-sync reads: ${problems.join('; ')}. Its properties are ${list(Object.keys(properties))}${title ? ` (the title is "${title}")` : ''}. Nothing was written.`,
  );
}

/**
 * A strategy database with no Impact page is a mistake (a renamed Layer
 * option, pages moved away), never a strategy: syncing it would unlink every
 * epic from its targets. `layers` counts the pages by the Layer value they had.
 */
export function checkImpactPages(layers: ReadonlyMap<string, number>, names: StrategyPropertyNames, databaseId: string): void {
  if ((layers.get('Impact') ?? 0) > 0) return;
  const seen = [...layers].map(([value, count]) => `${value ? `"${value}"` : '(empty)'} × ${count}`).join(', ');
  throw new BackboneError(
    'schema',
    'strategy-no-impact',
    `The strategy database ${databaseId} (notion.strategyDatabase) has no page whose "${names.layer}" (notion.strategyProperties.layer) is Impact${seen ? `; the values there are ${seen}` : '; it has no pages'}. backbone-sync reads pages whose ${names.layer} is exactly "Impact" or "Usage": rename the option back in Notion, or set it on your Impact pages. Nothing was written.`,
  );
}
