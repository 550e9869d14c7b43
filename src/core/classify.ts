import type { Epic } from './epic.ts';
import { UNCLASSIFIED, type Mappings, type WorkType } from './mappings.ts';

/** Where a classification came from, in order of precedence. */
export type ClassificationSource = 'override' | 'label' | 'alias' | 'keyword' | 'none';

export interface Classification {
  workType: WorkType;
  source: ClassificationSource;
  /** Human-readable why, e.g. "alias label tech-debt → Debt & Evolution". */
  reason: string;
  /** Work types that also matched at the deciding step and lost; empty when none did. */
  conflicts: readonly WorkType[];
}

export type Classifier = (epic: Epic, override?: string | null) => Classification;

/** Whole-word, case-insensitive and Unicode-aware: "débt" is a word, "refactoring" does not match "refactor". */
function wordPattern(keyword: string): RegExp {
  const escaped = keyword.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * Compiles the rules once, so classifying 100k epics costs map look-ups and a
 * few regex tests each. Work types listed first in `mappings/` win ties; the
 * losers are reported as conflicts, never dropped silently.
 */
export function compileClassifier(mappings: Mappings): Classifier {
  const types = mappings.workTypes;
  const byName = new Map(types.map((t) => [t.name.toLowerCase(), t]));
  const byId = new Map(types.map((t) => [t.id, t]));
  const conventionLabels = new Map(types.map((t) => [`${mappings.conventionPrefix}${t.id}`.toLowerCase(), t]));
  const aliasLabels = new Map<string, WorkType[]>();
  for (const t of types) {
    for (const alias of t.aliases) {
      const key = alias.toLowerCase();
      aliasLabels.set(key, [...(aliasLabels.get(key) ?? []), t]);
    }
  }
  const keywordRules = types.flatMap((t) => t.keywords.map((k) => ({ type: t, keyword: k, pattern: wordPattern(k) })));
  const order = (t: WorkType) => types.indexOf(t);

  const decide = (
    source: ClassificationSource,
    matches: { type: WorkType; evidence: string }[],
    describe: (evidence: string) => string,
  ): Classification | null => {
    if (matches.length === 0) return null;
    const sorted = [...matches].sort((a, b) => order(a.type) - order(b.type));
    const winner = sorted[0]!;
    const conflicts = [...new Set(sorted.map((m) => m.type))].filter((t) => t !== winner.type);
    const conflictNote = conflicts.length
      ? ` (conflict: also ${conflicts.map((t) => t.name).join(', ')}; first listed in mappings wins)`
      : '';
    return {
      workType: winner.type,
      source,
      reason: `${describe(winner.evidence)} → ${winner.type.name}${conflictNote}`,
      conflicts,
    };
  };

  return (epic, override) => {
    if (override) {
      const t = byName.get(override.toLowerCase()) ?? byId.get(override.toLowerCase());
      if (t) return { workType: t, source: 'override', reason: `Work Type Override set in Notion → ${t.name}`, conflicts: [] };
    }
    const labels = epic.labels.map((l) => ({ label: l, key: l.toLowerCase() }));
    return (
      decide(
        'label',
        labels.flatMap(({ label, key }) => {
          const t = conventionLabels.get(key);
          return t ? [{ type: t, evidence: label }] : [];
        }),
        (label) => `label ${label}`,
      ) ??
      decide(
        'alias',
        labels.flatMap(({ label, key }) => (aliasLabels.get(key) ?? []).map((t) => ({ type: t, evidence: label }))),
        (label) => `alias label ${label}`,
      ) ??
      decide(
        'keyword',
        keywordRules.filter((r) => r.pattern.test(epic.summary)).map((r) => ({ type: r.type, evidence: r.keyword })),
        (keyword) => `summary keyword "${keyword}"`,
      ) ?? {
        workType: UNCLASSIFIED,
        source: 'none',
        reason: 'no work label, alias or summary keyword matched',
        conflicts: [],
      }
    );
  };
}
