import type { EventName, MethodName, Result } from '../../shared/contract/index.ts';

/** Main → core process. */
export type CoreRequest =
  | { type: 'call'; id: number; sender: number; method: MethodName; args: unknown }
  | { type: 'cancel-sender'; sender: number }
  | { type: 'shutdown' };

/** Core process → main. */
export type CoreMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; sender: number; event: EventName; payload: unknown }
  | { type: 'progress'; message: string }
  | { type: 'ready'; label: string }
  | { type: 'fatal'; message: string };
