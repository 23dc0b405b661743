import type { LibraryParam, LibraryQuery } from '../../../shared/contract/index.ts';
import { categoryRank } from './categories.ts';

/** The command that writes docs/sql_queries_index.md; the file and the stale-check test name it. */
export const indexCommand = 'npx workbench query index --out docs/sql_queries_index.md';

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const anchor = (category: string) => category.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function defaultText(param: LibraryParam): string {
  if (param.default === null) return 'all';
  if (param.default === '') return '""';
  return String(param.default);
}

function paramsCell(params: readonly LibraryParam[]): string {
  if (params.length === 0) return '—';
  return params.map((p) => `\`${p.name}\` ${p.type} = ${cell(defaultText(p))} (${cell(p.label)})`).join('<br>');
}

/**
 * docs/sql_queries_index.md: every library query by category (in the documented order) with its
 * name, slug, the question it answers and its parameters, generated from the headers alone.
 */
export function renderQueryIndex(queries: readonly LibraryQuery[]): string {
  const byCategory = new Map<string, LibraryQuery[]>();
  for (const q of [...queries].sort((a, b) => categoryRank(a.category) - categoryRank(b.category) || a.name.localeCompare(b.name, 'en') || a.slug.localeCompare(b.slug, 'en'))) {
    const list = byCategory.get(q.category) ?? [];
    list.push(q);
    byCategory.set(q.category, list);
  }
  const out: string[] = [
    '# SQL query index',
    '',
    `<!-- Generated from the headers of sql/queries/**/*.sql by \`${indexCommand}\`. Do not edit by hand: a test fails when this file is stale. -->`,
    '',
    `${queries.length} ${queries.length === 1 ? 'query' : 'queries'} in ${byCategory.size} ${byCategory.size === 1 ? 'category' : 'categories'}. ` +
      'Run one with `npx workbench query run SLUG [--param name=value …]` or open it from the library in the app; ' +
      'the file format is described in [query-library.md](query-library.md).',
    '',
    ...[...byCategory].map(([category, list]) => `- [${category}](#${anchor(category)}) (${list.length})`),
  ];
  for (const [category, list] of byCategory) {
    out.push('', `## ${category}`, '', '| Query | Question | Parameters |', '| --- | --- | --- |');
    for (const q of list) out.push(`| **${cell(q.name)}**<br>\`${q.slug}\` | ${cell(q.description)} | ${paramsCell(q.params)} |`);
  }
  return `${out.join('\n')}\n`;
}
