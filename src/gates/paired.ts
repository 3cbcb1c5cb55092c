import { bootstrapBinaryDelta, bootstrapClusteredBinaryDelta, bootstrapMeanDelta } from '../stats/bootstrap.ts';
import type { BootstrapOptions, BootstrapResult, DeltaCounts } from '../stats/bootstrap.ts';
import type { Interval } from '../stats/interval.ts';
import { createRng } from '../stats/rng.ts';
import { round, roundInterval } from './result.ts';
import type { Measure, Verdict } from './result.ts';

/** Per-case outcomes of both packages (same order), with optional cluster labels. */
export interface PairedOutcomes {
  readonly parent: Float64Array;
  readonly candidate: Float64Array;
  /** Cluster label per case; cases without one are their own cluster. */
  readonly clusters?: readonly (string | undefined)[];
}

/** A paired test of the mean per-case delta (candidate − parent). */
export interface PairedDeltaTest {
  readonly estimate: number;
  readonly interval: Interval;
  /** One-sided bootstrap p-value for "the candidate is worse": H0 delta ≥ 0 (or ≤ 0 when higher is worse). */
  readonly pWorse: number;
  /** Bootstrap standard error (depends on the seed). */
  readonly standardError: number;
  /**
   * Seed-free standard error of the estimate: sd/√n, or the cluster-robust (linearised ratio)
   * error when clustered. For sample-size estimates, which must not move with the seed.
   */
  readonly analyticError: number;
  /** Standard deviation of the per-case delta, for sample-size estimates. */
  readonly sd: number;
  /** Cases paired. */
  readonly n: number;
  /** Clusters resampled (equals n when unclustered). */
  readonly units: number;
  readonly clustered: boolean;
}

/** Bootstrap settings for one test; the stream is derived from the seed and the test's name. */
export interface TestSettings {
  readonly resamples: number;
  readonly level: number;
  readonly seed: number;
  readonly name: string;
}

/** Cases mapped to clusters 0..count−1 (a case without a label is its own cluster). */
export interface ClusterIndex {
  readonly index: Int32Array;
  readonly count: number;
}

/**
 * Paired percentile bootstrap of the mean delta. Binary outcomes (one trial per case) resample the
 * counts of −1/0/+1 deltas, per cluster when clustered, so a resample costs nothing per case.
 * `worse` says which direction is a regression: `lower` for pass rates, `higher` for unsafe rates.
 */
export function testPairedDelta(outcomes: PairedOutcomes, settings: TestSettings, worse: 'lower' | 'higher'): PairedDeltaTest {
  const n = outcomes.parent.length;
  const deltas = new Float64Array(n);
  for (let i = 0; i < n; i++) deltas[i] = outcomes.candidate[i]! - outcomes.parent[i]!;
  return testDeltas(deltas, indexClusters(outcomes.clusters, n), settings, worse);
}

/**
 * `testPairedDelta` on per-case deltas (candidate − parent) already computed, for gates that
 * derive many tests from one pass over the cases. `deltas` is read, never modified, so it may be
 * a view into a larger array.
 */
