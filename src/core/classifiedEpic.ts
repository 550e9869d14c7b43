import type { Classification } from './classify.ts';
import type { Epic } from './epic.ts';
import type { StrategyLinks } from './mapStrategy.ts';

/** An epic with everything the engine decided about it. */
export interface ClassifiedEpic {
  epic: Epic;
  classification: Classification;
  links: StrategyLinks;
}
