/**
 * Seeded pseudo-random numbers for resampling, so that the same inputs and seed always give the same
 * bootstrap result on every machine and Node version.
 */

/** Weyl-sequence increment of mulberry32, the 32-bit generator published at https://stackoverflow.com/a/47593316. */
const MULBERRY32_INCREMENT = 0x6d2b79f5;

const TWO_TO_THE_32 = 4294967296;

// Bound once because the bootstrap calls them tens of millions of times, and inside a vm context,
// where Jest runs tests, every lookup of the global `Math` made that loop about 20 times slower.
const { floor, imul } = Math;

/** Generator of floats in [0, 1), as `Math.random` returns them. */
export type RandomSource = () => number;

/**
 * Creates a mulberry32 generator: a 32-bit state advanced by a Weyl sequence (add 0x6D2B79F5),
 * mixed by xor-shifts and 32-bit multiplications (`Math.imul`), and divided by 2^32 into [0, 1).
 * Its period is 2^32. It uses only integer operations with defined 32-bit wrap-around and an exact
 * division, so the sequence is the same on every JavaScript engine. The seed is taken modulo 2^32.
 */
export function createMulberry32(seed: number): RandomSource {
  if (!Number.isInteger(seed)) {
    throw new RangeError(`Random seed must be an integer, got ${seed}. Pass a whole number such as 42.`);
  }

  let state = seed | 0;

  return () => {
    state = (state + MULBERRY32_INCREMENT) | 0;
    let mixed = imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / TWO_TO_THE_32;
  };
}

/**
 * Draws an integer in [0, size) from `random`. `floor(u × size)` with a 32-bit `u` is biased by at
 * most size / 2^32 between values, below 5e-6 for the 20,000 rows a large suite has.
 */
export function randomIndex(random: RandomSource, size: number): number {
  return floor(random() * size);
}
