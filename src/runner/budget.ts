/**
 * The run's spending limit. A request starts only when the spend so far, plus the estimates of the
 * requests in flight, plus its own estimate stays within the limit. Once one is refused, the budget
 * is closed and no later request starts either, so the run ends with the rows it has.
 */
export class Budget {
  private spentUsd = 0;
  private reservedUsd = 0;
  private closed = false;

  constructor(readonly limitUsd: number) {}

  get spent(): number {
    return this.spentUsd;
  }

  get exhausted(): boolean {
    return this.closed;
  }

  /** Estimate of the request that was refused and closed the budget, in USD. */
  refusedEstimateUsd: number | undefined;

  /** Reserves `estimateUsd` for a request about to start; false when it would pass the limit. */
  tryReserve(estimateUsd: number): boolean {
    if (this.closed || this.spentUsd + this.reservedUsd + estimateUsd > this.limitUsd) {
      if (!this.closed) this.refusedEstimateUsd = estimateUsd;
      this.closed = true;
      return false;
    }
    this.reservedUsd += estimateUsd;
    return true;
  }

  /** Replaces a reservation with what the request really cost (0 when it failed before any usage). */
  settle(estimateUsd: number, actualUsd: number): void {
    this.reservedUsd = Math.max(0, this.reservedUsd - estimateUsd);
    this.spentUsd += actualUsd;
  }
}
