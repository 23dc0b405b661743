import type { EventName, EventPayload, MethodArgs, MethodName, MethodResult, Result } from '../../../shared/contract/index.ts';
import type { Transport, WorkbenchClient } from './types.ts';

export function createClient(transport: Transport): WorkbenchClient {
  return {
    transport: transport.kind,
    call<M extends MethodName>(method: M, args: MethodArgs<M>) {
      return transport.call(method, args) as Promise<Result<MethodResult<M>>>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      return transport.subscribe((name, payload) => {
        if (name === event) listener(payload as EventPayload<E>);
      });
    },
  };
}
