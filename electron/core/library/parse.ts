import { columnFormats } from '../../../shared/contract/index.ts';
import type { ChartPreset, ColumnFormat, LibraryParam, LibraryQuery } from '../../../shared/contract/index.ts';
import { categoryOfFolder, folderOfCategory } from './categories.ts';
import { LibraryFileError } from './errors.ts';
import { parseHeader } from './header.ts';
import type { HeaderField } from './header.ts';
import { parseParamDeclaration, ParamTypeError, placeholderNames } from './params.ts';
import { findPlaceholders, lineAt } from './placeholders.ts';

/** Where a library file lives: `folder/slug.sql` under the library root. */
export interface LibraryFileLocation {
  folder: string;
  slug: string;
}

const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const columnPattern = /^[a-z_][a-z0-9_]*$/;
const singleFields = new Set(['name', 'description', 'category', 'tags', 'chart', 'format']);
const knownFields = [...singleFields, 'param'];

/** `line x=month y=revenue,jobs` → a chart preset; bar and line need x and y. Throws the reason. */
export function parseChartPreset(text: string): ChartPreset {
  const [type = '', ...parts] = text.trim().split(/\s+/);
  if (type !== 'bar' && type !== 'line' && type !== 'none') throw new Error(`chart type must be bar, line or none, got "${type}"`);
  const preset: ChartPreset = { type };
  for (const part of parts) {
    const [key, value = ''] = part.split('=', 2);
    const names = value.split(',').map((v) => v.trim());
    if (names.some((n) => !columnPattern.test(n))) throw new Error(`chart option "${part}" must name snake_case result columns`);
    if (key === 'x' && preset.x === undefined && names.length === 1) preset.x = value;
    else if (key === 'y' && preset.y === undefined) preset.y = names;
    else throw new Error(`unknown or repeated chart option "${part}" (expected x=column y=col1,col2)`);
  }
  if (type !== 'none' && (preset.x === undefined || preset.y === undefined)) throw new Error(`a ${type} chart needs x=COLUMN and y=COL1,COL2`);
  return preset;
}

/** `revenue=currency, jobs=integer` → column formats. Throws the reason. */
export function parseFormats(text: string): Record<string, ColumnFormat> {
  const formats: Record<string, ColumnFormat> = {};
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [column = '', format = ''] = item.split('=').map((s) => s.trim());
    if (!columnPattern.test(column)) throw new Error(`format "${item}": expected column=format with a snake_case column`);
    if (!(columnFormats as readonly string[]).includes(format)) throw new Error(`format "${item}": the formats are ${columnFormats.join(', ')}`);
    if (Object.hasOwn(formats, column)) throw new Error(`format: column "${column}" appears twice`);
    formats[column] = format as ColumnFormat;
  }
  return formats;
}

function checkPlaceholders(file: string, sql: string, params: readonly LibraryParam[]): void {
  const { named, positional } = findPlaceholders(sql);
  const first = positional[0];
  if (first) throw new LibraryFileError(file, lineAt(sql, first.start), `use named parameters (:name), not ${first.text}`);
  const provided = new Map(params.flatMap((p) => placeholderNames(p).map((n) => [n, p] as const)));
  const unknown = named.filter((p) => !provided.has(p.name));
  const firstUnknown = unknown[0];
  if (firstUnknown) {
    const names = [...new Set(unknown.map((p) => `:${p.name}`))].join(', ');
    const range = params.find((p) => p.type === 'daterange' && p.name === firstUnknown.name);
    const hint = range
      ? ` (a daterange is used as :${range.name}_from and :${range.name}_to)`
      : provided.size > 0
        ? ` (declared: ${[...provided.keys()].map((n) => `:${n}`).join(', ')})`
        : ' (declare it with "-- param: NAME TYPE = DEFAULT "Label"")';
    throw new LibraryFileError(file, lineAt(sql, firstUnknown.start), `unknown parameter ${names} in the SQL${hint}`);
  }
  const used = new Set(named.map((p) => p.name));
  for (const [placeholder, param] of provided) {
    if (!used.has(placeholder)) throw new LibraryFileError(file, undefined, `parameter "${param.name}" is declared but :${placeholder} does not appear in the SQL`);
  }
}

