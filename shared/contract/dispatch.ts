import { fail, ok } from './result.ts';
import { isMethodName, methods } from './methods.ts';
import type { CallContext, Handlers, MethodName } from './methods.ts';
import type { ContractError, Result } from './result.ts';

/** Maps an error a handler threw to its contract form; each host supplies one that knows its errors. */
export type ErrorMapper = (error: unknown) => ContractError;

export type Dispatch = (method: unknown, args: unknown, context: CallContext) => Promise<Result<unknown>>;

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path && !issue.message.startsWith(`${path}:`) ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * The single entry every transport calls: checks the method name, parses the arguments with the
 * method's schema, runs the handler, and turns any failure into `{ ok: false, error }` — a bad payload
 * is an answer, never a crash.
 */
export function createDispatch(handlers: Handlers, mapError: ErrorMapper): Dispatch {
  return async (method, rawArgs, context) => {
    if (!isMethodName(method)) return fail('unknown_method', `unknown method: ${String(method).slice(0, 100)}`);
    const parsed = methods[method].args.safeParse(rawArgs ?? {});
    if (!parsed.success) return fail('invalid_arguments', `${method}: ${describeIssues(parsed.error.issues)}`);
    try {
      const handler = handlers[method] as (args: unknown, context: CallContext) => Promise<unknown>;
      return ok(await handler(parsed.data, context));
    } catch (error) {
      return { ok: false, error: mapError(error) };
    }
  };
}

export type { MethodName };
