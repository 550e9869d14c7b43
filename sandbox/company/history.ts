import { recordChange, tracked, type Tracked } from '../emulators/jira/changelog.ts';
import type { JiraIssue, JiraSite } from '../emulators/jira/model.ts';
import { SANDBOX_PEOPLE } from './people.ts';

/**
 * The sample company's changelogs: how each epic got to where it is today.
 * Every epic starts in To Do with no resolution; work starts, sometimes goes
 * back, some done work is reopened, estimates change; and over the quarter
 * before today two teams tell a story the trend can show:
 *
 * - Platform drifts from Growth into Debt: most of its epics that are Debt
 *   & Evolution today were labelled `work-growth` until, one by one over the
 *   quarter, they were relabelled.
 * - Mobile catches up: most of its Growth epics carried no work label at all
 *   (Unclassified) until it labelled them during the quarter.
 *
 * The history always ends in today's state, so everything tests know about
 * today still holds (a relabelled epic's last update moves up to its
 * relabelling, never past the reference date). It draws from a random stream
 * of its own.
 */
const DAY = 86_400_000;
const QUARTER = 12 * 7 * DAY;

type Event = { at: number; patch: Partial<Tracked> };

const DEBT_LABELS = new Set(['work-debt', 'tech-debt', 'ktlo', 'migration', 'refactor', 'upgrade']);
const GROWTH_LABELS = new Set(['work-growth', 'retention', 'conversion', 'acquisition', 'monetization']);
const WORK_LABEL = /^work-/i;

/** Moments in (from, to], in order; none when the range is empty. */
function momentsBetween(random: () => number, from: number, to: number, count: number): number[] {
  if (to <= from) return [];
  return Array.from({ length: count }, () => from + 1 + Math.floor(random() * (to - from))).sort((a, b) => a - b);
}

/** The status changes that end in the epic's status today, between its creation and its last change (or resolution). */
function statusEvents(random: () => number, issue: JiraIssue): Event[] {
  const { category, name } = issue.status;
  const end = category === 'done' && issue.resolved !== null ? issue.resolved : issue.updated;
  const inProgress = { status: { name: 'In Progress', category: 'indeterminate' as const } };
  if (category === 'new') {
    // Some work was started and put back.
    const [start, back] = momentsBetween(random, issue.created, end, 2);
    return random() < 0.15 && start !== undefined && back !== undefined ? [{ at: start, patch: inProgress }, { at: back, patch: { status: { ...issue.status } } }] : [];
  }
  if (category === 'indeterminate') {
    const [start, review] = momentsBetween(random, issue.created, end, 2);
    if (start === undefined) return [{ at: issue.created + 1, patch: { status: { ...issue.status } } }];
    return name === 'In Progress' ? [{ at: start, patch: inProgress }] : [{ at: start, patch: inProgress }, { at: review!, patch: { status: { ...issue.status } } }];
  }
  const done = { status: { ...issue.status }, resolved: issue.resolved };
  const [start, firstDone, reopened] = momentsBetween(random, issue.created, end - 1, 3);
  if (start === undefined) return [{ at: end, patch: done }];
  // A few epics were closed once, reopened, and closed again.
  if (random() < 0.15 && firstDone !== undefined && reopened !== undefined) {
    return [
      { at: start, patch: inProgress },
      { at: firstDone, patch: { status: { ...issue.status }, resolved: firstDone } },
      { at: reopened, patch: { ...inProgress, resolved: null } },
      { at: end, patch: done },
    ];
  }
  return [{ at: start, patch: inProgress }, { at: end, patch: done }];
}

/** Platform's Debt epics that were Growth, and Mobile's Growth epics that had no work label: the labels they started with. */
function earlierLabels(random: () => number, issue: JiraIssue): string[] | null {
  const lower = issue.labels.map((l) => l.toLowerCase());
  const workLabels = lower.filter((l) => WORK_LABEL.test(l));
  if (issue.projectKey === 'PLAT' && lower.some((l) => DEBT_LABELS.has(l)) && workLabels.length <= 1 && random() < 0.9) {
    return [...issue.labels.filter((l) => !DEBT_LABELS.has(l.toLowerCase())), 'work-growth'];
  }
  if (issue.projectKey === 'MOB' && lower.some((l) => GROWTH_LABELS.has(l)) && workLabels.length <= 1 && random() < 0.9) {
    return issue.labels.filter((l) => !GROWTH_LABELS.has(l.toLowerCase()));
  }
  return null;
}

/** The relabelling happens at any moment of the quarter, so the drift is steady; the epic was last updated no earlier than that. */
function labelEvents(random: () => number, issue: JiraIssue, now: number): { initial: string[]; events: Event[] } {
  const earlier = earlierLabels(random, issue);
  const [at] = momentsBetween(random, Math.max(issue.created, now - QUARTER), now, 1);
  if (!earlier || at === undefined) return { initial: [...issue.labels], events: [] };
  issue.updated = Math.max(issue.updated, at);
  return { initial: earlier, events: [{ at, patch: { labels: [...issue.labels] } }] };
}

const RE_ESTIMATES = [null, 3, 5, 8, 13];

function pointEvents(random: () => number, issue: JiraIssue): { initial: number | null; events: Event[] } {
  const [at] = momentsBetween(random, issue.created, issue.updated, 1);
  const earlier = RE_ESTIMATES[Math.floor(random() * RE_ESTIMATES.length)]!;
  if (random() < 0.25 && at !== undefined && earlier !== issue.storyPoints) return { initial: earlier, events: [{ at, patch: { storyPoints: issue.storyPoints } }] };
  return { initial: issue.storyPoints, events: [] };
}

/** Gives every epic of the site its changelog, ending in its state today. */
export function addSandboxHistory(site: JiraSite, random: () => number, now: number): void {
  for (const issue of site.issues) {
    if (issue.parentKey !== null) continue;
    const labels = labelEvents(random, issue, now);
    const points = pointEvents(random, issue);
    const events = [...statusEvents(random, issue), ...labels.events, ...points.events].sort((a, b) => a.at - b.at);
    let state: Tracked = { status: { name: 'To Do', category: 'new' }, labels: labels.initial, resolved: null, storyPoints: points.initial };
    const author = SANDBOX_PEOPLE[Math.floor(random() * SANDBOX_PEOPLE.length)]!.accountId;
    issue.changelog = [];
    for (const { at, patch } of events) {
      const next = { ...tracked(state), ...patch };
      recordChange(issue, state, next, site, at, author);
      state = next;
    }
  }
}
