import type { ResultField } from '../../../shared/db.ts';

/**
 * One result row as the grid and the chart hold it: `n` is its 1-based number in the whole result
 * (stable when the grid sorts), `v` the cells in field order.
 * @example { n: 1, v: [1, 'Berlin', null] }
 */
export interface ResultRow {
  n: number;
  v: readonly unknown[];
}

/** A page as `query/page` carries it. */
export interface IncomingPage {
  fields: ResultField[];
  rows: unknown[][];
  offset: number;
}

/**
 * Accumulates a run's pages in result order. Pages normally arrive in order, but the Electron bridge
 * sends events and call results on separate channels, so a page may come late, twice or out of order:
 * a page is held until the rows before it arrived, and rows already held are not added again.
 */
export class RunBuffer {
  fields: ResultField[] = [];
  readonly rows: ResultRow[] = [];
  private readonly waiting = new Map<number, unknown[][]>();

  /** Takes a page; returns the rows that became contiguous (possibly none). */
  accept(page: IncomingPage): ResultRow[] {
    if (this.fields.length === 0 && page.fields.length > 0) this.fields = page.fields;
    if (page.offset > this.rows.length) {
      this.waiting.set(page.offset, page.rows);
      return [];
    }
    const before = this.rows.length;
    this.append(page.offset, page.rows);
    for (let next = this.waiting.get(this.rows.length); next; next = this.waiting.get(this.rows.length)) {
      const offset = this.rows.length;
      this.waiting.delete(offset);
      this.append(offset, next);
    }
    return this.rows.slice(before);
  }

  /** Rows received without a gap. */
  get received(): number {
    return this.rows.length;
  }

  private append(offset: number, rows: unknown[][]) {
    for (let i = this.rows.length - offset; i < rows.length; i++) {
      this.rows.push({ n: offset + i + 1, v: rows[i] as unknown[] });
    }
  }
}
