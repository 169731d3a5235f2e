import { mean } from 'simple-statistics';

import { pairedBootstrap } from '../stats/bootstrap.js';
import { deltaInterval } from '../stats/delta-interval.js';
import { mcnemarExact } from '../stats/mcnemar.js';
import { wilsonInterval } from '../stats/wilson.js';
import { formatRate, formatSigned } from './format.js';
import type { RowPair } from './pairing.js';
import type { PairedComparison, ScoreDelta, ValueChange } from './types.js';
import { decideVerdict } from './verdict.js';

/** Coverage of every interval in a baseline comparison. */
export const COMPARISON_CONFIDENCE = 0.95;

/**
 * Largest number of resampled rows (iterations × pairs) one score bootstrap draws. Node 20 drew
 * about 1.7 × 10^8 rows a second on a 2-core development VM, so this keeps one bootstrap near
 * 0.12 s there: 20,000 pairs get 1,000 iterations instead of 10,000.
 */
export const MAX_BOOTSTRAP_DRAWS = 20_000_000;

/** Minimum iterations of a reduced bootstrap, so that its 95% percentile interval stays stable. */
export const MIN_BOOTSTRAP_ITERATIONS = 1_000;

export interface ComparisonSettings {
  maxDrop: number;
  alpha: number;
  bootstrapIterations: number;
  seed: number;
}

/** Figures of one comparison that come from rows outside the pass/fail test. */
export interface ComparisonContext {
  erroredPairs: number;
  latencyP95: ValueChange;
  cost: ValueChange;
}

/**
 * Compares pass/fail and scores on error-free pairs: pass rates with Wilson intervals, their
 * difference with a paired Newcombe interval, the exact McNemar test on the discordant pairs, a
 * score bootstrap when scores are continuous, and the verdict. Without pairs the verdict is
 * `no-baseline`.
 */
export function comparePairs(pairs: readonly RowPair[], context: ComparisonContext, settings: ComparisonSettings): PairedComparison {
  const newlyFailing: string[] = [];
  const newlyPassing: string[] = [];
  let basePassed = 0;
  let headPassed = 0;

  for (const { label, base, head } of pairs) {
    basePassed += base.pass ? 1 : 0;
    headPassed += head.pass ? 1 : 0;
    if (base.pass && !head.pass) {
      newlyFailing.push(label);
    } else if (!base.pass && head.pass) {
      newlyPassing.push(label);
    }
  }

  const common = {
    pairs: pairs.length,
    errored_pairs: context.erroredPairs,
    newly_failing: newlyFailing,
    newly_passing: newlyPassing,
    p_value: mcnemarExact(newlyFailing.length, newlyPassing.length),
    latency_p95_ms: context.latencyP95,
    cost_usd: context.cost,
  };

  if (pairs.length === 0) {
    return {
      ...common,
      pass_rate: null,
      pass_rate_ci: null,
      head_pass_rate: null,
      head_pass_rate_ci: null,
      delta: null,
      delta_ci: null,
      score_delta: null,
      verdict: 'no-baseline',
      reason: `no rows to compare: no case ran without error on both sides (${context.erroredPairs} pairs with errors)`,
    };
  }

  const total = pairs.length;
  const passRate = basePassed / total;
  const headPassRate = headPassed / total;
  const delta = (headPassed - basePassed) / total;
  const deltaCi = deltaInterval(basePassed, total, headPassed, total, { b: newlyFailing.length, c: newlyPassing.length, n: total }, COMPARISON_CONFIDENCE);
  const rule = decideVerdict(delta, common.p_value, settings.maxDrop, settings.alpha);

  const erroredText = context.erroredPairs > 0 ? `, ${context.erroredPairs} pairs with errors left out` : '';
  const intervalText = deltaCi === null ? '' : `, ${COMPARISON_CONFIDENCE * 100}% CI ${formatSigned(deltaCi.low)}…${formatSigned(deltaCi.high)}`;
  const reason =
    `pass rate ${formatRate(passRate)} → ${formatRate(headPassRate)} (${formatSigned(delta)}${intervalText}); ` +
    `${newlyFailing.length} newly failing, ${newlyPassing.length} newly passing${erroredText}; ` +
    `${rule.explanation}: ${rule.verdict}`;

  return {
    ...common,
    pass_rate: passRate,
    pass_rate_ci: wilsonInterval(basePassed, total, COMPARISON_CONFIDENCE),
    head_pass_rate: headPassRate,
    head_pass_rate_ci: wilsonInterval(headPassed, total, COMPARISON_CONFIDENCE),
    delta,
    delta_ci: deltaCi,
    score_delta: compareScores(pairs, settings),
    verdict: rule.verdict,
    reason,
  };
}

/**
 * Bootstraps the mean score difference when scores are continuous, that is when any paired score
 * lies strictly between 0 and 1; 0/1 scores repeat the pass/fail test, so they get null.
 */
function compareScores(pairs: readonly RowPair[], settings: ComparisonSettings): ScoreDelta | null {
  const baseScores = pairs.map((pair) => pair.base.score);
  const headScores = pairs.map((pair) => pair.head.score);
  const continuous = [...baseScores, ...headScores].some((score) => score > 0 && score < 1);
  if (!continuous) {
    return null;
  }

  const iterations = bootstrapIterationsFor(pairs.length, settings.bootstrapIterations);
  const bootstrap = pairedBootstrap(baseScores, headScores, { iterations, seed: settings.seed, confidence: COMPARISON_CONFIDENCE });

  return {
    base_mean: mean(baseScores),
    head_mean: mean(headScores),
    delta: bootstrap.delta,
    low: bootstrap.low,
    high: bootstrap.high,
    p_value: bootstrap.p_value,
    iterations,
    seed: settings.seed,
  };
}

/** Caps iterations so that iterations × pairs ≤ MAX_BOOTSTRAP_DRAWS, keeping at least MIN_BOOTSTRAP_ITERATIONS. */
function bootstrapIterationsFor(pairs: number, requested: number): number {
  const affordable = Math.floor(MAX_BOOTSTRAP_DRAWS / pairs);
  return Math.min(requested, Math.max(MIN_BOOTSTRAP_ITERATIONS, affordable));
}
