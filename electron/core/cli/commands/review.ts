import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { CsvTokenizer, detectDelimiter } from '../../import/csv-reader.ts';
import { ImportFileError } from '../../import/errors.ts';
import { clusterNames } from '../../matching/index.ts';
import { loadNicknames } from '../../matching/nickname-loader.ts';
import { loadPlaceKnowledge } from '../../matching/place-knowledge-loader.ts';
import { UserError } from '../errors.ts';
import type { Cluster, NameInput, NameKind, NicknameMap } from '../../matching/index.ts';
import type { CliIo } from '../context.ts';

export const nameKinds: readonly NameKind[] = ['sales-person', 'branch', 'lead-source'];
export const shippedNicknames = fileURLToPath(new URL('../../../../resources/nicknames/names.csv', import.meta.url));

/** Accepted name columns, in order of preference; the sample generator's truth files use `raw_name`. */
const nameColumns = ['name', 'raw_name'];

/**
 * A CSV file as text cells: its header and data rows (blank lines skipped).
 *
 * @example readCsvTable('names.csv') // { header: ['name', 'count'], rows: [['Bob Allen', '3'], …] }
 */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

/**
 * One cluster as `review cluster --json` prints it: every member with its summed row count, and
 * whether it may be merged into `canonical` without review.
 *
 * @example
 * { canonical: 'Robert Allen', autoMerge: false, score: 0.9, count: 14,
 *   members: [{ name: 'Robert Allen', count: 10, autoMerge: true }, { name: 'Bob Allen', count: 4, autoMerge: false }],
 *   evidence: ['nickname Bob → Robert'] }
 */
export interface ReviewCluster {
  canonical: string;
  /** Every member is the same name after normalization: safe to merge without review. */
  autoMerge: boolean;
  score: number;
  count: number;
  members: { name: string; count: number; autoMerge: boolean }[];
  evidence: string[];
}

