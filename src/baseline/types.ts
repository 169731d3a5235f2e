// Result of comparing a run against a baseline run. Field names are snake_case because
// `ModelBaseline` is merged into the public results file as `models[i].baseline`.

import type { Interval } from '../stats/wilson.js';

export type { Interval };

/**
 * Outcome of one comparison. A `regression` fails the gate, and a `warning` is reported without
 * failing it. An `improvement` is a significant rise. `no-baseline` means there was nothing to
 * compare against.
 */
export type BaselineVerdict = 'regression' | 'warning' | 'improvement' | 'pass' | 'no-baseline';

/** A measure on both runs and its change head − base; each field is null when a side has no value. */
export interface ValueChange {
  base: number | null;
  head: number | null;
  delta: number | null;
}

/** Paired bootstrap of the mean score, present when scores are continuous. */
export interface ScoreDelta {
  base_mean: number;
  head_mean: number;
  /** Mean of head − base over the paired rows. */
  delta: number;
  /** 95% percentile-bootstrap interval of `delta`. */
  low: number;
  high: number;
  /** Two-sided percentile-bootstrap p-value for no change in mean score. */
  p_value: number;
  iterations: number;
  seed: number;
}

/** Comparison of one model, or of one case type of a model, on the rows both runs share. */
export interface PairedComparison {
  /** Rows present on both sides, without an error on either side; only these are tested. */
  pairs: number;
  /** Rows present on both sides with an error on at least one side; left out of the test. */
  errored_pairs: number;
  /** Baseline pass rate on the paired rows; null when there are no pairs. */
  pass_rate: number | null;
  /** 95% Wilson interval of `pass_rate`. */
  pass_rate_ci: Interval | null;
  /** Head pass rate on the paired rows; null when there are no pairs. */
  head_pass_rate: number | null;
  /** 95% Wilson interval of `head_pass_rate`. */
  head_pass_rate_ci: Interval | null;
  /** head_pass_rate − pass_rate; negative is a drop. */
  delta: number | null;
  /** 95% Newcombe interval of `delta` for paired proportions. */
  delta_ci: Interval | null;
  /** Case labels that pass on the baseline and fail on head (`id`, or `id#sample` for sample > 0). */
  newly_failing: string[];
  /** Case labels that fail on the baseline and pass on head. */
  newly_passing: string[];
  /** Exact McNemar p-value on the newly failing and newly passing counts; 1 without discordant pairs. */
  p_value: number;
  score_delta: ScoreDelta | null;
  /** 95th percentile of latency in milliseconds. */
  latency_p95_ms: ValueChange;
  /** Total cost in US dollars. */
  cost_usd: ValueChange;
  verdict: BaselineVerdict;
  /** One line with both figures behind the verdict: the change in pass rate and the p-value. */
  reason: string;
}

/** `models[i].baseline` of the results file. */
export interface ModelBaseline extends PairedComparison {
  /** Case labels that only the head run has. */
  added: string[];
  /** Case labels that only the baseline run has. */
  removed: string[];
  by_type: Record<string, PairedComparison>;
}

/** A verdict that fails the gate or is reported as a warning. */
export interface BaselineIssue {
  model: string;
  /** `all` for the whole model, `type:<name>` for one case type. */
  scope: string;
  verdict: BaselineVerdict;
  reason: string;
}

export interface BaselineComparison {
  /** False when any model has a `regression` verdict. */
  passed: boolean;
  max_drop: number;
  alpha: number;
  /** Keyed by model name, for every model of the head run. */
  models: Record<string, ModelBaseline>;
  /** Models of the baseline run that the head run does not have. */
  removed_models: string[];
  failures: BaselineIssue[];
  warnings: BaselineIssue[];
}
