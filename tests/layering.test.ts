import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('runtime layering (STYLE.md) fails the lint', () => {
  it.each([
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n"],
    ['shared/x.ts', "import { openDatabase } from '../electron/core/db/index.ts';\nexport const f = openDatabase;\n"],
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/core/db/x.ts', "import { a } from '../../../renderer/src/a.ts';\nexport const b = a;\n"],
    ['electron/main/x.ts', "import { a } from '../../renderer/src/a.ts';\nexport const b = a;\n"],
    ['renderer/src/x.ts', "import pg from 'pg';\nexport const p = pg;\n"],
    ['renderer/src/x.ts', "import { openDatabase } from '../../electron/core/db/index.ts';\nexport const o = openDatabase;\n"],
    ['renderer/src/x.ts', "import path from 'path';\nexport const p = path;\n"],
  ])('%s may not import across layers: %j', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['shared/x.ts', "import type { DbErrorInfo } from './db.ts';\nexport type E = DbErrorInfo;\n"],
    ['electron/core/x.ts', "import { readFileSync } from 'node:fs';\nimport type { DbErrorInfo } from '../../shared/db.ts';\nexport const f = readFileSync;\nexport type E = DbErrorInfo;\n"],
    ['renderer/src/x.ts', "import type { DbErrorInfo } from '../../shared/db.ts';\nexport type E = DbErrorInfo;\n"],
  ])('%s may import what its layer allows: %j', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
