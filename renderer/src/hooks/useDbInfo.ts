import { useCallback } from 'react';
import type { MethodResult } from '../../../shared/contract/index.ts';
import { useClient } from './client.tsx';
import { useAsyncCall } from './useAsyncCall.ts';
import type { AsyncState } from './useAsyncCall.ts';

export type DbInfo = MethodResult<'db/info'>;

/** The connected database, asked once at start-up (and again on retry). */
export function useDbInfo(): [AsyncState<DbInfo>, () => void] {
  const client = useClient();
  const load = useCallback(() => client.call('db/info', {}), [client]);
  return useAsyncCall(load);
}
