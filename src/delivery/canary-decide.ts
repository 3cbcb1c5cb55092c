/**
 * The canary's decision from its metric verdicts and checks. Any metric significantly worse than
 * the holdout, or a P10 loss alert, rolls back. Promotion needs the split as planned, complete
 * traces, a passed shadow stage where the level requires one (Table 3: levels 1 and 3), and every
 * metric with data shown within its margin (or a significant P10 win); levels 2–3 never promote on
 * their own. Anything else continues, saying what is missing and roughly how much more data decides.
 */
import { formatPp, formatRatioChange } from '../gates/format.ts';
import type { CanaryAnalysis, CanaryContext, CanaryMetric, CanaryWindow, SplitCheck } from './canary-model.ts';
import type { JudgeComparisonResult } from './canary-judge.ts';
import type { CanaryPolicy } from './canary-policy.ts';

/** What {@link decideCanary} weighs. */
export interface CanaryEvidence {
  readonly context: CanaryContext;
  readonly policy: CanaryPolicy;
  readonly metrics: readonly (CanaryMetric & { readonly factor?: number })[];
  readonly rollbackKnown: boolean;
  readonly split: SplitCheck;
  readonly completeness: CanaryAnalysis['completeness'];
  readonly judge?: JudgeComparisonResult;
  readonly windows: readonly CanaryWindow[];
  readonly foreign: CanaryAnalysis['foreign_events'];
  readonly step: CanaryAnalysis['step'];
  readonly requestsPerHour: number;
}

/** `+4.1 pp [+1.2, +7.0]` or `+23.0 % [+5.1, +43.2]`. */
export function describeChange(metric: Pick<CanaryMetric, 'unit' | 'estimate' | 'interval'>): string {
  if (metric.estimate === undefined || metric.interval === undefined) return 'no estimate';
  const f = metric.unit === 'pp' ? (x: number): string => formatPp(x) : formatRatioChange;
  const bare = (x: number): string => f(x).replace(/ (pp|%)$/, '');
  return `${f(metric.estimate)} [${bare(metric.interval.lower)}, ${bare(metric.interval.upper)}]`;
}

function marginText(metric: CanaryMetric): string {
  return metric.unit === 'pp' ? `${metric.margin.toFixed(1)} pp` : `${((metric.margin - 1) * 100).toFixed(0)} %`;
}

function reasonOf(metric: CanaryMetric): string {
  const level = `${((1 - metric.alpha) * 100).toFixed(metric.alpha < 0.01 ? 2 : 1)} % always-valid interval`;
  const change = describeChange(metric);
  switch (metric.verdict) {
    case 'harm':
      return `The canary's ${metric.label} is worse than the holdout's: ${change} (${level}).`;
    case 'non_inferior':
      return `Within the ${marginText(metric)} margin: ${change} (${level}).`;
    case 'undecided':
      return `Not decided yet: ${change} (${level}); the interval still reaches the ${marginText(metric)} margin${metric.more_requests !== undefined ? `, about ${metric.more_requests.toLocaleString('en-US')} more requests per arm would decide it` : ''}.`;
    case 'not_applicable':
      return metric.clusters.canary + metric.clusters.holdout === 0
        ? 'No telemetry carries this metric.'
        : `Too few users so far (${metric.clusters.canary} canary, ${metric.clusters.holdout} holdout) to judge it.`;
  }
}

