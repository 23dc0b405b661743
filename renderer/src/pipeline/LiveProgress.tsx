import { useEffect, useRef, useState } from 'react';
import type { PipelineActivity } from '../../../shared/contract/index.ts';
import { formatElapsed } from '../lib/pgTypes.ts';
import { withKey } from '../lib/platform.ts';
import { describeActivity } from './activity.ts';
import { describeTotals, totalsOf } from './format.ts';
import { pipelineKeys } from './keys.ts';

/** Whole seconds: "0 s", "42 s", "2 min 5 s". */
function formatSeconds(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Milliseconds since an ISO time, ticking every second while `live`. */
function useSince(iso: string, live: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live, iso]);
  return Math.max(0, now - Date.parse(iso));
}

interface LiveProgressProps {
  activity: PipelineActivity;
  /** Asks the core to cancel this plan or run; absent, no Cancel button. */
  onCancel?: () => void;
  /** A cancel was asked for and the work has not stopped yet. */
  cancelling?: boolean;
}

/**
 * A plan or run in flight: the step and its position, a bar, the elapsed time, each step as it
 * finishes with its counts, the newest messages, and a Cancel button (the step in flight is rolled
 * back; finished steps of a run stay applied).
 */
export function LiveProgress({ activity, onCancel, cancelling = false }: LiveProgressProps) {
  const elapsed = useSince(activity.startedAt, true);
  const log = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [activity.messages.length]);
  const doneCount = activity.finished.length;
  return (
    <section className="pipeline-live" aria-label="Pipeline progress">
      <div className="pipeline-live-head">
        <span className="spinner" aria-hidden="true" />
        <strong role="status" aria-live="polite">
          {describeActivity(activity)}
        </strong>
        <span className="spacer" />
        <span className="pipeline-elapsed" title="Elapsed time">
          {formatSeconds(elapsed)}
        </span>
        {onCancel && (
          <button
            className="button"
            onClick={onCancel}
            disabled={cancelling}
            title={withKey(
              activity.mode === 'plan'
                ? 'Cancel the plan (it changes nothing either way)'
                : 'Cancel the run: the step in flight is rolled back and no later step starts; finished steps stay applied',
              pipelineKeys.cancel.label,
            )}
          >
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      <div
        className="pipeline-bar"
        role="progressbar"
        aria-label="Steps finished"
        aria-valuemin={0}
        aria-valuemax={activity.total}
        aria-valuenow={doneCount}
        aria-valuetext={`${doneCount} of ${activity.total} steps finished`}
      >
        <div className="pipeline-bar-fill" style={{ width: `${activity.total ? (100 * doneCount) / activity.total : 0}%` }} />
      </div>
      <ol className="pipeline-live-steps">
        {activity.steps.map((step, i) => {
          const finished = activity.finished.find((f) => f.step === step);
          const current = !finished && activity.step === step;
          const note = finished
            ? `${describeTotals(totalsOf(finished.changes), activity.mode)} · ${formatElapsed(finished.durationMs)}`
            : current
              ? `${activity.mode === 'plan' ? 'planning' : 'running'}…`
              : 'waiting';
          return (
            <li key={step} className={finished ? 'pipeline-live-done' : current ? 'pipeline-live-current' : 'pipeline-live-waiting'} title={`${step}: ${note}`}>
              <span className="pipeline-live-index">{i + 1}</span>
              <span className="pipeline-live-name">{step}</span>
              <span className="pipeline-live-note">{note}</span>
            </li>
          );
        })}
      </ol>
      <ol className="pipeline-log" ref={log} aria-label="Messages">
        {activity.messages.slice(-12).map((m, i, shown) => (
          // Each event adds one message, so a message's event number identifies it.
          <li key={activity.seq - (shown.length - 1 - i)}>{m}</li>
        ))}
      </ol>
    </section>
  );
}
