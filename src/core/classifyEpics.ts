import type { ClassifiedEpic } from './classifiedEpic.ts';
import { compileClassifier } from './classify.ts';
import type { Epic } from './epic.ts';
import { compileStrategyMapper } from './mapStrategy.ts';
import type { Mappings } from './mappings.ts';
import type { StrategyPage } from './strategy.ts';

export interface ClassificationContext {
  mappings: Mappings;
  strategy: readonly StrategyPage[];
  /** The Work Type Override a person set on the epic's Notion row, if any. */
  overrideOf: (epicId: string) => string | null;
}

/**
 * The one way epics get their work type and strategy links: `lint` calls this,
 * and `sync` its one-at-a-time form below, so what lint reports is what sync
 * writes. The rules compile once per call; each epic then costs a few look-ups.
 */
export function classifyEpics(epics: readonly Epic[], context: ClassificationContext): ClassifiedEpic[] {
  return epics.map(epicClassifier(context));
}

/** The same, one epic at a time: for a caller that keeps only part of each result (sync keeps its row and its balance facts). */
export function epicClassifier(context: ClassificationContext): (epic: Epic) => ClassifiedEpic {
  const classify = compileClassifier(context.mappings);
  const mapStrategy = compileStrategyMapper(context.strategy, context.mappings);
  return (epic) => ({ epic, classification: classify(epic, context.overrideOf(epic.id)), links: mapStrategy(epic) });
}
