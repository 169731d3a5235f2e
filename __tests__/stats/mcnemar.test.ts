import {
  binomialHalfLowerTailExact,
  binomialHalfLowerTailLog,
  EXACT_DISCORDANT_LIMIT,
  mcnemarExact,
} from '../../src/stats/mcnemar.js';

/** 2 × Σ_{i ≤ min(b, c)} C(b + c, i) / 2^(b + c), capped at 1, by direct BigInt sums; for small counts. */
function directMcnemar(b: number, c: number): number {
  const n = b + c;
  let sum = 0n;
  for (let i = 0; i <= Math.min(b, c); i += 1) {
    let coefficient = 1n;
    for (let j = 0; j < i; j += 1) {
      coefficient = (coefficient * BigInt(n - j)) / BigInt(j + 1);
    }
    sum += coefficient;
  }
  return Math.min(1, (2 * Number(sum)) / 2 ** n);
}

describe('mcnemarExact', () => {
  test('10 against 0 is 2 × 0.5^10', () => {
    expect(mcnemarExact(10, 0)).toBe(0.001953125);
  });

  test('7 against 3 is not significant', () => {
    expect(mcnemarExact(7, 3)).toBe(0.34375);
    expect(mcnemarExact(7, 3)).toBeGreaterThan(0.05);
  });

  test('12 against 5 is 0.1435', () => {
    expect(mcnemarExact(12, 5)).toBe((2 * 9402) / 131072);
  });

  test('no discordant pairs gives 1', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
  });

  test('balanced counts give 1', () => {
    expect(mcnemarExact(5, 5)).toBe(1);
    expect(mcnemarExact(6, 5)).toBe(1);
  });

  test('order of counts does not matter', () => {
    expect(mcnemarExact(3, 7)).toBe(mcnemarExact(7, 3));
  });

  test('small counts match direct sums', () => {
    for (let b = 0; b <= 30; b += 3) {
      for (let c = 0; c <= 30; c += 4) {
        expect(mcnemarExact(b, c)).toBeCloseTo(directMcnemar(b, c), 14);
      }
    }
  });

  test('thousands of pairs stay finite and exact', () => {
    // 3,000 discordant pairs: 2^3000 overflows a double, so this only works with exact or log sums.
    const p = mcnemarExact(1_600, 1_400);

    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(0.001);
    expect(binomialHalfLowerTailLog(3_000, 1_400) * 2).toBeCloseTo(p, 15);
    expect(Math.abs(binomialHalfLowerTailLog(3_000, 1_400) * 2 - p) / p).toBeLessThan(1e-9);
  });

  test('log sum agrees with exact sum above the limit', () => {
    const n = EXACT_DISCORDANT_LIMIT + 100;
    const k = Math.floor(n / 2) - 150;
    const exact = binomialHalfLowerTailExact(n, k);
    const log = binomialHalfLowerTailLog(n, k);

    expect(Math.abs(log - exact) / exact).toBeLessThan(1e-9);
    expect(mcnemarExact(n - k, k)).toBeCloseTo(2 * exact, 12);
  });

  test('invalid counts are rejected', () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(/newlyFailing must be a non-negative integer, got -1/);
    expect(() => mcnemarExact(1, 0.5)).toThrow(/newlyPassing/);
  });
});
