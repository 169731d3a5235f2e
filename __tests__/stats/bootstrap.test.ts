import { pairedBootstrap } from '../../src/stats/bootstrap.js';
import { createMulberry32 } from '../../src/stats/random.js';

function noisyScores(count: number, seed: number, shift: number): { base: number[]; head: number[] } {
  const random = createMulberry32(seed);
  const base: number[] = [];
  const head: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const value = random();
    base.push(value);
    head.push(Math.min(1, Math.max(0, value + shift + (random() - 0.5) * 0.4)));
  }
  return { base, head };
}

describe('pairedBootstrap', () => {
  test('same inputs give same result', () => {
    const { base, head } = noisyScores(200, 1, 0.02);

    expect(pairedBootstrap(base, head)).toEqual(pairedBootstrap(base, head));
  });

  test('result is pinned for seed 42', () => {
    const result = pairedBootstrap([0.2, 0.5, 0.9, 0.4], [0.3, 0.5, 0.7, 0.8], { iterations: 1_000 });

    // Pinned so that a change to resampling or to the generator fails here.
    expect(result.delta).toBeCloseTo(0.075, 12);
    expect(result.low).toBeCloseTo(-0.125, 12);
    expect(result.high).toBeCloseTo(0.25, 12);
    expect(result.p_value).toBe(605 / 1_001);
  });

  test('other seed gives another interval', () => {
    const { base, head } = noisyScores(200, 2, 0.02);

    expect(pairedBootstrap(base, head, { seed: 1 }).low).not.toBe(pairedBootstrap(base, head, { seed: 2 }).low);
  });

  test('no differences give p = 1 and a zero interval', () => {
    const scores = [0.1, 0.5, 0.7];

    expect(pairedBootstrap(scores, scores)).toEqual({ delta: 0, low: 0, high: 0, p_value: 1 });
  });

  test('all differences positive give the smallest p', () => {
    const result = pairedBootstrap([0, 0, 0], [1, 1, 1], { iterations: 999 });

    expect(result.delta).toBe(1);
    expect(result.low).toBe(1);
    expect(result.p_value).toBe(1 / 1_000);
  });

  test('clear shift is significant and excluded from the interval', () => {
    const { base, head } = noisyScores(500, 3, 0.05);
    const result = pairedBootstrap(base, head);

    expect(result.p_value).toBeLessThan(0.01);
    expect(result.low).toBeGreaterThan(0);
    expect(result.low).toBeLessThan(result.delta);
    expect(result.high).toBeGreaterThan(result.delta);
  });

  test('interval width matches normal theory', () => {
    const { base, head } = noisyScores(2_000, 4, 0);
    const differences = head.map((value, index) => value - base[index]);
    const mean = differences.reduce((sum, value) => sum + value, 0) / differences.length;
    const variance = differences.reduce((sum, value) => sum + (value - mean) ** 2, 0) / differences.length;
    const normalHalfWidth = 1.959964 * Math.sqrt(variance / differences.length);

    const result = pairedBootstrap(base, head);
    const halfWidth = (result.high - result.low) / 2;

    expect(Math.abs(halfWidth - normalHalfWidth) / normalHalfWidth).toBeLessThan(0.05);
    expect(result.p_value).toBeGreaterThan(0.05);
  });

  test('mismatched lengths are rejected', () => {
    expect(() => pairedBootstrap([1, 2], [1])).toThrow(/got 2 base and 1 head scores/);
  });

  test('empty input is rejected', () => {
    expect(() => pairedBootstrap([], [])).toThrow(/at least one pair/);
  });

  test('non-finite score is rejected with its index', () => {
    expect(() => pairedBootstrap([0, Number.NaN], [0, 1])).toThrow(/index 1/);
  });

  test('invalid options are rejected', () => {
    expect(() => pairedBootstrap([1], [1], { iterations: 0 })).toThrow(/positive integer, got 0/);
    expect(() => pairedBootstrap([1], [1], { confidence: 1 })).toThrow(/strictly between 0 and 1/);
    expect(() => pairedBootstrap([1], [1], { seed: 0.5 })).toThrow(/must be an integer/);
  });
});
