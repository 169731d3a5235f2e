// A size budget that a report is assembled within, counted in UTF-16 code units (what GitHub's
// comment limit is checked against here) and in UTF-8 bytes (the job summary limit).

export class SizeBudget {
  private chars: number;
  private bytes: number;

  constructor(maxChars: number, maxBytes: number) {
    this.chars = maxChars;
    this.bytes = maxBytes;
  }

  /** Reserves room for `text` and returns true, or returns false and reserves nothing. */
  take(text: string): boolean {
    const chars = text.length;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (chars > this.chars || bytes > this.bytes) {
      return false;
    }

    this.chars -= chars;
    this.bytes -= bytes;
    return true;
  }

  /** Reserves room for `text` even when it does not fit; the budget then stays negative. */
  force(text: string): void {
    this.chars -= text.length;
    this.bytes -= Buffer.byteLength(text, 'utf8');
  }

  get exceeded(): boolean {
    return this.chars < 0 || this.bytes < 0;
  }
}

/** Cuts `text` at a line break so that it and `suffix` fit within both limits. */
export function cutToFit(text: string, suffix: string, maxChars: number, maxBytes: number): string {
  let end = Math.min(text.length, maxChars - suffix.length);
  let cut = text.slice(0, Math.max(0, end));
  while (cut.length > 0 && Buffer.byteLength(cut + suffix, 'utf8') > maxBytes) {
    end = Math.floor(end * 0.9);
    cut = text.slice(0, end);
  }

  const lastBreak = cut.lastIndexOf('\n');
  return (lastBreak > 0 ? cut.slice(0, lastBreak) : '') + suffix;
}
