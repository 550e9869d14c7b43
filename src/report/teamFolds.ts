import { html, type SafeHtml } from './html.ts';

/**
 * Epics folded by team: one line per team saying how many and what, unfolded
 * the team's table. A team lead opens theirs; the page stays short enough to
 * read top to bottom.
 */
export function teamFolds<E extends { team: string }>(epics: readonly E[], line: (team: string, ofTeam: readonly E[]) => string, table: (ofTeam: readonly E[]) => SafeHtml): SafeHtml {
  const teams = [...new Set(epics.map((e) => e.team))];
  return html`${teams.map((team) => {
    const ofTeam = epics.filter((e) => e.team === team);
    return html`<details><summary><strong>${team}</strong> — ${line(team, ofTeam)}</summary>${table(ofTeam)}</details>`;
  })}`;
}
