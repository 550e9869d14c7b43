import type { JiraEmulator } from '../emulators/jira/index.ts';
import type { JiraIssue } from '../emulators/jira/model.ts';

const DAY = 86_400_000;

export interface WeekOfWork {
  relabelled: string[];
  started: string[];
}

/**
 * A week in the sample company's Jira, so the demo has a previous period to
 * compare with: four open Growth epics, Platform's and Payments' first, are
 * relabelled Debt & Evolution (a reliability push), and Insights starts two
 * Innovation epics.
 * Done work also leaves the mix on its own as the week passes (the recent-done
 * window moves). Deterministic: the same epics every time.
 */
export function aWeekOfWork(jira: JiraEmulator, at: number): WeekOfWork {
  const epics = jira.site.issues.filter((i) => i.parentKey === null);
  const relabelled = ['PLAT', 'PAY']
    .flatMap((team) => epics.filter((i) => i.projectKey === team && i.status.category !== 'done' && i.labels.includes('work-growth') && !i.labels.includes('work-debt')))
    .slice(0, 4);
  for (const issue of relabelled) {
    jira.updateIssue(issue.id, { labels: [...issue.labels.filter((l) => l !== 'work-growth'), 'work-debt'], updated: at - 2 * DAY });
  }
  const template = epics.find((i) => i.projectKey === 'DATA' && i.status.category !== 'done' && i.labels.includes('work-innovation'))!;
  const nextId = Math.max(...jira.site.issues.map((i) => Number(i.id))) + 1;
  const nextKey = Math.max(...jira.site.issues.filter((i) => i.projectKey === 'DATA').map((i) => Number(i.key.split('-')[1]))) + 1;
  const started = ['Cash-flow forecast for marketplaces', 'Explore AI categorisation of receipts'].map((summary, n): JiraIssue => ({
    ...template,
    id: String(nextId + n),
    key: `DATA-${nextKey + n}`,
    summary,
    status: { name: 'In Progress', category: 'indeterminate' },
    resolved: null,
    created: at - 3 * DAY,
    updated: at - 3 * DAY,
    storyPoints: 8,
  }));
  jira.site.issues.push(...started);
  return { relabelled: relabelled.map((i) => i.key), started: started.map((i) => i.key) };
}
