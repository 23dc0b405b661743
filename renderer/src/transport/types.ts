import type { EventName, EventPayload, MethodArgs, MethodName, MethodResult, Result } from '../../../shared/contract/index.ts';

/** How calls reach the core: the Electron bridge or HTTP + WebSocket. Feature code never sees which. */
export interface Transport {
  readonly kind: 'electron' | 'http';
  call(method: MethodName, args: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

/** The typed client feature code uses. */
export interface WorkbenchClient {
  readonly transport: Transport['kind'];
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<Result<MethodResult<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