export function testDeltas(deltas: Float64Array, clusterIndex: ClusterIndex | undefined, settings: TestSettings, worse: 'lower' | 'higher'): PairedDeltaTest {
  const n = deltas.length;
  let binary = true;
  let sum = 0;
  let minus = 0;
  let plus = 0;
  for (let i = 0; i < n; i++) {
    const d = deltas[i]!;
    sum += d;
    if (d === 1) plus++;
    else if (d === -1) minus++;
    else if (d !== 0) binary = false;
  }
  if (binary && !clusterIndex) return testCounts({ minus, zero: n - minus - plus, plus }, settings, worse);
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (deltas[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;

  const options = bootstrapOptions(settings, worse);
  let result: BootstrapResult;
  if (binary && clusterIndex) {
    const clusters: DeltaCounts[] = Array.from({ length: clusterIndex.count }, () => ({ minus: 0, zero: 0, plus: 0 }));
    for (let i = 0; i < n; i++) {
      const c = clusters[clusterIndex.index[i]!]! as { minus: number; zero: number; plus: number };
      if (deltas[i] === 1) c.plus += 1;
      else if (deltas[i] === -1) c.minus += 1;
      else c.zero += 1;
    }
    result = bootstrapClusteredBinaryDelta(clusters, options);
  } else {
    result = bootstrapMeanDelta(deltas, options, clusterIndex?.index);
  }
  return toTest(result, sd, n, clusterIndex ? clusterStandardError(deltas, clusterIndex) : n > 0 ? sd / Math.sqrt(n) : 0, clusterIndex);
}

/**
 * `testDeltas` for unclustered binary outcomes given only the counts of −1/0/+1 deltas, which are
 * sufficient: a gate that counts while it reads its cases needs no per-case array at all.
 */
export function testCounts(counts: DeltaCounts, settings: TestSettings, worse: 'lower' | 'higher'): PairedDeltaTest {
  const { minus, zero, plus } = counts;
  const n = minus + zero + plus;
  const mean = n > 0 ? (plus - minus) / n : 0;
  const ss = minus * (-1 - mean) ** 2 + zero * mean ** 2 + plus * (1 - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const result = bootstrapBinaryDelta(counts, bootstrapOptions(settings, worse));
  return toTest(result, sd, n, n > 0 ? sd / Math.sqrt(n) : 0, undefined);
}

function bootstrapOptions(settings: TestSettings, worse: 'lower' | 'higher'): BootstrapOptions {
  const rng = createRng(deriveSeed(settings.seed, settings.name));
  // The p-value is counted while the interval is selected: no sort of the replicates is needed.
  return { resamples: settings.resamples, level: settings.level, rng, pValueAt: { threshold: 0, alternative: worse === 'lower' ? 'less' : 'greater' } };
}

function toTest(result: BootstrapResult, sd: number, n: number, analyticError: number, clusterIndex: ClusterIndex | undefined): PairedDeltaTest {
  return {
    estimate: result.estimate,
    interval: result.interval,
    // Percentile-bootstrap p-value of "no worse than the parent" (delta on the good side of 0).
    pWorse: result.pValue!,
    standardError: result.standardError,
    analyticError,
    sd,
    n,
    units: clusterIndex?.count ?? n,
    clustered: clusterIndex !== undefined,
  };
}

// Linearised standard error of Σ deltas / Σ cases over resampled clusters: √(k/(k−1)·Σ r_j²) / Σ m_j
// with r_j = s_j − mean·m_j, the usual cluster-robust error of a ratio estimator.
function clusterStandardError(deltas: Float64Array, clusters: ClusterIndex): number {
  const sums = new Float64Array(clusters.count);
  const sizes = new Float64Array(clusters.count);
  let total = 0;
  for (let i = 0; i < deltas.length; i++) {
    sums[clusters.index[i]!]! += deltas[i]!;
    sizes[clusters.index[i]!]! += 1;
    total += deltas[i]!;
  }
  const k = clusters.count;
  if (k < 2) return 0;
  const mean = total / deltas.length;
  let squares = 0;
  for (let j = 0; j < k; j++) squares += (sums[j]! - mean * sizes[j]!) ** 2;
  return Math.sqrt((k / (k - 1)) * squares) / deltas.length;
}

/** Numbers the cluster labels of `n` cases; undefined when no case has a label (no clustering). */
export function indexClusters(labels: PairedOutcomes['clusters'], n: number): ClusterIndex | undefined {
  if (!labels || labels.every((label) => label === undefined)) return undefined;
  const ids = new Map<string, number>();
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = labels[i] === undefined ? `\0case:${i}` : `c:${labels[i]}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    index[i] = id;
  }
  return { index, count: ids.size };
}

/**
 * A per-test seed: the policy seed mixed with the test's name (FNV-1a), so that each category's
 * stream is independent of which other categories exist and in what order.
 */
export function deriveSeed(seed: number, name: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The test's interval in percentage points (deltas are proportions). */
export function intervalPp(test: PairedDeltaTest): Interval {
  return { lower: test.interval.lower * 100, upper: test.interval.upper * 100, level: test.interval.level };
}

/** A percentage-point measure from a paired test, with its p-value and Holm-adjusted p when tested. */
export function ppMeasure(name: string, label: string, test: PairedDeltaTest, threshold: number, p: number | undefined, adjusted: number | undefined, verdict: Verdict): Measure {
  return {
    name,
    label,
    unit: 'pp',
    estimate: round(test.estimate * 100),
    interval: roundInterval(intervalPp(test)),
    threshold,
    ...(p !== undefined ? { p_value: round(p, 8) } : {}),
    ...(adjusted !== undefined ? { adjusted_p: round(adjusted, 8) } : {}),
    n: test.n,
    verdict,
  };
}
