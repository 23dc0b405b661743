import type { PipelineActivity } from '../../../shared/contract/index.ts';
import { describeActivity, isInFlight } from './activity.ts';

/**
 * The status bar's note of pipeline work in flight, wherever it started (the first start's background
 * run on the new sample included); a click shows the pipeline screen.
 */
export function PipelineStatus({ activity, onShow }: { activity: PipelineActivity | null; onShow(): void }) {
  if (!activity || !isInFlight(activity)) return null;
  return (
    <button className="status-item pipeline-status-item" onClick={onShow} title="Show the pipeline screen">
      <span className="spinner" aria-hidden="true" />
      {describeActivity(activity)}
    </button>
  );
}
