import { DEFAULT_BOOTSTRAP_ITERATIONS, DEFAULT_BOOTSTRAP_SEED } from '../stats/bootstrap.js';
import type { CaseResult, ModelSummary, RunResults } from '../types.js';
import { latencyP95, modelCost, modelLatencyP95, totalCost, valueChange } from './latency-cost.js';
import { comparePairs, type ComparisonSettings } from './paired-comparison.js';
import { caseLabel, groupRowsByModel, pairModelRows, type RowPair, type RowsByCase } from './pairing.js';
import type { BaselineComparison, BaselineIssue, ModelBaseline, PairedComparison } from './types.js';

export interface CompareOptions {
  /** Largest pass-rate drop, as a fraction in [0, 1], that a significant drop may reach without failing. */
  maxDrop: number;
  /** Significance level of the exact McNemar test, in (0, 1). */
  alpha: number;
  /** Resamples of the score bootstrap; default 10,000, reduced for large suites (see MAX_BOOTSTRAP_DRAWS). */
  bootstrapIterations?: number;
  /** Seed of the score bootstrap; default 42. */
  seed?: number;
}

/**
 * Compares a head run with a baseline run, model by model and, within a model, case type by case
 * type.
 *
 * Rows are paired by (model name, case id, sample). Cases on one side only are listed as `added`
 * or `removed` and left out of the test. Pairs where either side has an `error` are counted in
 * `errored_pairs` and left out too, because a failed call means the provider was down or rejected
 * the request, not that the answer got worse, and errors have their own gate.
 *
 * The gate uses the model-level verdicts only: a model `regression` is a failure, a model
 * `warning` is a warning. Each case type adds a second test on part of the same rows, which would
 * raise the chance of a false alarm above alpha, so a type-level `regression` is reported as a
 * warning. A model with a single case type gets no type-level issues, because they would repeat
 * the model's. Models absent from the baseline run get `no-baseline` and no issue.
 *
 * Throws a RangeError for options out of range and an InputError when a run has two rows for the
 * same model, case id and sample.
 */
export function compareRuns(base: RunResults, head: RunResults, options: CompareOptions): BaselineComparison {
  const settings = validateOptions(options);

  const baseRows = groupRowsByModel(base, 'baseline');
  const headRows = groupRowsByModel(head, 'head');
  const baseSummaries = new Map(base.models.map((summary) => [summary.name, summary]));
  const headSummaries = new Map(head.models.map((summary) => [summary.name, summary]));

  const comparison: BaselineComparison = {
    passed: true,
    max_drop: settings.maxDrop,
    alpha: settings.alpha,
    models: {},
    removed_models: [...new Set([...baseSummaries.keys(), ...baseRows.keys()])].filter((name) => !headSummaries.has(name) && !headRows.has(name)),
    failures: [],
    warnings: [],
  };

  for (const name of modelNames(headSummaries, headRows)) {
    const headModelRows = headRows.get(name) ?? new Map();
    const inBaseline = baseSummaries.has(name) || baseRows.has(name);
    const model = inBaseline
      ? compareModel(baseRows.get(name) ?? new Map(), headModelRows, baseSummaries.get(name), headSummaries.get(name), settings)
      : noBaselineModel(name, headModelRows, headSummaries.get(name));

    comparison.models[name] = model;
    collectIssues(comparison, name, model);
  }

  comparison.passed = comparison.failures.length === 0;
  return comparison;
}

function validateOptions(options: CompareOptions): ComparisonSettings {
  const { maxDrop, alpha } = options;
  const bootstrapIterations = options.bootstrapIterations ?? DEFAULT_BOOTSTRAP_ITERATIONS;
  const seed = options.seed ?? DEFAULT_BOOTSTRAP_SEED;

  if (!(maxDrop >= 0 && maxDrop <= 1)) {
    throw new RangeError(`maxDrop must be a fraction between 0 and 1, got ${maxDrop}. Pass 0.05 to tolerate a drop of 5 percentage points.`);
  }
  if (!(alpha > 0 && alpha < 1)) {
    throw new RangeError(`alpha must be strictly between 0 and 1, got ${alpha}. Pass 0.05 for the usual significance level.`);
  }
  if (!Number.isInteger(bootstrapIterations) || bootstrapIterations < 1) {
    throw new RangeError(`bootstrapIterations must be a positive integer, got ${bootstrapIterations}. The default is ${DEFAULT_BOOTSTRAP_ITERATIONS}.`);
  }
  if (!Number.isInteger(seed)) {
    throw new RangeError(`seed must be an integer, got ${seed}. The default is ${DEFAULT_BOOTSTRAP_SEED}.`);
  }

  return { maxDrop, alpha, bootstrapIterations, seed };
}