/** Reads a UTF-8 CSV (comma, semicolon or tab; RFC 4180 quotes); user errors name the file. */
export function readCsvTable(path: string): CsvTable {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new UserError(`${path} is a folder, not a CSV file`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `${path}: no such file` : `cannot read ${path}: ${(error as Error).message}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const tokenizer = new CsvTokenizer(detectDelimiter(text.slice(0, 65_536)), path);
  let records: string[][];
  try {
    records = [...tokenizer.push(text), ...tokenizer.end()].map((record) => record.cells);
  } catch (error) {
    if (error instanceof ImportFileError) throw new UserError(error.message);
    throw error;
  }
  const nonBlank = records.filter((cells) => cells.some((cell) => cell.trim() !== ''));
  const [header, ...rows] = nonBlank;
  if (header === undefined) throw new UserError(`${path} is empty: expected a header with a "name" column`);
  return { header: header.map((cell) => cell.trim()), rows };
}

/**
 * The names of a table: the `name` column (or `raw_name`), with `count` when present (default 1 per
 * row). Rows with a blank name are skipped; repeated names are summed by the engine.
 */
export function namesFromTable(table: CsvTable, path: string): NameInput[] {
  const lower = table.header.map((cell) => cell.toLowerCase());
  const nameIndex = nameColumns.map((column) => lower.indexOf(column)).find((index) => index >= 0);
  if (nameIndex === undefined) {
    const found = table.header.length === 0 || table.header.every((c) => c === '') ? '(none)' : table.header.map((c) => JSON.stringify(c)).join(', ');
    throw new UserError(`${path}: no "name" or "raw_name" column; columns found: ${found}`);
  }
  const countIndex = lower.indexOf('count');
  const names: NameInput[] = [];
  table.rows.forEach((cells, index) => {
    const name = cells[nameIndex] ?? '';
    if (name.trim() === '') return;
    const countText = countIndex < 0 ? '' : (cells[countIndex] ?? '').trim();
    const count = countText === '' ? 1 : Number(countText);
    if (!Number.isFinite(count) || count < 0) {
      throw new UserError(`${path}: data row ${index + 1} ("${name}"): count "${countText}" is not a non-negative number`);
    }
    names.push({ name, count });
  });
  return names;
}

/**
 * Clusters of two or more spellings, in the shape `review cluster --json` prints. Branch and lead-source
 * names get the shipped place and channel lists (resources/places, resources/lead-sources), as the
 * pipeline does; the pipeline also has the data evidence, which a names file lacks.
 */
export function reviewClusters(names: readonly NameInput[], kind: NameKind, nicknamesPath: string = shippedNicknames): ReviewCluster[] {
  const nicknames = kind === 'sales-person' ? readNicknames(nicknamesPath) : undefined;
  const placeKnowledge = kind === 'sales-person' ? undefined : loadPlaceKnowledge();
  return clusterNames(names, { kind, ...(nicknames ? { nicknames } : {}), ...(placeKnowledge ? { placeKnowledge } : {}) }).map(toReviewCluster);
}

function readNicknames(path: string): NicknameMap {
  try {
    return loadNicknames(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `nickname list ${path}: no such file` : `nickname list ${path}: ${(error as Error).message}`);
  }
}

function toReviewCluster(cluster: Cluster): ReviewCluster {
  return {
    canonical: cluster.canonical,
    autoMerge: cluster.autoMerge,
    score: cluster.score,
    count: cluster.count,
    members: cluster.members.map((m) => ({ name: m.name, count: m.count, autoMerge: m.autoMerge })),
    evidence: cluster.evidence,
  };
}

function formatClusters(clusters: readonly ReviewCluster[], names: number, kind: NameKind): string {
  const automatic = clusters.filter((c) => c.autoMerge).length;
  const lines = [
    `${clusters.length} cluster(s) of ${kind} names among ${names} distinct spelling(s): ${automatic} safe to merge automatically, ${clusters.length - automatic} to review`,
  ];
  for (const cluster of clusters) {
    const verdict = cluster.autoMerge ? 'merge automatically' : `review, score ${cluster.score.toFixed(2)}`;
    lines.push('', `${cluster.canonical}  (${verdict}; ${cluster.count} row(s))`);
    const width = Math.max(...cluster.members.map((m) => m.name.length + 2));
    for (const m of cluster.members) {
      const note = m.name === cluster.canonical ? '  (canonical)' : !cluster.autoMerge && m.autoMerge ? '  (same name as canonical after normalization)' : '';
      lines.push(`  ${JSON.stringify(m.name).padEnd(width)} ${String(m.count).padStart(6)}${note}`);
    }
    if (cluster.evidence.length > 0) lines.push(`  evidence: ${cluster.evidence.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

interface ClusterFlags {
  input: string;
  kind: NameKind;
  json?: boolean;
  nicknames?: string;
}

/** `workbench review cluster --input names.csv`: merge candidates among raw name spellings. */
export function reviewCommand(io: CliIo): Command {
  const review = new Command('review').description('review data quality: propose merges among raw name spellings');
  review
    .command('cluster')
    .description(
      'group raw spellings of one sales person, branch or lead source ("SMITH, JOHN", "John Smith (Denver)", "Jhon Smith") ' +
        'into clusters with the evidence for each; only clusters of two or more spellings are printed; nothing is changed',
    )
    .requiredOption('--input <csv>', 'CSV with a "name" (or "raw_name") column and an optional "count" column (rows per name, default 1); other columns are ignored')
    .addOption(new Option('--kind <kind>', 'which rules to apply').choices(nameKinds).default('sales-person'))
    .option('--nicknames <csv>', 'nickname list for sales-person names (name1,relationship,name2; default: the shipped resources/nicknames/names.csv)')
    .option('--json', 'print {"clusters":[{"canonical","autoMerge","score","count","members":[{"name","count","autoMerge"}],"evidence"}]}')
    .addHelpText(
      'after',
      [
        '',
        'Identical raw names are one member with their counts summed. A cluster with autoMerge true holds',
        'spellings that are the same name after normalization (case, spacing, "Last, First", annotations);',
        'otherwise it is a candidate for review, scored by its weakest link (0..1). See docs/matching.md.',
        '',
        'Example:',
        '  workbench review cluster --input truth/sales_person_names.csv --kind sales-person --json',
      ].join('\n'),
    )
    .action((flags: ClusterFlags) => {
      const names = namesFromTable(readCsvTable(flags.input), flags.input);
      const clusters = reviewClusters(names, flags.kind, flags.nicknames ?? shippedNicknames);
      if (flags.json) {
        io.stdout(`${JSON.stringify({ clusters }, null, 2)}\n`);
        return;
      }
      io.stdout(formatClusters(clusters, new Set(names.map((n) => n.name)).size, flags.kind));
    });
  return review;
}
