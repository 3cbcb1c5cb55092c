import {
  cautiousInference,
  exactMcNemarInference,
  scoreInference,
  studentizedInference,
} from '../stats/delta-inference.ts';
import type { DeltaInference } from '../stats/delta-inference.ts';
import { normalQuantile } from '../stats/normal.ts';
import type { PairedCounts } from '../stats/paired-score.ts';
import { unitsToDecide } from '../stats/power.ts';
import { studentizeDelta } from '../stats/studentized-delta.ts';
import type { BudgetGroup, BudgetTest, TestDecision } from './budget.ts';
import { formatConfidence } from './format.ts';
import { round } from './result.ts';
import type { Measure, Verdict } from './result.ts';

/** Cases mapped to clusters 0..count−1 (a case without a label is its own cluster). */
export interface ClusterIndex {
  readonly index: Int32Array;
  readonly count: number;
}

/** Numbers the cluster labels of `n` cases; undefined when no case has a label (no clustering). */
export function indexClusters(
  labels: readonly (string | undefined)[] | undefined,
  n: number,
): ClusterIndex | undefined {
  if (!labels || labels.every((label) => label === undefined)) return undefined;
  const ids = new Map<string, number>();
  const index = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    // A case without a label is a cluster of its own.
    if (label === undefined) {
      index[i] = count++;
      continue;
    }
    let id = ids.get(label);
    if (id === undefined) {
      id = count++;
      ids.set(label, id);
    }
    index[i] = id;
  }
  return { index, count };
}

/**
 * The clusters of a subset of cases (given by their positions in `clusters`), numbered 0..k−1 in
 * order of first appearance: the same numbering `indexClusters` gives the subset's labels, without
 * hashing them again. `scratch` (length clusters.count, all −1) is left as it was found.
 */
export function subsetClusters(
  clusters: ClusterIndex,
  positions: ArrayLike<number>,
  scratch: Int32Array,
): ClusterIndex {
  const index = new Int32Array(positions.length);
  let count = 0;
  for (let t = 0; t < positions.length; t++) {
    const global = clusters.index[positions[t]!]!;
    if (scratch[global] === -1) scratch[global] = count++;
    index[t] = scratch[global]!;
  }
  for (let t = 0; t < positions.length; t++) scratch[clusters.index[positions[t]!]!] = -1;
  return { index, count };
}

/**
 * A per-test seed: the policy seed mixed with the test's name (FNV-1a), so that each test's stream
 * is independent of which other tests exist and in what order.
 */
export function deriveSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The per-case deltas (candidate − parent) of one paired measure and how its cases group. */
export interface PairedSample {
  readonly deltas: Float64Array;
  /** Cluster of each case; absent when nothing is clustered. */
  readonly clusters?: ClusterIndex;
  /** Category of each case, to post-stratify an overall estimate (docs/statistics.md). */
  readonly strata?: Int32Array;
}

/**
 * Inference on a paired delta by the method its data call for (docs/statistics.md): Tango's
 * score method on unclustered −1/0/+1 deltas (the exact one-sided McNemar test for a zero
 * threshold when `exactAtZero`), the cluster-robust t on clusters (or on cases) otherwise, and for
 * clustered −1/0/+1 deltas the more cautious of the two.
 */
export function inferDelta(sample: PairedSample, exactAtZero = false): DeltaInference {
  const { deltas, clusters } = sample;
  let binary = true;
  let plus = 0;
  let minus = 0;
  for (let i = 0; i < deltas.length; i++) {
    const d = deltas[i]!;
    if (d === 1) plus++;
    else if (d === -1) minus++;
    else if (d !== 0) binary = false;
  }
  const counts: PairedCounts = { n: deltas.length, fixes: plus, regressions: minus };
  if (binary && !clusters) return inferCounts(counts, exactAtZero);
  const units = unitsOf(sample);
  const studentized = units === undefined ? noInformation(deltas.length) : studentizedInference(studentizeDelta(units));
  return binary ? cautiousInference(inferCounts(counts, exactAtZero), studentized) : studentized;
}

/** `inferDelta` for unclustered −1/0/+1 deltas given only their counts, which are sufficient. */
export function inferCounts(counts: PairedCounts, exactAtZero = false): DeltaInference {
  if (counts.n === 0) return noInformation(0);
  return exactAtZero ? exactMcNemarInference(counts) : scoreInference(counts);
}

