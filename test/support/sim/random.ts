import type { Rng } from '../../../src/stats/rng.ts';

/** Standard normal draws from a seeded generator (Box–Muller, the second value kept for the next call). */
export class NormalSource {
  private readonly rng: Rng;
  private spare = 0;
  private hasSpare = false;

  constructor(rng: Rng) {
    this.rng = rng;
  }

  /** One draw from N(0, 1). */
  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    // 1 − u is in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.rng.nextFloat()));
    const angle = 2 * Math.PI * this.rng.nextFloat();
    this.spare = radius * Math.sin(angle);
    this.hasSpare = true;
    return radius * Math.cos(angle);
  }
}

/** The logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** log(u / (1 − u)), with u kept away from 0 and 1 so the result is finite. */
export function logit(u: number): number {
  const v = Math.min(Math.max(u, 1e-12), 1 - 1e-12);
  return Math.log(v / (1 - v));
}

/**
 * The logit shift s with mean(sigmoid(eta[i] + s + extra[i])) over `members` equal to `target`
 * (a probability). The mean is increasing in s, so Newton's method from 0 inside a shrinking
 * bracket converges in a handful of passes; unreachable targets saturate at the bracket (±30).
 */
export function solveLogitShift(
  eta: Float64Array,
  extra: Float64Array,
  members: readonly number[],
  target: number,
): number {
  if (members.length === 0) return 0;
  let low = -30;
  let high = 30;
  let s = 0;
  for (let iteration = 0; iteration < 100; iteration++) {
    let mean = 0;
    let slope = 0;
    for (const i of members) {
      const p = sigmoid(eta[i]! + s + extra[i]!);
      mean += p;
      slope += p * (1 - p);
    }
    mean /= members.length;
    slope /= members.length;
    const gap = mean - target;
    if (Math.abs(gap) < 1e-13) break;
    if (gap < 0) low = s;
    else high = s;
    const step = slope > 0 ? s - gap / slope : Number.NaN;
    // A Newton step that leaves the bracket falls back to bisection.
    s = step > low && step < high ? step : (low + high) / 2;
    if (high - low < 1e-12) break;
  }
  return s;
}

/** `count` distinct items of `items`, chosen uniformly (partial Fisher–Yates on a copy). */
export function pickDistinct<T>(rng: Rng, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const k = Math.min(count, pool.length);
  for (let i = 0; i < k; i++) {
    const j = i + rng.nextInt(pool.length - i);
    const swap = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = swap;
  }
  return pool.slice(0, k);
}
