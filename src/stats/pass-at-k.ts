import { validateCount } from './validate.js';

/** Samples drawn for one case and how many of them passed. */
export interface CaseSamples {
  n: number;
  c: number;
}

/**
 * Computes the unbiased pass@k estimator of Chen et al. (2021), "Evaluating Large Language Models
 * Trained on Code", for one case with n samples of which c pass: 1 − C(n − c, k) / C(n, k). The
 * ratio is evaluated as ∏_{i=0}^{k−1} (n − c − i) / (n − i), which equals openai/human-eval's
 * 1 − ∏_{i=n−c+1}^{n} (1 − k / i), needs no large binomial coefficients, and gives pass@1 = c / n
 * exactly (the other form yields 0.4999999999999999 for n = 6, c = 3). Returns 1 when n − c < k,
 * because every choice of k samples then contains a pass.
 * Throws a RangeError unless n ≥ 1, 0 ≤ c ≤ n and 1 ≤ k ≤ n are integers.
 */
export function passAtK(n: number, c: number, k: number): number {
  validateCount('n', n);
  validateCount('c', c);
  validateCount('k', k);
  if (n < 1 || c > n || k < 1 || k > n) {
    throw new RangeError(`pass@k needs 1 ≤ k ≤ n and c ≤ n, got n = ${n}, c = ${c}, k = ${k}.`);
  }

  if (n - c < k) {
    return 1;
  }

  let allFailProbability = 1;
  for (let i = 0; i < k; i += 1) {
    allFailProbability *= (n - c - i) / (n - i);
  }
  return 1 - allFailProbability;
}

/**
 * Averages pass@k over cases, keyed `pass@<k>`, for each k in `ks` that is no larger than every
 * case's sample count (a k above some case's n has no unbiased estimate there). Keys follow the
 * order of `ks` without repeats. Returns an empty record when there are no cases. Throws a
 * RangeError for a k that is not a positive integer.
 */
export function passAtKForModel(samplesPerCase: readonly CaseSamples[], ks: readonly number[]): Record<string, number> {
  const result: Record<string, number> = {};
  if (samplesPerCase.length === 0) {
    return result;
  }

  const smallestSampleCount = samplesPerCase.reduce((smallest, samples) => Math.min(smallest, samples.n), Infinity);

  for (const k of ks) {
    if (!Number.isInteger(k) || k < 1) {
      throw new RangeError(`pass@k needs each k to be a positive integer, got ${k}.`);
    }
    const key = `pass@${k}`;
    if (k > smallestSampleCount || key in result) {
      continue;
    }

    let sum = 0;
    for (const samples of samplesPerCase) {
      sum += passAtK(samples.n, samples.c, k);
    }
    result[key] = sum / samplesPerCase.length;
  }

  return result;
}
