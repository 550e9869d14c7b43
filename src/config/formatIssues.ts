import type { z } from 'zod';

/** One line per problem, naming the JSON path: `notion.strategyDatabase: expected a Notion id or URL, got "abc"`. */
export function formatIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    const where = [prefix, path].filter(Boolean).join(prefix && path ? ': ' : '');
    return `${where || '(root)'}: ${issue.message}`;
  });
}