// Unit totals and sizes (clusters, or cases), with the stratum of each unit when every unit lies in
// one stratum; undefined when there are fewer than two units.
function unitsOf(sample: PairedSample): { totals: Float64Array; sizes: Float64Array; strata?: Int32Array } | undefined {
  const { deltas, clusters, strata } = sample;
  const n = deltas.length;
  if (!clusters) {
    if (n < 2) return undefined;
    return { totals: deltas, sizes: new Float64Array(n).fill(1), ...(strata ? { strata } : {}) };
  }
  // Compact the cluster ids present in this sample (a category holds only some of them).
  const local = new Int32Array(clusters.count).fill(-1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = clusters.index[i]!;
    if (local[c] === -1) local[c] = k++;
  }
  if (k < 2) return undefined;
  const totals = new Float64Array(k);
  const sizes = new Float64Array(k);
  const unitStrata = strata ? new Int32Array(k).fill(-1) : undefined;
  let nested = strata !== undefined;
  for (let i = 0; i < n; i++) {
    const j = local[clusters.index[i]!]!;
    totals[j]! += deltas[i]!;
    sizes[j]! += 1;
    if (unitStrata && strata) {
      if (unitStrata[j] === -1) unitStrata[j] = strata[i]!;
      else if (unitStrata[j] !== strata[i]) nested = false;
    }
  }
  return { totals, sizes, ...(nested && unitStrata ? { strata: unitStrata } : {}) };
}

// Too few units to say anything: every p-value 1, every bound the whole range of a delta.
function noInformation(cases: number): DeltaInference {
  return {
    method: 'cluster-t',
    estimate: 0,
    standardError: Number.NaN,
    units: Math.min(cases, 1),
    cases,
    pBelow: () => 1,
    pAbove: () => 1,
    lower: () => -1,
    upper: () => 1,
  };
}

/** One tested quantity of a gate: its inference, its threshold in pp and which side is worse. */
export interface DeltaSpec {
  readonly name: string;
  readonly label: string;
  readonly inference: DeltaInference;
  /** In pp: −margin where lower is worse (pass rates), +margin where higher is worse (missed interventions). */
  readonly threshold: number;
  readonly worse: 'lower' | 'higher';
  readonly clustered: boolean;
}

/** The fail test of a spec for the error budget: a regression beyond the threshold. */
export function failTest(spec: DeltaSpec, id: string, group: BudgetGroup): BudgetTest {
  let p: number | undefined;
  return { id, group, rejectsAt: (level) => (p ??= failP(spec)) <= level };
}

/** One-sided p-value of the fail test. */
export function failP(spec: DeltaSpec): number {
  const x = spec.threshold / 100;
  return spec.worse === 'lower' ? spec.inference.pBelow(x) : spec.inference.pAbove(x);
}

/** The pass test: the one-sided (1 − passAlpha) bound on the worse side lies within the threshold. */
export function passShown(spec: DeltaSpec, passAlpha: number): boolean {
  return spec.worse === 'lower'
    ? spec.inference.lower(passAlpha) * 100 >= spec.threshold
    : spec.inference.upper(passAlpha) * 100 <= spec.threshold;
}

/** Whether the point estimate lies beyond the threshold. */
export function estimateBeyond(spec: DeltaSpec): boolean {
  const estimate = spec.inference.estimate * 100;
  return spec.worse === 'lower' ? estimate < spec.threshold : estimate > spec.threshold;
}

/** The bound on the worse side at `alpha`, in pp: what a pass test (passAlpha) or a fail test compares. */
export function worseBound(spec: DeltaSpec, alpha: number): number {
  return (spec.worse === 'lower' ? spec.inference.lower(alpha) : spec.inference.upper(alpha)) * 100;
}

/** The bound a fail test compares at its level, in pp (upper for drops, lower for rises). */
export function failBound(spec: DeltaSpec, alpha: number): number {
  return (spec.worse === 'lower' ? spec.inference.upper(alpha) : spec.inference.lower(alpha)) * 100;
}

/**
 * A percentage-point measure: the estimate, the interval of this look's pass test (each bound
 * one-sided at 1 − passAlpha), the fail test's p-value, level and bound when it was in the budget.
 */
