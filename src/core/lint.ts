import type { ClassifiedEpic } from './classifiedEpic.ts';
import type { Classification } from './classify.ts';
import type { Mappings } from './mappings.ts';
import type { StrategyPage } from './strategy.ts';
import { byTeamThenKey } from './teamKeyOrder.ts';

export type FindingKind = 'no-work-label' | 'conflicting-labels' | 'unknown-slug' | 'no-impact' | 'no-usage' | 'invalid-override';

export interface Finding {
  team: string;
  key: string;
  summary: string;
  kind: FindingKind;
  problem: string;
  fix: string;
}

/** Edit distance, to suggest the slug someone meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function closestSlug(label: string, mappings: Mappings, strategy: readonly StrategyPage[]): string | null {
  const lower = label.toLowerCase();
  const layer = lower.startsWith(mappings.impactLabelPrefix) ? 'Impact' : 'Usage';
  const prefix = layer === 'Impact' ? mappings.impactLabelPrefix : mappings.usageLabelPrefix;
  const slug = lower.slice(prefix.length);
  const best = strategy
    .filter((p) => p.layer === layer)
    .map((p) => ({ slug: p.slug, d: distance(slug, p.slug) }))
    .sort((a, b) => a.d - b.d)[0];
  return best && best.d <= Math.max(2, Math.floor(slug.length / 3)) ? `${prefix}${best.slug}` : null;
}

type WorkTypeFinding = Pick<Finding, 'kind' | 'problem' | 'fix'>;

/** The ways a classification breaks the work-label conventions, with the fix: what `lint` says, and what the Epics row's Fix holds. */
export function workTypeFindings(c: Classification, mappings: Mappings): WorkTypeFinding[] {
  const findings: WorkTypeFinding[] = [];
  const conventionFor = (id: string) => `${mappings.conventionPrefix}${id}`;
  const add = (kind: FindingKind, problem: string, fix: string) => findings.push({ kind, problem, fix });
  if (c.invalidOverride !== null) {
    add('invalid-override', `Work Type Override "${c.invalidOverride}" names no work type`, `set it to one of: ${mappings.workTypes.map((t) => t.name).join(', ')}, or clear it`);
  }
  if (c.source === 'label' && c.conflicts.length > 0) {
    const labels = [c.workType, ...c.conflicts].map((t) => conventionFor(t.id));
    add('conflicting-labels', `labels ${labels.join(' and ')} disagree (counted as ${c.workType.name})`, `keep one work label: remove ${labels.slice(1).join(', ')} or ${labels[0]}`);
  } else if (c.source !== 'label' && c.source !== 'override') {
    const inferred = c.source === 'none' ? null : c.workType;
    add(
      'no-work-label',
      inferred ? `no work label; inferred ${inferred.name} from ${c.reason.split(' → ')[0]}` : 'no work label, and nothing to infer a work type from',
      inferred ? `add label ${conventionFor(inferred.id)} (or run lint --apply-labels)` : `add one of ${mappings.workTypes.map((t) => conventionFor(t.id)).join(', ')}`,
    );
  }
  return findings;
}

// Epics classified the same way share one Classification object, so 100k rows share a few hundred fix texts.
const fixCache = new WeakMap<Classification, string>();

/** The fixes `lint` gives for an epic's work label, as one text ("" when it follows the conventions). */
export function workTypeFix(c: Classification, mappings: Mappings): string {
  let fix = fixCache.get(c);
  if (fix === undefined) {
    fix = workTypeFindings(c, mappings)
      .map((f) => f.fix)
      .join('; ');
    fixCache.set(c, fix);
  }
  return fix;
}

/**
 * Every way an epic breaks the label conventions, with the fix a PM can apply
 * in Jira. Sorted by team, then key, so the report reads like a to-do list.
 */
export function lintEpics(epics: readonly ClassifiedEpic[], mappings: Mappings, strategy: readonly StrategyPage[]): Finding[] {
  const findings: Finding[] = [];
  for (const { epic, classification: c, links } of epics) {
    const add = (kind: FindingKind, problem: string, fix: string) => findings.push({ team: epic.team, key: epic.key, summary: epic.summary, kind, problem, fix });
    for (const f of workTypeFindings(c, mappings)) add(f.kind, f.problem, f.fix);
    for (const label of links.unknownLabels) {
      const suggestion = closestSlug(label, mappings, strategy);
      add('unknown-slug', `label ${label} names no strategy page`, suggestion ? `did you mean ${suggestion}?` : 'fix the slug, or give the strategy page this Slug in Notion');
    }
    if (links.impact.length === 0) add('no-impact', 'serves no Impact target (orphan)', `add an ${mappings.impactLabelPrefix}<slug> label or link the Impact page in the description`);
    if (links.usage.length === 0) add('no-usage', 'serves no Usage target (orphan)', `add a ${mappings.usageLabelPrefix}<slug> label or link the Usage page in the description`);
  }
  return findings.sort(byTeamThenKey);
}

/** Epics whose work type was inferred (alias, component, keyword): the ones `--apply-labels` would label. */
export function inferredLabels(epics: readonly ClassifiedEpic[], mappings: Mappings): { id: string; key: string; label: string }[] {
  return epics
    .filter(({ classification: c }) => c.source === 'alias' || c.source === 'component' || c.source === 'keyword')
    .map(({ epic, classification }) => ({ id: epic.id, key: epic.key, label: `${mappings.conventionPrefix}${classification.workType.id}` }));
}
