import { validateCount } from './validate.js';
import { wilsonInterval, type Interval } from './wilson.js';

/** The 2 × 2 table of paired pass/fail results, as discordant counts and the number of pairs. */
export interface PairedCounts {
  /** Pairs that pass on base and fail on head (newly failing). */
  b: number;
  /** Pairs that fail on base and pass on head (newly passing). */
  c: number;
  /** All pairs. */
  n: number;
}

/**
 * Computes a confidence interval for the pass-rate difference head − base by Newcombe's
 * square-and-add method, which combines the Wilson intervals (l, u) of the two rates:
 *   low  = δ − √((p_h − l_h)² + (u_b − p_b)² − 2ψ (p_h − l_h)(u_b − p_b)),
 *   high = δ + √((u_h − p_h)² + (p_b − l_b)² − 2ψ (u_h − p_h)(p_b − l_b)).
 *
 * Without `paired`, the rates come from independent samples and ψ = 0: Newcombe, R. G. (1998),
 * "Interval estimation for the difference between independent proportions: comparison of eleven
 * methods", Statistics in Medicine 17, 873–890, method 10.
 *
 * With `paired`, both rates come from the same n pairs and ψ estimates their correlation from
 * the 2 × 2 table with cells a (both pass), b, c, d (both fail): with A = ad − bc,
 * ψ = (A − n/2) / √(row and column totals multiplied) when A > n/2, 0 when 0 ≤ A ≤ n/2, and
 * A / √(...) when A < 0, and ψ = 0 when a total is 0. This is the square-and-add interval of
 * Newcombe, R. G. (1998), "Improved confidence intervals for the difference between binomial
 * proportions based on paired data", Statistics in Medicine 17, 2635–2650, as given in chapter 8
 * of Fagerland, Lydersen and Laake (2017), Statistical Analysis of Contingency Tables, and in
 * their R package contingencytables (`Newcombe_square_and_add_CI_paired_2x2`).
 *
 * The bounds are clamped to [−1, 1]. Returns null when either total is 0. Throws a RangeError
 * when counts are not non-negative integers or the paired table does not match the totals.
 */
export function deltaInterval(
  basePassed: number,
  baseTotal: number,
  headPassed: number,
  headTotal: number,
  paired?: PairedCounts,
  confidence = 0.95,
): Interval | null {
  const baseInterval = wilsonInterval(basePassed, baseTotal, confidence);
  const headInterval = wilsonInterval(headPassed, headTotal, confidence);
  if (baseInterval === null || headInterval === null) {
    return null;
  }

  const correlation = paired === undefined ? 0 : pairedCorrelation(basePassed, headPassed, paired, baseTotal, headTotal);

  const baseRate = basePassed / baseTotal;
  const headRate = headPassed / headTotal;
  const delta = headRate - baseRate;

  const headBelow = headRate - headInterval.low;
  const headAbove = headInterval.high - headRate;
  const baseBelow = baseRate - baseInterval.low;
  const baseAbove = baseInterval.high - baseRate;

  const lowerDistance = Math.sqrt(Math.max(0, headBelow ** 2 + baseAbove ** 2 - 2 * correlation * headBelow * baseAbove));
  const upperDistance = Math.sqrt(Math.max(0, headAbove ** 2 + baseBelow ** 2 - 2 * correlation * headAbove * baseBelow));

  return {
    low: Math.max(-1, delta - lowerDistance),
    high: Math.min(1, delta + upperDistance),
  };
}

/** Returns Newcombe's corrected ψ for the paired table, after checking it against the totals. */
function pairedCorrelation(basePassed: number, headPassed: number, paired: PairedCounts, baseTotal: number, headTotal: number): number {
  const { b, c, n } = paired;
  validateCount('paired.b', b);
  validateCount('paired.c', c);
  validateCount('paired.n', n);
  if (baseTotal !== n || headTotal !== n) {
    throw new RangeError(`Paired counts need baseTotal = headTotal = n, got baseTotal ${baseTotal}, headTotal ${headTotal}, n ${n}.`);
  }

  const bothPass = basePassed - b;
  if (bothPass < 0 || bothPass !== headPassed - c) {
    throw new RangeError(
      `Paired counts do not fit the pass counts: basePassed − b (${basePassed} − ${b}) and headPassed − c (${headPassed} − ${c}) must be the same non-negative number of pairs that pass on both sides.`,
    );
  }
  const bothFail = n - bothPass - b - c;
  if (bothFail < 0) {
    throw new RangeError(`Paired counts add up to more than n: both-pass ${bothPass} + b ${b} + c ${c} > n ${n}.`);
  }

  const headFailed = n - headPassed;
  const baseFailed = n - basePassed;
  if (headPassed === 0 || headFailed === 0 || basePassed === 0 || baseFailed === 0) {
    return 0;
  }

  const crossProduct = bothPass * bothFail - b * c;
  const scale = Math.sqrt(headPassed * headFailed * basePassed * baseFailed);
  if (crossProduct > n / 2) {
    return (crossProduct - n / 2) / scale;
  }
  if (crossProduct >= 0) {
    return 0;
  }
  return crossProduct / scale;
}
