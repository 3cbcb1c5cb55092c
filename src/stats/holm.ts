/**
 * Holm's step-down adjusted p-values, in the input order: the i-th smallest p is multiplied by
 * (m − i + 1), made monotone by a running maximum and capped at 1 (statsmodels' `multipletests`
 * with method 'holm'). Rejecting where the adjusted p is below α controls the family-wise error at α.
 *
 * @throws {RangeError} when a p-value is not in [0, 1].
 * @example
 * holmAdjust([0.01, 0.04, 0.03]); // [0.03, 0.06, 0.06]
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  pValues.forEach((p, index) => {
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(`Expected \`pValues[${index}]\` to be in [0, 1], got ${String(p)}.`);
    }
  });
  const count = pValues.length;
  const order = pValues.map((_, index) => index).toSorted((x, y) => pValues[x]! - pValues[y]! || x - y);
  const adjusted: number[] = Array.from({ length: count }, () => 0);
  let runningMax = 0;
  order.forEach((index, rank) => {
    runningMax = Math.max(runningMax, Math.min(1, (count - rank) * pValues[index]!));
    adjusted[index] = runningMax;
  });
  return adjusted;
}
