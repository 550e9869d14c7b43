import { describe, expect, it } from 'vitest';
import type { FieldChange } from '#core/history/fieldChange.ts';
import { epicAt } from '#core/history/epicAt.ts';
import { epic } from '../../helpers/epicFactory.ts';

const at = (iso: string) => Date.parse(iso);
const inProgress = { name: 'In Progress', category: 'indeterminate' as const };
const toDo = { name: 'To Do', category: 'new' as const };
const done = { name: 'Done', category: 'done' as const };

describe('an epic as it was at a moment, from its changelog', () => {
  // Created 1 Oct; started 28 Oct; done 4 Nov; reopened 11 Nov; done again 18 Nov.
  const reopened = epic({ created: '2026-10-01T00:00:00.000Z', status: 'Done', statusCategory: 'done', resolved: '2026-11-18T00:00:00.000Z', labels: ['work-growth'] });
  const history: FieldChange[] = [
    { at: at('2026-10-28T00:00:00Z'), field: 'status', from: toDo, to: inProgress },
    { at: at('2026-11-04T00:00:00Z'), field: 'status', from: inProgress, to: done },
    { at: at('2026-11-04T00:00:00Z'), field: 'resolution', from: null, to: 'Done' },
    { at: at('2026-11-11T00:00:00Z'), field: 'status', from: done, to: inProgress },
    { at: at('2026-11-11T00:00:00Z'), field: 'resolution', from: 'Done', to: null },
    { at: at('2026-11-18T00:00:00Z'), field: 'status', from: inProgress, to: done },
    { at: at('2026-11-18T00:00:00Z'), field: 'resolution', from: null, to: 'Done' },
  ];

  it('a reopened epic is done, then open again, then done, with the resolution date each time', () => {
    const state = (iso: string) => {
      const e = epicAt(reopened, history, at(iso))!;
      return [e.status, e.statusCategory, e.resolved];
    };
    expect(state('2026-10-20T00:00:00Z')).toEqual(['To Do', 'new', null]);
    expect(state('2026-11-01T00:00:00Z')).toEqual(['In Progress', 'indeterminate', null]);
    expect(state('2026-11-08T00:00:00Z')).toEqual(['Done', 'done', '2026-11-04T00:00:00.000Z']);
    expect(state('2026-11-15T00:00:00Z')).toEqual(['In Progress', 'indeterminate', null]);
    expect(state('2026-11-20T00:00:00Z')).toEqual(['Done', 'done', '2026-11-18T00:00:00.000Z']);
  });

  it('a relabelled epic carries its old labels before the change and its new ones after', () => {
    const relabelled = epic({ created: '2026-10-01T00:00:00.000Z', labels: ['work-debt', 'impact-x'] });
    const changes: FieldChange[] = [{ at: at('2026-11-10T12:00:00Z'), field: 'labels', from: ['work-growth', 'impact-x'], to: ['work-debt', 'impact-x'] }];
    expect(epicAt(relabelled, changes, at('2026-11-10T11:59:59Z'))!.labels).toEqual(['work-growth', 'impact-x']);
    expect(epicAt(relabelled, changes, at('2026-11-10T12:00:00Z'))!.labels).toEqual(['work-debt', 'impact-x']);
  });

  it('story points are those estimated then, including none', () => {
    const estimated = epic({ created: '2026-10-01T00:00:00.000Z', storyPoints: 8 });
    const changes: FieldChange[] = [
      { at: at('2026-10-10T00:00:00Z'), field: 'storyPoints', from: null, to: 5 },
      { at: at('2026-11-03T00:00:00Z'), field: 'storyPoints', from: 5, to: 8 },
    ];
    expect(epicAt(estimated, changes, at('2026-10-05T00:00:00Z'))!.storyPoints).toBeNull();
    expect(epicAt(estimated, changes, at('2026-10-20T00:00:00Z'))!.storyPoints).toBe(5);
    expect(epicAt(estimated, changes, at('2026-11-20T00:00:00Z'))!.storyPoints).toBe(8);
  });

  it('an epic created after the moment did not exist yet', () => {
    const late = epic({ created: '2026-11-12T00:00:00.000Z' });
    expect(epicAt(late, [], at('2026-11-11T23:59:59Z'))).toBeNull();
    expect(epicAt(late, [], at('2026-11-12T00:00:00Z'))).not.toBeNull();
  });

  it('without any resolution in the changelog, a done epic counts as resolved only once today\'s resolution date has passed', () => {
    const closed = epic({ created: '2026-10-01T00:00:00.000Z', status: 'Done', statusCategory: 'done', resolved: '2026-11-05T00:00:00.000Z' });
    expect(epicAt(closed, [], at('2026-11-04T00:00:00Z'))!.resolved).toBeNull();
    expect(epicAt(closed, [], at('2026-11-06T00:00:00Z'))!.resolved).toBe('2026-11-05T00:00:00.000Z');
  });
});
