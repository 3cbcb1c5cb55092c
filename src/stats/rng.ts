/** A seeded source of uniform random numbers; the only randomness the statistics core uses. */
export interface Rng {
  /** A uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** A uniform integer in [0, bound), without modulo bias; `bound` is an integer in [1, 2^32]. */
  nextInt(bound: number): number;
}

const TWO_POW_32 = 4294967296;
const INV_TWO_POW_32 = 1 / TWO_POW_32;
const INV_TWO_POW_53 = 1 / 9007199254740992;
const GOLDEN_GAMMA = 0x9e3779b9;

/** Largest bound for which `uint32 * bound` is exact in a double, so Lemire's method needs no BigInt. */
export const MAX_FAST_BOUND = 2 ** 21;

/**
 * Creates a xoshiro128** generator whose 128-bit state is filled by splitmix32 from `seed`. The low
 * and high 32 bits of the seed feed two separate splitmix32 streams, so distinct seeds give distinct
 * states, and the state can never be all zeros.
 *
 * @throws {RangeError} when `seed` is not a non-negative safe integer.
 * @example
 * const rng = createRng(42);
 * rng.nextInt(6); // same value on every platform for seed 42
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`Expected \`seed\` to be a non-negative safe integer, got ${String(seed)}.`);
  }
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32);
  return new Xoshiro128StarStar(
    splitMix32(low, 1),
    splitMix32(low, 2),
    splitMix32(high ^ 0x5bd1e995, 1),
    splitMix32(high ^ 0x5bd1e995, 2),
  );
}

/** The `step`-th output of splitmix32 started at `state`; a bijection of `state` for a fixed step. */
function splitMix32(state: number, step: number): number {
  let z = (state + Math.imul(GOLDEN_GAMMA, step)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return z ^ (z >>> 15);
}

/**
 * The generator behind `createRng`. Its state words are public so the resampling loops can keep
 * them in locals (about 1.5x faster than a method call per draw); nothing else should touch them.
 */
export class Xoshiro128StarStar implements Rng {
  s0: number;
  s1: number;
  s2: number;
  s3: number;
  // Lemire's rejection threshold (2^32 mod bound) is a division; cache it for the usual repeated bound.
  private lastBound = 0;
  private lastThreshold = 0;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  nextFloat(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) * INV_TWO_POW_53;
  }

  nextInt(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > TWO_POW_32) {
      throw new RangeError(`Expected \`bound\` to be an integer in [1, 2^32], got ${String(bound)}.`);
    }
    if (bound > MAX_FAST_BOUND) return this.nextIntByModulo(bound);
    if (bound !== this.lastBound) {
      this.lastBound = bound;
      this.lastThreshold = TWO_POW_32 % bound;
    }
    const threshold = this.lastThreshold;
    for (;;) {
      const product = this.nextUint32() * bound;
      const index = Math.floor(product * INV_TWO_POW_32);
      if (product - index * TWO_POW_32 >= threshold) return index;
    }
  }

  // Exact for any bound up to 2^32, where the product trick above would lose bits.
  private nextIntByModulo(bound: number): number {
    const limit = TWO_POW_32 - (TWO_POW_32 % bound);
    for (;;) {
      const value = this.nextUint32();
      if (value < limit) return value % bound;
    }
  }
}
