import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runWorkbench } from '../support/cli.ts';

interface JsonCluster {
  canonical: string;
  autoMerge: boolean;
  score: number;
  count: number;
  members: { name: string; count: number; autoMerge: boolean }[];
  evidence: string[];
}

const dir = mkdtempSync(join(tmpdir(), 'review-cluster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(file: string, text: string): string {
  const path = join(dir, file);
  writeFileSync(path, text);
  return path;
}

// Repeated raw names (John Smith, Bob Allen), a blank count, quoted fields with commas, an extra
// column, and a name that matches nothing (Mary Jones).
const salesPeople = fixture(
  'sales.csv',
  [
    'branch,name,count',
    'Denver,John Smith,3',
    'Denver,"SMITH, JOHN",2',
    'Boulder,John Smith,4',
    ',Robert Allen,10',
    ',Bob Allen,',
    ',Bob Allen,2',
    ',"Allen, Robert",1',
    ',Mary Jones,5',
    '',
  ].join('\r\n'),
);

function parse(stdout: string): JsonCluster[] {
  const parsed = JSON.parse(stdout) as { clusters: JsonCluster[] };
  expect(Object.keys(parsed)).toEqual(['clusters']);
  return parsed.clusters;
}

function memberCounts(clusters: JsonCluster[]): Map<string, number> {
  return new Map(clusters.flatMap((c) => c.members.map((m) => [m.name, m.count] as const)));
}

describe('workbench review cluster', () => {
  it('prints clusters of two or more spellings as JSON, with counts of repeated names summed', async () => {
    const r = await runWorkbench(['review', 'cluster', '--input', salesPeople, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const clusters = parse(r.stdout);
    expect(clusters).toHaveLength(2);
    for (const cluster of clusters) {
      expect(Object.keys(cluster).sort()).toEqual(['autoMerge', 'canonical', 'count', 'evidence', 'members', 'score']);
      expect(cluster.members.length).toBeGreaterThanOrEqual(2);
      expect(cluster.score).toBeGreaterThan(0);
      expect(cluster.score).toBeLessThanOrEqual(1);
      expect(cluster.evidence.length).toBeGreaterThan(0);
      for (const member of cluster.members) expect(Object.keys(member).sort()).toEqual(['autoMerge', 'count', 'name']);
    }
    expect(memberCounts(clusters)).toEqual(
      new Map([
        ['Robert Allen', 10],
        ['Bob Allen', 3],
        ['Allen, Robert', 1],
        ['John Smith', 7],
        ['SMITH, JOHN', 2],
      ]),
    );
    const [allen, smith] = clusters;
    expect(allen).toMatchObject({ canonical: 'Robert Allen', autoMerge: false, count: 14 });
    expect(allen?.evidence).toContain('nickname Bob → Robert');
    expect(smith).toMatchObject({ canonical: 'John Smith', autoMerge: true, score: 1, count: 9 });
  });

  it('accepts raw_name (the truth files) without a count column: one row, one count', async () => {
    const path = fixture('truth.csv', 'raw_name,person_id\nJohn Smith,1\n"Smith, John",1\nJohn Smith,1\nJane Roe,2\n');
    const r = await runWorkbench(['review', 'cluster', '--input', path, '--json']);
    expect(r.code).toBe(0);
    const clusters = parse(r.stdout);
    expect(clusters.map((c) => c.members)).toEqual([
      [
        { name: 'John Smith', count: 2, autoMerge: true },
        { name: 'Smith, John', count: 1, autoMerge: true },
      ],
    ]);
  });

  it('applies the rules of --kind', async () => {
    const path = fixture('branches.csv', 'name\nDenver\nDENVER\nDenver Branch\nDenver East\nDenver West\n');
    const r = await runWorkbench(['review', 'cluster', '--input', path, '--kind', 'branch', '--json']);
    expect(r.code).toBe(0);
    const clusters = parse(r.stdout);
    expect(clusters.map((c) => c.members.map((m) => m.name).sort())).toEqual([['DENVER', 'Denver', 'Denver Branch']]);
    expect(clusters[0]?.autoMerge).toBe(false);
  });

  it('prints a readable list without --json', async () => {
    const r = await runWorkbench(['review', 'cluster', '--input', salesPeople]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 cluster\(s\) of sales-person names among 6 distinct spelling\(s\): 1 safe to merge automatically, 1 to review\n/);
    expect(r.stdout).toContain('Robert Allen  (review, score 0.90; 14 row(s))');
    expect(r.stdout).toContain('John Smith  (merge automatically; 9 row(s))');
    expect(r.stdout).toMatch(/"Bob Allen" +3\n/);
    expect(r.stdout).toContain('  evidence: nickname Bob → Robert');
    expect(r.stdout).not.toContain('Mary Jones');
  });

  it('explains itself with --help', async () => {
    const r = await runWorkbench(['review', 'cluster', '--help']);
    expect(r.code).toBe(0);
    for (const option of ['--input <csv>', '--kind <kind>', '--json', 'raw_name', 'sales-person', 'lead-source']) expect(r.stdout).toContain(option);
    const top = await runWorkbench(['--help']);
    expect(top.stdout).toMatch(/review/);
  });

  it('reports a missing file, a missing name column and a bad --kind in one line', async () => {
    const missing = join(dir, 'nope.csv');
    const noFile = await runWorkbench(['review', 'cluster', '--input', missing]);
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toBe(`workbench: ${missing}: no such file\n`);

    const wrong = fixture('wrong.csv', 'Sales Person,count\nJohn Smith,1\n');
    const noColumn = await runWorkbench(['review', 'cluster', '--input', wrong]);
    expect(noColumn.code).toBe(1);
    expect(noColumn.stderr).toBe(`workbench: ${wrong}: no "name" or "raw_name" column; columns found: "Sales Person", "count"\n`);

    const badKind = await runWorkbench(['review', 'cluster', '--input', salesPeople, '--kind', 'person']);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr.split('\n')[0]).toBe(
      "error: option '--kind <kind>' argument 'person' is invalid. Allowed choices are sales-person, branch, lead-source.",
    );
    expect(badKind.stdout).toBe('');

    const noInput = await runWorkbench(['review', 'cluster']);
    expect(noInput.code).toBe(2);
    expect(noInput.stderr).toMatch(/required option '--input <csv>' not specified/);
  });

  it('reports a bad count with its row', async () => {
    const path = fixture('bad-count.csv', 'name,count\nJohn Smith,3\nJon Smith,many\n');
    const r = await runWorkbench(['review', 'cluster', '--input', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`workbench: ${path}: data row 2 ("Jon Smith"): count "many" is not a non-negative number\n`);
  });
});
