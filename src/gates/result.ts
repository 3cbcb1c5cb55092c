import type { Interval } from '../stats/interval.ts';

/** A gate's verdict. `inconclusive`: the interval is too wide to tell; `not_applicable`: no data for it. */
export type Verdict = 'pass' | 'fail' | 'inconclusive' | 'not_applicable';

/** The five release gates of KAIZEN's Table 4 (the canary gate belongs to a later stage). */
export type GateName = 'manifest' | 'quality' | 'safety' | 'cost' | 'latency';

/** Unit of an estimate: percentage points, a ratio (candidate / parent), milliseconds, USD, a count. */
export type Unit = 'pp' | 'ratio' | 'ms' | 'usd' | 'count';

/** One measured quantity inside a gate: an overall delta, one category, the critical-case test. */
export interface Measure {
  readonly name: string;
  readonly label: string;
  readonly unit: Unit;
  readonly estimate: number;
  readonly interval?: Interval;
  /** The blocking threshold in the same unit (e.g. -2.0 pp, 1.2 ratio). */
  readonly threshold?: number;
  /** One-sided p-value for a regression, and its Holm-adjusted value within the gate's family. */
  readonly p_value?: number;
  readonly adjusted_p?: number;
  /** Paired cases (or clusters) behind the estimate. */
  readonly n: number;
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
  /** For inconclusive results: roughly how many paired cases would decide it. */
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
  return Number.isFinite(interval.lower) && Number.isFinite(interval.upper) ? roundInterval(interval, digits) : undefined;
}

/** Rounds an interval's bounds. */
export function roundInterval(interval: Interval, digits = 6): Interval {
  return { lower: round(interval.lower, digits), upper: round(interval.upper, digits), level: interval.level };
}
