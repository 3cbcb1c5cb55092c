import { drawBinomial } from './binomial.ts';
import { MAX_FAST_BOUND, Xoshiro128StarStar, type Rng } from './rng.ts';

// Local copies on purpose: module runners that emulate live bindings (vitest's) turn an imported
// constant into a getter call, which made the loops below eight times slower under test.
const TWO_POW_32 = 4294967296;
const INV_TWO_POW_32 = 1 / TWO_POW_32;

// The index loops below run xoshiro128** on local copies of the generator state and inline
// Lemire's multiply-shift. A draw that Lemire's test rejects is skipped and made up for (after the
// loop, or by the next draw): accepted draws are uniform and independent of how many were
// rejected, so a resample is still exactly n iid uniform indices, and the hot loop has no inner
// retry loop (which V8 compiles about twice as slow). Any other `Rng` takes the plain path.

function hasFastPath(rng: Rng, bound: number): rng is Xoshiro128StarStar {
  return rng instanceof Xoshiro128StarStar && bound <= MAX_FAST_BOUND;
}

/**
 * Sum of `values[k]` over `draws` indices drawn uniformly with replacement from [0, values.length).
 * The hottest loop of the package (continuous mean deltas): two draws per iteration into two
 * accumulators, which lets V8 overlap them.
 *
 * @example
 * sumOfDraws(createRng(1), Float64Array.of(1, 2, 3), 3); // one of 3..9
 */
export function sumOfDraws(rng: Rng, values: Float64Array, draws: number): number {
  const n = values.length;
  let sum = 0;
  if (!hasFastPath(rng, n)) {
    for (let i = 0; i < draws; i++) sum += values[rng.nextInt(n)]!;
    return sum;
  }
  const threshold = TWO_POW_32 % n;
  let otherSum = 0;
  let rejected = draws & 1;
  let a = rng.s0;
  let b = rng.s1;
  let c = rng.s2;
  let d = rng.s3;
  for (let i = 1; i < draws; i += 2) {
    let t0 = a;
    let t1 = b;
    let t2 = c ^ t0;
    let t3 = d ^ t1;
    let x = Math.imul(t1, 5);
    const first = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    b = t1 ^ t2;
    a = t0 ^ t3;
    c = t2 ^ (t1 << 9);
    d = (t3 << 11) | (t3 >>> 21);
    t0 = a;
    t1 = b;
    t2 = c ^ t0;
    t3 = d ^ t1;
    x = Math.imul(t1, 5);
    const second = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    b = t1 ^ t2;
    a = t0 ^ t3;
    c = t2 ^ (t1 << 9);
    d = (t3 << 11) | (t3 >>> 21);
    const firstProduct = first * n;
    const firstIndex = (firstProduct * INV_TWO_POW_32) | 0;
    const secondProduct = second * n;
    const secondIndex = (secondProduct * INV_TWO_POW_32) | 0;
    if (firstProduct - firstIndex * TWO_POW_32 < threshold) rejected++;
    else sum += values[firstIndex]!;
    if (secondProduct - secondIndex * TWO_POW_32 < threshold) rejected++;
    else otherSum += values[secondIndex]!;
  }
  rng.s0 = a;
  rng.s1 = b;
  rng.s2 = c;
  rng.s3 = d;
  for (let i = 0; i < rejected; i++) sum += values[rng.nextInt(n)]!;
  return sum + otherSum;
}

/**
 * Fills `out[0..count)` with indices drawn uniformly with replacement from [0, bound).
 *
 * @example
 * fillIndices(createRng(1), 10, new Int32Array(4), 4); // e.g. [3, 9, 0, 3]
 */
export function fillIndices(rng: Rng, bound: number, out: Int32Array, count: number): void {
  if (!hasFastPath(rng, bound)) {
    for (let i = 0; i < count; i++) out[i] = rng.nextInt(bound);
    return;
  }
  const threshold = TWO_POW_32 % bound;
  let a = rng.s0;
  let b = rng.s1;
  let c = rng.s2;
  let d = rng.s3;
  let filled = 0;
  while (filled < count) {
    const t0 = a;
    const t1 = b;
    const t2 = c ^ t0;
    const t3 = d ^ t1;
    const x = Math.imul(t1, 5);
    const random = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    b = t1 ^ t2;
    a = t0 ^ t3;
    c = t2 ^ (t1 << 9);
    d = (t3 << 11) | (t3 >>> 21);
    const product = random * bound;
    const index = (product * INV_TWO_POW_32) | 0;
    out[filled] = index;
    // A rejected draw is overwritten by the next one.
    filled += product - index * TWO_POW_32 < threshold ? 0 : 1;
  }
  rng.s0 = a;
  rng.s1 = b;
  rng.s2 = c;
  rng.s3 = d;
}

const INDEX_CHUNK = 4096;

/**
 * Column sums over `draws` rows drawn uniformly with replacement from a row-major table of `width`
 * columns (2 or 4), written to `out[0..width)`. Paired quantities share one table so one draw
 * reads one cache line.
 */
export function sumRowsOfDraws(rng: Rng, rows: Float64Array, width: 2 | 4, draws: number, out: Float64Array): void {
  const n = rows.length / width;
  const indices = new Int32Array(Math.min(INDEX_CHUNK, draws));
  out.fill(0, 0, width);
  for (let done = 0; done < draws; done += indices.length) {
    const count = Math.min(indices.length, draws - done);
    fillIndices(rng, n, indices, count);
    if (width === 2) addPairRows(rows, indices, count, out);
    else addQuadRows(rows, indices, count, out);
  }
}

function addPairRows(rows: Float64Array, indices: Int32Array, count: number, out: Float64Array): void {
  let s0 = out[0]!;
  let s1 = out[1]!;
  for (let i = 0; i < count; i++) {
    const offset = indices[i]! << 1;
    s0 += rows[offset]!;
    s1 += rows[offset + 1]!;
  }
  out[0] = s0;
  out[1] = s1;
}

function addQuadRows(rows: Float64Array, indices: Int32Array, count: number, out: Float64Array): void {
  let s0 = out[0]!;
  let s1 = out[1]!;
  let s2 = out[2]!;
  let s3 = out[3]!;
  for (let i = 0; i < count; i++) {
    const offset = indices[i]! << 2;
    s0 += rows[offset]!;
    s1 += rows[offset + 1]!;
    s2 += rows[offset + 2]!;
    s3 += rows[offset + 3]!;
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
}

/**
 * Draws Multinomial(total; weights / Σweights) into `out` by sequential conditional binomials:
 * category i gets Binomial(remaining draws, w_i / remaining weight). Exact, and O(categories)
 * binomial draws whatever `total` is.
 */
export function drawMultinomial(rng: Rng, total: number, weights: Float64Array, out: Float64Array): void {
  let remaining = total;
  let weightLeft = 0;
  for (let i = 0; i < weights.length; i++) weightLeft += weights[i]!;
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i]!;
    let count: number;
    if (remaining === 0) count = 0;
    else if (i === weights.length - 1 || weight >= weightLeft) count = remaining;
    else count = drawBinomial(rng, remaining, weight / weightLeft);
    out[i] = count;
    remaining -= count;
    weightLeft -= weight;
  }
}
