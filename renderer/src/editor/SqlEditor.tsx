import { useEffect, useRef, useState } from 'react';
import { useTheme } from '../hooks/theme.tsx';
import { keys } from '../lib/platform.ts';
import { monaco } from './monaco.ts';
import type { MonacoEditor } from './monaco.ts';

interface SqlEditorProps {
  initialValue: string;
  label: string;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
  onReady(editor: MonacoEditor | null): void;
}

const monoFont = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

/** A PostgreSQL editor: Monaco with one model per tab, disposed with the tab. */
export function SqlEditor({ initialValue, label, onRun, onReady }: SqlEditorProps) {
  const { theme } = useTheme();
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const handlers = useRef({ onRun, onReady });
  handlers.current = { onRun, onReady };
  const initial = useRef({ value: initialValue, label });

  useEffect(() => {
    if (!host) return;
    const editor = monaco.editor.create(host, {
      value: initial.current.value,
      language: 'pgsql',
      automaticLayout: true,
      minimap: { enabled: false },
      fontFamily: monoFont,
      fontSize: 13,
      lineHeight: 19,
      lineNumbersMinChars: 3,
      scrollBeyondLastLine: false,
      renderLineHighlight: 'line',
      renderLineHighlightOnlyWhenFocus: true,
      fixedOverflowWidgets: true,
      tabSize: 2,
      padding: { top: 6, bottom: 6 },
      placeholder: 'Type SQL here',
      ariaLabel: `${initial.current.label}: SQL editor. ${keys.run} runs the statement at the cursor; Escape then Tab leaves the editor.`,
      scrollbar: { verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
      guides: { indentation: false },
    });
    editor.addAction({
      id: 'workbench.run',
      label: 'Run Statement',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      contextMenuOrder: 0,
      run: () => handlers.current.onRun(),
    });
    // Tab indents, so Tab alone cannot leave the editor: Escape first makes the next Tab move focus.
    let tabLeaves = false;
    const setTabLeaves = (value: boolean) => {
      if (tabLeaves === value) return;
      tabLeaves = value;
      editor.updateOptions({ tabFocusMode: value });
    };
    editor.onKeyDown((e) => {
      if (e.keyCode === monaco.KeyCode.Escape) setTabLeaves(true);
      else if (e.keyCode !== monaco.KeyCode.Tab && e.keyCode !== monaco.KeyCode.Shift) setTabLeaves(false);
    });
    editor.onDidBlurEditorText(() => setTabLeaves(false));
    handlers.current.onReady(editor);
    return () => {
      handlers.current.onReady(null);
      editor.dispose();
    };
  }, [host]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'workbench-dark' : 'workbench-light');
  }, [theme]);

  return <div ref={setHost} className="sql-editor" />;
}
