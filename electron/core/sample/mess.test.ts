// Measures each kind of mess in the written files against the rate mess.ts states for it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from './generate.ts';
import * as MESS from './mess.ts';
import type { SalesVariantKind, SourceKind } from './mess.ts';
import { NICKNAMES } from './names.ts';
import { isoDate, normalQuote, PERSON_COLUMNS, readExports, readTruth, SOURCE_COLUMNS, text } from './test-support.ts';
import type { Table, Truth, XlsxValue } from './test-support.ts';

let dir = '';
let files: Record<SourceKind, Table<XlsxValue>>;
let truth: Truth;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sample-mess-'));
  await generateSample({ outDir: dir, jobs: 4_000, seed: 31 });
  files = await readExports(dir);
  truth = await readTruth(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const values = (kind: SourceKind, header: string): XlsxValue[] => {
  const t = files[kind];
  const i = t.col(header);
  return t.rows.map((r) => r[i] ?? null);
};

/** Asserts hits/n is within four standard errors (plus `slack`) of `rate`. */
function expectRate(label: string, hits: number, n: number, rate: number, slack = 0.005): void {
  expect(n, `${label}: no cells`).toBeGreaterThan(100);
  const tolerance = 4 * Math.sqrt((rate * (1 - rate)) / n) + slack;
  expect(Math.abs(hits / n - rate), `${label}: ${(hits / n).toFixed(4)} vs ${rate}`).toBeLessThanOrEqual(tolerance);
}

const SALES_KINDS = ['lead_status', 'lost_lead', 'booked_opportunity', 'job'] as const;

function damerau1(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].map((ch, i) => (ch === b[i] ? -1 : i)).filter((i) => i >= 0);
  if (diff.length === 1) return true;
  const [i, j] = diff;
  return diff.length === 2 && j === (i ?? 0) + 1 && a[i ?? 0] === b[j] && a[j] === b[i ?? 0];
}

/** Recognises a variant spelling from its canonical name alone, without the generator's labels. */
function variantKind(raw: string, canonical: string): SalesVariantKind | 'unknown' {
  const [first = '', ...rest] = canonical.split(' ');
  const last = rest[rest.length - 1] ?? '';
  if (raw === canonical.toLowerCase()) return 'lower';
  if (raw === canonical.toUpperCase()) return 'upper';
  if (raw.replace(/\s+/g, ' ').trim() === canonical) return 'spacing';
  if (/ \(.+\)$/.test(raw) && raw.startsWith(`${first} ${last} (`)) return 'branchParen';
  if (raw.startsWith(`${first} ${last} - `)) return 'branchDash';
  if (raw === `${last}, ${[first, ...rest.slice(0, -1)].join(' ')}`) return 'lastFirst';
  if (/^[A-Z]\. /.test(raw) && raw.endsWith(` ${last}`)) return 'initial';
  const [rawFirst = '', ...rawRest] = raw.split(' ');
  if (rawRest.join(' ') === rest.join(' ')) {
    const nick = NICKNAMES[first]?.includes(rawFirst) || NICKNAMES[rawFirst]?.includes(first) || first === 'John' && rawFirst === 'Jack';
    if (nick) return 'nickname';
  }
  if (damerau1(raw, canonical)) return 'typo';
  return 'unknown';
}

