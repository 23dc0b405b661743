import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const folder = fileURLToPath(new URL('.', import.meta.url));

/** Every non-test source file under this folder, relative paths. */
function sources(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) return sources(dir, path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('matching engine purity', () => {
  it('imports no node: module and no electron outside the two list loaders, so it can run in the renderer', () => {
    const offenders = sources(folder)
      .filter((path) => path !== 'nickname-loader.ts' && path !== 'place-knowledge-loader.ts')
      .filter((path) => /from\s+['"](node:|electron)/.test(readFileSync(join(folder, path), 'utf8')));
    expect(offenders).toEqual([]);
    expect(sources(folder)).toContain('cluster.ts');
  });
});
