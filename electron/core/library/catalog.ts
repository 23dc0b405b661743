import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LibraryProblem, LibraryQuery } from '../../../shared/contract/index.ts';
import { categoryRank } from './categories.ts';
import { LibraryFileError, QueryNotFoundError } from './errors.ts';
import { parseLibraryFile } from './parse.ts';
import { closestNames } from './suggest.ts';

/** The project's query library folder. */
export const libraryDirectory = fileURLToPath(new URL('../../../sql/queries/', import.meta.url));

/** The library folder to use: an explicit one, else $WORKBENCH_LIBRARY_DIR, else the project's. */
export function resolveLibraryDirectory(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env.WORKBENCH_LIBRARY_DIR || libraryDirectory;
}

export interface LibraryScan {
  queries: LibraryQuery[];
  /** Files that could not be read, each with its reason; the rest of the library still loads. */
  problems: LibraryProblem[];
}

/** Every `.sql` file under the category folders, relative to `root` (`analytics/revenue-by-month.sql`). */
function libraryFiles(root: string): { folder: string; entry: string }[] {
  const files: { folder: string; entry: string }[] = [];
  for (const folder of readdirSync(root).sort()) {
    if (!statSync(join(root, folder)).isDirectory()) continue;
    for (const entry of readdirSync(join(root, folder)).sort()) {
      if (entry.endsWith('.sql')) files.push({ folder, entry });
    }
  }
  return files;
}

/**
 * Reads and checks every `<category>/<slug>.sql` under `root`. A file that breaks a rule becomes a
 * problem and is left out, so one bad file cannot take the whole library (or the app) down. Queries
 * come sorted by category (in the documented order), then name.
 */
export function scanLibrary(root: string = libraryDirectory): LibraryScan {
  const queries: LibraryQuery[] = [];
  const problems: LibraryProblem[] = [];
  const seen = new Map<string, string>();
  for (const { folder, entry } of libraryFiles(root)) {
    const file = `${folder}/${entry}`;
    try {
      const query = parseLibraryFile(readFileSync(join(root, folder, entry), 'utf8'), { folder, slug: entry.slice(0, -'.sql'.length) });
      const previous = seen.get(query.slug);
      if (previous) throw new LibraryFileError(file, undefined, `slug "${query.slug}" is already used by ${previous}; slugs are unique across the library`);
      seen.set(query.slug, file);
      queries.push(query);
    } catch (error) {
      if (!(error instanceof LibraryFileError)) throw error;
      problems.push({ file: error.file, ...(error.line === undefined ? {} : { line: error.line }), message: error.message });
    }
  }
  queries.sort((a, b) => categoryRank(a.category) - categoryRank(b.category) || a.name.localeCompare(b.name, 'en'));
  return { queries, problems };
}

/** The whole library, or an error listing every file that breaks a rule (tests, the index generator). */
export function loadLibrary(root: string = libraryDirectory): LibraryQuery[] {
  const { queries, problems } = scanLibrary(root);
  if (problems.length > 0) throw new Error(`${problems.length} library file(s) break the format:\n${problems.map((p) => `  ${p.message}`).join('\n')}`);
  return queries;
}

/** The library as a lookup by slug, with the files that did not load. */
export class QueryCatalog {
  private readonly bySlug: Map<string, LibraryQuery>;
  readonly queries: readonly LibraryQuery[];
  readonly problems: readonly LibraryProblem[];

  constructor(scan: LibraryScan) {
    this.queries = scan.queries;
    this.problems = scan.problems;
    this.bySlug = new Map(scan.queries.map((q) => [q.slug, q]));
  }

  /** The query named `slug`; a QueryNotFoundError suggests the closest slugs, or the file's problem. */
  get(slug: string): LibraryQuery {
    const query = this.bySlug.get(slug);
    if (query) return query;
    const broken = this.problems.find((p) => p.file.endsWith(`/${slug}.sql`));
    if (broken) throw new QueryNotFoundError(slug, [], `the library file of "${slug}" does not load: ${broken.message}`);
    throw new QueryNotFoundError(slug, closestNames(slug, [...this.bySlug.keys()]));
  }
}
