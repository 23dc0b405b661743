import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/main/security.ts';
import { browserContentSecurityPolicy } from '../../electron/core/serve/server.ts';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));

interface Issue {
  id: string;
  file: string;
  severity: { name: string };
  confidence: { name: string };
  location: { line: number };
  description: string;
}

type Run = (options: Record<string, unknown>) => Promise<{ issues: Issue[]; errors: { file: string; message: string }[] }>;

/**
 * Findings we accept, each with the reason. Anything else fails the suite.
 * - PRELOAD_JS_CHECK asks for a manual review of every preload: ours exposes one named function per
 *   contract method and an event subscription, no ipcRenderer and no generic invoke (electron/preload).
 * - CSP_GLOBAL_CHECK at security.ts: the checker cannot follow the CSP constant into the header call
 *   and reports "failed to parse"; the test below parses the same string with the checker's own CSP
 *   evaluator. At index.html it flags script-src 'self' as "maybe" (JSONP/uploads): the app serves only
 *   its bundled files, so 'self' is exactly those files.
 */
const accepted: { id: string; file: string }[] = [
  { id: 'PRELOAD_JS_CHECK', file: 'main/index.ts' },
  { id: 'CSP_GLOBAL_CHECK', file: 'main/security.ts' },
  { id: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html' },
];

describe('electronegativity over the Electron app sources', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'wb-eneg-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('reports nothing beyond the justified findings, and parses every file', async () => {
    // Main, preload and renderer together, as they ship: the global checks need all three.
    cpSync(join(root, 'electron', 'main'), join(scratch, 'main'), { recursive: true, filter: (f) => !f.endsWith('.test.ts') });
    cpSync(join(root, 'electron', 'preload'), join(scratch, 'preload'), { recursive: true });
    cpSync(join(root, 'renderer'), join(scratch, 'renderer'), { recursive: true, filter: (f) => !f.endsWith('.test.ts') && !f.includes('node_modules') });
    const run = require('@doyensec/electronegativity') as Run;
    const result = await run({ input: scratch, isRelative: true, parserPlugins: [], electronVersionOverride: '45.5.0' });
    expect(result.errors).toEqual([]);
    const unexpected = result.issues
      .filter((issue) => !accepted.some((a) => a.id === issue.id && issue.file === a.file))
      .map((issue) => `${issue.id} ${issue.severity.name}/${issue.confidence.name} ${issue.file}:${issue.location.line} ${issue.description}`);
    expect(unexpected).toEqual([]);
  }, 120_000);

  it('uses one CSP in the window, the page and browser mode, with no high or medium finding', () => {
    const csp = require('@doyensec/csp-evaluator') as {
      CspParser: new (text: string) => { csp: unknown };
      CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { severity: number; directive: string; description: string }[] };
      Version: { CSP3: unknown };
      severities: Record<string, number>;
    };
    expect(browserContentSecurityPolicy).toBe(contentSecurityPolicy);
    const findings = new csp.CspEvaluator(new csp.CspParser(contentSecurityPolicy).csp, csp.Version.CSP3).evaluate();
    const serious = findings.filter((f) => [csp.severities.HIGH, csp.severities.MEDIUM, csp.severities.SYNTAX].includes(f.severity));
    expect(serious).toEqual([]);
    expect(contentSecurityPolicy).toContain("script-src 'self';");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
  });
});
