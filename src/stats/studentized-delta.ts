/**
 * Independent units (clusters, or cases when nothing is clustered) of a paired delta: each unit's
 * sum of per-case deltas and its number of cases, optionally with the stratum (category) of each
 * unit. A case without a cluster is a unit of its own.
 */
export interface DeltaUnits {
  readonly totals: Float64Array;
  readonly sizes: Float64Array;
  /** Stratum index per unit, 0..S−1; only meaningful when every unit lies in one stratum. */
  readonly strata?: Int32Array;
}

/** The ratio estimator Σ totals / Σ sizes with its cluster-robust standard error. */
export interface StudentizedDelta {
  readonly estimate: number;
  readonly standardError: number;
  /** Degrees of freedom of the reference t: units − 1, or units − strata when post-stratified. */
  readonly df: number;
  readonly units: number;
  readonly cases: number;
  readonly stratified: boolean;
}

/**
 * Cluster-robust (CR1) inference on a paired mean delta: δ̂ = ΣT_j / Σm_j over units j, with
 * variance K/(K−1)·Σ(T_j − δ̂·m_j)² / n² and a Student t reference on K − 1 degrees of freedom —
 * the small-sample form that keeps its level with few clusters (and Obuchowski's clustered McNemar
 * variance when the deltas are −1/0/+1). With `strata` (every unit inside one category) the
 * variance is post-stratified: residuals are taken about each stratum's own mean, which removes
 * the between-category spread of the deltas at no cost, and the t has K − S degrees of freedom.
 * It is used only when there are at least two strata, each with two units or more, and at most
 * half as many strata as units, a rule on the design alone, so it cannot be chosen for the result.
 *
 * The sum of squared residuals is never taken below 2, what two cases that moved a full point, one
 * up and one down, would add: the estimate is unchanged, data with a real spread are unaffected,
 * and a sample in which every delta is the same (thirty ties) gets an honest interval instead of a
 * point.
 *
 * @throws {RangeError} when there are fewer than two units, lengths differ, or a size is not positive.
 * @example
 * studentizeDelta({ totals: Float64Array.of(1, -2, 0, 1), sizes: Float64Array.of(3, 4, 2, 3) });
 */
export function studentizeDelta(units: DeltaUnits): StudentizedDelta {
  const { totals, sizes, strata } = units;
  const k = totals.length;
  if (k < 2) throw new RangeError(`Expected at least two units, got ${k}.`);
  if (sizes.length !== k) throw new RangeError(`Expected ${k} sizes, got ${sizes.length}.`);
  let sum = 0;
  let n = 0;
  for (let j = 0; j < k; j++) {
    if (!(sizes[j]! > 0)) throw new RangeError(`Expected \`sizes[${j}]\` to be positive, got ${String(sizes[j])}.`);
    sum += totals[j]!;
    n += sizes[j]!;
  }
  const estimate = sum / n;
  const pseudo = 2;
  const strataCount = strata ? countStrata(strata, k) : undefined;
  if (strata && strataCount && strataCount.usable) {
    const s = strataCount.unitsPer.length;
    const stratumTotal = new Float64Array(s);
    const stratumSize = new Float64Array(s);
    for (let j = 0; j < k; j++) {
      stratumTotal[strata[j]!]! += totals[j]!;
      stratumSize[strata[j]!]! += sizes[j]!;
    }
    const squares = new Float64Array(s);
    for (let j = 0; j < k; j++) {
      const h = strata[j]!;
      squares[h]! += (totals[j]! - (stratumTotal[h]! / stratumSize[h]!) * sizes[j]!) ** 2;
    }
    let variance = 0;
    for (let h = 0; h < s; h++) {
      const kh = strataCount.unitsPer[h]!;
      variance += (kh / (kh - 1)) * squares[h]!;
    }
    variance = Math.max(variance, (k / (k - 1)) * pseudo);
    return { estimate, standardError: Math.sqrt(variance) / n, df: k - s, units: k, cases: n, stratified: true };
  }
  let squares = 0;
  for (let j = 0; j < k; j++) squares += (totals[j]! - estimate * sizes[j]!) ** 2;
  const variance = (k / (k - 1)) * Math.max(squares, pseudo);
  return { estimate, standardError: Math.sqrt(variance) / n, df: k - 1, units: k, cases: n, stratified: false };
}

// Units per stratum, and whether post-stratification is allowed by the design rule above.
function countStrata(strata: Int32Array, k: number): { unitsPer: Int32Array; usable: boolean } {
  let s = 0;
  for (let j = 0; j < k; j++) {
    const h = strata[j]!;
    if (!(h >= 0)) throw new RangeError(`Expected \`strata[${j}]\` to be a non-negative index, got ${h}.`);
    if (h + 1 > s) s = h + 1;
  }
  const unitsPer = new Int32Array(s);
  for (let j = 0; j < k; j++) unitsPer[strata[j]!]!++;
  let usable = s >= 2 && 2 * s <= k;
  for (let h = 0; h < s && usable; h++) if (unitsPer[h]! < 2) usable = false;
  return { unitsPer, usable };
}
