import { passAtK, passAtKForModel } from '../../src/stats/pass-at-k.js';

/** C(n, k) as a BigInt. */
function binomial(n: number, k: number): bigint {
  let result = 1n;
  for (let i = 0; i < k; i += 1) {
    result = (result * BigInt(n - i)) / BigInt(i + 1);
  }
  return result;
}

describe('passAtK', () => {
  test.each([
    [6, 3, 1, 0.5],
    [10, 0, 1, 0],
    [10, 0, 5, 0],
    [5, 5, 3, 1],
    [10, 2, 5, 1 - 56 / 252],
    [10, 6, 5, 1],
  ])('n = %d, c = %d, k = %d gives %d', (n, c, k, expected) => {
    expect(passAtK(n, c, k)).toBeCloseTo(expected, 14);
  });

  test('matches the binomial formula for large n', () => {
    const exactRatio = Number((binomial(163, 10) * 10n ** 15n) / binomial(200, 10)) / 1e15;

    expect(passAtK(200, 37, 10)).toBeCloseTo(1 - exactRatio, 12);
  });

  test('out-of-range arguments are rejected', () => {
    expect(() => passAtK(5, 2, 6)).toThrow(/1 ≤ k ≤ n/);
    expect(() => passAtK(5, 6, 1)).toThrow(RangeError);
    expect(() => passAtK(0, 0, 1)).toThrow(RangeError);
    expect(() => passAtK(5, 1, 0)).toThrow(RangeError);
  });
});

describe('passAtKForModel', () => {
  test('HumanEval example: 3 of 6 samples pass', () => {
    const result = passAtKForModel([{ n: 6, c: 3 }], [1]);

    expect(Object.keys(result)).toEqual(['pass@1']);
    expect(result['pass@1']).toBeCloseTo(0.5, 14);
  });

  test('averages over cases', () => {
    const result = passAtKForModel(
      [
        { n: 10, c: 2 },
        { n: 10, c: 0 },
      ],
      [1, 5],
    );

    expect(result['pass@1']).toBeCloseTo(0.1, 14);
    expect(result['pass@5']).toBeCloseTo((1 - 56 / 252) / 2, 14);
  });

  test('reports only k within every case', () => {
    const result = passAtKForModel(
      [
        { n: 10, c: 5 },
        { n: 4, c: 1 },
      ],
      [1, 5, 10, 1],
    );

    expect(Object.keys(result)).toEqual(['pass@1']);
  });

  test('no cases give an empty record', () => {
    expect(passAtKForModel([], [1])).toEqual({});
  });

  test('k of 0 is rejected', () => {
    expect(() => passAtKForModel([{ n: 3, c: 1 }], [0])).toThrow(/positive integer, got 0/);
  });
});
