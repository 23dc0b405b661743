// Ground truth under outDir/truth/: which rows belong together and what every raw spelling means.
// Row numbers are 1-based data rows (the header is row 0); in an xlsx they count on across continuation sheets.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { UsedAlias } from './aliases.ts';
import { EXPORT_DAY, formatDay } from './calendar.ts';
import { BRANCHES } from './geography.ts';
import { SOURCE_BIT } from './headers.ts';
import { LEAD_SOURCES } from './lead-sources.ts';
import type { ContactKind } from './mess.ts';
import type { Roster } from './sales-people.ts';
import { CsvSink } from './writers.ts';

export const TRUTH_DIR = 'truth';

/** Streaming truth files, written row by row alongside the exports. */
export const STREAMED_TRUTH = {
  quoteLinks: {
    file: 'quote_links.csv',
    headers: ['quote_number', 'lead_status_row', 'bad_leads_row', 'lost_leads_row', 'booked_opportunities_row', 'jobs_rows'],
  },
  badLeadLinks: { file: 'bad_lead_links.csv', headers: ['bad_leads_row', 'lead_status_row', 'quote_number'] },
  customers: { file: 'customers.csv', headers: ['file', 'source_row', 'customer_id'] },
} as const;

/** The rows of one quote number across the exports; absent ones stay undefined. */
export interface QuoteRows {
  lead?: number;
  bad?: number;
  lost?: number;
  opportunity?: number;
  jobs?: readonly number[];
}

const cell = (n: number | undefined): string => (n === undefined ? '' : String(n));

export class TruthWriter {
  readonly quoteLinks: CsvSink;
  readonly badLeadLinks: CsvSink;
  readonly customers: CsvSink;

  constructor(private readonly dir: string) {
    this.quoteLinks = new CsvSink(join(dir, STREAMED_TRUTH.quoteLinks.file), STREAMED_TRUTH.quoteLinks.headers);
    this.badLeadLinks = new CsvSink(join(dir, STREAMED_TRUTH.badLeadLinks.file), STREAMED_TRUTH.badLeadLinks.headers);
    this.customers = new CsvSink(join(dir, STREAMED_TRUTH.customers.file), STREAMED_TRUTH.customers.headers);
  }

  quote(quoteNumber: number, rows: QuoteRows): void {
    const jobs = rows.jobs ? rows.jobs.join(';') : '';
    this.quoteLinks.writeLine(`${quoteNumber},${cell(rows.lead)},${cell(rows.bad)},${cell(rows.lost)},${cell(rows.opportunity)},${jobs}`);
  }

  /** A bad-lead row and the lead it reports, or undefined for an orphan. */
  badLead(badRow: number, leadRow: number | undefined, quoteNumber: number | undefined): void {
    this.badLeadLinks.writeLine(`${badRow},${cell(leadRow)},${cell(quoteNumber)}`);
  }

  customer(kind: ContactKind, row: number, customerId: number): void {
    this.customers.writeLine(`${kind},${row},${customerId}`);
  }

  sinks(): CsvSink[] {
    return [this.quoteLinks, this.badLeadLinks, this.customers];
  }

  /** Writes the name truth once every export is complete; returns file name → data rows. */
  async writeNames(roster: Roster, branches: readonly UsedAlias[], sources: readonly UsedAlias[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const write = async (file: string, headers: readonly string[], rows: readonly (readonly string[])[]) => {
      const sink = new CsvSink(join(this.dir, file), headers);
      for (const row of rows) sink.write(row);
      await sink.close();
      counts.set(file, rows.length);
    };
    const used = roster.spellings.filter((s) => (roster.usage[s.index] ?? 0) !== 0);
    await write('sales_person_names.csv', ['raw_name', 'person_id'], used.map((s) => [s.text, String(s.personId)]));
    await write(
      'sales_people.csv',
      ['person_id', 'full_name', 'home_branch_id', 'started', 'left'],
      roster.people.map((p) => [String(p.id), p.fullName, String(p.home.id), formatDay(p.start, 'iso'), p.end > EXPORT_DAY ? '' : formatDay(p.end, 'iso')]),
    );
    const performanceBits = SOURCE_BIT.user_performance | SOURCE_BIT.sales_performance;
    const performanceRows: string[][] = [];
    for (const kind of ['user_performance', 'sales_performance'] as const) {
      for (const s of used) {
        const bits = roster.usage[s.index] ?? 0;
        if ((bits & SOURCE_BIT[kind]) === 0) continue;
        performanceRows.push([kind, s.text, String(s.personId), (bits & ~performanceBits) !== 0 ? 'true' : 'false']);
      }
    }
    await write('performance_names.csv', ['file', 'raw_name', 'person_id', 'matches_sales_person_cell'], performanceRows);
    await write('branch_names.csv', ['raw_name', 'branch_id'], branches.map((a) => [a.raw, String(a.id)]));
    await write(
      'branches.csv',
      ['branch_id', 'name', 'state', 'opened'],
      BRANCHES.map((b) => [String(b.id), b.name, b.state, formatDay(b.opened, 'iso')]),
    );
    await write('lead_source_names.csv', ['raw_name', 'lead_source_id'], sources.map((a) => [a.raw, String(a.id)]));
    await write(
      'lead_sources.csv',
      ['lead_source_id', 'name', 'channel'],
      LEAD_SOURCES.map((s) => [String(s.id), s.name, s.channel]),
    );
    return counts;
  }

  /** A JSON record of how the sample was made; it holds no timestamps, so it is deterministic too. */
  async writeManifest(manifest: Record<string, unknown>): Promise<void> {
    await writeFile(join(this.dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  }
}
