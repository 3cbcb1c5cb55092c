/**
 * Ratio estimators with the cluster (a user, a tenant) as the unit of inference, from sufficient
 * statistics: per arm the number of clusters and the sums Σn, Σy, Σn², Σy², Σny over clusters,
 * where n is a cluster's denominator (requests, successes) and y its numerator (failures, cost,
 * log latency). Requests of one user are correlated; treating them as independent would make every
 * interval too narrow. The sums are what the telemetry aggregation produces, so a look costs O(1).
 */

/** Sufficient statistics of one ratio metric in one arm, summed over clusters. */
export interface ClusterSums {
  readonly clusters: number;
  readonly n: number;
  readonly y: number;
  readonly nn: number;
  readonly yy: number;
  readonly ny: number;
}

/** Sums with no cluster in them. */
export const EMPTY_SUMS: ClusterSums = { clusters: 0, n: 0, y: 0, nn: 0, yy: 0, ny: 0 };

/** A mutable accumulator of {@link ClusterSums}; add one cluster's (n, y) at a time. */
export class ClusterSumsBuilder {
  clusters = 0;
  n = 0;
  y = 0;
  nn = 0;
  yy = 0;
  ny = 0;

  /** Adds a cluster whose denominator is `n` and numerator `y`; clusters with n = 0 carry nothing. */
  add(n: number, y: number): void {
    if (n === 0) return;
    this.clusters += 1;
    this.n += n;
    this.y += y;
    this.nn += n * n;
    this.yy += y * y;
    this.ny += n * y;
  }

  /**
   * Replaces a cluster's contribution (n₀, y₀) by (n₁, y₁) as its requests accumulate over windows;
   * n₀ = 0 adds a new cluster. Each look then costs O(changed clusters), not O(all clusters).
   */
  replace(n0: number, y0: number, n1: number, y1: number): void {
    if (n0 !== 0) {
      this.clusters -= 1;
      this.n -= n0;
      this.y -= y0;
      this.nn -= n0 * n0;
      this.yy -= y0 * y0;
      this.ny -= n0 * y0;
    }
    this.add(n1, y1);
  }

  /** The sums as a plain value. */
  build(): ClusterSums {
    return { clusters: this.clusters, n: this.n, y: this.y, nn: this.nn, yy: this.yy, ny: this.ny };
  }
}

/** A ratio Σy/Σn and the cluster-robust variance of it. */
export interface RatioEstimate {
  readonly ratio: number;
  readonly variance: number;
  readonly clusters: number;
  readonly n: number;
}

/**
 * The ratio Σy/Σn and its linearised (delta-method) variance with clusters as units:
 * G/(G−1) · Σ(yᵢ − r nᵢ)² / (Σn)², expanded into the sums so no cluster is visited again.
 * Undefined ratio (Σn = 0) is NaN; fewer than two clusters give an infinite variance.
 *
 * @example
 * clusterRatio({ clusters: 2, n: 4, y: 1, nn: 8, yy: 1, ny: 2 }); // { ratio: 0.25, variance: 0.0625, … }
 */
export function clusterRatio(sums: ClusterSums): RatioEstimate {
  const { clusters, n } = sums;
  if (n <= 0) return { ratio: Number.NaN, variance: Number.POSITIVE_INFINITY, clusters, n };
  const ratio = sums.y / n;
  if (clusters < 2) return { ratio, variance: Number.POSITIVE_INFINITY, clusters, n };
  // Cancellation can leave a tiny negative residual sum when every cluster sits on the ratio.
  const residual = Math.max(0, sums.yy - 2 * ratio * sums.ny + ratio * ratio * sums.nn);
  const variance = ((clusters / (clusters - 1)) * residual) / (n * n);
  return { ratio, variance, clusters, n };
}

/** How two arms are compared: a difference of ratios, or the log of their quotient. */
export type Contrast = 'difference' | 'log_ratio';

/** A contrast of candidate against reference, with its variance (the arms are independent). */
export interface ContrastEstimate {
  readonly estimate: number;
  readonly variance: number;
}

/**
 * Candidate minus reference (`difference`), or log(candidate / reference) (`log_ratio`, variance by
 * the delta method). NaN when a ratio is undefined or, for log_ratio, not positive.
 *
 * @example
 * const canary = { ratio: 0.14, variance: 4e-5, clusters: 900, n: 2400 };
 * const holdout = { ratio: 0.1, variance: 3e-5, clusters: 900, n: 2400 };
 * contrastOf(canary, holdout, 'difference');
 * // { estimate: 0.04, variance: 7e-5 }
 */
export function contrastOf(candidate: RatioEstimate, reference: RatioEstimate, contrast: Contrast): ContrastEstimate {
  if (contrast === 'difference') {
    return { estimate: candidate.ratio - reference.ratio, variance: candidate.variance + reference.variance };
  }
  if (!(candidate.ratio > 0 && reference.ratio > 0))
    return { estimate: Number.NaN, variance: Number.POSITIVE_INFINITY };
  return {
    estimate: Math.log(candidate.ratio / reference.ratio),
    variance:
      candidate.variance / (candidate.ratio * candidate.ratio) +
      reference.variance / (reference.ratio * reference.ratio),
  };
}

/**
 * A floor under the variance of a proportion: p̃(1 − p̃)/Σn with p̃ = (Σy + ½)/(Σn + 1), the
 * variance had every request been independent (clustering only adds to it, for positively
 * correlated users). Early looks with no failure in an arm would otherwise give a zero variance
 * and a zero-width interval.
 */
export function binomialVarianceFloor(sums: ClusterSums): number {
  if (sums.n <= 0) return Number.POSITIVE_INFINITY;
  const p = (sums.y + 0.5) / (sums.n + 1);
  return (p * (1 - p)) / sums.n;
}
