import type { Epic } from '#core/epic.ts';
import type { WorkType } from '#core/mappings.ts';
import type { ExistingRow, Row, RowPlan } from '#core/plan.ts';
import type { StrategyPage } from '#core/strategy.ts';
import type { RejectedEstimate } from '#core/storyPoints.ts';
import type { SyncState } from '#core/syncState.ts';
import type { RowValues, TableSpec, WrittenValues } from '#core/tables/table.ts';
import type { DocBlock } from '#core/dashboardDoc.ts';
import type { EpicHistory } from '#core/history/fieldChange.ts';

/**
 * What the engine needs from the outside world. The CLI wires the Jira and
 * Notion connectors into these; tests can wire the same connectors to the
 * emulator. The engine itself never imports a connector.
 */
export interface PullOptions {
  /** Only epics updated at or after this moment (epoch ms); all epics in scope when absent. */
  updatedSinceMs?: number;
}

export interface EpicSource {
  /** Epics in scope, and the estimates the pull set aside as implausible (the epic then counts as unestimated). */
  pullEpics(options?: PullOptions): Promise<{ epics: Epic[]; jql: string; rejectedEstimates: RejectedEstimate[] }>;
  /** The ids of every epic in scope now (the full pull's query, ids only): how an incremental run learns which epics are gone. */
  inScopeIds(): Promise<string[]>;
}

/** Jira's changelog, for the balance of past periods and the time each epic spent in progress. */
export interface HistorySource {
  /** The changes to status, labels, resolution and story points of these epics (by issue id), oldest first; epics without any are absent. */
  histories(epicIds: readonly string[]): Promise<Map<string, EpicHistory>>;
}

/** Writes back to Jira: only ever adds a label. */
export interface LabelWriter {
  addLabel(issueId: string, label: string): Promise<void>;
}

export interface StrategySource {
  pullStrategy(): Promise<StrategyPage[]>;
}

export interface RowFailure {
  key: string;
  action: 'create' | 'update' | 'archive';
  error: unknown;
}

export interface ApplyResult {
  created: number;
  updated: number;
  archived: number;
  failed: RowFailure[];
}

/** Where an engine-owned database is: since Notion API 2025-09-03 rows live in a data source of the database. */
export interface TableLocation {
  readonly databaseId: string;
  readonly dataSourceId: string;
}

/** One engine-owned Notion database, located and schema-checked. */
export interface Table<S extends TableSpec = TableSpec> extends TableLocation {
  readonly spec: S;
  /** Whether this run created the database. */
  readonly created: boolean;
  /** Names of the engine's columns the database lacked (a person deleted or renamed them): added back unless opened dry. */
  readonly missing: readonly string[];
  readRows(): Promise<ExistingRow<RowValues<S>>[]>;
  /** A desired row as it will read back once stored, so unchanged rows compare equal. */
  asStored(row: Row<WrittenValues<S>>): Row<WrittenValues<S>>;
  /** Writes the plan; `onWritten` is told after each row's write, succeeded or failed (for progress). */
  apply(plan: RowPlan, onWritten?: () => void): Promise<ApplyResult>;
}

export interface TableStore {
  /** Finds or creates the database for `spec` and checks its schema. With `dryRun`, creates nothing. */
  open<S extends TableSpec>(spec: S, options: { dryRun: boolean }): Promise<Table<S> | null>;
}

/** Where the cursor and other run-to-run facts live: in Notion, beside the rows. */
export interface SyncStateStore {
  read(): Promise<SyncState | null>;
  write(state: SyncState): Promise<void>;
}

/** The engine-owned section of the dashboard page. */
export interface Dashboard {
  /** Makes the section show `doc`, writing only where what it shows differs; returns whether it wrote. */
  publish(doc: readonly DocBlock[]): Promise<{ written: boolean }>;
}

/** What the views and property styles depend on: the work types (names, colours, targets), the strategy pages and the period. */
export interface PresentationContext {
  workTypes: readonly WorkType[];
  strategy: readonly StrategyPage[];
  period: string;
}

/**
 * The engine's views on its databases (charts, filtered tables, a board), and
 * how their properties look (option colours, number formats), where the API
 * allows them.
 */
export interface Charts {
  /** A fingerprint of what `ensure` makes for `context`: the engine calls `ensure` again only when it changes. */
  fingerprint(context: PresentationContext): string;
  /** Creates the missing views and brings the engine's own up to date; returns the names it created or changed. */
  ensure(tables: { epics: TableLocation; balance: TableLocation }, context: PresentationContext): Promise<string[]>;
}
