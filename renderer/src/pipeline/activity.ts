import type { PipelineActivity, PipelineProgress } from '../../../shared/contract/index.ts';

/** How many messages the live view keeps. */
export const messageLimit = 50;

/**
 * Folds one `pipeline/progress` event into what the window knows of the work in flight. A window
 * may hear an event twice (as the caller and as a follower): an event not newer than the state is
 * dropped. An event of another run starts over from that event.
 */
export function applyProgress(state: PipelineActivity | null, event: PipelineProgress): PipelineActivity {
  const { finished, ...fields } = event;
  if (!state || state.runId !== event.runId) {
    return { ...fields, finished: finished ? [finished] : [], messages: [event.message] };
  }
  if (event.seq <= state.seq) return state;
  const known = finished && state.finished.some((f) => f.step === finished.step);
  const messages = [...state.messages, event.message].slice(-messageLimit);
  return { ...state, ...fields, finished: finished && !known ? [...state.finished, finished] : state.finished, messages };
}

/** A snapshot the core sent (from `pipeline/list` or `pipeline/follow`) replaces older knowledge only. */
export function applySnapshot(state: PipelineActivity | null, snapshot: PipelineActivity | null): PipelineActivity | null {
  if (!snapshot) return state;
  if (state && state.runId === snapshot.runId && state.seq > snapshot.seq) return state;
  return snapshot;
}

export const isInFlight = (activity: PipelineActivity | null): boolean => activity !== null && (activity.phase === 'planning' || activity.phase === 'running');

/** "Step 3 of 8: customers", "Done: 8 of 8 steps", for the status bar and the live view. */
export function describeActivity(activity: PipelineActivity): string {
  const what = activity.mode === 'plan' ? 'Planning' : activity.origin === 'first-start' ? 'Pipelines running on the new sample' : 'Running pipelines';
  switch (activity.phase) {
    case 'planning':
    case 'running':
      return `${what}: step ${activity.index} of ${activity.total}${activity.step ? ` (${activity.step})` : ''}`;
    case 'done':
      return `${activity.mode === 'plan' ? 'Plan' : activity.origin === 'first-start' ? 'Pipelines on the new sample' : 'Run'} finished: ${activity.total} of ${activity.total} steps`;
    case 'failed':
      return `${activity.mode === 'plan' ? 'Plan' : 'Run'} failed${activity.step ? ` at step ${activity.index} of ${activity.total} (${activity.step})` : ''}`;
    case 'cancelled':
      return `${activity.mode === 'plan' ? 'Plan' : 'Run'} cancelled${activity.step ? ` at step ${activity.index} of ${activity.total} (${activity.step})` : ''}`;
  }
}
