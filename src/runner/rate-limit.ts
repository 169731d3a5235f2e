/**
 * A token bucket refilled continuously at `perMinute` per minute, holding at most one minute's worth.
 * Callers wait in FIFO order. `adjust` corrects an estimate after the fact and may leave the bucket
 * in debt, which later callers wait out.
 */
export class TokenBucket {
  private tokens: number;
  private updated: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = perMinute;
    this.updated = now();
  }

  /** Waits until `amount` tokens are there and takes them; more than the capacity waits for a full bucket. */
  take(amount: number): Promise<void> {
    const wanted = Math.min(amount, this.perMinute);
    const turn = this.queue.then(() => this.waitFor(wanted));
    this.queue = turn;
    return turn;
  }

  /** Adds (positive) or removes (negative) tokens, e.g. actual usage minus the estimate taken. */
  adjust(delta: number): void {
    this.refill();
    this.tokens = Math.min(this.perMinute, this.tokens - delta);
  }

  private async waitFor(amount: number): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= amount) {
        this.tokens -= amount;
        return;
      }
      const waitMs = ((amount - this.tokens) * 60_000) / this.perMinute;
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(waitMs)));
    }
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.perMinute, this.tokens + ((now - this.updated) * this.perMinute) / 60_000);
    this.updated = now;
  }
}

/**
 * Runs tasks with at most `concurrency` of them at a time; the others wait in FIFO order. The limit
 * may change while tasks run.
 *
 * Not p-limit, which the sandbox uses: its queue (yocto-queue 1.2) leaves each dequeued node linked
 * to the next one. Once one node reaches V8's old generation, minor collections keep every later
 * node, and the call it started, alive until a full collection. With the runner's workers waiting
 * there, a 20,000-case run moved 0.5 MB to the old generation per minor collection instead of 0.3 MB
 * (docs/benchmarks.md, "Where the memory goes"). The waiters here sit in an array.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private limit: number) {}

  get concurrency(): number {
    return this.limit;
  }

  set concurrency(limit: number) {
    this.limit = limit;
    this.startWaiting();
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit && this.waiting.length === 0) this.active += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.startWaiting();
    }
  }

  /** Lets waiting tasks start while there is room; each one's slot is counted before it runs. */
  private startWaiting(): void {
    while (this.active < this.limit && this.waiting.length > 0) {
      this.active += 1;
      this.waiting.shift()!();
    }
  }
}

/**
 * A model's concurrency that adapts to rate limiting: halved on a 429, grown by one after as many
 * successes in a row as the current limit (additive increase, multiplicative decrease), never above
 * the configured maximum.
 */
export class AdaptiveConcurrency {
  private readonly limit: ConcurrencyLimit;
  private successes = 0;

  constructor(private readonly maximum: number) {
    this.limit = new ConcurrencyLimit(maximum);
  }

  get current(): number {
    return this.limit.concurrency;
  }

  /** Runs `task` once the model has a free slot. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.limit.run(task);
  }

  onRateLimited(): void {
    this.successes = 0;
    this.limit.concurrency = Math.max(1, Math.floor(this.limit.concurrency / 2));
  }

  onSuccess(): void {
    if (this.limit.concurrency >= this.maximum) return;
    this.successes += 1;
    if (this.successes >= this.limit.concurrency) {
      this.successes = 0;
      this.limit.concurrency += 1;
    }
  }
}
