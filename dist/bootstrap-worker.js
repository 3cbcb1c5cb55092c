import { createRequire as __kgCreateRequire } from 'node:module';
const require = __kgCreateRequire(import.meta.url);

// src/io/bootstrap-worker.ts
import { workerData } from "node:worker_threads";

// src/stats/interval.ts
function assertLevel(level) {
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`Expected \`level\` to be a number in (0, 1), got ${String(level)}.`);
  }
}

// src/stats/select.ts
function selectInPlace(values, k, from = 0, to = values.length) {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to <= values.length && Number.isInteger(k) && k >= from && k < to)) {
    throw new RangeError(`Expected ${String(from)} <= k = ${String(k)} < ${String(to)} <= ${values.length}.`);
  }
  let left = from;
  let right = to - 1;
  let budget = 2 * (32 - Math.clz32(to - from)) + 8;
  while (right > left) {
    if (budget-- === 0) {
      values.subarray(left, right + 1).sort();
      return;
    }
    const middle = left + right >>> 1;
    if (values[middle] < values[left]) swap(values, middle, left);
    if (values[right] < values[left]) swap(values, right, left);
    if (values[right] < values[middle]) swap(values, right, middle);
    const pivot = values[middle];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
function swap(values, i, j) {
  const t = values[i];
  values[i] = values[j];
  values[j] = t;
}

// src/stats/quantile.ts
function quantileSorted(sorted, q) {
  if (sorted.length === 0) throw new RangeError("Expected `sorted` to contain at least one value.");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`Expected \`q\` to be in [0, 1], got ${String(q)}.`);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  const low = sorted[below];
  return fraction === 0 ? low : interpolateType7(low, sorted[below + 1], fraction);
}
function interpolateType7(low, high, fraction) {
  if (fraction === 0 || low === high) return low;
  if (low === Number.NEGATIVE_INFINITY || high === Number.POSITIVE_INFINITY) {
    return low === Number.NEGATIVE_INFINITY ? low : high;
  }
  return low + fraction * (high - low);
}

// src/stats/bootstrap-summary.ts
function assertBootstrapOptions(opts) {
  if (!Number.isSafeInteger(opts.resamples) || opts.resamples < 2) {
    throw new RangeError(`Expected \`resamples\` to be an integer >= 2, got ${String(opts.resamples)}.`);
  }
  assertLevel(opts.level);
  const cap = opts.maxDrawsPerResample;
  if (cap !== void 0 && !(cap === Number.POSITIVE_INFINITY || Number.isSafeInteger(cap) && cap >= 1)) {
    throw new RangeError(`Expected \`maxDrawsPerResample\` to be a positive integer, got ${String(cap)}.`);
  }
}
function summariseReplicates(replicates, opts) {
  const { values, undefinedCount } = replicates;
  const total = values.length + undefinedCount;
  const standardError = sampleStandardDeviation(values);
  const sorted = opts.keepSamples === true;
  if (sorted) values.sort();
  const lower = typeSevenPosition(total, (1 - opts.level) / 2);
  const upper = typeSevenPosition(total, (1 + opts.level) / 2);
  const lowerRank = lower.below - undefinedCount;
  const upperRank = upper.below;
  if (!sorted) selectRanks(values, [lowerRank, lowerRank + 1, upperRank, upperRank + 1]);
  const lowerAt = (rank) => rank < 0 ? Number.NEGATIVE_INFINITY : values[rank];
  const upperAt = (rank) => rank >= values.length ? Number.POSITIVE_INFINITY : values[rank];
  const interval = {
    lower: lower.fraction === 0 ? lowerAt(lowerRank) : interpolateType7(lowerAt(lowerRank), lowerAt(lowerRank + 1), lower.fraction),
    upper: upper.fraction === 0 ? upperAt(upperRank) : interpolateType7(upperAt(upperRank), upperAt(upperRank + 1), upper.fraction),
    level: opts.level
  };
  const result = {
    estimate: replicates.estimate,
    interval,
    standardError,
    resamples: total,
    n: replicates.n,
    method: replicates.method,
    drawsPerResample: replicates.drawsPerResample,
    undefinedResamples: undefinedCount
  };
  return sorted ? { ...result, samples: values } : result;
}
function typeSevenPosition(total, q) {
  const position = (total - 1) * q;
  const below = Math.floor(position);
  return { below, fraction: position - below };
}
function selectRanks(values, ranks) {
  let from = 0;
  for (const rank of ranks.filter((r) => r >= 0 && r < values.length).toSorted((a, b) => a - b)) {
    if (rank < from) continue;
    selectInPlace(values, rank, from, values.length);
    from = rank + 1;
  }
}
function sampleStandardDeviation(values) {
  if (values.length < 2) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i];
  mean /= values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

