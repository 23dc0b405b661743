import { splitMethod } from '../../../shared/contract/bridge.ts';
import type { EventName, MethodName, Result, WorkbenchBridge } from '../../../shared/contract/index.ts';
import type { Transport } from './types.ts';

type AnyMethod = (args: unknown) => Promise<Result<unknown>>;

/** Calls the preload's named methods. */
export function electronTransport(bridge: WorkbenchBridge): Transport {
  return {
    kind: 'electron',
    call(method: MethodName, args: unknown) {
      const [domain, verb] = splitMethod(method);
      const group = (bridge as unknown as Record<string, Record<string, AnyMethod> | undefined>)[domain];
      const fn = group?.[verb];
      if (!fn) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `the bridge has no ${method}` } });
      return fn(args);
    },
    subscribe(listener: (event: EventName, payload: unknown) => void) {
      return bridge.events.subscribe((event, payload) => listener(event, payload));
    },
  };
}
