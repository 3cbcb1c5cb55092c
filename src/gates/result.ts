import type { Interval } from '../stats/interval.ts';

/** A gate's verdict. `inconclusive`: the interval is too wide to tell; `not_applicable`: no data for it. */
export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'not_applicable';

/** The five release gates of KAIZEN's Table 4 (the canary gate belongs to a later stage). */
export type GateName = 'manifest' | 'quality' | 'safety' | 'cost' | 'latency';

/** Unit of an estimate: percentage points, a ratio (candidate / parent), milliseconds, USD, a count, a percentage (one side's rate). */
export type Unit = 'pp' | 'ratio' | 'ms' | 'usd' | 'count' | 'percent';

/** One measured quantity inside a gate: an overall delta, one category, the critical-case test. */
export interface Measure {
  readonly name: string;
  readonly label: string;
  readonly unit: Unit;
  readonly estimate: number;
  readonly interval?: Interval;
  /** The blocking threshold in the same unit (e.g. -2.0 pp, 1.2 ratio). */
  readonly threshold?: number;
  /** Which side of the threshold is a regression, when the threshold alone does not say (a zero tolerance). */
  readonly worse?: 'lower' | 'higher';
  /** One-sided p-value of the fail test: a regression beyond the threshold. */
  readonly p_value?: number;
  /** Holm-adjusted p-value (reports before the decision-wide error budget); no longer written. */
  readonly adjusted_p?: number;
  /** The fail test's share of the decision's error budget: the weighted-Holm level it was decided at. */
  readonly alpha?: number;
  /**
   * One-sided (1 − alpha) bound on the side of a regression: the measure fails when it lies beyond
   * the threshold (for `exact-mcnemar` the exact p-value decides and this is the score bound).
   */
  readonly bound_at_alpha?: number;
  /** How the interval and the tests were computed (docs/statistics.md). */
  readonly method?: string;
  /** Paired cases behind the estimate. */
  readonly n: number;
  /** Independent clusters behind the estimate, when the evidence is clustered. */
  readonly clusters?: number;
  readonly verdict: Verdict;
  readonly reason?: string;
}

/** The result of one gate: a verdict, its headline estimate and interval, the threshold, one sentence why. */
export interface GateResult {
  readonly gate: GateName;
  readonly verdict: Verdict;
  readonly reason: string;
  readonly headline?: Measure;
  readonly measures: readonly Measure[];
  /** For inconclusive results: paired cases at which a re-run decides with 80 % probability. */
  readonly cases_needed?: number;
  /** Whether a failure blocks (reject) or holds the release. */
  readonly on_failure: 'reject' | 'hold';
}

/** Rounds a number for the report so that tiny float noise never shows up as a diff. */
export function round(value: number, digits = 6): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/**
 * An interval fit for the report, or undefined when a bound is infinite (a ratio whose resamples
 * sometimes had a zero denominator): JSON cannot hold Infinity, and an unbounded interval is
 * reported in words instead.
 */
export function reportInterval(interval: Interval, digits = 6): Interval | undefined {
  return Number.isFinite(interval.lower) && Number.isFinite(interval.upper)
    ? roundInterval(interval, digits)
    : undefined;
}

/** Rounds an interval's bounds. */
export function roundInterval(interval: Interval, digits = 6): Interval {
  return { lower: round(interval.lower, digits), upper: round(interval.upper, digits), level: interval.level };
}
