import { useCallback } from 'react';
import type { MethodResult } from '../../../shared/contract/index.ts';
import { useClient } from './client.tsx';
import { useAsyncCall } from './useAsyncCall.ts';
import type { AsyncState } from './useAsyncCall.ts';

export type Library = MethodResult<'library/list'>;

/** The saved queries with their parameters, and the library files that did not load (`library/list`). */
export function useLibrary(): [AsyncState<Library>, () => void] {
  const client = useClient();
  const load = useCallback(() => client.call('library/list', {}), [client]);
  return useAsyncCall(load);
}
