import { isMac } from '../lib/platform.ts';

/**
 * The pipeline screen's shortcuts, on Alt (⌥) like the app's others and matched on `event.code`;
 * they act only while the screen is shown.
 */
export const pipelineKeys = {
  plan: { code: 'KeyP', label: isMac ? '⌥P' : 'Alt+P' },
  run: { code: 'KeyR', label: isMac ? '⌥R' : 'Alt+R' },
  cancel: { code: 'KeyC', label: isMac ? '⌥C' : 'Alt+C' },
} as const;