// src/stats/rng.ts
var TWO_POW_32 = 4294967296;
var INV_TWO_POW_32 = 1 / TWO_POW_32;
var INV_TWO_POW_53 = 1 / 9007199254740992;
var GOLDEN_GAMMA = 2654435769;
var MAX_FAST_BOUND = 2 ** 21;
function createRng(seed) {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`Expected \`seed\` to be a non-negative safe integer, got ${String(seed)}.`);
  }
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32);
  return new Xoshiro128StarStar(
    splitMix32(low, 1),
    splitMix32(low, 2),
    splitMix32(high ^ 1540483477, 1),
    splitMix32(high ^ 1540483477, 2)
  );
}
function splitMix32(state2, step) {
  let z = state2 + Math.imul(GOLDEN_GAMMA, step) | 0;
  z = Math.imul(z ^ z >>> 16, 569420461);
  z = Math.imul(z ^ z >>> 15, 1935289751);
  return z ^ z >>> 15;
}
var Xoshiro128StarStar = class {
  s0;
  s1;
  s2;
  s3;
  // Lemire's rejection threshold (2^32 mod bound) is a division; cache it for the usual repeated bound.
  lastBound = 0;
  lastThreshold = 0;
  constructor(s0, s1, s2, s3) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }
  nextUint32() {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ s1 << 9;
    this.s3 = s3 << 11 | s3 >>> 21;
    return result;
  }
  nextFloat() {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) * INV_TWO_POW_53;
  }
  nextInt(bound) {
    if (!Number.isInteger(bound) || bound < 1 || bound > TWO_POW_32) {
      throw new RangeError(`Expected \`bound\` to be an integer in [1, 2^32], got ${String(bound)}.`);
    }
    if (bound > MAX_FAST_BOUND) return this.nextIntByModulo(bound);
    if (bound !== this.lastBound) {
      this.lastBound = bound;
      this.lastThreshold = TWO_POW_32 % bound;
    }
    const threshold = this.lastThreshold;
    for (; ; ) {
      const product = this.nextUint32() * bound;
      const index = Math.floor(product * INV_TWO_POW_32);
      if (product - index * TWO_POW_32 >= threshold) return index;
    }
  }
  // Exact for any bound up to 2^32, where the product trick above would lose bits.
  nextIntByModulo(bound) {
    const limit = TWO_POW_32 - TWO_POW_32 % bound;
    for (; ; ) {
      const value = this.nextUint32();
      if (value < limit) return value % bound;
    }
  }
};

