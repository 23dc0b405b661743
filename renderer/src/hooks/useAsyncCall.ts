import { useCallback, useEffect, useState } from 'react';
import type { ContractError, Result } from '../../../shared/contract/index.ts';

export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: ContractError };

/** Calls `load` on mount and on `reload()`; a late answer of an abandoned call is dropped. */
export function useAsyncCall<T>(load: () => Promise<Result<T>>): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    load().then(
      (result) => {
        if (live) setState(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
      },
      (error: unknown) => {
        if (live) setState({ status: 'failed', error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => {
      live = false;
    };
  }, [load, generation]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setGeneration((g) => g + 1);
  }, []);
  return [state, reload];
}