/**
 * Parses one library file (docs/query-library.md) and checks it: the header's fields, the category
 * against the folder, the parameters, the chart preset and formats, and that the SQL uses exactly
 * the declared parameters. Every error is a LibraryFileError naming the file and, where it can, the line.
 */
export function parseLibraryFile(text: string, location: LibraryFileLocation): LibraryQuery {
  const file = `${location.folder}/${location.slug}.sql`;
  const fail = (line: number | undefined, reason: string): never => {
    throw new LibraryFileError(file, line, reason);
  };
  if (!slugPattern.test(location.slug)) fail(undefined, 'the file name must be a slug: lowercase words joined by dashes, ending in .sql');
  const header = parseHeader(text, file);
  const single = new Map<string, HeaderField>();
  const paramFields: HeaderField[] = [];
  for (const field of header.fields) {
    if (!knownFields.includes(field.key)) fail(field.line, `unknown header field "${field.key}" (the fields are ${knownFields.join(', ')})`);
    if (field.key === 'param') {
      paramFields.push(field);
      continue;
    }
    const earlier = single.get(field.key);
    if (earlier) fail(field.line, `header field "${field.key}" appears twice (first on line ${earlier.line})`);
    single.set(field.key, field);
  }
  const required = (key: string): HeaderField => {
    const field = single.get(key);
    if (!field) return fail(undefined, `the header needs "-- ${key}: …"`);
    if (field.value === '') return fail(field.line, `header field "${key}" is empty`);
    return field;
  };
  const name = required('name').value;
  const description = required('description').value;
  const categoryField = required('category');
  const folderCategory = categoryOfFolder(location.folder);
  if (!folderCategory) fail(undefined, `folder "${location.folder}" is not a category folder (see docs/query-library.md)`);
  if (!folderOfCategory(categoryField.value)) fail(categoryField.line, `unknown category "${categoryField.value}"; the categories are listed in docs/query-library.md`);
  if (categoryField.value !== folderCategory) fail(categoryField.line, `category "${categoryField.value}" belongs in folder ${folderOfCategory(categoryField.value)}/, not ${location.folder}/`);

  const chartField = required('chart');
  let chart: ChartPreset = { type: 'none' };
  try {
    chart = parseChartPreset(chartField.value);
  } catch (error) {
    fail(chartField.line, (error as Error).message);
  }
  const formatField = single.get('format');
  let formats: Record<string, ColumnFormat> = {};
  try {
    if (formatField) formats = parseFormats(formatField.value);
  } catch (error) {
    fail(formatField?.line, (error as Error).message);
  }
  const tags = (single.get('tags')?.value ?? '').split(',').map((t) => t.trim()).filter(Boolean);

  const params: LibraryParam[] = [];
  const placeholders = new Map<string, string>();
  for (const field of paramFields) {
    let param: LibraryParam | undefined;
    try {
      param = parseParamDeclaration(field.value);
    } catch (error) {
      if (!(error instanceof ParamTypeError)) throw error;
      fail(field.line, error.message);
    }
    if (!param) continue;
    for (const placeholder of placeholderNames(param)) {
      const owner = placeholders.get(placeholder);
      if (owner) fail(field.line, owner === param.name ? `parameter "${param.name}" is declared twice` : `parameter "${param.name}" clashes with "${owner}" over :${placeholder}`);
      placeholders.set(placeholder, param.name);
    }
    params.push(param);
  }

  const body = text.split(/\r?\n/).slice(header.lineCount).join('\n');
  if (body.trim() === '' || /^[\s;]*$/.test(body.replace(/--[^\n]*/g, ''))) fail(header.lineCount + 1, 'the SQL after the header is empty');
  checkPlaceholders(file, text, params);
  return { slug: location.slug, name, category: categoryField.value, description, tags, params, chart, formats, file, sql: text };
}
