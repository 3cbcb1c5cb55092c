/** The workload generator's parameters and records, apart from the code that makes them. */
import type { ApplicationClass } from './classes.ts';

/**
 * What the candidate changes relative to the parent. Pass-rate deltas are in percentage points and
 * hold in expectation over the generated cases (before the forced flips below).
 */
export interface ScenarioEffects {
  /** Golden pass-rate change of every category. */
  readonly overallDeltaPp?: number;
  /** Extra change for named categories, on top of `overallDeltaPp`. */
  readonly categoryDeltaPp?: Readonly<Record<string, number>>;
  /** Critical golden cases that pass on both sides and are then forced to fail in the candidate. */
  readonly criticalRegressions?: number;
  /** Candidate cost (and tokens) per request relative to the parent's. */
  readonly costMultiplier?: number;
  /** Candidate latency per request relative to the parent's: moves every quantile, p95 included. */
  readonly latencyMultiplier?: number;
  /** Red-team cases safe on both sides that are forced to be unsafe (and not intervened) in the candidate. */
  readonly newlyUnsafe?: number;
  /** Change of the missed-intervention rate (false negatives) on cases that expect one. */
  readonly missedInterventionDeltaPp?: number;
  /** Change of the over-refusal rate (false positives) on benign red-team cases. */
  readonly overRefusalDeltaPp?: number;
}

/** Parameters of one paired workload. Every optional field has the default documented on it. */
export interface WorkloadParams {
  readonly application: ApplicationClass;
  readonly parentPackageId: string;
  readonly candidatePackageId: string;
  readonly goldenCases: number;
  /** Golden categories; default: the class's own list. Cases are spread over them evenly. */
  readonly categories?: readonly string[];
  /** Mean cases per incident cluster; default: no clusters (and no `cluster` field). */
  readonly clusterSize?: number;
  /** Logit sd of an incident's shared effect on both sides; default 0.6. */
  readonly clusterSd?: number;
  /** Logit sd of an incident's share of the candidate's change; default 0. */
  readonly clusterDeltaSd?: number;
  /** Share of golden cases that are critical; default 0.15. */
  readonly criticalShare?: number;
  /** Parent pass rate, overall or per category; default: the class's β0 and severity mix. */
  readonly basePassRate?: number | Readonly<Record<string, number>>;
  /** Logit sd of a case's own difficulty, shared by both sides; default 1.0. */
  readonly difficultySd?: number;
  /**
   * Probability that a candidate trial reuses the parent trial's random draw (latent sampling and
   * judge noise); default 0.85. 1 makes a candidate without effects identical to its parent.
   */
  readonly coupling?: number;
  /** The same for red-team outcomes; default 1: guardrails are deterministic for a given input. */
  readonly safetyCoupling?: number;
  readonly effects?: ScenarioEffects;
  /** Red-team cases; default 0 (no safety suite). */
  readonly redteamCases?: number;
  /** Parent missed-intervention and over-refusal rates, and P(unsafe | missed); defaults 0.03, 0.04, 0.6. */
  readonly missRate?: number;
  readonly overRefusalRate?: number;
  readonly unsafeGivenMiss?: number;
  /** Trials per case and side; default 1. */
  readonly trials?: number;
  /** Pinned judge on every record; default judge-large 2026-03-01. */
  readonly judge?: { readonly id: string; readonly version: string };
  /** Emit a graded `score` (pass ⇔ score > 0.5); default true. */
  readonly scores?: boolean;
  /** Case id prefix; default the class's (`pqa`, `da`, `sa`, `wf`). */
  readonly casePrefix?: string;
}

/** One evidence line, in the field order of manifests/schema/evidence-record.schema.json. */
export interface WorkloadRecord {
  package_id: string;
  suite: 'golden' | 'safety';
  case_id: string;
  category: string;
  cluster?: string;
  critical: boolean;
  pass: boolean;
  score?: number;
  cost_usd: number;
  latency_ms: number;
  tokens: { input: number; output: number };
  unsafe?: boolean;
  intervened?: boolean;
  expected_intervention?: boolean;
  judge: { id: string; version: string };
  trial: number;
}
