import { describe, expect, it } from 'vitest';
import type { PipelineActivity, PipelineProgress } from '../../../shared/contract/index.ts';
import { applyProgress, applySnapshot, describeActivity, isInFlight } from './activity.ts';
import { actionLabel, describeChanges, describeTotals, formatAgo, formatWhen, totalsOf } from './format.ts';

const base: PipelineProgress = {
  runId: 'pl-00000001',
  mode: 'run',
  origin: 'first-start',
  phase: 'running',
  steps: ['branches', 'lead-sources', 'sales-persons'],
  step: 'branches',
  index: 1,
  total: 3,
  startedAt: '2026-11-26T06:00:00.000Z',
  seq: 1,
  message: 'running 3 step(s)',
};

const event = (over: Partial<PipelineProgress>): PipelineProgress => ({ ...base, ...over });

describe('pipeline activity in the window', () => {
  it('folds events in order, keeps finished steps once, and drops an event heard twice', () => {
    let state = applyProgress(null, base);
    const finished = { step: 'branches' as const, changes: [{ table: 'branch', action: 'insert' as const, rows: 8 }], notes: {}, durationMs: 120 };
    const second = event({ seq: 2, step: 'lead-sources', index: 2, message: 'branches: 8 row change(s)', finished });
    state = applyProgress(state, second);
    state = applyProgress(state, second);
    expect(state.seq).toBe(2);
    expect(state.finished).toEqual([finished]);
    expect(state.messages).toEqual(['running 3 step(s)', 'branches: 8 row change(s)']);
    expect(describeActivity(state)).toBe('Pipelines running on the new sample: step 2 of 3 (lead-sources)');
    expect(isInFlight(state)).toBe(true);
    state = applyProgress(state, event({ seq: 3, phase: 'done', step: null, index: 3, message: 'run finished' }));
    expect(isInFlight(state)).toBe(false);
    expect(describeActivity(state)).toBe('Pipelines on the new sample finished: 3 of 3 steps');
  });

  it('starts over on another run, and a snapshot replaces only older knowledge', () => {
    const first = applyProgress(null, event({ seq: 5 }));
    const other = applyProgress(first, event({ runId: 'pl-00000002', mode: 'plan', origin: 'user', phase: 'planning', seq: 1 }));
    expect(other).toMatchObject({ runId: 'pl-00000002', seq: 1, finished: [], messages: ['running 3 step(s)'] });
    expect(describeActivity(other)).toBe('Planning: step 1 of 3 (branches)');
    const older: PipelineActivity = { ...other, seq: 0, messages: [], finished: [] };
    expect(applySnapshot(other, older)).toBe(other);
    expect(applySnapshot(other, null)).toBe(other);
    const newer: PipelineActivity = { ...other, seq: 9, phase: 'failed', error: 'boom' };
    expect(applySnapshot(other, newer)).toBe(newer);
    expect(describeActivity(newer)).toBe('Plan failed at step 1 of 3 (branches)');
  });

  it('tells a cancelled run from a failed one, and counts it as ended', () => {
    const cancelled = applyProgress(applyProgress(null, event({ origin: 'user' })), event({ origin: 'user', seq: 2, phase: 'cancelled', step: 'lead-sources', index: 2, message: 'cancelled' }));
    expect(isInFlight(cancelled)).toBe(false);
    expect(describeActivity(cancelled)).toBe('Run cancelled at step 2 of 3 (lead-sources)');
  });
});

describe('pipeline formats', () => {
  const changes = [
    { table: 'branch', action: 'insert' as const, rows: 8 },
    { table: 'job', action: 'link' as const, rows: 1200 },
    { table: 'branch_alias', action: 'update' as const, rows: 0 },
  ];

  it('totals and describes changes for a plan and a run', () => {
    const totals = totalsOf(changes);
    expect(totals).toEqual({ insert: 8, update: 0, link: 1200, delete: 0, total: 1208 });
    expect(describeTotals(totals, 'plan')).toBe('8 to insert · 1,200 to link');
    expect(describeTotals(totals, 'run')).toBe('8 inserted · 1,200 linked');
    expect(describeTotals(totalsOf([]), 'plan')).toBe('no changes');
    expect(describeChanges(changes)).toBe('branch 8 inserted · job 1,200 linked');
    expect(actionLabel('delete', 'plan')).toBe('would delete');
    expect(actionLabel('delete', 'run')).toBe('deleted');
  });

  it('shows times in local time and how long ago', () => {
    const now = new Date(2026, 10, 26, 14, 30, 0);
    expect(formatWhen(new Date(2026, 10, 26, 14, 2, 9).toISOString(), now)).toBe('14:02:09');
    expect(formatWhen(new Date(2026, 10, 25, 9, 5, 0).toISOString(), now)).toBe('2026-11-25 09:05');
    expect(formatAgo(new Date(2026, 10, 26, 14, 29, 30).toISOString(), now)).toBe('just now');
    expect(formatAgo(new Date(2026, 10, 26, 14, 0, 0).toISOString(), now)).toBe('30 min ago');
    expect(formatAgo(new Date(2026, 10, 24, 14, 0, 0).toISOString(), now)).toBe('2 days ago');
  });
});
