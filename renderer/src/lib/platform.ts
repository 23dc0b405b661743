/** Keyboard shortcut labels for the platform: ⌘ on macOS, Ctrl elsewhere. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export const keys = {
  run: isMac ? '⌘↵' : 'Ctrl+Enter',
  cancel: 'Esc',
  newTab: isMac ? '⌥N' : 'Alt+N',
  closeTab: isMac ? '⌥W' : 'Alt+W',
  nextTab: isMac ? '⌥⇟' : 'Alt+PageDown',
  previousTab: isMac ? '⌥⇞' : 'Alt+PageUp',
  filterLibrary: isMac ? '⌥L' : 'Alt+L',
} as const;

/** A title attribute with its shortcut: "Run statement (Ctrl+Enter)". */
export const withKey = (label: string, key: string) => `${label} (${key})`;
