// Builders of small RunResults objects for the baseline tests.
import { latencySummary } from '../../src/stats/percentile.js';
import type { CaseResult, CaseType, ModelSummary, RunResults } from '../../src/types.js';

export interface RowSpec {
  id: string;
  pass: boolean;
  model?: string;
  type?: CaseType;
  sample?: number;
  /** Defaults to 1 for a pass and 0 for a fail. */
  score?: number;
  error?: string | null;
  latencyMs?: number | null;
  costUsd?: number | null;
}

export const DEFAULT_MODEL = 'model-a';

export function makeRow(spec: RowSpec): CaseResult {
  return {
    id: spec.id,
    model: spec.model ?? DEFAULT_MODEL,
    type: spec.type ?? 'math',
    sample: spec.sample ?? 0,
    tags: [],
    source: { file: 'cases.yaml', line: 1 },
    pass: spec.pass,
    score: spec.score ?? (spec.pass ? 1 : 0),
    reason: spec.pass ? 'matched' : 'did not match',
    output: spec.error ? null : 'answer',
    reasoning: null,
    latency_ms: spec.latencyMs === undefined ? 100 : spec.latencyMs,
    ttft_ms: null,
    tokens_per_s: null,
    usage: null,
    cost_usd: spec.costUsd === undefined ? null : spec.costUsd,
    finish_reason: spec.error ? null : 'stop',
    error: spec.error ?? null,
    retries: 0,
    cached: false,
  };
}

/** Builds rows `<prefix>0`, `<prefix>1`, ... with the given pass/fail outcomes. */
export function makeRows(outcomes: readonly boolean[], options: Omit<RowSpec, 'id' | 'pass'> & { prefix?: string } = {}): CaseResult[] {
  const { prefix = 'case-', ...rest } = options;
  return outcomes.map((pass, index) => makeRow({ ...rest, id: `${prefix}${index}`, pass }));
}

/** Returns `passed` passes followed by `failed` failures. */
export function outcomes(passed: number, failed: number): boolean[] {
  return [...Array<boolean>(passed).fill(true), ...Array<boolean>(failed).fill(false)];
}

/** Builds the summary of one model's rows with plain sums and `latencySummary`. */
export function summarize(name: string, rows: readonly CaseResult[]): ModelSummary {
  const own = rows.filter((row) => row.model === name);
  const passed = own.filter((row) => row.pass).length;
  const errors = own.filter((row) => row.error !== null).length;
  const latencies = own.flatMap((row) => (row.latency_ms === null ? [] : [row.latency_ms]));
  const costs = own.flatMap((row) => (row.cost_usd === null ? [] : [row.cost_usd]));

  return {
    name,
    model: name,
    total: own.length,
    passed,
    failed: own.length - passed - errors,
    errors,
    pass_rate: own.length === 0 ? 0 : passed / own.length,
    error_rate: own.length === 0 ? 0 : errors / own.length,
    pass_at_k: {},
    retries: 0,
    stopped: null,
    by_type: {},
    by_tag: {},
    latency_ms: latencySummary(latencies),
    ttft_ms: null,
    tokens_per_s: null,
    tokens: { prompt: 0, completion: 0, total: 0, reasoning: 0 },
    cost_usd: costs.length === 0 ? null : costs.reduce((sum, cost) => sum + cost, 0),
  };
}

/** Builds a run of the given rows, with summaries computed from the rows unless given. */
export function makeRun(rows: CaseResult[], summaries?: ModelSummary[]): RunResults {
  const names = [...new Set(rows.map((row) => row.model))];
  return {
    schema_version: 1,
    tool: { name: 'llm-bench', version: '0.1.0' },
    run: { id: 'run', started_at: '2025-01-01T00:00:00Z', finished_at: '2025-01-01T00:01:00Z', config: 'llm-bench.yaml', partial: false, partial_reason: null, budget: null },
    models: summaries ?? names.map((name) => summarize(name, rows)),
    cases: rows,
    gate: { passed: true, failures: [] },
  };
}
