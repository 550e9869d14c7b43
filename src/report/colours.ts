import { UNCLASSIFIED } from '#core/mappings.ts';
import type { NotionColour } from '#core/notionColours.ts';
import type { ReportData } from './reportData.ts';

/** Notion's select colours as it draws them (light theme), so a work type looks the same in the report as in Notion. */
const HEX: Record<NotionColour, string> = {
  default: '#37352f',
  gray: '#9b9a97',
  brown: '#9f6b53',
  orange: '#d9730d',
  yellow: '#cb912f',
  green: '#448361',
  blue: '#337ea9',
  purple: '#9065b0',
  pink: '#c14c8a',
  red: '#d44c47',
};

/** Each work type's colour from mappings/ by name; a name the mappings no longer have is gray, like Unclassified. */
export function workTypeColours(data: Pick<ReportData, 'workTypes'>): (workType: string) => string {
  const byName = new Map([...data.workTypes, UNCLASSIFIED].map((t) => [t.name, HEX[t.colour]]));
  return (workType) => byName.get(workType) ?? HEX[UNCLASSIFIED.colour];
}
