/**
 * The colours Notion gives select options (and so, by default, the chart
 * series grouped by them). A work type names one in `mappings/` so that the
 * report, the Notion options and the charts show it the same way.
 */
export const NOTION_COLOURS = ['default', 'gray', 'brown', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'red'] as const;
export type NotionColour = (typeof NOTION_COLOURS)[number];

/**
 * The colour a work type gets by its position when `mappings/` names none:
 * distinct hues first; gray is left for Unclassified, so unclassified work
 * never looks like a work type.
 */
export const DEFAULT_WORK_TYPE_COLOURS: readonly NotionColour[] = ['blue', 'green', 'orange', 'purple', 'pink', 'red', 'yellow', 'brown'];

export const UNCLASSIFIED_COLOUR: NotionColour = 'gray';
