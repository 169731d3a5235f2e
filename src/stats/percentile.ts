import { mean, quantileSorted } from 'simple-statistics';

/** Mean, median and 95th percentile of a sample; every field is null for an empty sample. */
export interface LatencySummary {
  mean: number | null;
  p50: number | null;
  p95: number | null;
}

/**
 * Computes the `p`-th percentile (`p` in [0, 100]) by linear interpolation between the closest
 * ranks: the value at position (n − 1) × p / 100 of the sorted sample. This is R's type 7 and
 * numpy's default `linear` method, as implemented by simple-statistics 7 `quantileSorted`.
 * Returns null for an empty sample. Sorts a copy, so it runs in O(n log n) and leaves `values`
 * unchanged. Throws a RangeError for a `p` outside [0, 100] or a value that is not a finite number.
 */
export function percentile(values: readonly number[], p: number): number | null {
  validatePercent(p);
  if (values.length === 0) {
    return null;
  }

  return quantileSorted(sortFinite(values), p / 100);
}

/**
 * Summarises a sample of latencies: arithmetic mean, 50th and 95th percentiles (linear
 * interpolation, as `percentile`). The sample is sorted once. Returns nulls for an empty sample.
 */
export function latencySummary(values: readonly number[]): LatencySummary {
  if (values.length === 0) {
    return { mean: null, p50: null, p95: null };
  }

  const sorted = sortFinite(values);

  return {
    mean: mean(sorted),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
  };
}

function validatePercent(p: number): void {
  if (!(p >= 0 && p <= 100)) {
    throw new RangeError(`Percentile must be between 0 and 100, got ${p}. Pass 95 for the 95th percentile.`);
  }
}

/** Returns a sorted copy, or throws a RangeError naming the first value that is not finite. */
function sortFinite(values: readonly number[]): number[] {
  const copy = values.slice();

  for (let index = 0; index < copy.length; index += 1) {
    if (!Number.isFinite(copy[index])) {
      throw new RangeError(`Value at index ${index} is ${copy[index]}, not a finite number. Drop missing values before computing percentiles.`);
    }
  }

  return copy.sort((left, right) => left - right);
}
