import type { BootstrapBounds } from '../stats/bootstrap-bca.ts';
import type { BudgetGroup, BudgetTest, TestDecision } from './budget.ts';
import { formatConfidence, formatCount, formatInterval, formatValue } from './format.ts';
import { formatAlpha } from './paired.ts';
import { reportInterval, round } from './result.ts';
import type { Measure, Verdict } from './result.ts';

/** A candidate / parent ratio with bounds at any level, and what it is judged against. */
export interface RatioSpec {
  readonly name: string;
  readonly label: string;
  readonly bounds: BootstrapBounds;
  /** The largest tolerated ratio, e.g. 1.2 for a 20 % rise. */
  readonly limit: number;
  /** `bca-bootstrap`, `percentile-bootstrap`, with a `cluster-` prefix when clusters were resampled. */
  readonly method: string;
  readonly n: number;
  /** Clusters resampled, when clustered. */
  readonly clusters?: number;
}

/** The fail test of a ratio for the error budget: the one-sided lower bound at the level above the limit. */
export function ratioTest(spec: RatioSpec, id: string, group: BudgetGroup): BudgetTest {
  return { id, group, rejectsAt: (level) => spec.bounds.lower(level) > spec.limit };
}

/** A ratio gate's verdict, headline measure and the words for its reason. */
export interface RatioJudgement {
  readonly verdict: Verdict;
  readonly headline: Measure;
  /** `+4.0 % (96% CI ×0.98 to ×1.10)`-style effect, to be prefixed by what changed. */
  readonly interval: string;
  /** Why, after the effect: `: a rise beyond the 20 % limit, significant at …` or `; the one-sided 98 % upper bound …`. */
  readonly why: string;
}

/**
 * The three-way verdict shared by the cost and latency gates: fail when the rise beyond the limit
 * is significant at the test's level in the error budget (and nothing justifies it), pass when the
 * one-sided (1 − passAlpha) upper bound is within the limit with enough units (or a justification
 * holds), inconclusive otherwise.
 */
export function judgeRatio(
  spec: RatioSpec,
  decision: TestDecision,
  passAlpha: number,
  options: {
    readonly enough: boolean;
    readonly minimum: number;
    readonly limitText: string;
    readonly justified?: string;
    readonly unjustified?: string;
  },
): RatioJudgement {
  const { bounds, limit } = spec;
  const upper = bounds.upper(passAlpha);
  const lower = bounds.lower(passAlpha);
  const rise = decision.rejected;
  const fails = rise && options.justified === undefined;
  const passes = (options.enough && upper <= limit) || options.justified !== undefined;
  const verdict: Verdict = fails ? 'fail' : passes ? 'pass' : 'inconclusive';
  const shown = reportInterval({ lower, upper, level: round(1 - 2 * passAlpha, 10) });
  const atAlpha = decision.alpha > 0 ? bounds.lower(decision.alpha) : Number.NaN;
  const headline: Measure = {
    name: spec.name,
    label: spec.label,
    unit: 'ratio',
    estimate: round(bounds.estimate),
    ...(shown ? { interval: shown } : {}),
    threshold: round(limit),
    ...(decision.alpha > 0 ? { alpha: round(decision.alpha, 10) } : {}),
    ...(Number.isFinite(atAlpha) ? { bound_at_alpha: round(atAlpha) } : {}),
    method: spec.method,
    n: spec.n,
    ...(spec.clusters !== undefined ? { clusters: spec.clusters } : {}),
    verdict,
  };
  const interval = shown ? formatInterval(shown, 'ratio') : 'interval unbounded: some resamples had no defined ratio';
  const bound = `one-sided ${formatConfidence(1 - decision.alpha)} lower bound ${formatValue(atAlpha, 'ratio')}`;
  const significance = `significant at this test's α = ${formatAlpha(decision.alpha)} of the error budget (${bound})`;
  const upperText = Number.isFinite(upper)
    ? `the one-sided ${formatConfidence(1 - passAlpha)} upper bound, ${formatValue(upper, 'ratio')},`
    : `the one-sided ${formatConfidence(1 - passAlpha)} upper bound is unbounded and`;
  const few = `only ${formatCount(spec.clusters ?? spec.n)} ${spec.clusters !== undefined ? 'clusters' : 'paired cases'}`;
  const notSignificant = rise ? '' : ', and a rise beyond it is not significant';
  let why: string;
  if (fails) why = `: a rise beyond the ${options.limitText}, ${significance}${options.unjustified ?? ''}`;
  else if (options.justified !== undefined) why = `; ${options.justified}`;
  else if (passes) why = `; ${upperText} is within the ${options.limitText}`;
  else if (!options.enough) why = `: ${few} (minimum ${options.minimum})`;
  else why = `: ${upperText} is beyond the ${options.limitText}${notSignificant}`;
  return { verdict, headline, interval, why };
}
