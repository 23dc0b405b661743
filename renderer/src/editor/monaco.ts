/**
 * Monaco, bundled locally: the editor API, the features a SQL editor needs, PostgreSQL highlighting and
 * the editor worker through Vite's `?worker` import. Nothing loads from a CDN. Importing the whole
 * `editor.main` would add the TypeScript, CSS, HTML and JSON language services and ~80 grammars.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/placeholderText/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/languages/definitions/pgsql/register';

self.MonacoEnvironment = {
  getWorker() {
    return new EditorWorker();
  },
};

// Backgrounds matched to the app's panels (styles/theme.css), on top of Monaco's `vs` and `vs-dark`.
monaco.editor.defineTheme('workbench-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#9aa1ab', 'editorGutter.background': '#ffffff' },
});
monaco.editor.defineTheme('workbench-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#1e1f22', 'editorLineNumber.foreground': '#5c6370', 'editorGutter.background': '#1e1f22' },
});

export { monaco };
export type MonacoEditor = monaco.editor.IStandaloneCodeEditor;
