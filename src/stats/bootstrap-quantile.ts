import {
  assertBootstrapOptions,
  summariseReplicates,
  type BootstrapOptions,
  type BootstrapResult,
} from './bootstrap-summary.ts';
import { quantileSorted } from './quantile.ts';
import { drawMultinomial, fillIndices } from './resample.ts';

// Order statistics of a resample wander about √(n·q·(1−q)) ranks; a window of 4.5 such spreads
// (plus slack for small n) misses them with probability about 1e-5 per resample (one of the four
// window edges, each 4.7 spreads away with the slack at n = 100,000), and a miss is still handled
// exactly, only slowly: the work per resample is proportional to the window, the slow path costs
// about a thousand resamples, so the window costs least at about this width.
const DEFAULT_WINDOW: RankWindow = { spreads: 4.5, slack: 12 };
const CELLS_IN_WINDOW = [1, 3, 4, 5, 7] as const;

/** Half-width of the rank window around the quantile: spreads·√(n·q·(1−q)) + slack ranks. */
export interface RankWindow {
  readonly spreads: number;
  readonly slack: number;
}

interface RankedSide {
  readonly values: Float64Array;
  readonly sorted: Float64Array;
  /** Rank of each case in `sorted` (ties broken by case index); worked out on first use. */
  readonly rank: () => Int32Array;
}

/**
 * Paired percentile bootstrap of quantile_q(candidate) / quantile_q(parent) (type-7 quantiles),
 * e.g. the p95 latency ratio; each resample draws one set of cases for both sides.
 *
 * Exact at O(√n) per resample instead of O(n): cases are split by whether their parent and their
 * candidate rank lie in a window around the quantile's rank. The number of draws in each of the
 * nine (below, inside, above)² cells is one multinomial draw; only the draws inside a window need
 * their case, drawn uniformly within the cell. That is the same distribution as drawing n cases,
 * and when a resample's order statistics fall outside the window (rare) all its cases are drawn.
 * A replicate whose parent quantile is 0 is undefined and widens the interval (see
 * `bootstrapRatioOfRatios`).
 *
 * @throws {RangeError} when the arrays are empty or of different lengths, hold a negative or
 * non-finite value, `q` is outside [0, 1], the parent quantile is 0, or the options are invalid.
 * @example
 * bootstrapQuantileRatio(parentLatency, candidateLatency, 0.95, opts); // estimate 1.08: p95 up 8 %
 */
export function bootstrapQuantileRatio(
  parent: Float64Array,
  candidate: Float64Array,
  q: number,
  opts: BootstrapOptions,
): BootstrapResult {
  return bootstrapQuantileRatioInWindow(parent, candidate, q, opts, DEFAULT_WINDOW);
}

/**
 * `bootstrapQuantileRatio` with the rank window as a parameter; the result's
 * distribution does not depend on it (only the speed does), which is what the tests check by
 * making the window so narrow that the slow path runs often.
 */
