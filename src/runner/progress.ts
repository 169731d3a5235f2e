/** Minimum time between two progress lines in a log, so that CI logs stay readable on long runs. */
export const LOG_INTERVAL_MS = 5000;

/** Minimum time between two redraws of a live progress bar on a terminal. */
export const LIVE_INTERVAL_MS = 100;

/** Width of the bar itself, in characters, inside the live line. */
const BAR_WIDTH = 20;

export interface ProgressOptions {
  /** A terminal's status line: progress is redrawn in it instead of logged as lines. */
  live?: StatusLine;
  /** Clock in milliseconds; tests pass a fake one. */
  now?: () => number;
}

/**
 * Counts finished rows and shows done/total, rate, ETA and errors so far. In a log (CI) it writes a
 * line at most every LOG_INTERVAL_MS and one when the last row is done; on a terminal it redraws one
 * status line at most every LIVE_INTERVAL_MS and ends it with a newline in `finish`.
 */
export class Progress {
  private done = 0;
  /** Rows taken from an earlier run (--resume): done, but not part of the rate. */
  private reused = 0;
  private errors = 0;
  private readonly started: number;
  private lastShown: number;
  private finished = false;
  private readonly now: () => number;

  constructor(
    private readonly total: number,
    private readonly log: (line: string) => void,
    private readonly options: ProgressOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.lastShown = this.started;
  }

  record(failedCall: boolean, reused = false): void {
    this.done += 1;
    if (reused) this.reused += 1;
    if (failedCall) this.errors += 1;

    const now = this.now();
    const interval = this.options.live ? LIVE_INTERVAL_MS : LOG_INTERVAL_MS;
    if (this.done === this.total || now - this.lastShown >= interval) this.show(now);
  }

  /**
   * Ends the progress display: on a terminal, the last state stays on screen followed by a newline.
   * Call it once when the run stops, also when it stopped before every row was done. Idempotent.
   */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (!this.options.live) return;

    if (this.done > 0) this.options.live.update(this.liveText(this.now()));
    this.options.live.end();
  }

  private show(now: number): void {
    this.lastShown = now;
    if (this.options.live) this.options.live.update(this.liveText(now));
    else this.log(this.line(now));
  }

  private line(now: number): string {
    const { percent, rate, eta } = this.figures(now);
    return `${this.done}/${this.total} done (${percent}%), ${rate.toFixed(1)}/s, ETA ${eta}, ${this.errors} errors`;
  }

  private liveText(now: number): string {
    const { percent, rate, eta } = this.figures(now);
    const filled = this.total === 0 ? BAR_WIDTH : Math.floor((BAR_WIDTH * this.done) / this.total);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
    return `[${bar}] ${this.done}/${this.total} (${percent}%) ${rate.toFixed(1)}/s ETA ${eta} ${this.errors} errors`;
  }

  private figures(now: number): { percent: number; rate: number; eta: string } {
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? (this.done - this.reused) / seconds : 0;
    const remaining = this.total - this.done;
    let eta = 'unknown';
    if (remaining === 0) eta = '0 s';
    else if (rate > 0) eta = formatDuration(remaining / rate);
    const percent = this.total === 0 ? 100 : Math.floor((100 * this.done) / this.total);
    return { percent, rate, eta };
  }
}

/** Seconds as `42 s`, `3 min 05 s` or `2 h 07 min`, rounded up. */
export function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}

/** Output stream of a StatusLine: a terminal stream such as process.stderr. */
export interface TerminalStream {
  write(text: string): unknown;
  /** Width of the terminal in characters, when known. */
  columns?: number;
}

/** ANSI "erase to end of line" (CSI K). */
const CLEAR_TO_END = '\x1b[K';

/**
 * One line at the bottom of a terminal that is redrawn in place with `\r`. Lines printed with `print`
 * appear above it, so that warnings do not mix with the bar. Text wider than the terminal is cut,
 * because a wrapped line could no longer be redrawn in place.
 */
export class StatusLine {
  private current = '';

  constructor(private readonly stream: TerminalStream) {}

  update(text: string): void {
    this.current = this.fit(text);
    this.stream.write(`\r${this.current}${CLEAR_TO_END}`);
  }

  /** Writes a whole line above the status line and redraws the status line below it. */
  print(line: string): void {
    if (this.current === '') {
      this.stream.write(`${line}\n`);
      return;
    }
    this.stream.write(`\r${CLEAR_TO_END}${line}\n${this.current}${CLEAR_TO_END}`);
  }

  /** Leaves the status line as it is and moves to a new line; later `print`s start below it. */
  end(): void {
    if (this.current === '') return;
    this.current = '';
    this.stream.write('\n');
  }

  private fit(text: string): string {
    const columns = this.stream.columns;
    if (columns === undefined || columns < 2) return text;
    const characters = [...text];
    return characters.length < columns ? text : characters.slice(0, columns - 1).join('');
  }
}
