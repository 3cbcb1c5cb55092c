/**
 * The shadow-eval canary's paired judge comparison (LLMOps pattern P10): on canary requests the
 * judge compared the candidate's answer with the parent's and recorded win, loss or tie. Alert (roll
 * back) when the candidate significantly loses more than 15 % of comparisons; promote when wins
 * minus losses significantly exceed 10 %. Shares are clustered by user and always valid.
 */
import { mixtureInterval } from '../stats/always-valid.ts';
import { binomialVarianceFloor, clusterRatio, ClusterSumsBuilder } from '../stats/always-valid-cluster.ts';
import { columnIndex } from '../telemetry/columns.ts';
import type { JudgeComparisonPolicy } from './canary-policy.ts';

/** What the comparisons show. */
export interface JudgeComparisonResult {
  readonly comparisons: number;
  readonly clusters: number;
  /** Loss share and its always-valid interval, in percent. */
  readonly loss_pct?: { readonly estimate: number; readonly lower: number; readonly upper: number };
  /** Wins minus losses, as a share of comparisons, in percent. */
  readonly net_win_pct?: { readonly estimate: number; readonly lower: number; readonly upper: number };
  readonly signal: 'alert' | 'promote' | 'none';
  readonly reason: string;
}

/**
 * Reads the comparison columns of each canary cluster's totals. Each of the two tests spends half of
 * `alpha`; the mixing scale is the threshold it tests against.
 */
export function analyseJudgeComparison(
  clusters: ReadonlyMap<string, Float64Array>,
  policy: JudgeComparisonPolicy,
  alpha: number,
  minClusters: number,
): JudgeComparisonResult {
  const [cIdx, wIdx, lIdx] = [columnIndex('comparisons'), columnIndex('wins'), columnIndex('losses')];
  const losses = new ClusterSumsBuilder();
  const net = new ClusterSumsBuilder();
  for (const totals of clusters.values()) {
    const n = totals[cIdx] ?? 0;
    losses.add(n, totals[lIdx] ?? 0);
    net.add(n, (totals[wIdx] ?? 0) - (totals[lIdx] ?? 0));
  }
  const lossSums = losses.build();
  const base = { comparisons: lossSums.n, clusters: lossSums.clusters };
  if (lossSums.clusters < minClusters) {
    return {
      ...base,
      signal: 'none',
      reason: `${lossSums.clusters} users had paired judge comparisons; at least ${minClusters} are needed.`,
    };
  }
  const loss = clusterRatio(lossSums);
  const lossInterval = mixtureInterval(loss.ratio, Math.max(loss.variance, binomialVarianceFloor(lossSums)), {
    alpha: alpha / 2,
    tau: policy.loss_alert,
  });
  const netEstimate = clusterRatio(net.build());
  const netInterval = mixtureInterval(netEstimate.ratio, Math.max(netEstimate.variance, 1 / Math.max(1, lossSums.n)), {
    alpha: alpha / 2,
    tau: policy.win_promote,
  });
  const pct = (e: number, i: { lower: number; upper: number }): { estimate: number; lower: number; upper: number } => ({
    estimate: r(e * 100),
    lower: r(i.lower * 100),
    upper: r(i.upper * 100),
  });
  const shown = { ...base, loss_pct: pct(loss.ratio, lossInterval), net_win_pct: pct(netEstimate.ratio, netInterval) };
  if (lossInterval.lower > policy.loss_alert) {
    return {
      ...shown,
      signal: 'alert',
      reason: `The candidate loses ${(loss.ratio * 100).toFixed(1)} % of paired judge comparisons, significantly more than ${policy.loss_alert * 100} %.`,
    };
  }
  if (netInterval.lower > policy.win_promote) {
    return {
      ...shown,
      signal: 'promote',
      reason: `The candidate wins ${(netEstimate.ratio * 100).toFixed(1)} % more comparisons than it loses, significantly more than ${policy.win_promote * 100} %.`,
    };
  }
  return {
    ...shown,
    signal: 'none',
    reason:
      'The paired judge comparison shows neither a significant loss share above the alert line nor a significant win margin.',
  };
}

function r(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
