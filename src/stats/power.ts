import { normalCdf } from './normal.ts';

/** An undecided one-sided comparison as it stands, in units of the statistic (e.g. pp). */
export interface UndecidedComparison {
  /** Estimate minus threshold, positive on the side that passes (e.g. δ̂ + margin). */
  readonly distance: number;
  /** Standard deviation per unit, so that the standard error at n units is sd/√n. */
  readonly sd: number;
  /** Units now (clusters, or cases). */
  readonly units: number;
  /** How many standard errors beyond the threshold a pass needs at the next look (0: the estimate alone). */
  readonly passZ: number;
  /** How many standard errors beyond the threshold a fail needs at the next look. */
  readonly failZ: number;
}

/**
 * The number of units at which a re-run (the units now plus new ones) decides the comparison —
 * passes or fails — with probability at least `target` (80 %), averaging over what the effect may
 * be given the data so far: with a flat prior the effect is N(d̂, sd²/n₀), and the estimate at N units
 * is then N(d̂, sd²·(1/n₀ − 1/N)), so P(decide) = Φ((d̂ − z_p·sd/√N)/τ) + Φ((−d̂ − z_f·sd/√N)/τ) with
 * τ = sd·√(1/n₀ − 1/N). Planning at the estimate itself instead ("80 % power at the observed
 * effect") decides only about two times in three, because an estimate that happens to lie far from
 * the threshold asks for too few units. At least n₀ + 1, at most `cap`.
 *
 * @throws {RangeError} when `units` is not a positive integer, `sd` is negative, or `target` is outside (0, 1).
 * @example
 * unitsToDecide({ distance: 0.01, sd: 0.2, units: 400, passZ: 2.05, failZ: 2.6 }); // about 4,300
 */
export function unitsToDecide(comparison: UndecidedComparison, target = 0.8, cap = 10_000_000): number {
  const { distance, sd, units, passZ, failZ } = comparison;
  if (!Number.isSafeInteger(units) || units < 1)
    throw new RangeError(`Expected \`units\` to be a positive integer, got ${String(units)}.`);
  if (!(sd >= 0)) throw new RangeError(`Expected \`sd\` to be non-negative, got ${String(sd)}.`);
  if (!(target > 0 && target < 1)) throw new RangeError(`Expected \`target\` to be in (0, 1), got ${String(target)}.`);
  if (sd === 0) return units + 1;
  const decides = (n: number): boolean => {
    const se = sd / Math.sqrt(n);
    const spread = sd * Math.sqrt(1 / units - 1 / n);
    return normalCdf((distance - passZ * se) / spread) + normalCdf((-distance - failZ * se) / spread) >= target;
  };
  let low = units;
  let high = units + 1;
  while (!decides(high)) {
    low = high;
    high = Math.min(cap, 2 * high);
    if (low >= cap) return cap;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (decides(middle)) high = middle;
    else low = middle;
  }
  return high;
}
