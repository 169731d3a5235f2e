import { formatDuration, LIVE_INTERVAL_MS, LOG_INTERVAL_MS, Progress, StatusLine } from '../../src/runner/progress.js';

/** A clock the test moves by hand, in milliseconds. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

/** A terminal stream that records every write. */
function fakeTerminal(columns?: number): { stream: { write: (text: string) => boolean; columns?: number }; writes: string[] } {
  const writes: string[] = [];
  return { stream: { write: (text) => (writes.push(text), true), columns }, writes };
}

describe('Progress in a log', () => {
  test('no line before the interval', () => {
    const clock = fakeClock();
    const lines: string[] = [];
    const progress = new Progress(100, (line) => lines.push(line), { now: clock.now });

    for (let i = 0; i < 10; i++) {
      clock.advance(100);
      progress.record(false);
    }

    expect(lines).toEqual([]);
  });

  test('line shows done, rate, ETA and errors', () => {
    const clock = fakeClock();
    const lines: string[] = [];
    const progress = new Progress(100, (line) => lines.push(line), { now: clock.now });

    clock.advance(LOG_INTERVAL_MS);
    for (let i = 0; i < 25; i++) progress.record(i < 3);

    expect(lines).toEqual(['1/100 done (1%), 0.2/s, ETA 8 min 15 s, 1 errors']);
    clock.advance(LOG_INTERVAL_MS);
    progress.record(false);
    expect(lines[1]).toBe('26/100 done (26%), 2.6/s, ETA 29 s, 3 errors');
  });

  test('reused rows count as done, not in the rate', () => {
    const clock = fakeClock();
    const lines: string[] = [];
    const progress = new Progress(100, (line) => lines.push(line), { now: clock.now });

    for (let i = 0; i < 50; i++) progress.record(false, true);
    clock.advance(LOG_INTERVAL_MS);
    for (let i = 0; i < 10; i++) progress.record(false);

    expect(lines).toEqual(['51/100 done (51%), 0.2/s, ETA 4 min 05 s, 0 errors']);
  });

  test('at most one line per interval', () => {
    const clock = fakeClock();
    const lines: string[] = [];
    const progress = new Progress(10_000, (line) => lines.push(line), { now: clock.now });

    // 60 s at 100 rows per second: one line every 5 s at most.
    for (let i = 0; i < 6000; i++) {
      clock.advance(10);
      progress.record(false);
    }

    expect(lines).toHaveLength(12);
  });

  test('last row always logged', () => {
    const clock = fakeClock();
    const lines: string[] = [];
    const progress = new Progress(3, (line) => lines.push(line), { now: clock.now });

    clock.advance(1500);
    progress.record(false);
    progress.record(true);
    progress.record(false);
    progress.finish();

    expect(lines).toEqual(['3/3 done (100%), 2.0/s, ETA 0 s, 1 errors']);
  });
});

describe('Progress on a terminal', () => {
  test('redraws at most every 100 ms', () => {
    const clock = fakeClock();
    const terminal = fakeTerminal();
    const lines: string[] = [];
    const progress = new Progress(1000, (line) => lines.push(line), { now: clock.now, live: new StatusLine(terminal.stream) });

    // 2 s at one row per 10 ms: 20 redraws.
    for (let i = 0; i < 200; i++) {
      clock.advance(10);
      progress.record(false);
    }

    expect(terminal.writes).toHaveLength(2000 / LIVE_INTERVAL_MS);
    expect(lines).toEqual([]);
    expect(terminal.writes.every((text) => text.startsWith('\r') && !text.includes('\n'))).toBe(true);
    expect(terminal.writes.at(-1)).toBe('\r[####----------------] 200/1000 (20%) 100.0/s ETA 8 s 0 errors\x1b[K');
  });

  test('finish ends the line once', () => {
    const clock = fakeClock();
    const terminal = fakeTerminal();
    const progress = new Progress(4, () => {}, { now: clock.now, live: new StatusLine(terminal.stream) });

    clock.advance(50);
    progress.record(false);
    clock.advance(10);
    progress.record(true);
    progress.finish();
    progress.finish();

    expect(terminal.writes.at(-2)).toBe('\r[##########----------] 2/4 (50%) 33.3/s ETA 1 s 1 errors\x1b[K');
    expect(terminal.writes.at(-1)).toBe('\n');
    expect(terminal.writes.filter((text) => text.includes('\n'))).toHaveLength(1);
  });

  test('finish without rows writes nothing', () => {
    const terminal = fakeTerminal();
    const progress = new Progress(5, () => {}, { now: fakeClock().now, live: new StatusLine(terminal.stream) });

    progress.finish();

    expect(terminal.writes).toEqual([]);
  });

  test('no rows at all', () => {
    const lines: string[] = [];
    const progress = new Progress(0, (line) => lines.push(line), { now: fakeClock().now });

    progress.finish();

    expect(lines).toEqual([]);
  });
});

describe('StatusLine', () => {
  test('print writes above the status line', () => {
    const terminal = fakeTerminal();
    const status = new StatusLine(terminal.stream);

    status.print('before');
    status.update('3/10');
    status.print('warning: slow');
    status.end();
    status.print('after');

    expect(terminal.writes.join('')).toBe('before\n\r3/10\x1b[K\r\x1b[Kwarning: slow\n3/10\x1b[K\nafter\n');
  });

  test('cut to the terminal width', () => {
    const terminal = fakeTerminal(8);
    const status = new StatusLine(terminal.stream);

    status.update('进度 12345678');

    expect(terminal.writes).toEqual(['\r进度 1234\x1b[K']);
  });
});

describe('formatDuration', () => {
  test.each([
    [0, '0 s'],
    [0.2, '1 s'],
    [59, '59 s'],
    [60, '1 min 00 s'],
    [125, '2 min 05 s'],
    [3600, '1 h 00 min'],
    [7625, '2 h 07 min'],
  ])('%d s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
