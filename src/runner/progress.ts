/** Least time between two progress lines in a log, so that CI logs stay readable on long runs. */
const PROGRESS_INTERVAL_MS = 5000;

/** Counts finished rows and logs done/total, rate, ETA and errors at most every few seconds. */
export class Progress {
  private done = 0;
  private errors = 0;
  private readonly started = performance.now();
  private lastLogged = performance.now();

  constructor(
    private readonly total: number,
    private readonly log: (line: string) => void,
  ) {}

  record(failedCall: boolean): void {
    this.done += 1;
    if (failedCall) this.errors += 1;
    const now = performance.now();
    if (this.done === this.total || now - this.lastLogged >= PROGRESS_INTERVAL_MS) {
      this.lastLogged = now;
      this.log(this.line(now));
    }
  }

  private line(now: number): string {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 ? Math.ceil((this.total - this.done) / rate) : 0;
    const percent = Math.floor((100 * this.done) / this.total);
    return `${this.done}/${this.total} done (${percent}%), ${rate.toFixed(1)}/s, ETA ${eta} s, ${this.errors} errors`;
  }
}
