import type { EventName, EventPayload, MethodArgs, MethodName, MethodResult } from './methods.ts';
import type { Result } from './result.ts';

type Domain<N> = N extends `${infer D}/${string}` ? D : never;
type Verb<N, D extends string> = N extends `${D}/${infer V}` ? V : never;

type BridgeMethod<M extends MethodName> = (args: MethodArgs<M>) => Promise<Result<MethodResult<M>>>;

/**
 * What the preload exposes as `window.workbench`: one named function per contract method, grouped by
 * domain (`window.workbench.query.run(args)`), plus a subscription to events. Nothing generic.
 */
export type WorkbenchBridge = {
  readonly transport: 'electron';
  readonly events: {
    subscribe(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): () => void;
  };
} & {
  readonly [D in Domain<MethodName>]: {
    readonly [V in Verb<MethodName, D>]: BridgeMethod<Extract<MethodName, `${D}/${V}`>>;
  };
};

/** Splits 'domain/verb'. */
export function splitMethod(name: MethodName): [string, string] {
  const [domain = '', verb = ''] = name.split('/');
  return [domain, verb];
}
