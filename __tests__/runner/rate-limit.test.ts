import { AdaptiveConcurrency, ConcurrencyLimit } from '../../src/runner/rate-limit.js';

/** A task that runs until `finish` is called, recording how many tasks ran at once. */
class Gate {
  running = 0;
  peakRunning = 0;
  readonly started: number[] = [];
  private readonly finishers = new Map<number, () => void>();

  task(id: number): () => Promise<number> {
    return async () => {
      this.running++;
      this.peakRunning = Math.max(this.peakRunning, this.running);
      this.started.push(id);
      await new Promise<void>((resolve) => this.finishers.set(id, resolve));
      this.running--;
      return id;
    };
  }

  finish(id: number): void {
    this.finishers.get(id)!();
  }
}

/** Lets every pending promise callback run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyLimit', () => {
  test('runs at most the limit, in order', async () => {
    const limit = new ConcurrencyLimit(2);
    const gate = new Gate();
    const results = [1, 2, 3, 4, 5].map((id) => limit.run(gate.task(id)));
    await settle();
    expect(gate.started).toEqual([1, 2]);

    gate.finish(2);
    await settle();
    expect(gate.started).toEqual([1, 2, 3]);
    for (const id of [1, 3, 4, 5]) {
      gate.finish(id);
      await settle();
    }
    await expect(Promise.all(results)).resolves.toEqual([1, 2, 3, 4, 5]);
    expect(gate.peakRunning).toBe(2);
  });

  test('changed limit applies to waiting tasks', async () => {
    const limit = new ConcurrencyLimit(3);
    const gate = new Gate();
    const results = [1, 2, 3, 4, 5, 6].map((id) => limit.run(gate.task(id)));
    await settle();
    limit.concurrency = 1;

    gate.finish(1);
    gate.finish(2);
    await settle();
    expect(gate.started).toEqual([1, 2, 3]); // 3 is still running, and the limit is 1

    gate.finish(3);
    await settle();
    expect(gate.started).toEqual([1, 2, 3, 4]);

    limit.concurrency = 3;
    await settle();
    expect(gate.started).toEqual([1, 2, 3, 4, 5, 6]);
    for (const id of [4, 5, 6]) gate.finish(id);
    await expect(Promise.all(results)).resolves.toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('throwing task frees its slot', async () => {
    const limit = new ConcurrencyLimit(1);
    const failed = limit.run(() => {
      throw new Error('scorer broke');
    });
    const next = limit.run(async () => 'next ran');
    await expect(failed).rejects.toThrow('scorer broke');
    await expect(next).resolves.toBe('next ran');
  });
});

describe('AdaptiveConcurrency', () => {
  test('halves on 429, grows back by one', () => {
    const concurrency = new AdaptiveConcurrency(8);
    concurrency.onRateLimited();
    expect(concurrency.current).toBe(4);
    for (let i = 0; i < 3; i++) concurrency.onSuccess();
    expect(concurrency.current).toBe(4);
    concurrency.onSuccess();
    expect(concurrency.current).toBe(5);
    for (let i = 0; i < 100; i++) concurrency.onSuccess();
    expect(concurrency.current).toBe(8);
  });
});
