import { useEffect, useRef } from 'react';

export interface Shortcuts {
  newTab(): void;
  closeTab(): void;
  nextTab(): void;
  previousTab(): void;
  focusLibraryFilter(): void;
}

/**
 * App-wide shortcuts on Alt (⌥ on macOS): browsers keep Ctrl+T, Ctrl+W and Ctrl+PageUp/PageDown for
 * themselves, so the same keys work in the desktop app and in `workbench serve`'s browser tab.
 * Matched on `event.code`, as ⌥ changes the character on macOS. Listens in the capture phase so the
 * editor does not type the key first.
 */
export function useShortcuts(shortcuts: Shortcuts) {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const actions: Record<string, (() => void) | undefined> = {
        KeyN: latest.current.newTab,
        KeyW: latest.current.closeTab,
        PageDown: latest.current.nextTab,
        PageUp: latest.current.previousTab,
        KeyL: latest.current.focusLibraryFilter,
      };
      const action = actions[event.code];
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
