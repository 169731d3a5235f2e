import { zForConfidence } from './normal.js';
import { validateCount } from './validate.js';

/** Closed interval [low, high]. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * Computes the Wilson score interval for a binomial proportion (Wilson, E. B. (1927), JASA 22,
 * 209–212): with p̂ = passed / total and z the two-sided critical value,
 *   centre = (p̂ + z² / 2n) / (1 + z² / n),
 *   half-width = z / (1 + z² / n) × √(p̂(1 − p̂) / n + z² / 4n²).
 * The bounds are exactly 0 when passed = 0 and exactly 1 when passed = total.
 * Returns null when total is 0. Throws a RangeError for counts that are not integers with
 * 0 ≤ passed ≤ total.
 */
export function wilsonInterval(passed: number, total: number, confidence = 0.95): Interval | null {
  validateCount('total', total);
  validateCount('passed', passed);
  if (passed > total) {
    throw new RangeError(`passed (${passed}) is larger than total (${total}).`);
  }
  if (total === 0) {
    return null;
  }

  const z = zForConfidence(confidence);
  const zSquared = z * z;
  const proportion = passed / total;
  const scale = 1 + zSquared / total;

  const centre = (proportion + zSquared / (2 * total)) / scale;
  const halfWidth = (z / scale) * Math.sqrt((proportion * (1 - proportion)) / total + zSquared / (4 * total * total));

  return {
    low: passed === 0 ? 0 : Math.max(0, centre - halfWidth),
    high: passed === total ? 1 : Math.min(1, centre + halfWidth),
  };
}