// src/stats/binomial.ts
var INVERSION_MAX_MEAN = 10;
var LOG_FACTORIAL_TABLE_SIZE = 256;
var HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
var INV_TWO_POW_532 = 1 / 9007199254740992;
var logFactorialTable = (() => {
  const table = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
  for (let k = 2; k < LOG_FACTORIAL_TABLE_SIZE; k++) table[k] = table[k - 1] + Math.log(k);
  return table;
})();
function logFactorial(k) {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return logFactorialTable[k];
  const inverse = 1 / k;
  const inverseSquared = inverse * inverse;
  const series = inverse * (1 / 12 - inverseSquared * (1 / 360 - inverseSquared / 1260));
  return (k + 0.5) * Math.log(k) - k + HALF_LOG_TWO_PI + series;
}
function drawBinomial(rng, n, p) {
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  if (p > 0.5) return n - drawBinomialLowP(rng, n, 1 - p);
  return drawBinomialLowP(rng, n, p);
}
function drawBinomialLowP(rng, n, p) {
  return n * p < INVERSION_MAX_MEAN ? drawByInversion(rng, n, p) : drawByTransformedRejection(rng, n, p);
}
function drawByInversion(rng, n, p) {
  const q = 1 - p;
  const odds = p / q;
  const scaled = (n + 1) * odds;
  const massAtZero = Math.exp(n * Math.log1p(-p));
  for (; ; ) {
    let u = rng.nextFloat();
    let mass = massAtZero;
    let k = 0;
    while (u > mass) {
      u -= mass;
      k++;
      mass *= scaled / k - odds;
      if (k > n || mass <= 0) break;
    }
    if (u <= mass && k <= n) return k;
  }
}
function drawByTransformedRejection(rng, n, p) {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const fast = rng instanceof Xoshiro128StarStar;
  let s0 = fast ? rng.s0 : 0;
  let s1 = fast ? rng.s1 : 0;
  let s2 = fast ? rng.s2 : 0;
  let s3 = fast ? rng.s3 : 0;
  let alpha = 0;
  let logOdds = 0;
  let mode = -1;
  let logModeMass = 0;
  for (; ; ) {
    let u;
    let v;
    if (fast) {
      let t0 = s0;
      let t1 = s1;
      let t2 = s2 ^ t0;
      let t3 = s3 ^ t1;
      let x = Math.imul(t1, 5);
      const w0 = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
      s1 = t1 ^ t2;
      s0 = t0 ^ t3;
      s2 = t2 ^ t1 << 9;
      s3 = t3 << 11 | t3 >>> 21;
      t0 = s0;
      t1 = s1;
      t2 = s2 ^ t0;
      t3 = s3 ^ t1;
      x = Math.imul(t1, 5);
      const w1 = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
      s1 = t1 ^ t2;
      s0 = t0 ^ t3;
      s2 = t2 ^ t1 << 9;
      s3 = t3 << 11 | t3 >>> 21;
      t0 = s0;
      t1 = s1;
      t2 = s2 ^ t0;
      t3 = s3 ^ t1;
      x = Math.imul(t1, 5);
      const w2 = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
      s1 = t1 ^ t2;
      s0 = t0 ^ t3;
      s2 = t2 ^ t1 << 9;
      s3 = t3 << 11 | t3 >>> 21;
      t0 = s0;
      t1 = s1;
      t2 = s2 ^ t0;
      t3 = s3 ^ t1;
      x = Math.imul(t1, 5);
      const w3 = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
      s1 = t1 ^ t2;
      s0 = t0 ^ t3;
      s2 = t2 ^ t1 << 9;
      s3 = t3 << 11 | t3 >>> 21;
      u = ((w0 >>> 5) * 67108864 + (w1 >>> 6)) * INV_TWO_POW_532 - 0.5;
      v = ((w2 >>> 5) * 67108864 + (w3 >>> 6)) * INV_TWO_POW_532;
    } else {
      u = rng.nextFloat() - 0.5;
      v = rng.nextFloat();
    }
    const us = 0.5 - Math.abs(u);
    const k = Math.floor((2 * a / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return done(rng, fast, s0, s1, s2, s3, k);
    if (mode < 0) {
      alpha = (2.83 + 5.1 / b) * spq;
      logOdds = Math.log(p / q);
      mode = Math.floor((n + 1) * p);
      logModeMass = logFactorial(mode) + logFactorial(n - mode);
    }
    v = Math.log(v * alpha / (a / (us * us) + b));
    if (v <= logModeMass - logFactorial(k) - logFactorial(n - k) + (k - mode) * logOdds)
      return done(rng, fast, s0, s1, s2, s3, k);
  }
}
function done(rng, fast, s0, s1, s2, s3, k) {
  if (fast) {
    const state2 = rng;
    state2.s0 = s0;
    state2.s1 = s1;
    state2.s2 = s2;
    state2.s3 = s3;
  }
  return k;
}

// src/stats/resample.ts
var TWO_POW_322 = 4294967296;
var INV_TWO_POW_322 = 1 / TWO_POW_322;
var HALF = 65536;
function isFast(rng) {
  return rng instanceof Xoshiro128StarStar;
}
function hasFastPath(rng, bound) {
  return isFast(rng) && bound <= MAX_FAST_BOUND;
}
function fillIndices(rng, bound, out, count) {
  if (!hasFastPath(rng, bound)) {
    for (let i = 0; i < count; i++) out[i] = rng.nextInt(bound);
    return;
  }
  if (bound <= HALF) {
    fillSmallIndices(rng, bound, out, count);
    return;
  }
  const threshold = TWO_POW_322 % bound;
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
    const random = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
    b = t1 ^ t2;
    a = t0 ^ t3;
    c = t2 ^ t1 << 9;
    d = t3 << 11 | t3 >>> 21;
    const product = random * bound;
    const index = product * INV_TWO_POW_322 | 0;
    out[filled] = index;
    filled += product - index * TWO_POW_322 < threshold ? 0 : 1;
  }
  rng.s0 = a;
  rng.s1 = b;
  rng.s2 = c;
  rng.s3 = d;
}
function fillSmallIndices(rng, bound, out, count) {
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
    const random = Math.imul(x << 7 | x >>> 25, 9);
    b = t1 ^ t2;
    a = t0 ^ t3;
    c = t2 ^ t1 << 9;
    d = t3 << 11 | t3 >>> 21;
    const low = (random & 65535) * bound;
    const high = (random >>> 16) * bound;
    out[filled] = low >>> 16;
    filled += (low & 65535) < threshold ? 0 : 1;
    out[filled] = high >>> 16;
    filled += (high & 65535) < threshold ? 0 : 1;
  }
  rng.s0 = a;
  rng.s1 = b;
  rng.s2 = c;
  rng.s3 = d;
  while (filled < count) {
    const low = (rng.nextUint32() & 65535) * bound;
    out[filled] = low >>> 16;
    filled += (low & 65535) < threshold ? 0 : 1;
  }
}
function drawMultinomial(rng, total, weights, out) {
  let remaining = total;
  let weightLeft = 0;
  for (let i = 0; i < weights.length; i++) weightLeft += weights[i];
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i];
    let count;
    if (remaining === 0) count = 0;
    else if (i === weights.length - 1 || weight >= weightLeft) count = remaining;
    else count = drawBinomial(rng, remaining, weight / weightLeft);
    out[i] = count;
    remaining -= count;
    weightLeft -= weight;
  }
}

