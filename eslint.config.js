// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/**
 * Runtime layering (../shared/STYLE.md): a file's folder says which runtime it lives in and what it may
 * import. These rules make a crossing fail `npm run lint`, and so `npm test` and CI.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const layer = (message, { patterns = [], paths = [] }) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: [group], message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'bench/results/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', window: 'readonly', document: 'readonly', fetch: 'readonly', WebSocket: 'readonly', localStorage: 'readonly', navigator: 'readonly', Blob: 'readonly', crypto: 'readonly' } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer('shared/ is pure TypeScript: no Node, no Electron, no DOM, nothing outside shared/ (STYLE.md)', {
      paths: [...nodeBuiltins, 'electron', 'react', 'pg', 'better-sqlite3', '@electric-sql/pglite'],
      patterns: ['node:*', '**/electron/**', '**/renderer/**'],
    }),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: layer('electron/core/ is the Electron-free Node core: it may not import electron, the main/preload processes or the renderer', {
      paths: ['electron'],
      patterns: ['**/electron/main/**', '**/electron/preload/**', '**/main/**', '**/preload/**', '**/renderer/**', 'electron/*'],
    }),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: layer('the Electron processes may import shared/ and the core, never the renderer', {
      patterns: ['**/renderer/**'],
    }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: layer('renderer/ runs in the browser: shared/ and browser packages only, never Node, Electron or the core', {
      paths: [...nodeBuiltins, 'electron', 'pg', 'better-sqlite3', '@electric-sql/pglite'],
      patterns: ['node:*', '**/electron/**'],
    }),
  },
);
