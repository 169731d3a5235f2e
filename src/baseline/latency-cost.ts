import { percentile } from '../stats/percentile.js';
import type { CaseResult, ModelSummary } from '../types.js';
import type { ValueChange } from './types.js';

/** Returns base, head and head − base; the change is null when either side is null. */
export function valueChange(base: number | null, head: number | null): ValueChange {
  return { base, head, delta: base === null || head === null ? null : head - base };
}

/** Returns the 95th percentile of the rows' latencies in milliseconds, or null when no row has one. */
export function latencyP95(rows: readonly CaseResult[]): number | null {
  const latencies: number[] = [];
  for (const row of rows) {
    if (row.latency_ms !== null && row.latency_ms !== undefined) {
      latencies.push(row.latency_ms);
    }
  }
  return percentile(latencies, 95);
}

/** Returns the rows' total cost in US dollars, or null when no row has a cost. */
export function totalCost(rows: readonly CaseResult[]): number | null {
  let total: number | null = null;
  for (const row of rows) {
    if (row.cost_usd !== null && row.cost_usd !== undefined) {
      total = (total ?? 0) + row.cost_usd;
    }
  }
  return total;
}

/** Returns a model's latency p95 from its summary when the run has one, else from its rows. */
export function modelLatencyP95(summary: ModelSummary | undefined, rows: readonly CaseResult[]): number | null {
  return summary === undefined ? latencyP95(rows) : summary.latency_ms.p95;
}

/** Returns a model's total cost from its summary when the run has one, else from its rows. */
export function modelCost(summary: ModelSummary | undefined, rows: readonly CaseResult[]): number | null {
  return summary === undefined ? totalCost(rows) : summary.cost_usd;
}
