import { wilsonInterval } from '../../src/stats/wilson.js';

describe('wilsonInterval', () => {
  test('8 of 10', () => {
    const interval = wilsonInterval(8, 10);

    expect(interval?.low).toBeCloseTo(0.4902, 4);
    expect(interval?.high).toBeCloseTo(0.9433, 4);
  });

  test('0 of 10 starts at exactly 0', () => {
    const interval = wilsonInterval(0, 10);

    expect(interval?.low).toBe(0);
    expect(interval?.high).toBeCloseTo(0.2775, 4);
  });

  test('10 of 10 ends at exactly 1', () => {
    const interval = wilsonInterval(10, 10);

    expect(interval?.low).toBeCloseTo(0.7225, 4);
    expect(interval?.high).toBe(1);
  });

  test('total 0 gives null', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  test('99% interval is wider than 95%', () => {
    const narrow = wilsonInterval(30, 50, 0.95);
    const wide = wilsonInterval(30, 50, 0.99);

    expect(wide!.low).toBeLessThan(narrow!.low);
    expect(wide!.high).toBeGreaterThan(narrow!.high);
  });

  test('invalid counts are rejected', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/larger than total/);
    expect(() => wilsonInterval(-1, 10)).toThrow(/non-negative integer, got -1/);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
  });
});
