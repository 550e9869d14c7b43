import { floorMinute, parseJqlDate } from './jqlDates.ts';
import { JqlError, type JqlNode, type JqlQuery, type JqlValue } from './jqlParse.ts';
import { CATEGORY_NAMES, type JiraIssue, type JiraSite } from './model.ts';

export interface EvalContext {
  site: JiraSite;
  flavour: 'cloud' | 'datacenter';
  timeZone: string;
  now: number;
}

const DATE_FIELDS = new Set(['updated', 'created', 'resolved', 'resolutiondate']);
const TEXT_FIELDS = new Set(['summary', 'text']);
const lower = (s: string) => s.toLowerCase();

/** The epic an issue belongs to, by key and id. */
function epicOf(issue: JiraIssue, ctx: EvalContext): string[] {
  if (!issue.parentKey) return [];
  const parent = ctx.site.issues.find((i) => i.key === issue.parentKey);
  return [lower(issue.parentKey), ...(parent ? [parent.id] : [])];
}

/** Epic Link is searched by its name or its `cf[<n>]` clause, on a site that has the field. */
function isEpicLinkClause(field: string, site: JiraSite): boolean {
  if (site.epicLinkField === null) return false;
  return field === 'epic link' || field === `cf[${site.epicLinkField.split('_')[1]}]`;
}

/** Every value a field holds for an issue, lower-cased, for = / in / is EMPTY. */
function fieldValues(issue: JiraIssue, field: string, ctx: EvalContext): string[] {
  const project = ctx.site.projects.find((p) => p.key === issue.projectKey)!;
  const type = ctx.site.issueTypes.find((t) => t.id === issue.typeId)!;
  switch (field) {
    case 'project':
      return [project.key, project.name, project.id].map(lower);
    case 'issuetype':
    case 'type':
      return [type.name, type.id].map(lower);
    case 'status':
      return [lower(issue.status.name)];
    case 'statuscategory':
      return [issue.status.category, CATEGORY_NAMES[issue.status.category]].map(lower);
    case 'labels':
      return issue.labels.map(lower);
    case 'component':
      return issue.components.map(lower);
    case 'key':
    case 'issuekey':
      return [lower(issue.key)];
    case 'id':
      return [issue.id];
    case 'parent':
      // On Data Center `parent` is a sub-task's parent only; children of an epic are found through Epic Link.
      return ctx.flavour === 'cloud' ? epicOf(issue, ctx) : [];
    case 'summary':
      return [lower(issue.summary)];
    default:
      if (isEpicLinkClause(field, ctx.site)) return epicOf(issue, ctx);
      throw new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
  }
}

function dateOf(issue: JiraIssue, field: string): number | null {
  if (field === 'updated') return issue.updated;
  if (field === 'created') return issue.created;
  return issue.resolved;
}

function checkProjectValues(values: JqlValue[], ctx: EvalContext): void {
  for (const v of values) {
    const known = ctx.site.projects.some((p) => [p.key, p.name, p.id].map(lower).includes(lower(v.text)));
    if (!known) throw new JqlError(`The value '${v.text}' does not exist for the field 'project'.`);
  }
}

function compareDate(issue: JiraIssue, node: Extract<JqlNode, { kind: 'clause' }>, ctx: EvalContext): boolean {
  const value = node.values[0]!;
  const at = parseJqlDate(value.text, ctx.timeZone, ctx.now);
  if (at === null) {
    throw new JqlError(`Date value '${value.text}' for field '${node.field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`);
  }
  const actual = dateOf(issue, node.field);
  if (actual === null) return false;
  // Minute precision on both sides, as Jira compares.
  const a = floorMinute(actual);
  const b = floorMinute(at);
  switch (node.op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
  throw new JqlError(`The operator '${node.op}' is not supported by the '${node.field}' field.`);
}

/** Checks the query once against the site (unknown projects, fields), before any issue is matched. */
export function validateQuery(query: JqlQuery, ctx: EvalContext): void {
  const visit = (node: JqlNode | null): void => {
    if (!node) return;
    if (node.kind === 'and' || node.kind === 'or') node.children.forEach(visit);
    else if (node.kind === 'not') visit(node.child);
    else if (node.kind === 'clause' && node.field === 'project' && (node.op === '=' || node.op === 'in')) checkProjectValues(node.values, ctx);
  };
  visit(query.where);
}

export function matches(issue: JiraIssue, node: JqlNode | null, ctx: EvalContext): boolean {
  if (!node) return true;
  switch (node.kind) {
    case 'and':
      return node.children.every((c) => matches(issue, c, ctx));
    case 'or':
      return node.children.some((c) => matches(issue, c, ctx));
    case 'not':
      return !matches(issue, node.child, ctx);
    case 'empty': {
      const empty = DATE_FIELDS.has(node.field) ? dateOf(issue, node.field) === null : fieldValues(issue, node.field, ctx).length === 0;
      return empty !== node.negated;
    }
    case 'clause': {
      if (DATE_FIELDS.has(node.field)) return compareDate(issue, node, ctx);
      if (TEXT_FIELDS.has(node.field) && (node.op === '~' || node.op === '!~')) {
        const words = lower(node.values[0]!.text).split(/\s+/).filter(Boolean);
        const hit = words.every((w) => lower(issue.summary).includes(w));
        return node.op === '~' ? hit : !hit;
      }
      const have = fieldValues(issue, node.field, ctx);
      const wanted = node.values.map((v) => lower(v.text));
      const any = wanted.some((w) => have.includes(w));
      if (node.op === '=' || node.op === 'in') return any;
      if (node.op === '!=' || node.op === 'not in') return !any;
      throw new JqlError(`The operator '${node.op}' is not supported by the '${node.field}' field.`);
    }
  }
}

/** Orders by the ORDER BY fields, else by key number, newest first, like Jira's default of created DESC. */
export function order(issues: JiraIssue[], query: JqlQuery): JiraIssue[] {
  const keyNumber = (i: JiraIssue) => Number(i.key.split('-')[1]);
  const by = query.orderBy.length ? query.orderBy : [{ field: 'created', desc: true }];
  return [...issues].sort((a, b) => {
    for (const { field, desc } of by) {
      const x = field === 'key' || field === 'issuekey' ? `${a.projectKey}-${String(keyNumber(a)).padStart(9, '0')}` : field === 'id' ? Number(a.id) : (dateOf(a, field) ?? 0);
      const y = field === 'key' || field === 'issuekey' ? `${b.projectKey}-${String(keyNumber(b)).padStart(9, '0')}` : field === 'id' ? Number(b.id) : (dateOf(b, field) ?? 0);
      if (x !== y) return (x < y ? -1 : 1) * (desc ? -1 : 1);
    }
    return Number(a.id) - Number(b.id);
  });
}
