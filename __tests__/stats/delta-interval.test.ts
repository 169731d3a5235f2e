import { deltaInterval } from '../../src/stats/delta-interval.js';

describe('deltaInterval', () => {
  test('paired table matches Newcombe method 10', () => {
    // Complete response before (head) and after (base) consolidation therapy, Cavo et al. (2012):
    // 59 both, 6 head only, 16 base only, 80 neither. Fagerland, Lydersen and Laake (2017) give
    // −0.0621 (95% CI −0.1186 to −0.0046).
    const interval = deltaInterval(75, 161, 65, 161, { b: 16, c: 6, n: 161 });

    expect(interval?.low).toBeCloseTo(-0.1186, 4);
    expect(interval?.high).toBeCloseTo(-0.0046, 4);
  });

  test('independent samples match Newcombe hybrid score', () => {
    // Perondi et al. (2004): 7 of 34 against 1 of 34; the same book gives 0.1765 (0.0189 to 0.3404).
    const interval = deltaInterval(1, 34, 7, 34);

    expect(interval?.low).toBeCloseTo(0.0189, 4);
    expect(interval?.high).toBeCloseTo(0.3404, 4);
  });

  test('10 newly failing of 50 excludes zero', () => {
    const interval = deltaInterval(50, 50, 40, 50, { b: 10, c: 0, n: 50 });

    expect(interval!.low).toBeLessThan(-0.2);
    expect(interval!.high).toBeLessThan(0);
    expect(interval!.low).toBeGreaterThan(-0.4);
  });

  test('pairing narrows the interval of correlated results', () => {
    const paired = deltaInterval(60, 100, 55, 100, { b: 5, c: 0, n: 100 });
    const independent = deltaInterval(60, 100, 55, 100);

    expect(paired!.high - paired!.low).toBeLessThan(independent!.high - independent!.low);
  });

  test('no change gives an interval around zero', () => {
    const interval = deltaInterval(30, 60, 30, 60, { b: 0, c: 0, n: 60 });

    expect(interval!.low).toBeLessThan(0);
    expect(interval!.high).toBeGreaterThan(0);
  });

  test('empty sample gives null', () => {
    expect(deltaInterval(0, 0, 0, 0)).toBeNull();
  });

  test('paired counts that do not fit are rejected', () => {
    expect(() => deltaInterval(10, 20, 10, 20, { b: 2, c: 1, n: 20 })).toThrow(/must be the same non-negative number/);
    expect(() => deltaInterval(10, 20, 10, 21, { b: 0, c: 0, n: 20 })).toThrow(/baseTotal = headTotal = n/);
    expect(() => deltaInterval(10, 20, 10, 20, { b: 11, c: 11, n: 20 })).toThrow(RangeError);
  });
});
