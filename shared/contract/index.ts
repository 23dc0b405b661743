export * from './methods.ts';
export * from './result.ts';
export * from './schemas.ts';
export * from './pipeline.ts';
export { createDispatch } from './dispatch.ts';
export type { Dispatch, ErrorMapper } from './dispatch.ts';
export * from './bridge.ts';
export * from './names.ts';
