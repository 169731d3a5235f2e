// Results for the report tests: the committed example and generated large runs.

import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { CaseResult, ModelSummary, RunResults } from '../../src/types.js';

export const EXAMPLE_RESULTS_PATH = path.resolve('__tests__/fixtures/results-example.json');

/** Returns a fresh copy of the example results, safe to modify. */
export function loadExampleResults(): RunResults {
  return JSON.parse(readFileSync(EXAMPLE_RESULTS_PATH, 'utf8')) as RunResults;
}

/** Returns a row that failed with the given output; fields can be overridden. */
export function failingRow(model: string, index: number, output: string, fields: Partial<CaseResult> = {}): CaseResult {
  return {
    id: `case-${String(index).padStart(5, '0')}`,
    model,
    type: 'qa',
    sample: 0,
    tags: ['bulk'],
    source: { file: 'prompts/bulk.yaml', line: index + 1 },
    pass: false,
    score: 0,
    reason: `answer does not contain "expected-${index}"`,
    output,
    reasoning: null,
    latency_ms: 100 + index,
    ttft_ms: null,
    tokens_per_s: null,
    usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 },
    cost_usd: null,
    finish_reason: 'stop',
    error: null,
    retries: 0,
    cached: false,
    ...fields,
  };
}

/** Returns results where every one of `count` rows failed, spread evenly over `models`. */
export function makeFailingResults(count: number, models: string[], output: (index: number) => string): RunResults {
  const results = loadExampleResults();
  const cases = Array.from({ length: count }, (_, index) => failingRow(models[index % models.length], index, output(index)));

  results.cases = cases;
  results.models = models.map((name) => summarize(name, cases));
  results.gate = {
    passed: false,
    failures: models.map((model) => ({ model, scope: 'all', metric: 'pass_rate' as const, value: 0, threshold: 0.8 })),
  };
  return results;
}

function summarize(name: string, cases: CaseResult[]): ModelSummary {
  const rows = cases.filter((row) => row.model === name);
  return {
    name,
    model: name,
    total: rows.length,
    passed: 0,
    failed: rows.length,
    errors: 0,
    pass_rate: 0,
    error_rate: 0,
    pass_at_k: {},
    retries: 0,
    stopped: null,
    by_type: { qa: { total: rows.length, passed: 0, pass_rate: 0 } },
    by_tag: { bulk: { total: rows.length, passed: 0, pass_rate: 0 } },
    latency_ms: { mean: 150, p50: 150, p95: 190 },
    ttft_ms: null,
    tokens_per_s: null,
    tokens: { prompt: rows.length * 10, completion: rows.length * 20, total: rows.length * 30, reasoning: 0 },
    cost_usd: null,
  };
}
