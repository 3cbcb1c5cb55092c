import { normalQuantile } from './normal.ts';

/**
 * Rough number of cases for the half-width of a normal-approximation interval, z·sd/√n, to drop
 * below |delta|: ceil((z·sd/delta)²), at least 1. Used to say how much evidence would decide an
 * inconclusive gate; it ignores clustering and the uncertainty in `sd`.
 *
 * @throws {RangeError} when `delta` is zero or not finite, `sd` is negative or not finite, or `level`
 * is outside (0, 1).
 * @example
 * casesToDetect({ delta: 0.02, sd: 0.3, level: 0.95 }); // 865
 */
export function casesToDetect(opts: { readonly delta: number; readonly sd: number; readonly level: number }): number {
  const { delta, sd, level } = opts;
  if (!Number.isFinite(delta) || delta === 0) {
    throw new RangeError(`Expected \`delta\` to be a finite non-zero number, got ${String(delta)}.`);
  }
  if (!Number.isFinite(sd) || sd < 0) {
    throw new RangeError(`Expected \`sd\` to be a finite non-negative number, got ${String(sd)}.`);
  }
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`Expected \`level\` to be a number in (0, 1), got ${String(level)}.`);
  }
  const z = normalQuantile((1 + level) / 2);
  return Math.max(1, Math.ceil(((z * sd) / delta) ** 2));
}
