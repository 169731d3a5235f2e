import { roundUsd } from '../runner/cost.js';
import { passAtKForModel } from '../stats/pass-at-k.js';
import { latencySummary } from '../stats/percentile.js';
import type { CaseResult, ModelConfig, ModelSummary, RateBreakdown } from '../types.js';

/**
 * Summarises one model's rows. `pass_rate` is passed / total, so error rows count against it (an
 * outage must not look like quality); `failed` counts answers that were scored and did not pass.
 * Cached rows keep the latency of the call that filled the cache.
 */
export function summarizeModel(model: ModelConfig, rows: CaseResult[], options: { stopped?: string | null; passAtK?: readonly number[] } = {}): ModelSummary {
  const passed = rows.filter((row) => row.pass).length;
  const errors = rows.filter((row) => row.error !== null).length;
  const latency = latencySummary(rows.flatMap((row) => (row.latency_ms === null ? [] : [row.latency_ms])));
  const costs = rows.flatMap((row) => (row.cost_usd === null ? [] : [row.cost_usd]));
  const ttft = measured(rows, (row) => row.ttft_ms);
  const speed = measured(rows, (row) => row.tokens_per_s);

  return {
    name: model.name,
    model: model.outputs !== undefined ? null : (model.model ?? null),
    total: rows.length,
    passed,
    failed: rows.length - passed - errors,
    errors,
    pass_rate: rate(passed, rows.length),
    error_rate: rate(errors, rows.length),
    pass_at_k: passAtK(rows, options.passAtK ?? [1]),
    retries: sum(rows.map((row) => row.retries)),
    stopped: options.stopped ?? null,
    by_type: breakdown(rows, (row) => [row.type]),
    by_tag: breakdown(rows, (row) => row.tags),
    latency_ms: { mean: round(latency.mean), p50: round(latency.p50), p95: round(latency.p95) },
    ttft_ms: ttft,
    tokens_per_s: speed,
    tokens: {
      prompt: sum(rows.map((row) => row.usage?.prompt_tokens ?? 0)),
      completion: sum(rows.map((row) => row.usage?.completion_tokens ?? 0)),
      total: sum(rows.map((row) => row.usage?.total_tokens ?? 0)),
      reasoning: sum(rows.map((row) => row.usage?.reasoning_tokens ?? 0)),
    },
    cost_usd: model.pricing ? roundUsd(sum(costs)) : null,
  };
}

/**
 * Mean, p50 and p95 of a figure that only streamed rows measure (time to first token, output speed),
 * or null when no row has it. Rows written before the figure existed count as unmeasured.
 */
function measured(rows: CaseResult[], figure: (row: CaseResult) => number | null | undefined): ModelSummary['ttft_ms'] {
  const values = rows.flatMap((row) => {
    const value = figure(row);
    return value === null || value === undefined ? [] : [value];
  });
  if (values.length === 0) return null;
  const summary = latencySummary(values);
  return { mean: round(summary.mean), p50: round(summary.p50), p95: round(summary.p95) };
}

/** pass@k over the cases' samples, keyed by k; a case's error rows count as failed samples. */
function passAtK(rows: CaseResult[], ks: readonly number[]): Record<string, number> {
  const samples = new Map<string, { n: number; c: number }>();
  for (const row of rows) {
    const count = samples.get(row.id) ?? { n: 0, c: 0 };
    count.n += 1;
    if (row.pass) count.c += 1;
    samples.set(row.id, count);
  }
  const byLabel = passAtKForModel([...samples.values()], ks);
  return Object.fromEntries(Object.entries(byLabel).map(([label, value]) => [label.replace(/^pass@/, ''), value]));
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
