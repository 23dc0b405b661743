import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChartPreset, LibraryQuery } from '../../../shared/contract/index.ts';

/** The project's query library folder. */
export const libraryDirectory = fileURLToPath(new URL('../../../sql/queries/', import.meta.url));

export class LibraryError extends Error {
  override readonly name = 'LibraryError';
}

export class QueryNotFoundError extends Error {
  override readonly name = 'QueryNotFoundError';
}

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `bar x=month y=revenue,cost` → a chart preset. */
export function parseChartPreset(text: string, where: string): ChartPreset {
  const [type, ...parts] = text.trim().split(/\s+/);
  if (type !== 'bar' && type !== 'line' && type !== 'none') {
    throw new LibraryError(`${where}: chart type must be bar, line or none, got "${type ?? ''}"`);
  }
  const preset: ChartPreset = { type };
  for (const part of parts) {
    const [key, value = ''] = part.split('=');
    if (key === 'x') preset.x = value;
    else if (key === 'y') preset.y = value.split(',').filter(Boolean);
    else throw new LibraryError(`${where}: unknown chart option "${part}" (expected x=column, y=col1,col2)`);
  }
  return preset;
}

/**
 * Reads the header of a library file: leading `-- key: value` comment lines. A line that starts with
 * `--   ` continues the previous value.
 */
export function parseHeader(sql: string, where: string): Record<string, string> {
  const header: Record<string, string> = {};
  let last: string | undefined;
  for (const line of sql.split(/\r?\n/)) {
    if (!line.startsWith('--')) break;
    const field = /^--\s*([a-z_]+):\s*(.*)$/.exec(line);
    if (field) {
      const [, key = '', value = ''] = field;
      if (key in header) throw new LibraryError(`${where}: header field "${key}" appears twice`);
      header[key] = value.trim();
      last = key;
    } else if (last && /^--\s{2,}\S/.test(line)) {
      header[last] = `${header[last]} ${line.replace(/^--\s+/, '')}`.trim();
    }
  }
  return header;
}

function readQuery(file: string, folderCategory: string, root: string): LibraryQuery {
  const where = relative(root, file);
  const slug = basename(file, '.sql');
  if (!slugPattern.test(slug)) throw new LibraryError(`${where}: file names are lowercase-slugs-with-dashes.sql`);
  const sql = readFileSync(file, 'utf8');
  const header = parseHeader(sql, where);
  if (!header.name) throw new LibraryError(`${where}: the header needs "-- name: …"`);
  if (!header.description) throw new LibraryError(`${where}: the header needs "-- description: …"`);
  const query: LibraryQuery = {
    slug,
    name: header.name,
    category: header.category ?? folderCategory,
    description: header.description,
    sql,
  };
  if (header.chart) query.chart = parseChartPreset(header.chart, where);
  return query;
}

/** Loads every `<category>/<slug>.sql` under the folder; slugs are unique across categories. */
export function loadLibrary(root: string = libraryDirectory): LibraryQuery[] {
  const queries: LibraryQuery[] = [];
  const seen = new Map<string, string>();
  for (const folder of readdirSync(root).sort()) {
    const dir = join(root, folder);
    if (!statSync(dir).isDirectory()) continue;
    const category = folder.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
    for (const entry of readdirSync(dir).sort()) {
      if (!entry.endsWith('.sql')) continue;
      const query = readQuery(join(dir, entry), category, root);
      const previous = seen.get(query.slug);
      if (previous) throw new LibraryError(`${folder}/${entry}: slug "${query.slug}" is already used by ${previous}`);
      seen.set(query.slug, `${folder}/${entry}`);
      queries.push(query);
    }
  }
  return queries;
}

/** The library as a lookup by slug. */
export class QueryCatalog {
  private readonly bySlug: Map<string, LibraryQuery>;
  constructor(readonly queries: LibraryQuery[]) {
    this.bySlug = new Map(queries.map((q) => [q.slug, q]));
  }
  get(slug: string): LibraryQuery {
    const query = this.bySlug.get(slug);
    if (!query) throw new QueryNotFoundError(`no library query named "${slug}"`);
    return query;
  }
}
