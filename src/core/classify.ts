import type { Epic } from './epic.ts';
import { UNCLASSIFIED, type Mappings, type WorkType } from './mappings.ts';
import { compileWordMatcher } from './wordMatcher.ts';

/** Where a classification came from, in order of precedence. `component` covers component and issue-type rules. */
export type ClassificationSource = 'override' | 'label' | 'alias' | 'component' | 'keyword' | 'none';

export interface Classification {
  workType: WorkType;
  source: ClassificationSource;
  /** Human-readable why, e.g. "alias label tech-debt → Debt & Evolution". */
  reason: string;
  /** Work types that also matched at the deciding step and lost; empty when none did. */
  conflicts: readonly WorkType[];
  /** A Work Type Override that names no work type: ignored, and reported. */
  invalidOverride: string | null;
}

export type Classifier = (epic: Epic, override?: string | null) => Classification;

type Match = { type: WorkType; evidence: string };

/** How a reason says other work types matched too: what the Epics view "Conflicts" filters Classified By on. */
export const CONFLICT_NOTE = '(conflict: also';

/** A lookup from a lower-cased name (label, component, issue type) to the work types that claim it. */
function index(types: readonly WorkType[], names: (t: WorkType) => readonly string[]): Map<string, WorkType[]> {
  const map = new Map<string, WorkType[]>();
  for (const t of types) for (const name of names(t)) map.set(name.toLowerCase(), [...(map.get(name.toLowerCase()) ?? []), t]);
  return map;
}

/**
 * Compiles the rules once; each epic then costs a few map look-ups and one pass
 * over its summary's words. Precedence: override, convention label, alias
 * label, component or issue-type rule, summary keyword, else Unclassified. At
 * the deciding step, the work type listed first in `mappings/` wins and the
 * others are reported as conflicts, never dropped silently.
 */
export function compileClassifier(mappings: Mappings): Classifier {
  const types = mappings.workTypes;
  const order = new Map(types.map((t, i) => [t, i]));
  const byName = new Map(types.flatMap((t) => [[t.name.toLowerCase(), t] as const, [t.id, t] as const]));
  const convention = index(types, (t) => [`${mappings.conventionPrefix}${t.id}`]);
  const aliases = index(types, (t) => t.aliases);
  const components = index(types, (t) => t.components);
  const issueTypes = index(types, (t) => t.issueTypes);
  const fieldRules = types.flatMap((type) => type.fields.map((rule) => ({ type, field: rule.field, equals: rule.equals.toLowerCase() })));
  const keywords = compileWordMatcher(types.flatMap((t) => t.keywords.map((phrase) => ({ phrase, value: t }))));

  // Epics that match the same way share one result object: 100k epics make a few hundred, not 100k.
  const seen = new Map<string, Classification>();
  const decide = (source: ClassificationSource, matches: Match[], describe: (evidence: string) => string): Classification | null => {
    if (matches.length === 0) return null;
    const sorted = matches.length === 1 ? matches : [...matches].sort((a, b) => order.get(a.type)! - order.get(b.type)!);
    const winner = sorted[0]!;
    const conflicts = sorted.length === 1 ? [] : [...new Set(sorted.map((m) => m.type))].filter((t) => t !== winner.type);
    const key = `${source}\u0000${winner.evidence}\u0000${winner.type.id}\u0000${conflicts.map((t) => t.id).join(',')}`;
    const known = seen.get(key);
    if (known) return known;
    const note = conflicts.length ? ` ${CONFLICT_NOTE} ${conflicts.map((t) => t.name).join(', ')}; the type listed first in mappings wins)` : '';
    const result = { workType: winner.type, source, reason: `${describe(winner.evidence)} → ${winner.type.name}${note}`, conflicts, invalidOverride: null };
    seen.set(key, result);
    return result;
  };
  const lookup = (map: Map<string, WorkType[]>, names: readonly string[]): Match[] =>
    names.flatMap((name) => (map.get(name.toLowerCase()) ?? []).map((type) => ({ type, evidence: name })));

  const byRules = (epic: Epic): Classification =>
    decide('label', lookup(convention, epic.labels), (l) => `label ${l}`) ??
    decide('alias', lookup(aliases, epic.labels), (l) => `alias label ${l}`) ??
    decide(
      'component',
      [
        ...lookup(components, epic.components).map((m) => ({ ...m, evidence: `component ${m.evidence}` })),
        ...lookup(issueTypes, [epic.issueType]).map((m) => ({ ...m, evidence: `issue type ${m.evidence}` })),
        // A field with several values (a multi-select, a user's name and email) matches when any of them does.
        ...fieldRules.flatMap((r) => {
          const value = epic.fields[r.field]?.find((text) => text.toLowerCase() === r.equals);
          return value === undefined ? [] : [{ type: r.type, evidence: `field ${r.field} = ${value}` }];
        }),
      ],
      (e) => e,
    ) ??
    decide('keyword', keywords.find(epic.summary).map((m) => ({ type: m.value, evidence: m.phrase })), (k) => `summary keyword "${k}"`) ??
    NOTHING_MATCHED;
  const NOTHING_MATCHED: Classification = {
    workType: UNCLASSIFIED,
    source: 'none',
    reason: 'no work label, alias, component or summary keyword matched',
    conflicts: [],
    invalidOverride: null,
  };

  return (epic, override) => {
    if (!override) return byRules(epic);
    const chosen = byName.get(override.toLowerCase());
    if (chosen) return { workType: chosen, source: 'override', reason: `Work Type Override set in Notion → ${chosen.name}`, conflicts: [], invalidOverride: null };
    const fallback = byRules(epic);
    return { ...fallback, reason: `${fallback.reason} (Work Type Override "${override}" names no work type: ignored)`, invalidOverride: override };
  };
}
