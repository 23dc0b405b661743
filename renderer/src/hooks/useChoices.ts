import { useEffect, useState } from 'react';
import type { LookupChoice, LookupKind, Result } from '../../../shared/contract/index.ts';
import type { WorkbenchClient } from '../transport/types.ts';
import { useClient } from './client.tsx';

export type ChoicesState = { status: 'loading' } | { status: 'ready'; choices: LookupChoice[] } | { status: 'failed'; message: string };

/** One request per lookup table and client, shared by every form that offers it. */
const cache = new WeakMap<WorkbenchClient, Map<LookupKind, Promise<Result<{ choices: LookupChoice[] }>>>>();

function fetchChoices(client: WorkbenchClient, kind: LookupKind): Promise<Result<{ choices: LookupChoice[] }>> {
  let byKind = cache.get(client);
  if (!byKind) cache.set(client, (byKind = new Map()));
  let pending = byKind.get(kind);
  if (!pending) {
    pending = client.call('library/choices', { kind });
    // A failure is not kept: the next form asks again.
    void pending.then((r) => (r.ok ? undefined : byKind?.delete(kind)));
    byKind.set(kind, pending);
  }
  return pending;
}

/** The rows of a lookup table (`library/choices`) to offer in a parameter's select. */
export function useChoices(kind: LookupKind | null): ChoicesState {
  const client = useClient();
  const [state, setState] = useState<ChoicesState>({ status: 'loading' });
  useEffect(() => {
    if (!kind) return;
    let live = true;
    fetchChoices(client, kind).then(
      (result) => {
        if (live) setState(result.ok ? { status: 'ready', choices: result.value.choices } : { status: 'failed', message: result.error.message });
      },
      (error: unknown) => {
        if (live) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [client, kind]);
  return state;
}
