/** A two-sided confidence interval at a confidence `level` in (0, 1), e.g. 0.95. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

/**
 * Checks a confidence level: a finite number strictly between 0 and 1.
 *
 * @throws {RangeError} when `level` is outside (0, 1).
 * @example
 * assertLevel(0.95); // returns nothing
 */
export function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`Expected \`level\` to be a number in (0, 1), got ${String(level)}.`);
  }
}
