import { LibraryFileError } from './errors.ts';

/** One `-- key: value` field of a header, with continuation lines joined by a space. */
export interface HeaderField {
  key: string;
  value: string;
  /** 1-based line of the `-- key:` line. */
  line: number;
}

export interface ParsedHeader {
  fields: HeaderField[];
  /** Number of lines the header occupies; the SQL starts on the line after. */
  lineCount: number;
}

const fieldLine = /^--\s?([a-z_]+):(.*)$/;
const continuationLine = /^--\s{2,}\S/;

/**
 * Reads the header at the top of a library file: `-- key: value` lines, where a line of `--` followed
 * by two or more spaces continues the previous value. The header ends at the first line that is
 * neither; later comments belong to the SQL.
 * @example parseHeader('-- name: Jobs\n--   per month\nselect 1', 'a.sql') → { fields: [{ key: 'name', value: 'Jobs per month', line: 1 }], lineCount: 2 }
 */
export function parseHeader(text: string, file: string): ParsedHeader {
  const fields: HeaderField[] = [];
  const lines = text.split(/\r?\n/);
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    // Continuation first: `--   planning: …` continues a value even though it looks like a field.
    if (continuationLine.test(line)) {
      const last = fields.at(-1);
      if (!last) throw new LibraryFileError(file, index + 1, 'a continuation line needs a "-- key: value" line before it');
      last.value = `${last.value} ${line.replace(/^--\s+/, '').trim()}`.trim();
      continue;
    }
    const field = fieldLine.exec(line);
    if (field) {
      fields.push({ key: field[1] ?? '', value: (field[2] ?? '').trim(), line: index + 1 });
      continue;
    }
    break;
  }
  return { fields, lineCount: index };
}
