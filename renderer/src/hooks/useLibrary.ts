import { useCallback } from 'react';
import type { LibraryQuerySummary } from '../../../shared/contract/index.ts';
import { useClient } from './client.tsx';
import { useAsyncCall } from './useAsyncCall.ts';
import type { AsyncState } from './useAsyncCall.ts';

/** The saved queries (`library/list`). */
export function useLibrary(): [AsyncState<LibraryQuerySummary[]>, () => void] {
  const client = useClient();
  const load = useCallback(async () => {
    const result = await client.call('library/list', {});
    return result.ok ? { ok: true as const, value: result.value.queries } : result;
  }, [client]);
  return useAsyncCall(load);
}
