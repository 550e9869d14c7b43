import { z } from 'zod';

/**
 * The label conventions and classification rules in `mappings/`, as data.
 * Strict: a misspelt key in a rule file must fail loudly, not disable a rule.
 */
const lowerWord = z
  .string()
  .min(1)
  .refine((s) => !/\s/.test(s), 'Jira labels cannot contain spaces');

export const workTypeSchema = z.strictObject({
  /** Stable id used in labels and Notion keys, e.g. "debt". */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lowercase id such as "debt"'),
  /** Display name, e.g. "Debt & Evolution". Notion select options cannot hold commas. */
  name: z
    .string()
    .min(1)
    .refine((s) => !s.includes(','), 'a work type name cannot contain a comma (Notion select options cannot)'),
  description: z.string().default(''),
  /** Target share of the portfolio, in percent; omitted means no target. */
  target: z.number().min(0).max(100).optional(),
  /** Other labels that mean this work type (tech-debt, experiment). */
  aliases: z.array(lowerWord).default([]),
  /** Summary keywords, matched as whole words, case-insensitively. */
  keywords: z.array(z.string().min(1)).default([]),
});

export const mappingsSchema = z
  .strictObject({
    /** Convention labels are `<prefix><id>`: work-innovation, work-growth, work-debt. */
    conventionPrefix: lowerWord.default('work-'),
    impactLabelPrefix: lowerWord.default('impact-'),
    usageLabelPrefix: lowerWord.default('usage-'),
    workTypes: z.array(workTypeSchema).min(1),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.workTypes.forEach((t, i) => {
      if (t.id === 'unclassified') {
        ctx.addIssue({ code: 'custom', path: ['workTypes', i, 'id'], message: '"unclassified" is built in; choose another id' });
      }
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['workTypes', i, 'id'], message: `duplicate work type id "${t.id}"` });
      seen.add(t.id);
    });
  });

export type Mappings = z.infer<typeof mappingsSchema>;
export type WorkType = z.infer<typeof workTypeSchema>;

/** The bucket every epic lands in when no rule matches: first-class, never dropped. */
export const UNCLASSIFIED: WorkType = {
  id: 'unclassified',
  name: 'Unclassified',
  description: 'No label, alias or keyword rule matched.',
  aliases: [],
  keywords: [],
};
