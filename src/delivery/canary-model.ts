/** The canary analysis as values: what is compared, each metric's verdict per window, the split check. */
import type { TraceExpectations } from '../telemetry/aggregate.ts';
import type { MetricVerdict } from './canary-look.ts';
import type { JudgeComparisonResult } from './canary-judge.ts';
import type { MetricDefinition } from './canary-metrics.ts';

/** What the canary is and what it is compared with. */
export interface CanaryContext {
  readonly application: string;
  readonly candidate: string;
  readonly parent: string;
  readonly canaryCohort: string;
  readonly holdoutCohort: string;
  readonly sideEffectLevel: 0 | 1 | 2 | 3;
  readonly owners: readonly string[];
  readonly rollbackMetric: string;
  /** Traffic percent the canary serves now (default: from its cohort name). */
  readonly currentStep?: number;
  /** Planned shares of canary and holdout, for the split check (default: from the cohort names). */
  readonly shares?: readonly [number, number];
  readonly expect: TraceExpectations;
  /** Whether a passed shadow stage precedes this canary (levels 1 and 3 need one). */
  readonly shadowPassed: boolean;
  /** The instant of this look, epoch ms (the end of the data). */
  readonly lookMs: number;
  /** Share of events that were invalid, from the reader. */
  readonly invalidShare: number;
}

/** One metric in the analysis, with display values (pp, or a ratio of canary to holdout). */
export interface CanaryMetric {
  readonly name: string;
  readonly label: string;
  readonly family: MetricDefinition['family'];
  readonly role: 'rollback' | 'guard';
  readonly unit: 'pp' | 'ratio';
  readonly harmful: 'increase' | 'decrease';
  readonly alpha: number;
  /** Canary minus holdout (pp) or canary ÷ holdout (ratio), and the always-valid interval of it. */
  readonly estimate?: number;
  readonly interval?: { readonly lower: number; readonly upper: number; readonly level: number };
  /** The margin in display units: +2.0 pp, ×1.2. */
  readonly margin: number;
  readonly verdict: MetricVerdict;
  readonly clusters: { readonly canary: number; readonly holdout: number };
  readonly requests: { readonly canary: number; readonly holdout: number };
  /** For an undecided metric: roughly how many more requests per arm would decide it. */
  readonly more_requests?: number;
  readonly reason: string;
}

/** The split check. */
export interface SplitCheck {
  readonly canary_clusters: number;
  readonly holdout_clusters: number;
  readonly expected_shares?: readonly [number, number];
  readonly statistic?: number;
  readonly p_value?: number;
  readonly mismatch: boolean;
  readonly reason: string;
}

/** A window's cumulative state, for the report's timeline. */
export interface CanaryWindow {
  readonly window_start: number;
  readonly canary_requests: number;
  readonly holdout_requests: number;
  /** The rollback metric's running interval after this window (display units). */
  readonly rollback_metric?: { readonly estimate: number; readonly lower: number; readonly upper: number };
}

/** The canary's decision. */
export type CanaryOutcome = 'promote' | 'continue' | 'rollback';

/** Everything the canary stage found and decided. */
export interface CanaryAnalysis {
  readonly outcome: CanaryOutcome;
  readonly summary: string;
  readonly reasons: readonly string[];
  readonly step: { readonly current: number; readonly next?: number };
  readonly requires_approval: boolean;
  readonly approvers: readonly string[];
  readonly metrics: readonly CanaryMetric[];
  readonly split: SplitCheck;
  readonly completeness: { readonly canary: number; readonly holdout: number; readonly required: number };
  readonly judge_comparison?: JudgeComparisonResult;
  readonly windows: readonly CanaryWindow[];
  /** Canary events whose package is not the candidate (a routing error), and holdout events not of the parent. */
  readonly foreign_events: { readonly canary: number; readonly holdout: number };
  /** Hours more at the current traffic that the slowest undecided metric needs, when known. */
  readonly more_hours?: number;
}
