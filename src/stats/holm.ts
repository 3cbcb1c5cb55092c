/** One hypothesis of a family: its share of the error budget and its test at a given level. */
export interface HolmHypothesis {
  /** Positive weight; hypotheses get α in proportion to their weights. */
  readonly weight: number;
  /** Whether the test rejects at this level; must be monotone (rejecting at a level means at every larger one). */
  rejectsAt(level: number): boolean;
}

/** What the step-down decided, in the input order. */
export interface HolmOutcome {
  readonly rejected: readonly boolean[];
  /** The level each hypothesis was last tested at: where it was rejected, or the final step's level. */
  readonly levels: readonly number[];
}

/**
 * Weighted Holm step-down (Holm 1979): each round tests every hypothesis not yet rejected at
 * α·w_i / (sum of their weights) and rejects all that pass; rejected weight is handed on to the
 * rest, and rounds repeat until none passes. This rejects exactly what the step-down on p_i/w_i does
 * (rejecting all that pass at once only reaches the same set sooner), controls the family-wise error
 * at α for any dependence and any weights, and is plain Holm for equal weights. It asks each test
 * only "do you reject at this level", so tests without a p-value (a bootstrap bound) take part, and
 * no resampling floor on a p-value limits it.
 *
 * @throws {RangeError} when `alpha` is outside (0, 1) or a weight is not positive and finite.
 * @example
 * const p = [0.01, 0.04, 0.03];
 * weightedHolm(p.map((x) => ({ weight: 1, rejectsAt: (level) => x <= level })), 0.05).rejected; // [true, false, false]
 */
export function weightedHolm(hypotheses: readonly HolmHypothesis[], alpha: number): HolmOutcome {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`Expected \`alpha\` to be in (0, 1), got ${String(alpha)}.`);
  hypotheses.forEach((h, i) => {
    if (!(h.weight > 0 && Number.isFinite(h.weight)))
      throw new RangeError(`Expected \`weights[${i}]\` to be positive, got ${String(h.weight)}.`);
  });
  const rejected = hypotheses.map(() => false);
  const levels = hypotheses.map(() => 0);
  let remaining = hypotheses.map((_, i) => i);
  while (remaining.length > 0) {
    const weight = remaining.reduce((sum, i) => sum + hypotheses[i]!.weight, 0);
    const passed: number[] = [];
    for (const i of remaining) {
      levels[i] = (alpha * hypotheses[i]!.weight) / weight;
      if (hypotheses[i]!.rejectsAt(levels[i]!)) passed.push(i);
    }
    if (passed.length === 0) break;
    for (const i of passed) rejected[i] = true;
    remaining = remaining.filter((i) => !rejected[i]);
  }
  return { rejected, levels };
}
