import { useCallback, useEffect, useRef, useState } from 'react';
import type { PipelineActivity } from '../../../shared/contract/index.ts';
import { useClient } from '../hooks/client.tsx';
import { applyProgress, applySnapshot } from './activity.ts';

export interface PipelineActivityState {
  /** The plan or run in flight, or the last one this window saw end; null before any. */
  activity: PipelineActivity | null;
  /** Takes in a snapshot from `pipeline/list`, and follows the work if it is still in flight. */
  catchUp(snapshot: PipelineActivity | null): void;
}

/**
 * The window's view of pipeline work, wherever it was started: this window's plan or run (its own
 * call's events), another window's, or the first start's background run on the new sample (followed
 * through `pipeline/follow`, asked once at start-up and again when a snapshot shows work in flight).
 */
export function usePipelineActivity(): PipelineActivityState {
  const client = useClient();
  const [activity, setActivity] = useState<PipelineActivity | null>(null);
  const following = useRef(false);

  useEffect(() => client.on('pipeline/progress', (event) => setActivity((state) => applyProgress(state, event))), [client]);

  const follow = useCallback(() => {
    if (following.current) return;
    following.current = true;
    void client.call('pipeline/follow', {}).then((result) => {
      following.current = false;
      if (result.ok) setActivity((state) => applySnapshot(state, result.value.activity));
    });
  }, [client]);

  useEffect(() => follow(), [follow]);

  const catchUp = useCallback(
    (snapshot: PipelineActivity | null) => {
      setActivity((state) => applySnapshot(state, snapshot));
      if (snapshot && (snapshot.phase === 'planning' || snapshot.phase === 'running')) follow();
    },
    [follow],
  );

  return { activity, catchUp };
}
