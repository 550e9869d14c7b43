/**
 * The Notion databases the engine owns, described as data: the connector
 * creates them from this, checks their schema against it, and converts row
 * values with it. Properties not listed here belong to people and are left alone.
 */
export type PropertyType = 'title' | 'rich_text' | 'number' | 'select' | 'url' | 'date' | 'relation' | 'checkbox';

export interface PropertySpec {
  name: string;
  type: PropertyType;
  /** Relations point at the strategy database's data source. */
  relation?: 'strategy';
  /** Written by people, read by the engine, never overwritten. */
  humanOwned?: boolean;
}

export interface TableSpec {
  title: string;
  /** The property that holds each row's identity. */
  keyProperty: string;
  properties: readonly PropertySpec[];
}

export const EPICS_TABLE: TableSpec = {
  title: 'Epics',
  keyProperty: 'Jira ID',
  properties: [
    { name: 'Name', type: 'title' },
    { name: 'Jira ID', type: 'rich_text' },
    { name: 'Jira Key', type: 'rich_text' },
    { name: 'Jira URL', type: 'url' },
    { name: 'Team', type: 'select' },
    { name: 'Status', type: 'select' },
    { name: 'Status Category', type: 'select' },
    { name: 'Work Type', type: 'select' },
    { name: 'Classified By', type: 'rich_text' },
    { name: 'Work Type Override', type: 'select', humanOwned: true },
    { name: 'Impact', type: 'relation', relation: 'strategy' },
    { name: 'Usage', type: 'relation', relation: 'strategy' },
    { name: 'Linked By', type: 'rich_text' },
    { name: 'Orphan', type: 'checkbox' },
    { name: 'Story Points', type: 'number' },
    { name: 'Updated', type: 'date' },
    { name: 'Resolved', type: 'date' },
  ],
};

export const BALANCE_TABLE: TableSpec = {
  title: 'Portfolio Balance',
  keyProperty: 'Key',
  properties: [
    { name: 'Name', type: 'title' },
    { name: 'Key', type: 'rich_text' },
    { name: 'Period', type: 'select' },
    { name: 'Scope', type: 'select' },
    { name: 'Scope Name', type: 'rich_text' },
    { name: 'Work Type', type: 'select' },
    { name: 'Epics', type: 'number' },
    { name: 'Points', type: 'number' },
    { name: 'Epic Share', type: 'number' },
    { name: 'Point Share', type: 'number' },
    { name: 'Target', type: 'number' },
    { name: 'Drift (pp)', type: 'number' },
    { name: 'Target Status', type: 'select' },
    { name: 'Impact Linked (epics %)', type: 'number' },
    { name: 'Impact Linked (points %)', type: 'number' },
    { name: 'Usage Linked (epics %)', type: 'number' },
    { name: 'Usage Linked (points %)', type: 'number' },
    { name: 'Orphans', type: 'number' },
  ],
};
