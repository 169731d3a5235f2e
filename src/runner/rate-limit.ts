import pLimit, { type LimitFunction } from 'p-limit';

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
 * A model's concurrency that adapts to rate limiting: halved on a 429, grown by one after as many
 * successes in a row as the current limit (additive increase, multiplicative decrease), never above
 * the configured maximum.
 */
export class AdaptiveConcurrency {
  readonly limit: LimitFunction;
  private successes = 0;

  constructor(private readonly maximum: number) {
    this.limit = pLimit(maximum);
  }

  get current(): number {
    return this.limit.concurrency;
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
