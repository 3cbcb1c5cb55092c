/**
 * The share of an error budget that look `look` (1, 2, …) may spend: s·(1 − s)^(look − 1) for a
 * first-look share s. The cumulative spend after k looks is 1 − (1 − s)^k, below 1 for any number
 * of looks, and each look is tested at its own share: by the union bound the chance of a false
 * call at any look stays within the budget whatever the sample sizes of the looks, planned or not
 * ("add cases and re-run"). Group-sequential boundaries that use the correlation between looks
 * (O'Brien–Fleming, Lan–DeMets) would give later looks more, but need the information fraction of
 * each look, i.e. a planned maximum, and spend almost nothing at the first look, the only one most
 * candidates ever get.
 *
 * @throws {RangeError} when `look` is not a positive integer or `firstShare` is outside (0, 1].
 * @example
 * lookShare(1, 0.8); // 0.8
 * lookShare(2, 0.8); // 0.16
 */
export function lookShare(look: number, firstShare: number): number {
  if (!Number.isSafeInteger(look) || look < 1)
    throw new RangeError(`Expected \`look\` to be a positive integer, got ${String(look)}.`);
  if (!(firstShare > 0 && firstShare <= 1))
    throw new RangeError(`Expected \`firstShare\` to be in (0, 1], got ${String(firstShare)}.`);
  return firstShare * (1 - firstShare) ** (look - 1);
}

/**
 * The share of the budget spent by looks 1..look together: 1 − (1 − s)^look.
 *
 * @throws {RangeError} as `lookShare`.
 */
export function spentShare(look: number, firstShare: number): number {
  lookShare(look, firstShare);
  return 1 - (1 - firstShare) ** look;
}