describe('mess at its stated rates', () => {
  it('spells sales people in many ways, each kind present', () => {
    let cells = 0;
    let variants = 0;
    const kinds = new Map<string, number>();
    for (const kind of SALES_KINDS) {
      for (const raw of values(kind, PERSON_COLUMNS[kind]).map(text)) {
        if (raw === '') continue;
        const canonical = truth.personName.get(truth.personOf.get(raw) ?? '') ?? '';
        cells++;
        if (raw === canonical) continue;
        variants++;
        const k = variantKind(raw, canonical);
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
      }
    }
    expectRate('sales-person variants', variants, cells, MESS.SALES_PERSON_VARIANT_RATE);
    expect(kinds.get('unknown') ?? 0).toBe(0);
    for (const [kind, weight] of Object.entries(MESS.SALES_PERSON_VARIANT_KINDS)) {
      const share = (kinds.get(kind) ?? 0) / variants;
      expect(share, kind).toBeGreaterThan(weight * 0.5);
      expect(share, kind).toBeLessThan(weight * 2);
    }
  });

  it('names people in performance reports in ways no sales-person cell uses', () => {
    const transactional = new Set(SALES_KINDS.flatMap((k) => values(k, PERSON_COLUMNS[k]).map(text)));
    for (const kind of ['user_performance', 'sales_performance'] as const) {
      const names = values(kind, PERSON_COLUMNS[kind]).map(text);
      const unmatched = names.filter((n) => !transactional.has(n)).length;
      expectRate(kind, unmatched, names.length, MESS.PERFORMANCE_ONLY_NAME_RATE, 0.01);
    }
    const flagged = truth.performanceNames.rows.filter((r) => r[3] === 'false').map((r) => r[1] ?? '');
    for (const raw of flagged) expect(transactional.has(raw), raw).toBe(false);
  });

  it('spells branches and lead sources in variants', () => {
    let branchCells = 0;
    let branchVariants = 0;
    let sourceCells = 0;
    let sourceVariants = 0;
    for (const kind of Object.keys(PERSON_COLUMNS) as SourceKind[]) {
      for (const raw of values(kind, 'Branch').map(text)) {
        branchCells++;
        if (raw !== truth.branchName.get(truth.branchOf.get(raw) ?? '')) branchVariants++;
      }
      if (!SOURCE_COLUMNS[kind]) continue;
      for (const raw of values(kind, SOURCE_COLUMNS[kind]).map(text)) {
        if (raw === '') continue;
        sourceCells++;
        if (raw !== truth.sourceName.get(truth.sourceOf.get(raw) ?? '')) sourceVariants++;
      }
    }
    expectRate('branch variants', branchVariants, branchCells, MESS.BRANCH_VARIANT_RATE);
    expectRate('lead-source variants', sourceVariants, sourceCells, MESS.LEAD_SOURCE_VARIANT_RATE);
  });

  it('writes quote numbers in every format at each file’s shares', () => {
    for (const kind of Object.keys(MESS.QUOTE_FORMAT_SHARE) as MESS.QuotedKind[]) {
      const quotes = values(kind, 'Quote #').filter((q) => q !== null && q !== '');
      const share = MESS.QUOTE_FORMAT_SHARE[kind];
      const plain = quotes.filter((q) => typeof q === 'number' || /^\d+$/.test(String(q))).length;
      const prefixed = quotes.filter((q) => /^Q-\d{6,}$/.test(String(q))).length;
      const spaced = quotes.filter((q) => /^ \d+ $/.test(String(q))).length;
      expect(plain + prefixed + spaced, kind).toBe(quotes.length);
      expectRate(`${kind} plain`, plain, quotes.length, share.plain);
      expectRate(`${kind} prefixed`, prefixed, quotes.length, share.prefixed);
      expectRate(`${kind} spaced`, spaced, quotes.length, share.spaced);
    }
    const shown = values('bad_lead', 'Quote #').filter((q) => q !== null && q !== '').length;
    expectRate('bad leads with a quote', shown, files.bad_lead.rows.length, MESS.BAD_LEAD_QUOTE_RATE);
  });

  it('writes ISO and US dates at each file’s shares, and text dates in the xlsx', () => {
    const dateColumns: Partial<Record<SourceKind, string>> = {
      lead_status: 'Date Received', bad_lead: 'Date Received', lost_lead: 'Lost Date', job: 'Job Date', user_performance: 'Period Start',
    };
    for (const [kind, header] of Object.entries(dateColumns) as [SourceKind, string][]) {
      const dates = values(kind, header).map(text);
      const us = dates.filter((d) => /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(d)).length;
      const iso = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).length;
      expect(us + iso, kind).toBe(dates.length);
      expectRate(`${kind} US dates`, us, dates.length, MESS.US_DATE_RATE[kind]);
    }
    const booked = values('booked_opportunity', 'Booked Date');
    const asText = booked.filter((d) => typeof d === 'string');
    expectRate('xlsx text dates', asText.length, booked.length, MESS.XLSX_TEXT_DATE_RATE);
    expect(asText.some((d) => String(d).includes('/'))).toBe(true);
    expect(asText.some((d) => String(d).includes('-'))).toBe(true);
  });

  it('writes customer contacts with blanks, untidy emails, phone formats and name variants', () => {
    const contactKinds = Object.keys(MESS.PHONE_FORMAT_SHARE) as MESS.ContactKind[];
    const emails = contactKinds.flatMap((k) => values(k, 'Email').map(text));
    const blankEmails = emails.filter((e) => e === '').length;
    expectRate('blank emails', blankEmails, emails.length, MESS.EMAIL_BLANK_RATE);
    const messy = emails.filter((e) => e !== '' && e !== e.trim().toLowerCase()).length;
    expectRate('untidy emails', messy, emails.length - blankEmails, MESS.EMAIL_MESSY_RATE);
    const formats: Record<MESS.PhoneFormat, RegExp> = {
      paren: /^\(\d{3}\) \d{3}-\d{4}$/, dash: /^\d{3}-\d{3}-\d{4}$/, intl: /^\+1 \d{3} \d{3} \d{4}$/, digits: /^\d{10}$/, dots: /^\d{3}\.\d{3}\.\d{4}$/,
    };
    for (const kind of contactKinds) {
      const phones = values(kind, 'Phone').map(text);
      const filled = phones.filter((p) => p !== '');
      expectRate(`${kind} blank phones`, phones.length - filled.length, phones.length, MESS.PHONE_BLANK_RATE);
      for (const [format, pattern] of Object.entries(formats) as [MESS.PhoneFormat, RegExp][]) {
        expectRate(`${kind} ${format} phones`, filled.filter((p) => pattern.test(p)).length, filled.length, MESS.PHONE_FORMAT_SHARE[kind][format]);
      }
    }
    const names = contactKinds.flatMap((k) => values(k, 'Customer Name').map(text));
    const variants = names.filter((n) => n.includes(',') || n === n.toUpperCase() || n === n.toLowerCase() || n.includes('  ')).length;
    expectRate('customer-name variants', variants, names.length, MESS.CUSTOMER_NAME_VARIANT_RATE);
  });

  it('has the same customer written differently across rows', () => {
    const byCustomer = new Map<string, Set<string>>();
    for (const kind of ['lead_status', 'booked_opportunity', 'job'] as const) {
      values(kind, 'Email').forEach((e, i) => {
        const id = truth.customerOf.get(`${kind}:${i + 1}`) ?? '';
        const set = byCustomer.get(id) ?? new Set<string>();
        if (text(e) !== '') set.add(text(e));
        byCustomer.set(id, set);
      });
    }
    const differing = [...byCustomer.values()].filter((s) => s.size > 1 && new Set([...s].map((e) => e.trim().toLowerCase())).size === 1);
    expect(differing.length).toBeGreaterThan(100);
  });

  it('brings customers back for repeat business, a little under REPEAT_CUSTOMER_RATE while the pool warms up', () => {
    const jobs = files.job;
    const firstClosed = new Map<string, string>();
    jobs.rows.forEach((r, i) => {
      if (r[jobs.col('Job Status')] !== 'Closed') return;
      const customer = truth.customerOf.get(`job:${i + 1}`) ?? '';
      const day = isoDate(r[jobs.col('Job Date')] ?? null);
      if (!firstClosed.has(customer) || day < (firstClosed.get(customer) ?? '')) firstClosed.set(customer, day);
    });
    const opportunities = files.booked_opportunity;
    const repeats = opportunities.rows.filter((r, i) => {
      const before = firstClosed.get(truth.customerOf.get(`booked_opportunity:${i + 1}`) ?? '');
      return before !== undefined && before < isoDate(r[opportunities.col('Booked Date')] ?? null);
    }).length;
    const share = repeats / opportunities.rows.length;
    expect(share).toBeGreaterThan(MESS.REPEAT_CUSTOMER_RATE * 0.6);
    expect(share).toBeLessThan(MESS.REPEAT_CUSTOMER_RATE * 1.1);
  });

  it('leaves optional fields blank at their rates', () => {
    for (const kind of ['lead_status', 'lost_lead', 'job'] as const) {
      const people = values(kind, 'Sales Person').map(text);
      const blanks = people.filter((p) => p === '').length;
      expectRate(`${kind} blank sales person`, blanks, people.length, MESS.SALES_PERSON_BLANK_RATE[kind], 0.01);
    }
    const sources = values('job', 'Referral Source').map(text);
    expectRate('job blank source', sources.filter((s) => s === '').length, sources.length, MESS.LEAD_SOURCE_BLANK_RATE.job);
    const moveDates = values('lead_status', 'Move Date').map(text);
    expectRate('blank move dates', moveDates.filter((d) => d === '').length, moveDates.length, MESS.MOVE_DATE_BLANK_RATE);
    const destinations = values('lead_status', 'Destination City').map(text);
    expectRate('blank destinations', destinations.filter((d) => d === '').length, destinations.length, MESS.DESTINATION_BLANK_RATE);
  });

  it('has orphan bad and lost leads at their rates', () => {
    const leadQuotes = new Set(values('lead_status', 'Quote #').map(normalQuote));
    const lost = values('lost_lead', 'Quote #').map(normalQuote);
    expectRate('orphan lost leads', lost.filter((q) => !leadQuotes.has(q)).length, lost.length, MESS.ORPHAN_LOST_LEAD_RATE);
    const orphanBad = truth.badLeadLinks.rows.filter((r) => !r[1]).length;
    expectRate('orphan bad leads', orphanBad, truth.badLeadLinks.rows.length, MESS.ORPHAN_BAD_LEAD_RATE);
  });

  it('spells some cancelled jobs "Canceled"', () => {
    const statuses = values('job', 'Job Status');
    const cancelled = statuses.filter((s) => s === 'Cancelled' || s === 'Canceled');
    expectRate('Canceled', cancelled.filter((s) => s === 'Canceled').length, cancelled.length, MESS.CANCELED_SPELLING_RATE, 0.02);
  });
});
