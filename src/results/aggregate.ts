import { latencySummary } from '../stats/percentile.js';
import type { CaseResult, ModelConfig, ModelSummary, RateBreakdown } from '../types.js';

/**
 * Summarises one model's rows. `pass_rate` is passed / total, so error rows count against it (an
 * outage must not look like quality); `failed` counts answers that were scored and did not pass.
 * Cached rows keep the latency of the call that filled the cache.
 */
export function summarizeModel(model: ModelConfig, rows: CaseResult[], stopped: string | null = null): ModelSummary {
  const passed = rows.filter((row) => row.pass).length;
  const errors = rows.filter((row) => row.error !== null).length;
  const latency = latencySummary(rows.flatMap((row) => (row.latency_ms === null ? [] : [row.latency_ms])));
  const costs = rows.flatMap((row) => (row.cost_usd === null ? [] : [row.cost_usd]));

  return {
    name: model.name,
    model: model.outputs !== undefined ? null : (model.model ?? null),
    total: rows.length,
    passed,
    failed: rows.length - passed - errors,
    errors,
    pass_rate: rate(passed, rows.length),
    error_rate: rate(errors, rows.length),
    retries: sum(rows.map((row) => row.retries)),
    stopped,
    by_type: breakdown(rows, (row) => [row.type]),
    by_tag: breakdown(rows, (row) => row.tags),
    latency_ms: { mean: round(latency.mean), p50: round(latency.p50), p95: round(latency.p95) },
    tokens: {
      prompt: sum(rows.map((row) => row.usage?.prompt_tokens ?? 0)),
      completion: sum(rows.map((row) => row.usage?.completion_tokens ?? 0)),
      total: sum(rows.map((row) => row.usage?.total_tokens ?? 0)),
    },
    cost_usd: model.pricing ? sum(costs) : null,
  };
}

function breakdown(rows: CaseResult[], keysOf: (row: CaseResult) => string[]): Record<string, RateBreakdown> {
  const counts = new Map<string, { total: number; passed: number }>();
  for (const row of rows) {
    for (const key of keysOf(row)) {
      const count = counts.get(key) ?? { total: 0, passed: 0 };
      count.total += 1;
      if (row.pass) count.passed += 1;
      counts.set(key, count);
    }
  }
  return Object.fromEntries([...counts].map(([key, count]) => [key, { ...count, pass_rate: rate(count.passed, count.total) }]));
}

function rate(passed: number, total: number): number {
  return total === 0 ? 0 : passed / total;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
