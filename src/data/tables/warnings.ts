/**
 * Collects non-fatal notes. A file with every row duplicated would otherwise produce one warning
 * per row; after `cap` warnings of one code the rest are counted into a single summary line.
 */
import type { ErrorLocation, Warning } from '../../util/errors.js';

export class WarningSink {
  readonly list: Warning[] = [];
  private readonly counts = new Map<string, number>();

  constructor(private readonly cap = 20) {}

  add(code: string, message: string, location: ErrorLocation): void {
    const n = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, n);
    if (n <= this.cap) this.list.push({ code, message, location });
  }

  /** The collected warnings, with one `... and N more` line per code that hit the cap. */
  done(file: string): Warning[] {
    const out = [...this.list];
    for (const [code, n] of this.counts) {
      if (n > this.cap) out.push({ code, message: `... and ${n - this.cap} more ${code} warnings`, location: { file } });
    }
    return out;
  }
}
