import { createReadStream } from 'node:fs';
import { ImportFileError } from './errors.ts';

export interface RawRecord {
  /** 1-based record number in the file, the header being record 1. */
  record: number;
  cells: string[];
}

export type TextEncodingName = 'utf-8' | 'windows-1252';

/** A record longer than this means a broken file (an unclosed quote swallowing the rest). */
const maxRecordLength = 1_000_000;

/**
 * Picks the delimiter that splits the first lines into the most fields (outside quotes). Several lines
 * are counted, so a title line above the header cannot decide it.
 */
export function detectDelimiter(head: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
    else if (!quoted && ch === '\n' && ++lines >= 15) break;
  }
  const best = (Object.entries(counts) as [',' | ';' | '\t', number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/**
 * An RFC 4180 state machine fed text in pieces: quoted fields with "" escapes and line breaks inside,
 * CRLF, LF or CR line ends. A quote at the very end of a piece is resolved by the next piece.
 */
export class CsvTokenizer {
  private field = '';
  private cells: string[] = [];
  private quoted = false;
  /** Just saw a quote inside a quoted field: either its end or the first half of "". */
  private quotePending = false;
  private skipLF = false;
  private length = 0;
  private record = 1;

  constructor(
    private readonly delimiter: string,
    private readonly label: string,
  ) {}

  *push(text: string): Generator<RawRecord> {
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i] as string;
      if (this.skipLF) {
        this.skipLF = false;
        if (ch === '\n') continue;
      }
      if (++this.length > maxRecordLength) {
        throw new ImportFileError(this.label, `record ${this.record} is longer than ${maxRecordLength} characters: an unclosed quote or a broken file`);
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (ch === '"') {
          this.field += '"';
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        if (ch === '"') this.quotePending = true;
        else this.field += ch;
      } else if (ch === this.delimiter) {
        this.cells.push(this.field);
        this.field = '';
      } else if (ch === '\n' || ch === '\r') {
        this.skipLF = ch === '\r';
        yield this.endRecord();
      } else if (ch === '"' && this.field === '') {
        this.quoted = true;
      } else {
        this.field += ch;
      }
    }
  }

  *end(): Generator<RawRecord> {
    if (this.quotePending) {
      this.quotePending = false;
      this.quoted = false;
    }
    if (this.quoted) throw new ImportFileError(this.label, `record ${this.record}: a quoted field is never closed (the file may be truncated)`);
    if (this.field !== '' || this.cells.length > 0) yield this.endRecord();
  }

  private endRecord(): RawRecord {
    this.cells.push(this.field);
    const out = { record: this.record, cells: this.cells };
    this.field = '';
    this.cells = [];
    this.length = 0;
    this.record += 1;
    return out;
  }
}

/**
 * Streams the records of a CSV file in the encoding found while hashing it, with the delimiter of its
 * first line; a UTF-8 byte-order mark is dropped.
 */
export async function* readCsvRecords(
  path: string,
  label: string,
  encoding: TextEncodingName,
  delimiter: string,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<RawRecord> {
  const decoder = new TextDecoder(encoding);
  const tokenizer = new CsvTokenizer(delimiter, label);
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    onBytes?.((chunk as Buffer).length);
    yield* tokenizer.push(decoder.decode(chunk as Buffer, { stream: true }));
  }
  yield* tokenizer.push(decoder.decode());
  yield* tokenizer.end();
}

/** The delimiter of a CSV file, judged from its first 64 KB. */
export async function sniffDelimiter(path: string, encoding: TextEncodingName): Promise<',' | ';' | '\t'> {
  const decoder = new TextDecoder(encoding);
  let head = '';
  for await (const chunk of createReadStream(path, { highWaterMark: 65_536, end: 65_535 })) head += decoder.decode(chunk as Buffer, { stream: true });
  return detectDelimiter(head);
}

/** The file's bytes without a UTF-8 byte-order mark, for a COPY that reads them as they are. */
export async function* bytesWithoutBom(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    let buf = chunk as Buffer;
    onBytes?.(buf.length);
    if (first && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    first = false;
    yield buf;
  }
}