export function bootstrapQuantileRatioInWindow(
  parent: Float64Array,
  candidate: Float64Array,
  q: number,
  opts: BootstrapOptions,
  window: RankWindow,
): BootstrapResult {
  const n = parent.length;
  if (n === 0) throw new RangeError('Expected at least one case.');
  if (candidate.length !== n)
    throw new RangeError(`Expected \`candidate\` to have ${n} entries, got ${candidate.length}.`);
  for (const [name, values] of [
    ['parent', parent],
    ['candidate', candidate],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const value = values[i]!;
      if (!(value >= 0 && value < Number.POSITIVE_INFINITY)) {
        throw new RangeError(`Expected \`${name}[${i}]\` to be a finite non-negative number, got ${String(value)}.`);
      }
    }
  }
  if (!(q >= 0 && q <= 1)) throw new RangeError(`Expected \`q\` to be in [0, 1], got ${String(q)}.`);
  assertBootstrapOptions(opts);
  const parentSide = rankSide(parent);
  const candidateSide = rankSide(candidate);
  const parentQuantile = quantileSorted(parentSide.sorted, q);
  if (parentQuantile === 0) throw new RangeError(`The ratio is undefined: the parent ${q}-quantile is 0.`);
  const estimate = quantileSorted(candidateSide.sorted, q) / parentQuantile;

  const position = (n - 1) * q;
  const target = Math.floor(position);
  const fraction = position - target;
  const needed = fraction > 0 ? 2 : 1;
  const halfWidth = Math.ceil(window.spreads * Math.sqrt(n * q * (1 - q)) + window.slack);
  const low = Math.max(0, target - halfWidth);
  const high = Math.min(n, target + needed + halfWidth);
  const cells = groupCells(windowRanks(parentSide, low, high), windowRanks(candidateSide, low, high), low, high);
  const counts = new Float64Array(9);
  const parentHistogram = new Int32Array(high - low);
  const candidateHistogram = new Int32Array(high - low);
  const picks = new Int32Array(n);
  const values = new Float64Array(opts.resamples);
  let defined = 0;
  for (let r = 0; r < opts.resamples; r++) {
    drawMultinomial(opts.rng, n, cells.sizes, counts);
    const parentBelow = counts[0]! + counts[1]! + counts[2]!;
    const parentInside = counts[3]! + counts[4]! + counts[5]!;
    const candidateBelow = counts[0]! + counts[3]! + counts[6]!;
    const candidateInside = counts[1]! + counts[4]! + counts[7]!;
    let replicateParent: number;
    let replicateCandidate: number;
    if (
      parentBelow <= target &&
      parentBelow + parentInside >= target + needed &&
      candidateBelow <= target &&
      candidateBelow + candidateInside >= target + needed
    ) {
      parentHistogram.fill(0);
      candidateHistogram.fill(0);
      for (const cell of CELLS_IN_WINDOW) {
        const start = cells.starts[cell]!;
        const drawn = counts[cell]!;
        fillIndices(opts.rng, cells.sizes[cell]!, picks, drawn);
        if (cell >= 3 && cell <= 5) countPicks(parentHistogram, cells.parentOffset, start, picks, drawn);
        if (cell % 3 === 1) countPicks(candidateHistogram, cells.candidateOffset, start, picks, drawn);
      }
      replicateParent = quantileFromHistogram(parentHistogram, low, target - parentBelow, fraction, parentSide.sorted);
      replicateCandidate = quantileFromHistogram(
        candidateHistogram,
        low,
        target - candidateBelow,
        fraction,
        candidateSide.sorted,
      );
    } else {
      [replicateParent, replicateCandidate] = quantilesFromAllDraws(
        opts,
        cells,
        counts,
        parentSide,
        candidateSide,
        target,
        fraction,
      );
    }
    if (replicateParent === 0) continue;
    values[defined++] = replicateCandidate / replicateParent;
  }
  return summariseReplicates(
    {
      estimate,
      values: values.subarray(0, defined),
      undefinedCount: opts.resamples - defined,
      n,
      method: 'multinomial',
      drawsPerResample: n,
    },
    opts,
  );
}

function rankSide(values: Float64Array): RankedSide {
  // A native numeric sort plus binary searches beats sorting indices with a comparator by ~10x.
  const sorted = values.toSorted();
  let ranks: Int32Array | undefined;
  const rank = (): Int32Array => {
    if (ranks !== undefined) return ranks;
    ranks = new Int32Array(values.length);
    const tiesTaken = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const first = lowerBound(sorted, values[i]!);
      ranks[i] = first + tiesTaken[first]!++;
    }
    return ranks;
  };
  return { values, sorted, rank };
}

// What groupCells needs of each case's rank: the exact rank when it lies in [low, high), and
// otherwise any number on the right side of the window (−1 below, `high` above). A value below
// sorted[low] has every copy ranked below low, one above sorted[high − 1] every copy at or above
// high; only values in between (about the window's width of them, plus their ties) need a binary
// search, with earlier equal values counted as rankSide counts them, so their ranks are exact.
function windowRanks(side: RankedSide, low: number, high: number): Int32Array {
  const { values, sorted } = side;
  const floor = sorted[low]!;
  const ceiling = sorted[high - 1]!;
  const out = new Int32Array(values.length);
  const tiesTaken = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value < floor) out[i] = -1;
    else if (value > ceiling) out[i] = high;
    else {
      const first = lowerBound(sorted, value);
      const taken = tiesTaken.get(first) ?? 0;
      tiesTaken.set(first, taken + 1);
      out[i] = first + taken;
    }
  }
  return out;
}