/** Head model names: those with a summary in summary order, then those that only have rows. */
function modelNames(summaries: Map<string, ModelSummary>, rows: Map<string, RowsByCase>): string[] {
  return [...new Set([...summaries.keys(), ...rows.keys()])];
}

function compareModel(
  baseRows: RowsByCase,
  headRows: RowsByCase,
  baseSummary: ModelSummary | undefined,
  headSummary: ModelSummary | undefined,
  settings: ComparisonSettings,
): ModelBaseline {
  const paired = pairModelRows(baseRows, headRows);
  const baseList = [...baseRows.values()];
  const headList = [...headRows.values()];

  const overall = comparePairs(
    paired.pairs,
    {
      erroredPairs: paired.errored.length,
      latencyP95: valueChange(modelLatencyP95(baseSummary, baseList), modelLatencyP95(headSummary, headList)),
      cost: valueChange(modelCost(baseSummary, baseList), modelCost(headSummary, headList)),
    },
    settings,
  );

  return {
    ...overall,
    added: paired.added,
    removed: paired.removed,
    by_type: compareTypes(paired.pairs, paired.errored, baseList, headList, settings),
  };
}

/**
 * Compares each case type of a model, grouping pairs by the head row's type. Latency and cost come
 * from all rows of the type on each side, as the model summaries count all rows.
 */
function compareTypes(
  pairs: readonly RowPair[],
  errored: readonly RowPair[],
  baseRows: readonly CaseResult[],
  headRows: readonly CaseResult[],
  settings: ComparisonSettings,
): Record<string, PairedComparison> {
  const pairsByType = groupBy(pairs, (pair) => pair.head.type);
  const erroredByType = groupBy(errored, (pair) => pair.head.type);
  const baseByType = groupBy(baseRows, (row) => row.type);
  const headByType = groupBy(headRows, (row) => row.type);
  const types = [...new Set([...pairsByType.keys(), ...erroredByType.keys()])].sort();

  const byType: Record<string, PairedComparison> = {};
  for (const type of types) {
    const typeBaseRows = baseByType.get(type) ?? [];
    const typeHeadRows = headByType.get(type) ?? [];
    byType[type] = comparePairs(
      pairsByType.get(type) ?? [],
      {
        erroredPairs: erroredByType.get(type)?.length ?? 0,
        latencyP95: valueChange(latencyP95(typeBaseRows), latencyP95(typeHeadRows)),
        cost: valueChange(totalCost(typeBaseRows), totalCost(typeHeadRows)),
      },
      settings,
    );
  }
  return byType;
}

function noBaselineModel(name: string, headRows: RowsByCase, headSummary: ModelSummary | undefined): ModelBaseline {
  const headList = [...headRows.values()];

  return {
    pairs: 0,
    errored_pairs: 0,
    pass_rate: null,
    pass_rate_ci: null,
    head_pass_rate: null,
    head_pass_rate_ci: null,
    delta: null,
    delta_ci: null,
    newly_failing: [],
    newly_passing: [],
    p_value: 1,
    score_delta: null,
    latency_p95_ms: valueChange(null, modelLatencyP95(headSummary, headList)),
    cost_usd: valueChange(null, modelCost(headSummary, headList)),
    verdict: 'no-baseline',
    reason: `model ${JSON.stringify(name)} is not in the baseline run`,
    added: headList.map(caseLabel),
    removed: [],
    by_type: {},
  };
}

function collectIssues(comparison: BaselineComparison, name: string, model: ModelBaseline): void {
  const modelIssue: BaselineIssue = { model: name, scope: 'all', verdict: model.verdict, reason: model.reason };
  if (model.verdict === 'regression') {
    comparison.failures.push(modelIssue);
  } else if (model.verdict === 'warning') {
    comparison.warnings.push(modelIssue);
  }

  const types = Object.entries(model.by_type);
  if (types.length < 2) {
    return;
  }
  for (const [type, typeComparison] of types) {
    if (typeComparison.verdict === 'regression') {
      comparison.warnings.push({ model: name, scope: `type:${type}`, verdict: 'regression', reason: typeComparison.reason });
    }
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [item]);
    } else {
      group.push(item);
    }
  }
  return groups;
}
