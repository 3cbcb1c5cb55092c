import {
  assertBootstrapOptions,
  DEFAULT_RATIO_MAX_DRAWS,
  summariseReplicates,
  type BootstrapOptions,
  type BootstrapResult,
} from './bootstrap-summary.ts';
import { sumRowsOfDraws } from './resample.ts';

// 1 / (largest relative variance of a subsample sum): 200, i.e. a relative spread of 1/√200 ≈ 7 %.
const RELATIVE_VARIANCE_FACTOR = 200;

/** Per-case paired numerators and denominators of a ratio on each side, e.g. cost and successes. */
export interface RatioPair {
  readonly parentNumerator: Float64Array;
  readonly parentDenominator: Float64Array;
  readonly candidateNumerator: Float64Array;
  readonly candidateDenominator: Float64Array;
}

/**
 * Paired percentile bootstrap of (Σ cN / Σ cD) / (Σ pN / Σ pD), e.g. cost per successful task,
 * candidate over parent: each resample draws one set of cases and uses it for both sides.
 *
 * Zero denominators are handled deliberately: a replicate is undefined when a drawn side has no
 * denominator (Σ cD = 0 or Σ pD = 0) or the parent ratio is zero (Σ pN = 0). Undefined replicates
 * are counted in `undefinedResamples` and push the interval outwards (−Infinity for the lower,
 * +Infinity for the upper bound), so scarce successes show up as a wide or unbounded interval,
 * never as a spuriously tight one. An undefined point estimate is an error.
 *
 * With more than `maxDrawsPerResample` cases the rescaled m-out-of-n bootstrap is used: m cases
 * per resample and log(replicate / estimate) scaled by √(m/n), which keeps replicates positive;
 * the coverage tests in test/stats show it holds. The default m is `DEFAULT_RATIO_MAX_DRAWS`,
 * raised for data where m draws would be too few: rare successes or very uneven costs (see
 * `ratioDrawsFor`).
 *
 * @throws {RangeError} when the arrays are empty or of different lengths, hold a negative or
 * non-finite value, the estimate is undefined (Σ cD, Σ pD or Σ pN is zero), or the options are invalid.
 * @example
 * bootstrapRatioOfRatios({ parentNumerator, parentDenominator, candidateNumerator, candidateDenominator }, opts);
 * // estimate 1.15: 15 % more cost per success
 */
export function bootstrapRatioOfRatios(data: RatioPair, opts: BootstrapOptions): BootstrapResult {
  const columns = [
    ['candidateNumerator', data.candidateNumerator],
    ['candidateDenominator', data.candidateDenominator],
    ['parentNumerator', data.parentNumerator],
    ['parentDenominator', data.parentDenominator],
  ] as const;
  const n = data.parentNumerator.length;
  if (n === 0) throw new RangeError('Expected at least one case.');
  const totals = new Float64Array(4);
  columns.forEach(([name, column], c) => {
    if (column.length !== n) throw new RangeError(`Expected \`${name}\` to have ${n} entries, got ${column.length}.`);
    for (let i = 0; i < n; i++) {
      const value = column[i]!;
      if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) {
        throw new RangeError(`Expected \`${name}[${i}]\` to be a finite non-negative number, got ${String(value)}.`);
      }
      totals[c]! += value;
    }
  });
  assertBootstrapOptions(opts);
  const estimate = ratioOfSums(totals);
  if (Number.isNaN(estimate)) {
    throw new RangeError('The ratio is undefined: a denominator sum or the parent numerator sum is zero.');
  }

  const rows = new Float64Array(4 * n);
  columns.forEach(([, column], c) => {
    for (let i = 0; i < n; i++) rows[4 * i + c] = column[i]!;
  });
  const draws = Math.min(
    n,
    opts.maxDrawsPerResample ??
      ratioDrawsFor(
        columns.map(([, column]) => column),
        totals,
      ),
  );
  const exponent = Math.sqrt(draws / n);
  const values = new Float64Array(opts.resamples);
  let defined = 0;
  const sums = new Float64Array(4);
  for (let r = 0; r < opts.resamples; r++) {
    sumRowsOfDraws(opts.rng, rows, 4, draws, sums);
    const replicate = ratioOfSums(sums);
    if (Number.isNaN(replicate)) continue;
    values[defined++] = draws === n ? replicate : estimate * (replicate / estimate) ** exponent;
  }
  return summariseReplicates(
    {
      estimate,
      values: values.subarray(0, defined),
      undefinedCount: opts.resamples - defined,
      n,
      method: draws === n ? 'index' : 'subsample',
      drawsPerResample: draws,
    },
    opts,
  );
}

// (cN / cD) / (pN / pD) from sums in that column order; NaN when undefined.
function ratioOfSums(sums: Float64Array): number {
  const candidateNumerator = sums[0]!;
  const candidateDenominator = sums[1]!;
  const parentNumerator = sums[2]!;
  const parentDenominator = sums[3]!;
  if (candidateDenominator === 0 || parentDenominator === 0 || parentNumerator === 0) return Number.NaN;
  return (candidateNumerator * parentDenominator) / (candidateDenominator * parentNumerator);
}

/**
 * The default m of the rescaled m-out-of-n ratio bootstrap: `DEFAULT_RATIO_MAX_DRAWS`, or more when
 * a column is so uneven that m draws would not pin its sum down. The rescaling relies on each
 * subsample sum being close to its mean (so that the log of the ratio is nearly linear in the
 * sums); the relative variance of a sum of m draws is cv²/m (cv² = n·Σx²/(Σx)² − 1, the squared
 * coefficient of variation of the column), so m is raised until that is at most 1/200 for every
 * column, a 7 % relative spread. Successes at rate p have cv² = (1 − p)/p: 80 % successes need m
 * >= 50, 1 % successes m >= 19,800, which means drawing all n below that.
 */
export function ratioDrawsFor(columns: readonly Float64Array[], totals: Float64Array): number {
  let worst = 0;
  columns.forEach((column, c) => {
    const total = totals[c]!;
    if (total === 0) return;
    let squares = 0;
    for (let i = 0; i < column.length; i++) squares += column[i]! * column[i]!;
    worst = Math.max(worst, (column.length * squares) / (total * total) - 1);
  });
  return Math.max(DEFAULT_RATIO_MAX_DRAWS, Math.ceil(RELATIVE_VARIANCE_FACTOR * worst));
}