function lowerBound(sorted: Float64Array, target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface Cells {
  /** Cases grouped by cell 3·parentClass + candidateClass, class 0 below, 1 inside, 2 above the window. */
  readonly cases: Int32Array;
  readonly starts: Int32Array;
  readonly sizes: Float64Array;
  /** Per entry of `cases`: its parent rank minus the window start (meaningful inside the window). */
  readonly parentOffset: Int32Array;
  readonly candidateOffset: Int32Array;
}

function countPicks(histogram: Int32Array, offsets: Int32Array, start: number, picks: Int32Array, drawn: number): void {
  for (let t = 0; t < drawn; t++) histogram[offsets[start + picks[t]!]!]!++;
}

function groupCells(parentRank: Int32Array, candidateRank: Int32Array, low: number, high: number): Cells {
  const classOf = (rank: number): number => (rank < low ? 0 : rank < high ? 1 : 2);
  const cellOf = new Int32Array(parentRank.length);
  const sizes = new Float64Array(9);
  for (let i = 0; i < parentRank.length; i++) {
    const cell = 3 * classOf(parentRank[i]!) + classOf(candidateRank[i]!);
    cellOf[i] = cell;
    sizes[cell]!++;
  }
  const starts = new Int32Array(10);
  for (let cell = 0; cell < 9; cell++) starts[cell + 1] = starts[cell]! + sizes[cell]!;
  const next = starts.slice(0, 9);
  const cases = new Int32Array(parentRank.length);
  const parentOffset = new Int32Array(parentRank.length);
  const candidateOffset = new Int32Array(parentRank.length);
  for (let i = 0; i < cellOf.length; i++) {
    const slot = next[cellOf[i]!]!++;
    cases[slot] = i;
    parentOffset[slot] = parentRank[i]! - low;
    candidateOffset[slot] = candidateRank[i]! - low;
  }
  return { cases, starts, sizes, parentOffset, candidateOffset };
}

// The type-7 quantile from the (position)-th and next smallest ranks counted in a window histogram.
function quantileFromHistogram(
  histogram: Int32Array,
  offset: number,
  position: number,
  fraction: number,
  sorted: Float64Array,
): number {
  let seen = 0;
  let bin = 0;
  while (seen + histogram[bin]! <= position) seen += histogram[bin++]!;
  const lowValue = sorted[offset + bin]!;
  if (fraction === 0) return lowValue;
  if (seen + histogram[bin]! <= position + 1) {
    bin++;
    while (histogram[bin] === 0) bin++;
  }
  const highValue = sorted[offset + bin]!;
  return lowValue === highValue ? lowValue : lowValue + fraction * (highValue - lowValue);
}

// The slow exact path: draw a case for every draw in every cell and sort the ranks.
function quantilesFromAllDraws(
  opts: BootstrapOptions,
  cells: Cells,
  counts: Float64Array,
  parentSide: RankedSide,
  candidateSide: RankedSide,
  target: number,
  fraction: number,
): [number, number] {
  const parentRank = parentSide.rank();
  const candidateRank = candidateSide.rank();
  const parentRanks = new Int32Array(parentRank.length);
  const candidateRanks = new Int32Array(parentRank.length);
  let drawn = 0;
  for (let cell = 0; cell < 9; cell++) {
    for (let t = 0; t < counts[cell]!; t++) {
      const index = cells.cases[cells.starts[cell]! + opts.rng.nextInt(cells.sizes[cell]!)]!;
      parentRanks[drawn] = parentRank[index]!;
      candidateRanks[drawn++] = candidateRank[index]!;
    }
  }
  const pick = (ranks: Int32Array, sorted: Float64Array): number => {
    ranks.sort();
    const lowValue = sorted[ranks[target]!]!;
    if (fraction === 0) return lowValue;
    const highValue = sorted[ranks[target + 1]!]!;
    return lowValue === highValue ? lowValue : lowValue + fraction * (highValue - lowValue);
  };
  return [pick(parentRanks, parentSide.sorted), pick(candidateRanks, candidateSide.sorted)];
}