/** Decides promote, continue or roll back, with the reasons a reviewer reads. */
export function decideCanary(evidence: CanaryEvidence): CanaryAnalysis {
  const { context, policy, split, completeness, judge, step } = evidence;
  const metrics = evidence.metrics.map(({ factor: _factor, ...m }) => ({ ...m, reason: reasonOf(m) }));
  const factors = evidence.metrics.map((m) => m.factor).filter((f): f is number => f !== undefined);
  const level = context.sideEffectLevel;
  const requiresApproval = level >= 2;
  const common = {
    step,
    requires_approval: false,
    approvers: [] as readonly string[],
    metrics,
    split,
    completeness,
    ...(judge ? { judge_comparison: judge } : {}),
    windows: evidence.windows,
    foreign_events: evidence.foreign,
  };

  const harmed = metrics.filter((m) => m.verdict === 'harm');
  if (harmed.length > 0 || judge?.signal === 'alert') {
    const reasons = [
      ...harmed.map(
        (m) =>
          `${m.label}: ${describeChange(m)} against the holdout (${m.role === 'rollback' ? 'the rollback metric' : 'a guard metric'}).`,
      ),
      ...(judge?.signal === 'alert' ? [judge.reason] : []),
    ];
    const headline = harmed[0]
      ? `the ${harmed[0].label} rose ${describeChange(harmed[0])}`
      : 'the candidate loses too many paired judge comparisons';
    return { ...common, outcome: 'rollback', summary: `Roll back: ${headline} compared with the holdout.`, reasons };
  }

  const blockers: string[] = [];
  if (evidence.foreign.canary > 0)
    blockers.push(
      `${evidence.foreign.canary} canary events were served by another package than ${context.candidate}: routing is wrong.`,
    );
  if (context.invalidShare > policy.max_invalid_share)
    blockers.push(
      `${(context.invalidShare * 100).toFixed(2)} % of events were invalid (limit ${(policy.max_invalid_share * 100).toFixed(2)} %).`,
    );
  if (split.mismatch) blockers.push(split.reason);
  const low = (['canary', 'holdout'] as const).filter((c) => !(completeness[c] >= completeness.required));
  if (low.length > 0) {
    blockers.push(
      `Trace completeness ${low.map((c) => `${c} ${Number.isNaN(completeness[c]) ? 'unknown' : `${(completeness[c] * 100).toFixed(1)} %`}`).join(', ')} is below ${(completeness.required * 100).toFixed(0)} %: incomplete traces cannot support a confident promotion.`,
    );
  }
  if ((level === 1 || level === 3) && !context.shadowPassed)
    blockers.push(
      `Side-effect level ${level} needs a passed shadow stage before a canary is promoted (Table 3); none was given.`,
    );
  if (!evidence.rollbackKnown)
    blockers.push(
      `The rollback metric "${context.rollbackMetric}" is not one the telemetry can measure; name one of the metrics in docs/stages.md.`,
    );
  const rollbackMetric = metrics.find((m) => m.role === 'rollback');
  if (rollbackMetric && rollbackMetric.verdict === 'not_applicable')
    blockers.push(`The rollback metric ${rollbackMetric.name} has no data yet.`);
  const undecided = metrics.filter((m) => m.verdict === 'undecided');
  const judgeWins = judge?.signal === 'promote';
  if (undecided.length > 0 && !judgeWins)
    blockers.push(`Not yet shown within the margin: ${undecided.map((m) => m.name).join(', ')}.`);

  if (blockers.length === 0) {
    const target = step.next === undefined ? 'full rollout' : `${step.next} %`;
    const why =
      judgeWins && undecided.length > 0
        ? 'the candidate wins the paired judge comparison significantly and no metric is worse'
        : 'every metric with data is within its margin';
    if (requiresApproval) {
      return {
        ...common,
        requires_approval: true,
        approvers: context.owners,
        outcome: 'promote',
        summary: `Promote to ${target} after approval: ${why}, and side-effect level ${level} never promotes on its own; one of ${context.owners.join(', ')} must approve.`,
        reasons: [`side-effect level ${level} requires approval by one of ${context.owners.join(', ')}`],
      };
    }
    return { ...common, outcome: 'promote', summary: `Promote to ${target}: ${why}.`, reasons: [] };
  }
  const slowest = factors.length > 0 ? Math.max(...factors) : undefined;
  const hours =
    slowest !== undefined && evidence.requestsPerHour > 0
      ? Math.ceil(
          ((slowest - 1) * Math.max(...metrics.map((m) => Math.max(m.requests.canary, m.requests.holdout)))) /
            evidence.requestsPerHour,
        )
      : undefined;
  const more =
    hours !== undefined && undecided.length > 0 && blockers.length === 1
      ? ` About ${hours} more hour${hours === 1 ? '' : 's'} at the current traffic should decide it.`
      : '';
  return {
    ...common,
    outcome: 'continue',
    summary: `Continue at ${step.current} %: ${blockers[0]}${more}`,
    reasons: blockers,
    ...(hours !== undefined ? { more_hours: hours } : {}),
  };
}
