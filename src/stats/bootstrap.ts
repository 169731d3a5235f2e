import { mean, quantileSorted } from 'simple-statistics';

import { createMulberry32, randomIndex } from './random.js';

export const DEFAULT_BOOTSTRAP_ITERATIONS = 10_000;
export const DEFAULT_BOOTSTRAP_SEED = 42;

export interface PairedBootstrapOptions {
  /** Number of resamples; default 10,000. */
  iterations?: number;
  /** Seed of the mulberry32 generator; default 42. */
  seed?: number;
  /** Coverage of the percentile interval; default 0.95. */
  confidence?: number;
}

export interface PairedBootstrapResult {
  /** Observed mean of head − base over the pairs. */
  delta: number;
  /** Percentile interval of the resampled mean differences. */
  low: number;
  high: number;
  /** Two-sided percentile-bootstrap p-value for a mean difference of 0. */
  p_value: number;
}

/**
 * Runs a paired bootstrap of the mean difference head − base. Each iteration draws n pair indices
 * with replacement, using a mulberry32 generator seeded with `seed`, and takes the mean of the
 * drawn differences d*.
 *
 * The interval is the equal-tailed percentile interval: the (1 − confidence) / 2 and
 * (1 + confidence) / 2 quantiles of the d* values, by linear interpolation.
 *
 * The p-value inverts that interval, as the percentile bootstrap test of the R package wBoot 1.0.3
 * (`boot.paired.per`) does: with B iterations,
 *   p₀ = (#{d* > 0} + (#{d* = 0} + 1) / 2) / (B + 1),  p = min(1, 2 × min(p₀, 1 − p₀)).
 * The observed sample counts as one more resample, split half to each side, so p is never 0. Its
 * minimum is 1 / (B + 1).
 *
 * The same inputs and options always give the same result. Throws a RangeError when the arrays
 * are empty, differ in length or contain a value that is not finite, or an option is out of range.
 */
export function pairedBootstrap(
  baseScores: readonly number[],
  headScores: readonly number[],
  options: PairedBootstrapOptions = {},
): PairedBootstrapResult {
  const iterations = options.iterations ?? DEFAULT_BOOTSTRAP_ITERATIONS;
  const seed = options.seed ?? DEFAULT_BOOTSTRAP_SEED;
  const confidence = options.confidence ?? 0.95;
  validateOptions(iterations, confidence);

  const differences = pairDifferences(baseScores, headScores);
  const resampledMeans = resampleMeans(differences, iterations, seed);

  resampledMeans.sort();
  const sortedMeans = Array.from(resampledMeans);
  const tailArea = (1 - confidence) / 2;

  return {
    delta: mean(Array.from(differences)),
    low: quantileSorted(sortedMeans, tailArea),
    high: quantileSorted(sortedMeans, 1 - tailArea),
    p_value: percentileTestPValue(sortedMeans),
  };
}

function validateOptions(iterations: number, confidence: number): void {
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError(`Bootstrap iterations must be a positive integer, got ${iterations}. The default is ${DEFAULT_BOOTSTRAP_ITERATIONS}.`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`Bootstrap confidence must be strictly between 0 and 1, got ${confidence}. Pass 0.95 for a 95% interval.`);
  }
}

/** Returns head − base per pair, after checking that both arrays are non-empty, equally long and finite. */
function pairDifferences(baseScores: readonly number[], headScores: readonly number[]): Float64Array {
  if (baseScores.length !== headScores.length) {
    throw new RangeError(`Paired bootstrap needs one base score per head score, got ${baseScores.length} base and ${headScores.length} head scores.`);
  }
  if (baseScores.length === 0) {
    throw new RangeError('Paired bootstrap needs at least one pair of scores, got none.');
  }

  const differences = new Float64Array(baseScores.length);
  for (let index = 0; index < baseScores.length; index += 1) {
    const difference = headScores[index] - baseScores[index];
    if (!Number.isFinite(difference)) {
      throw new RangeError(`Score pair at index ${index} is (${baseScores[index]}, ${headScores[index]}); both scores must be finite numbers.`);
    }
    differences[index] = difference;
  }

  return differences;
}

/** Returns the mean of each of `iterations` resamples drawn with replacement from `differences`. */
function resampleMeans(differences: Float64Array, iterations: number, seed: number): Float64Array {
  const random = createMulberry32(seed);
  const size = differences.length;
  const means = new Float64Array(iterations);

  for (let iteration = 0; iteration < iterations; iteration += 1) {
    let sum = 0;
    for (let draw = 0; draw < size; draw += 1) {
      sum += differences[randomIndex(random, size)];
    }
    means[iteration] = sum / size;
  }

  return means;
}

function percentileTestPValue(sortedMeans: readonly number[]): number {
  let above = 0;
  let below = 0;
  for (const value of sortedMeans) {
    if (value > 0) {
      above += 1;
    } else if (value < 0) {
      below += 1;
    }
  }

  const observedAndTies = (sortedMeans.length - above - below + 1) / 2;
  const shares = sortedMeans.length + 1;
  const upperShare = (above + observedAndTies) / shares;
  const lowerShare = (below + observedAndTies) / shares;

  return Math.min(1, 2 * Math.min(upperShare, lowerShare));
}
