import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from './generate.ts';
import { SOURCE_KINDS } from './headers.ts';
import type { SourceKind } from './mess.ts';
import { isoDate, normalQuote, PERSON_COLUMNS, readExports, readTruth, SOURCE_COLUMNS, text } from './test-support.ts';
import type { Table, Truth, XlsxValue } from './test-support.ts';

let dir = '';
let files: Record<SourceKind, Table<XlsxValue>>;
let truth: Truth;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sample-truth-'));
  await generateSample({ outDir: dir, jobs: 3_000, seed: 21 });
  files = await readExports(dir);
  truth = await readTruth(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every distinct non-blank value of the named column in every export that has it. */
function rawValues(columns: Readonly<Record<SourceKind, string>>): Set<string> {
  const out = new Set<string>();
  for (const kind of SOURCE_KINDS) {
    if (!columns[kind]) continue;
    const i = files[kind].col(columns[kind]);
    for (const row of files[kind].rows) {
      const value = text(row[i] ?? null);
      if (value !== '') out.add(value);
    }
  }
  return out;
}

const rowList = (cell: string | undefined) => (cell ? cell.split(';').map(Number) : []);

describe('ground truth', () => {
  it('names every raw sales-person spelling in any file, and nothing else', () => {
    const written = rawValues(PERSON_COLUMNS);
    expect([...written].filter((raw) => !truth.personOf.has(raw))).toEqual([]);
    expect([...truth.personOf.keys()].filter((raw) => !written.has(raw))).toEqual([]);
    for (const id of truth.personOf.values()) expect(truth.personName.has(id)).toBe(true);
  });

  it('names every raw branch and lead-source spelling, and nothing else', () => {
    const branchColumns = Object.fromEntries(SOURCE_KINDS.map((k) => [k, 'Branch'])) as Record<SourceKind, string>;
    const branches = rawValues(branchColumns);
    expect(new Set(truth.branchOf.keys())).toEqual(branches);
    expect(new Set(truth.sourceOf.keys())).toEqual(rawValues(SOURCE_COLUMNS));
    expect(new Set(truth.branchOf.values()).size).toBeGreaterThanOrEqual(6);
    expect(new Set(truth.sourceOf.values()).size).toBeGreaterThanOrEqual(25);
    // A variant must name its own entity, e.g. "Google Adwords" is Google Ads.
    expect(truth.sourceName.get(truth.sourceOf.get('Google Adwords') ?? '')).toBe('Google Ads');
  });

  it('links every lead, lost, opportunity and job row to exactly one quote number that the row shows', () => {
    const seen: Record<string, Set<number>> = { lead_status: new Set(), lost_lead: new Set(), booked_opportunity: new Set(), job: new Set() };
    const columns: [SourceKind, number][] = [['lead_status', 1], ['lost_lead', 3], ['booked_opportunity', 4], ['job', 5]];
    for (const link of truth.quoteLinks.rows) {
      const quote = link[0] ?? '';
      for (const [kind, c] of columns) {
        for (const row of rowList(link[c])) {
          const t = files[kind];
          expect(normalQuote(t.rows[row - 1]?.[t.col('Quote #')] ?? null), `${kind} row ${row}`).toBe(quote);
          expect(seen[kind]?.has(row), `${kind} row ${row} linked twice`).toBe(false);
          seen[kind]?.add(row);
        }
      }
    }
    for (const [kind] of columns) expect(seen[kind]?.size, kind).toBe(files[kind].rows.length);
    expect(new Set(truth.quoteLinks.rows.map((r) => r[0])).size).toBe(truth.quoteLinks.rows.length);
  });

  it('links bad leads to their lead row, or to nothing when the lead does not exist', () => {
    const bad = files.bad_lead;
    const leads = files.lead_status;
    const leadQuotes = new Set(leads.rows.map((r) => normalQuote(r[leads.col('Quote #')] ?? null)));
    expect(truth.badLeadLinks.rows.length).toBe(bad.rows.length);
    let orphans = 0;
    for (const [badRow, leadRow, quote] of truth.badLeadLinks.rows) {
      const b = bad.rows[Number(badRow) - 1] ?? [];
      const shown = normalQuote(b[bad.col('Quote #')] ?? null);
      if (!leadRow) {
        orphans++;
        if (shown) expect(leadQuotes.has(shown)).toBe(false);
        continue;
      }
      const lead = leads.rows[Number(leadRow) - 1] ?? [];
      expect(lead[leads.col('Lead Status')]).toBe('Bad Lead');
      expect(normalQuote(lead[leads.col('Quote #')] ?? null)).toBe(quote);
      if (shown) expect(shown).toBe(quote);
      expect(truth.customerOf.get(`bad_lead:${badRow}`)).toBe(truth.customerOf.get(`lead_status:${leadRow}`));
      const days = Math.abs(Date.parse(isoDate(b[0] ?? null)) - Date.parse(isoDate(lead[leads.col('Date Received')] ?? null)));
      expect(days).toBeLessThanOrEqual(86_400_000);
    }
    expect(orphans).toBeGreaterThan(0);
  });

  it('gives every contact row one customer, the same along a quote chain', () => {
    for (const kind of ['lead_status', 'bad_lead', 'booked_opportunity', 'job'] as const) {
      for (let row = 1; row <= files[kind].rows.length; row++) expect(truth.customerOf.has(`${kind}:${row}`), `${kind}:${row}`).toBe(true);
    }
    const total = ['lead_status', 'bad_lead', 'booked_opportunity', 'job'].reduce((s, k) => s + files[k as SourceKind].rows.length, 0);
    expect(truth.customerOf.size).toBe(total);
    for (const link of truth.quoteLinks.rows) {
      if (!link[1]) continue;
      const customer = truth.customerOf.get(`lead_status:${link[1]}`);
      if (link[4]) expect(truth.customerOf.get(`booked_opportunity:${link[4]}`)).toBe(customer);
      for (const row of rowList(link[5])) expect(truth.customerOf.get(`job:${row}`)).toBe(customer);
    }
  });

  it('has repeat customers with jobs in different years', () => {
    const years = new Map<string, Set<string>>();
    const jobs = files.job;
    jobs.rows.forEach((r, i) => {
      const customer = truth.customerOf.get(`job:${i + 1}`) ?? '';
      const set = years.get(customer) ?? new Set<string>();
      set.add(isoDate(r[jobs.col('Job Date')] ?? null).slice(0, 4));
      years.set(customer, set);
    });
    expect([...years.values()].filter((s) => s.size >= 2).length).toBeGreaterThan(20);
  });

  it('keeps genuinely different people with similar names apart', () => {
    const names = [...truth.personName.entries()];
    const ids = (name: string) => names.filter(([, n]) => n === name).map(([id]) => id);
    const [johnSmith] = ids('John Smith');
    const [johnRSmith] = ids('John R. Smith');
    const [jonSmyth] = ids('Jon Smyth');
    expect(new Set([johnSmith, johnRSmith, jonSmyth]).size).toBe(3);
    // "John Smith (Atlanta)" is the Atlanta John R. Smith, not the Denver John Smith, if it was written at all.
    for (const [raw, id] of truth.personOf) {
      if (/^John Smith \((Atlanta|ATL)\)$/.test(raw)) expect(id).toBe(johnRSmith);
      if (raw === 'John Smith') expect(id).toBe(johnSmith);
    }
  });
});
