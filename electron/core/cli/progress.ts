/** A one-line progress display on a terminal's stderr; silent when stderr is not a terminal. */
export class ProgressLine {
  private last = 0;
  private shown = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly enabled: boolean,
  ) {}

  update(label: string, done: number, total?: number, unit = 'rows'): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const width = 24;
    let bar = '';
    if (total && total > 0) {
      const share = Math.min(1, done / total);
      const filled = Math.round(share * width);
      bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}% `;
    }
    this.write(`\r\x1b[2K${label} ${bar}${done.toLocaleString('en-US')} ${unit}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.write('\r\x1b[2K');
    this.shown = false;
  }
}
