import { drawBinomial } from './binomial.ts';
import { MAX_FAST_BOUND, Xoshiro128StarStar, type Rng } from './rng.ts';

// Local copies on purpose: module runners that emulate live bindings (vitest's) turn an imported
// constant into a getter call, which made the loops below eight times slower under test.
const TWO_POW_32 = 4294967296;
const INV_TWO_POW_32 = 1 / TWO_POW_32;

// The index loops below run xoshiro128** on local copies of the generator state. A draw that a
// rejection test turns down is skipped and made up for by a later one: accepted draws are
// uniform and independent of how many were rejected, so a resample is still exactly n iid
// uniform indices, and the hot loops have no inner retry loop (which V8 compiles about twice as
// slow). Any other `Rng` takes the plain path.
//
// Two 16-bit draws per generator output (Lemire's method on each half).
const HALF = 0x10000;

function isFast(rng: Rng): rng is Xoshiro128StarStar {
  return rng instanceof Xoshiro128StarStar;
}

function hasFastPath(rng: Rng, bound: number): rng is Xoshiro128StarStar {
  return isFast(rng) && bound <= MAX_FAST_BOUND;
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
  if (bound <= HALF) {
    fillSmallIndices(rng, bound, out, count);
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

// fillIndices for bound <= 2^16: Lemire's method on each 16-bit half of an output (threshold
// 2^16 mod bound, so at most bound/2^16 rejected); a rejected draw is overwritten by the next one.
function fillSmallIndices(rng: Xoshiro128StarStar, bound: number, out: Int32Array, count: number): void {
  const threshold = HALF % bound;
  let a = rng.s0;
  let b = rng.s1;
  let c = rng.s2;
  let d = rng.s3;
  let filled = 0;
  while (filled + 1 < count) {
    const t0 = a;
    const t1 = b;
    const t2 = c ^ t0;
    const t3 = d ^ t1;
    const x = Math.imul(t1, 5);
    const random = Math.imul((x << 7) | (x >>> 25), 9);
    b = t1 ^ t2;
    a = t0 ^ t3;
    c = t2 ^ (t1 << 9);
    d = (t3 << 11) | (t3 >>> 21);
    const low = (random & 0xffff) * bound;
    const high = (random >>> 16) * bound;
    out[filled] = low >>> 16;
    filled += (low & 0xffff) < threshold ? 0 : 1;
    out[filled] = high >>> 16;
    filled += (high & 0xffff) < threshold ? 0 : 1;
  }
  rng.s0 = a;
  rng.s1 = b;
  rng.s2 = c;
  rng.s3 = d;
  while (filled < count) {
    const low = (rng.nextUint32() & 0xffff) * bound;
    out[filled] = low >>> 16;
    filled += (low & 0xffff) < threshold ? 0 : 1;
  }
}

// Rows per block for row sums. With m much smaller than n every drawn row is a cache miss
// whatever the block, so blocks are large: the split costs one binomial per block and resample.
const ROW_BLOCK_SIZE = 4096;

/**
 * Column sums over `draws` rows drawn uniformly with replacement from a row-major table of `width`
 * columns (2 or 4), written to `out[0..width)`. Paired quantities share one table so one draw
 * reads one cache line. Drawn block by block: a resample of `draws` uniform rows is the same as
 * splitting the draws over fixed blocks of rows by one multinomial draw (each block gets
 * Binomial(remaining, block size / size left)) and drawing uniformly inside each block; the sums
 * depend only on which rows were drawn, so this is the exact bootstrap.
 */
export function sumRowsOfDraws(rng: Rng, rows: Float64Array, width: 2 | 4, draws: number, out: Float64Array): void {
  const n = rows.length / width;
  out.fill(0, 0, width);
  if (!isFast(rng)) {
    for (let i = 0; i < draws; i++) {
      const offset = rng.nextInt(n) * width;
      for (let c = 0; c < width; c++) out[c]! += rows[offset + c]!;
    }
    return;
  }
  let remaining = draws;
  let sizeLeft = n;
  for (let start = 0; start < n && remaining > 0; start += ROW_BLOCK_SIZE) {
    const size = Math.min(ROW_BLOCK_SIZE, sizeLeft);
    const count = sizeLeft === size ? remaining : drawBinomial(rng, remaining, size / sizeLeft);
    if (width === 2) addPairRows(rng, rows, start, size, count, out);
    else addQuadRows(rng, rows, start, size, count, out);
    remaining -= count;
    sizeLeft -= size;
  }
}

// Adds `count` rows drawn uniformly from rows start..start+size of a 2-column table to out[0..2),
// two draws a generator output by Lemire's method on each 16-bit half (as in fillSmallIndices).
function addPairRows(
  rng: Xoshiro128StarStar,
  rows: Float64Array,
  start: number,
  size: number,
  count: number,
  out: Float64Array,
): void {
  const threshold = HALF % size;
  let a = rng.s0;
  let b = rng.s1;
  let c = rng.s2;
  let d = rng.s3;
  let s0 = out[0]!;
  let s1 = out[1]!;
  let needed = count;
  while (needed > 0) {
    const t0 = a;
    const t1 = b;
    const t2 = c ^ t0;
    const t3 = d ^ t1;
    const x = Math.imul(t1, 5);
    const random = Math.imul((x << 7) | (x >>> 25), 9);
    b = t1 ^ t2;
    a = t0 ^ t3;
    c = t2 ^ (t1 << 9);
    d = (t3 << 11) | (t3 >>> 21);
    const low = (random & 0xffff) * size;
    if ((low & 0xffff) >= threshold) {
      const offset = (start + (low >>> 16)) << 1;
      s0 += rows[offset]!;
      s1 += rows[offset + 1]!;
      needed--;
    }
    const high = (random >>> 16) * size;
    if (needed > 0 && (high & 0xffff) >= threshold) {
      const offset = (start + (high >>> 16)) << 1;
      s0 += rows[offset]!;
      s1 += rows[offset + 1]!;
      needed--;
    }
  }
  rng.s0 = a;
  rng.s1 = b;
  rng.s2 = c;
  rng.s3 = d;
  out[0] = s0;
  out[1] = s1;
}

// As addPairRows, for a 4-column table.
function addQuadRows(
  rng: Xoshiro128StarStar,
  rows: Float64Array,
  start: number,
  size: number,
  count: number,
  out: Float64Array,
): void {
  const threshold = HALF % size;
  let a = rng.s0;
  let b = rng.s1;
  let c = rng.s2;
  let d = rng.s3;
  let s0 = out[0]!;
  let s1 = out[1]!;
  let s2 = out[2]!;
  let s3 = out[3]!;
  let needed = count;
  while (needed > 0) {
    const t0 = a;
    const t1 = b;
    const t2 = c ^ t0;
    const t3 = d ^ t1;
    const x = Math.imul(t1, 5);
    const random = Math.imul((x << 7) | (x >>> 25), 9);
    b = t1 ^ t2;
    a = t0 ^ t3;
    c = t2 ^ (t1 << 9);
    d = (t3 << 11) | (t3 >>> 21);
    const low = (random & 0xffff) * size;
    if ((low & 0xffff) >= threshold) {
      const offset = (start + (low >>> 16)) << 2;
      s0 += rows[offset]!;
      s1 += rows[offset + 1]!;
      s2 += rows[offset + 2]!;
      s3 += rows[offset + 3]!;
      needed--;
    }
    const high = (random >>> 16) * size;
    if (needed > 0 && (high & 0xffff) >= threshold) {
      const offset = (start + (high >>> 16)) << 2;
      s0 += rows[offset]!;
      s1 += rows[offset + 1]!;
      s2 += rows[offset + 2]!;
      s3 += rows[offset + 3]!;
      needed--;
    }
  }
  rng.s0 = a;
  rng.s1 = b;
  rng.s2 = c;
  rng.s3 = d;
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
