import { latencySummary, percentile } from '../../src/stats/percentile.js';

describe('percentile', () => {
  // Expected values from numpy.percentile with its default method, linear.
  test.each([
    [[1, 2, 3, 4], 50, 2.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 9.55],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 25, 3.25],
    [[3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20], 50, 9],
    [[5], 95, 5],
    [[10, 1], 0, 1],
    [[10, 1], 100, 10],
  ])('percentile(%j, %d) is %d', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 12);
  });

  test('empty sample gives null', () => {
    expect(percentile([], 50)).toBeNull();
  });

  test('input order is kept', () => {
    const values = [3, 1, 2];
    percentile(values, 50);

    expect(values).toEqual([3, 1, 2]);
  });

  test('p outside [0, 100] is rejected', () => {
    expect(() => percentile([1], 101)).toThrow(/between 0 and 100, got 101/);
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  test('non-finite value is rejected with its index', () => {
    expect(() => percentile([1, Number.NaN], 50)).toThrow(/index 1 is NaN/);
  });

  test('20,000 values match the rank formula', () => {
    const values = Array.from({ length: 20_000 }, (_, index) => (index * 7919) % 20_000);
    const started = performance.now();
    const p95 = percentile(values, 95);
    const elapsed = performance.now() - started;

    // Values are a permutation of 0..19999, so the value at rank r is r: (n − 1) × 0.95 = 18999.05.
    expect(p95).toBeCloseTo(18_999.05, 9);
    expect(elapsed).toBeLessThan(200);
  });
});

describe('latencySummary', () => {
  test('mean, p50 and p95 of four values', () => {
    expect(latencySummary([400, 100, 300, 200])).toEqual({ mean: 250, p50: 250, p95: 385 });
  });

  test('empty sample gives nulls', () => {
    expect(latencySummary([])).toEqual({ mean: null, p50: null, p95: null });
  });
});
