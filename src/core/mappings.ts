import { z } from 'zod';
import { DEFAULT_WORK_TYPE_COLOURS, NOTION_COLOURS, UNCLASSIFIED_COLOUR, type NotionColour } from './notionColours.ts';

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
    // Notion cuts select options at 100 characters; a cut name would read back as no work type, every run.
    .max(100, 'a work type name is at most 100 characters (Notion select options are)')
    .refine((s) => !s.includes(','), 'a work type name cannot contain a comma (Notion select options cannot)'),
  description: z.string().default(''),
  /** Target share of the portfolio, in percent; omitted means no target. */
  target: z.number().min(0).max(100).optional(),
  /** Other labels that mean this work type (tech-debt, experiment). */
  aliases: z.array(lowerWord).default([]),
  /** Jira components whose epics are this work type (e.g. "Compliance" for Regulatory). */
  components: z.array(z.string().min(1)).default([]),
  /** Jira issue types whose epics are this work type (e.g. a team-managed "Tech Debt Epic"). */
  issueTypes: z.array(z.string().min(1)).default([]),
  /** Jira field rules: epics whose field (by id) has this value, ignoring case, are this work type. */
  fields: z
    .array(z.strictObject({ field: z.string().regex(/^(customfield_\d+|[a-z]+)$/, 'expected a Jira field id such as customfield_10050'), equals: z.string().min(1) }))
    .default([]),
  /** Summary keywords and phrases, matched as whole words, ignoring case and accents. */
  keywords: z.array(z.string().min(1)).default([]),
  /** One of Notion's select colours; absent, one by the work type's position (see `withColours`). */
  colour: z.enum(NOTION_COLOURS).optional(),
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
    const names = new Set<string>();
    m.workTypes.forEach((t, i) => {
      if (names.has(t.name.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['workTypes', i, 'name'], message: `duplicate work type name "${t.name}"` });
      names.add(t.name.toLowerCase());
      if (t.id === 'unclassified') {
        ctx.addIssue({ code: 'custom', path: ['workTypes', i, 'id'], message: '"unclassified" is built in; choose another id' });
      }
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['workTypes', i, 'id'], message: `duplicate work type id "${t.id}"` });
      seen.add(t.id);
    });
  })
  .transform(withColours);

/** Every work type with a colour: its own, else the default for its position, so the report, Notion and the charts agree. */
function withColours<M extends { workTypes: z.infer<typeof workTypeSchema>[] }>(m: M): Omit<M, 'workTypes'> & { workTypes: WorkType[] } {
  return { ...m, workTypes: m.workTypes.map((t, i) => ({ ...t, colour: t.colour ?? DEFAULT_WORK_TYPE_COLOURS[i % DEFAULT_WORK_TYPE_COLOURS.length]! })) };
}

export type Mappings = z.infer<typeof mappingsSchema>;

/** The Jira fields the rules read, so the pull can ask for them by name. */
export function ruleFields(mappings: Mappings): string[] {
  return [...new Set(mappings.workTypes.flatMap((t) => t.fields.map((f) => f.field)))];
}
export type WorkType = z.infer<typeof workTypeSchema> & { colour: NotionColour };

/** The bucket every epic lands in when no rule matches: first-class, never dropped. */
export const UNCLASSIFIED: WorkType = {
  id: 'unclassified',
  name: 'Unclassified',
  description: 'No label, alias, component or keyword rule matched.',
  aliases: [],
  components: [],
  issueTypes: [],
  fields: [],
  keywords: [],
  colour: UNCLASSIFIED_COLOUR,
};