export function deltaMeasure(
  spec: DeltaSpec,
  passAlpha: number,
  decision: TestDecision | undefined,
  verdict: Verdict,
  n: number,
): Measure {
  const { inference } = spec;
  const hasAlpha = decision !== undefined && decision.alpha > 0;
  return {
    name: spec.name,
    label: spec.label,
    unit: 'pp',
    estimate: round(inference.estimate * 100),
    interval: {
      lower: round(inference.lower(passAlpha) * 100),
      upper: round(inference.upper(passAlpha) * 100),
      level: round(1 - 2 * passAlpha, 10),
    },
    threshold: spec.threshold === 0 ? 0 : spec.threshold,
    worse: spec.worse,
    ...(decision !== undefined ? { p_value: round(failP(spec), 10) } : {}),
    ...(hasAlpha ? { alpha: round(decision.alpha, 10), bound_at_alpha: round(failBound(spec, decision.alpha)) } : {}),
    method: inference.method,
    n,
    ...(spec.clustered ? { clusters: inference.units } : {}),
    verdict,
  };
}

/** Why a spec is where it is, in words, e.g. "the one-sided 98 % lower bound, −1.2 pp, is within the 2.0 pp margin". */
export function boundSentence(spec: DeltaSpec, alpha: number, margin: string): string {
  const bound = worseBound(spec, alpha);
  const side = spec.worse === 'lower' ? 'lower' : 'upper';
  const within = spec.worse === 'lower' ? bound >= spec.threshold : bound <= spec.threshold;
  const where = within ? 'within' : 'beyond';
  return `the one-sided ${formatConfidence(1 - alpha)} ${side} bound, ${signedPp(bound)}, is ${where} the ${margin}`;
}

/**
 * A fail test's outcome in words: "significant at this test's α = 0.0044 of the error budget
 * (one-sided 99.56 % upper bound −2.3 pp)".
 */
export function failSentence(spec: DeltaSpec, decision: TestDecision): string {
  const side = spec.worse === 'lower' ? 'upper' : 'lower';
  const value = failBound(spec, decision.alpha);
  const significant = `significant at this test's α = ${formatAlpha(decision.alpha)} of the error budget`;
  // The exact McNemar test decides critical cases, the score bound is shown: at the edge they can
  // disagree, and a bound on the wrong side of the threshold would contradict the sentence.
  const beyond = spec.worse === 'lower' ? value < spec.threshold : value > spec.threshold;
  if (!beyond) return significant;
  return `${significant} (one-sided ${formatConfidence(1 - decision.alpha)} ${side} bound ${signedPp(value)})`;
}

/**
 * Units (clusters, or cases) at which a re-run at the next look decides a spec with 80 %
 * probability (see `unitsToDecide`): passing needs the bound at `nextPassAlpha` within the threshold
 * (or, with `estimateOnly`, the estimate back within it), failing the fail test at `nextAlpha`.
 */
export function unitsToDecideSpec(
  spec: DeltaSpec,
  nextPassAlpha: number,
  nextAlpha: number,
  estimateOnly = false,
): number {
  const { inference } = spec;
  const units = Math.max(1, inference.units);
  const estimate = inference.estimate * 100;
  const distance = spec.worse === 'lower' ? estimate - spec.threshold : spec.threshold - estimate;
  // A zero spread (no pair disagrees) plans as if one unit in `units` had moved a full point.
  const meanSize = inference.cases / units;
  const sd = Math.max(
    Number.isFinite(inference.standardError) ? inference.standardError * 100 * Math.sqrt(units) : 0,
    (100 * meanSize) / Math.sqrt(units),
  );
  return unitsToDecide({
    distance,
    sd,
    units,
    passZ: estimateOnly ? 0 : normalQuantile(1 - nextPassAlpha),
    failZ: nextAlpha > 0 ? normalQuantile(1 - nextAlpha) : Number.POSITIVE_INFINITY,
  });
}

/** `+1.2 pp` / `−3.4 pp` with two decimals below 1 pp, for bounds. */
export function signedPp(value: number): string {
  const digits = Math.abs(value) < 1 ? 2 : 1;
  const shown = Number(value.toFixed(digits));
  const sign = shown > 0 ? '+' : shown < 0 ? '−' : '±';
  return `${sign}${Math.abs(shown).toFixed(digits)} pp`;
}

/** A level of the error budget: `0.0044`, `< 0.0001`. */
export function formatAlpha(alpha: number): string {
  return alpha < 0.0001 ? alpha.toExponential(1) : alpha.toPrecision(2).replace(/0+$/, '').replace(/\.$/, '');
}