// src/stats/bootstrap-quantile-clustered.ts
function bootstrapClusteredQuantileRatio(parent, candidate, clusterOfCase, q, opts) {
  const n = parent.length;
  if (n === 0) throw new RangeError("Expected at least one case.");
  if (candidate.length !== n || clusterOfCase.length !== n)
    throw new RangeError(`Expected \`candidate\` and \`clusterOfCase\` to have ${n} entries.`);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (const [name, values2] of [
      ["parent", parent],
      ["candidate", candidate]
    ]) {
      const value = values2[i];
      if (!(value >= 0 && value < Number.POSITIVE_INFINITY))
        throw new RangeError(`Expected \`${name}[${i}]\` to be a finite non-negative number, got ${String(value)}.`);
    }
    const cluster = clusterOfCase[i];
    if (!(cluster >= 0))
      throw new RangeError(`Expected \`clusterOfCase[${i}]\` to be a non-negative index, got ${cluster}.`);
    if (cluster >= k) k = cluster + 1;
  }
  if (!(q >= 0 && q <= 1)) throw new RangeError(`Expected \`q\` to be in [0, 1], got ${String(q)}.`);
  assertBootstrapOptions(opts);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[clusterOfCase[i]]++;
  const renumber = new Int32Array(k).fill(-1);
  let used = 0;
  for (let j = 0; j < k; j++) if (sizes[j] > 0) renumber[j] = used++;
  const clusters = Int32Array.from(clusterOfCase, (c) => renumber[c]);
  const clusterSizes = sizes.filter((s) => s > 0);
  const parentSide = sortSide(parent, clusters);
  const candidateSide = sortSide(candidate, clusters);
  const ones = new Float64Array(used).fill(1);
  const parentQuantile = weightedQuantile(parentSide, ones, n, q);
  if (parentQuantile === 0) throw new RangeError(`The ratio is undefined: the parent ${q}-quantile is 0.`);
  const estimate = weightedQuantile(candidateSide, ones, n, q) / parentQuantile;
  const draws = new Int32Array(used);
  const counts = new Float64Array(used);
  const values = new Float64Array(opts.resamples);
  let defined = 0;
  for (let r = 0; r < opts.resamples; r++) {
    fillIndices(opts.rng, used, draws, used);
    counts.fill(0);
    let weight = 0;
    for (let t = 0; t < used; t++) {
      counts[draws[t]]++;
      weight += clusterSizes[draws[t]];
    }
    const replicateParent = weightedQuantile(parentSide, counts, weight, q);
    if (replicateParent === 0) continue;
    values[defined++] = weightedQuantile(candidateSide, counts, weight, q) / replicateParent;
  }
  return summariseReplicates(
    {
      estimate,
      values: values.subarray(0, defined),
      undefinedCount: opts.resamples - defined,
      n: used,
      method: "index",
      drawsPerResample: used
    },
    opts
  );
}
function sortSide(values, clusters) {
  const sorted = values.toSorted();
  const sortedClusters = new Int32Array(values.length);
  const tiesTaken = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const first = lowerBound(sorted, values[i]);
    sortedClusters[first + tiesTaken[first]++] = clusters[i];
  }
  return { values: sorted, clusters: sortedClusters };
}
function lowerBound(sorted, target) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (sorted[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
function weightedQuantile(side, weights, total, q) {
  const position = (total - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  const low = orderStatistic(side, weights, total, below);
  if (fraction === 0) return low;
  const high = orderStatistic(side, weights, total, below + 1);
  return low === high ? low : low + fraction * (high - low);
}
function orderStatistic(side, weights, total, rank) {
  const { values, clusters } = side;
  let seen = 0;
  if (2 * rank < total) {
    for (let i = 0; i < values.length; i++) {
      seen += weights[clusters[i]];
      if (seen > rank) return values[i];
    }
    return values[values.length - 1];
  }
  const fromTop = total - 1 - rank;
  for (let i = values.length - 1; i >= 0; i--) {
    seen += weights[clusters[i]];
    if (seen > fromTop) return values[i];
  }
  return values[0];
}

// src/stats/bootstrap-quantile.ts
var DEFAULT_WINDOW = { spreads: 4.5, slack: 12 };
var CELLS_IN_WINDOW = [1, 3, 4, 5, 7];
function bootstrapQuantileRatio(parent, candidate, q, opts) {
  return bootstrapQuantileRatioInWindow(parent, candidate, q, opts, DEFAULT_WINDOW);
}
function bootstrapQuantileRatioInWindow(parent, candidate, q, opts, window) {
  const n = parent.length;
  if (n === 0) throw new RangeError("Expected at least one case.");
  if (candidate.length !== n)
    throw new RangeError(`Expected \`candidate\` to have ${n} entries, got ${candidate.length}.`);
  for (const [name, values2] of [
    ["parent", parent],
    ["candidate", candidate]
  ]) {
    for (let i = 0; i < n; i++) {
      const value = values2[i];
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
    const parentBelow = counts[0] + counts[1] + counts[2];
    const parentInside = counts[3] + counts[4] + counts[5];
    const candidateBelow = counts[0] + counts[3] + counts[6];
    const candidateInside = counts[1] + counts[4] + counts[7];
    let replicateParent;
    let replicateCandidate;
    if (parentBelow <= target && parentBelow + parentInside >= target + needed && candidateBelow <= target && candidateBelow + candidateInside >= target + needed) {
      parentHistogram.fill(0);
      candidateHistogram.fill(0);
      for (const cell of CELLS_IN_WINDOW) {
        const start = cells.starts[cell];
        const drawn = counts[cell];
        fillIndices(opts.rng, cells.sizes[cell], picks, drawn);
        if (cell >= 3 && cell <= 5) countPicks(parentHistogram, cells.parentOffset, start, picks, drawn);
        if (cell % 3 === 1) countPicks(candidateHistogram, cells.candidateOffset, start, picks, drawn);
      }
      replicateParent = quantileFromHistogram(parentHistogram, low, target - parentBelow, fraction, parentSide.sorted);
      replicateCandidate = quantileFromHistogram(
        candidateHistogram,
        low,
        target - candidateBelow,
        fraction,
        candidateSide.sorted
      );
    } else {
      [replicateParent, replicateCandidate] = quantilesFromAllDraws(
        opts,
        cells,
        counts,
        parentSide,
        candidateSide,
        target,
        fraction
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
      method: "multinomial",
      drawsPerResample: n
    },
    opts
  );
}
function rankSide(values) {
  const sorted = values.toSorted();
  let ranks;
  const rank = () => {
    if (ranks !== void 0) return ranks;
    ranks = new Int32Array(values.length);
    const tiesTaken = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const first = lowerBound2(sorted, values[i]);
      ranks[i] = first + tiesTaken[first]++;
    }
    return ranks;
  };
  return { values, sorted, rank };
}
function windowRanks(side, low, high) {
  const { values, sorted } = side;
  const floor = sorted[low];
  const ceiling = sorted[high - 1];
  const out = new Int32Array(values.length);
  const tiesTaken = /* @__PURE__ */ new Map();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value < floor) out[i] = -1;
    else if (value > ceiling) out[i] = high;
    else {
      const first = lowerBound2(sorted, value);
      const taken = tiesTaken.get(first) ?? 0;
      tiesTaken.set(first, taken + 1);
      out[i] = first + taken;
    }
  }
  return out;
}
function lowerBound2(sorted, target) {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = low + high >>> 1;
    if (sorted[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
function countPicks(histogram, offsets, start, picks, drawn) {
  for (let t = 0; t < drawn; t++) histogram[offsets[start + picks[t]]]++;
}
function groupCells(parentRank, candidateRank, low, high) {
  const classOf = (rank) => rank < low ? 0 : rank < high ? 1 : 2;
  const cellOf = new Int32Array(parentRank.length);
  const sizes = new Float64Array(9);
  for (let i = 0; i < parentRank.length; i++) {
    const cell = 3 * classOf(parentRank[i]) + classOf(candidateRank[i]);
    cellOf[i] = cell;
    sizes[cell]++;
  }
  const starts = new Int32Array(10);
  for (let cell = 0; cell < 9; cell++) starts[cell + 1] = starts[cell] + sizes[cell];
  const next = starts.slice(0, 9);
  const cases = new Int32Array(parentRank.length);
  const parentOffset = new Int32Array(parentRank.length);
  const candidateOffset = new Int32Array(parentRank.length);
  for (let i = 0; i < cellOf.length; i++) {
    const slot = next[cellOf[i]]++;
    cases[slot] = i;
    parentOffset[slot] = parentRank[i] - low;
    candidateOffset[slot] = candidateRank[i] - low;
  }
  return { cases, starts, sizes, parentOffset, candidateOffset };
}
function quantileFromHistogram(histogram, offset, position, fraction, sorted) {
  let seen = 0;
  let bin = 0;
  while (seen + histogram[bin] <= position) seen += histogram[bin++];
  const lowValue = sorted[offset + bin];
  if (fraction === 0) return lowValue;
  if (seen + histogram[bin] <= position + 1) {
    bin++;
    while (histogram[bin] === 0) bin++;
  }
  const highValue = sorted[offset + bin];
  return lowValue === highValue ? lowValue : lowValue + fraction * (highValue - lowValue);
}
function quantilesFromAllDraws(opts, cells, counts, parentSide, candidateSide, target, fraction) {
  const parentRank = parentSide.rank();
  const candidateRank = candidateSide.rank();
  const parentRanks = new Int32Array(parentRank.length);
  const candidateRanks = new Int32Array(parentRank.length);
  let drawn = 0;
  for (let cell = 0; cell < 9; cell++) {
    for (let t = 0; t < counts[cell]; t++) {
      const index = cells.cases[cells.starts[cell] + opts.rng.nextInt(cells.sizes[cell])];
      parentRanks[drawn] = parentRank[index];
      candidateRanks[drawn++] = candidateRank[index];
    }
  }
  const pick = (ranks, sorted) => {
    ranks.sort();
    const lowValue = sorted[ranks[target]];
    if (fraction === 0) return lowValue;
    const highValue = sorted[ranks[target + 1]];
    return lowValue === highValue ? lowValue : lowValue + fraction * (highValue - lowValue);
  };
  return [pick(parentRanks, parentSide.sorted), pick(candidateRanks, candidateSide.sorted)];
}

// src/stats/offload.ts
function runQuantileRatio(request) {
  const options = {
    resamples: request.resamples,
    level: request.level,
    rng: createRng(request.seed),
    keepSamples: true
  };
  return request.clusterOfCase === void 0 ? bootstrapQuantileRatio(request.parent, request.candidate, request.q, options) : bootstrapClusteredQuantileRatio(request.parent, request.candidate, request.clusterOfCase, request.q, options);
}

// src/io/bootstrap-worker.ts
var ANSWERS = 0;
var READY = 1;
var { port, state } = workerData;
port.on("message", ({ id, request }) => {
  try {
    port.postMessage({ id, result: runQuantileRatio(request) });
  } catch {
    port.postMessage({ id });
  }
  Atomics.add(state, ANSWERS, 1);
  Atomics.notify(state, ANSWERS);
});
Atomics.store(state, READY, 1);
Atomics.notify(state, READY);
