import { inverseNormalCdf, zForConfidence } from '../../src/stats/normal.js';

describe('inverseNormalCdf', () => {
  // Reference quantiles from R's qnorm, which implements the same algorithm AS 241.
  test.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.025, -1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.9, 1.2815515655446004],
    [1e-10, -6.361340902404056],
    [1e-300, -37.047096299361],
  ])('quantile of %d is %d', (p, expected) => {
    expect(inverseNormalCdf(p)).toBeCloseTo(expected, 11);
  });

  test('0 and 1 are rejected', () => {
    expect(() => inverseNormalCdf(0)).toThrow(/strictly between 0 and 1, got 0/);
    expect(() => inverseNormalCdf(1)).toThrow(RangeError);
  });
});

describe('zForConfidence', () => {
  test('0.95 gives 1.959964', () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.959963984540054, 12);
  });

  test('0.99 gives 2.575829', () => {
    expect(zForConfidence(0.99)).toBeCloseTo(2.5758293035489004, 12);
  });

  test('confidence outside (0, 1) is rejected', () => {
    expect(() => zForConfidence(95)).toThrow(/Pass 0.95/);
  });
});
