import { z } from 'zod';

/**
 * The fields the engine asks Jira for, parsed loosely: Jira adds fields over
 * time and new keys must never break a sync, but a missing key or summary must.
 */
export const BASE_FIELDS = [
  'summary',
  'labels',
  'status',
  'issuetype',
  'project',
  'components',
  'created',
  'updated',
  'resolutiondate',
  'description',
] as const;

const named = z.looseObject({ name: z.string() });

export const epicFieldsSchema = z.looseObject({
  summary: z.string().nullish(),
  labels: z.array(z.string()).nullish(),
  status: z
    .looseObject({
      name: z.string(),
      statusCategory: z.looseObject({ key: z.string() }).nullish(),
    })
    .nullish(),
  issuetype: z.looseObject({ name: z.string(), hierarchyLevel: z.number().nullish() }).nullish(),
  project: z.looseObject({ key: z.string(), name: z.string().nullish() }),
  components: z.array(named).nullish(),
  created: z.string().nullish(),
  updated: z.string().nullish(),
  resolutiondate: z.string().nullish(),
  description: z.unknown(),
});

export type EpicFields = z.infer<typeof epicFieldsSchema>;
