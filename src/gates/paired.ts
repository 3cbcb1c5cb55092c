import { bootstrapBinaryDelta, bootstrapClusteredBinaryDelta, bootstrapMeanDelta, bootstrapPValue } from '../stats/bootstrap.ts';
import type { BootstrapResult, DeltaCounts } from '../stats/bootstrap.ts';
import type { Interval } from '../stats/interval.ts';
import { createRng } from '../stats/rng.ts';

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
  readonly standardError: number;
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

/**
 * Paired percentile bootstrap of the mean delta. Binary outcomes (one trial per case) resample the
 * counts of −1/0/+1 deltas, per cluster when clustered, so a resample costs nothing per case.
 * `worse` says which direction is a regression: `lower` for pass rates, `higher` for unsafe rates.
 */
export function testPairedDelta(outcomes: PairedOutcomes, settings: TestSettings, worse: 'lower' | 'higher'): PairedDeltaTest {
  const n = outcomes.parent.length;
  const deltas = new Float64Array(n);
  let binary = true;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = outcomes.candidate[i]! - outcomes.parent[i]!;
    deltas[i] = d;
    sum += d;
    if (d !== 0 && d !== 1 && d !== -1) binary = false;
  }
  const mean = n > 0 ? sum / n : 0;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (deltas[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;

  const rng = createRng(deriveSeed(settings.seed, settings.name));
  const options = { resamples: settings.resamples, level: settings.level, rng, keepSamples: true } as const;
  const clusterIndex = indexClusters(outcomes.clusters, n);
  let result: BootstrapResult;
  if (binary && !clusterIndex) {
    result = bootstrapBinaryDelta(countDeltas(deltas), options);
  } else if (binary && clusterIndex) {
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
  return {
    estimate: result.estimate,
    interval: result.interval,
    // Percentile-bootstrap p-value of "no worse than the parent" (delta on the good side of 0).
    pWorse: bootstrapPValue(result, 0, worse === 'lower' ? 'less' : 'greater'),
    standardError: result.standardError,
    sd,
    n,
    units: clusterIndex?.count ?? n,
    clustered: clusterIndex !== undefined,
  };
}

function countDeltas(deltas: Float64Array): DeltaCounts {
  let minus = 0;
  let plus = 0;
  for (let i = 0; i < deltas.length; i++) {
    if (deltas[i] === 1) plus += 1;
    else if (deltas[i] === -1) minus += 1;
  }
  return { minus, zero: deltas.length - minus - plus, plus };
}

function indexClusters(labels: PairedOutcomes['clusters'], n: number): { index: Int32Array; count: number } | undefined {
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
