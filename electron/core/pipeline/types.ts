import type { SqlRunner } from '../db/index.ts';
import type { PipelineStepName } from '../../../shared/contract/index.ts';

/** The step names are the contract's (shared/contract/pipeline.ts): one list for the core and the app. */
export type StepName = PipelineStepName;

export type ChangeAction = 'insert' | 'update' | 'link' | 'delete';

/**
 * What a step did (or, in a plan, would do) to one table.
 * @example { table: 'branch', action: 'insert', rows: 8, sample: [{ name: 'Denver' }] }
 */
export interface TableChange {
  table: string;
  action: ChangeAction;
  rows: number;
  sample: Record<string, unknown>[];
}

export interface StepReport {
  step: StepName;
  changes: TableChange[];
  /** Findings that are not changes: unmatched quotes, ambiguous quotes, orphans, candidates. */
  notes: Record<string, number>;
  durationMs: number;
}

export interface ChangeOptions {
  /**
   * The link columns the statement writes (each one of links.ts; the statement must return them): the
   * runner checks that every value it wrote points at an existing row, and fails the step if not.
   */
  columns?: readonly string[];
}

/** What a step's `apply` receives: the transaction and a way to report each change. */
export interface StepContext {
  tx: SqlRunner;
  /**
   * Runs a data-changing statement written as `with changed as (… returning …) select …` and records
   * its row count and a sample; see runner.ts.
   */
  change(table: string, action: ChangeAction, sql: string, params?: unknown[], options?: ChangeOptions): Promise<number>;
  note(name: string, count: number): void;
  progress(message: string): void;
}

export interface PipelineStep {
  name: StepName;
  description: string;
  /** Steps that must have run first (the runner orders by these). */
  after: StepName[];
  apply(context: StepContext): Promise<void>;
}
