/**
 * The contract's method and event names without their schemas: the sandboxed preload imports this
 * file alone, so it carries no zod. methods.ts checks at compile time that the lists match.
 */
export const contractMethodNames = [
  'db/info',
  'query/run',
  'query/cancel',
  'library/list',
  'library/get',
  'library/choices',
  'library/favourites',
  'library/setFavourite',
  'pipeline/list',
  'pipeline/plan',
  'pipeline/run',
  'pipeline/cancel',
  'pipeline/history',
  'pipeline/follow',
] as const;
export const contractEventNames = ['query/page', 'pipeline/progress'] as const;

/** The IPC channel on which the main process forwards events to a window. */
export const eventChannel = 'workbench:event';
