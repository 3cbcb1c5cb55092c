import { drawBinomial, logFactorial } from './binomial.ts';
import type { Rng } from './rng.ts';

// The table covers the mean ± (10 standard deviations + 10): the binomial mass outside is below
// 1e-20, far under the 2^-53 resolution of the uniform that indexes the table.
const WINDOW_SPREADS = 10;
const WINDOW_SLACK = 10;

/** Binomial(n, p) tabulated for inversion: cumulative probabilities over a window, and a guide. */
export interface BinomialTable {
  readonly n: number;
  readonly p: number;
  /** Smallest value in the window. */
  readonly low: number;
  /** P(X <= low + i) for each i in the window, as accumulated in double precision. */
  readonly cumulative: Float64Array;
  /** guide[j]: the first i with cumulative[i] > j / guide.length (Chen and Asau's guide table). */
  readonly guide: Int32Array;
}

/**
 * Tabulates Binomial(n, p) for many draws with the same parameters: the probabilities from the
 * mode outwards by the ratio recurrence, normalised and accumulated over the window where any
 * mass a double can see lies. Building costs O(√(n·p·(1−p))); each draw then costs one uniform and about two
 * comparisons instead of a rejection loop with logarithms.
 *
 * @throws {RangeError} when `n` is not a non-negative safe integer or `p` is not in [0, 1].
 * @example
 * const table = tabulateBinomial(5000, 0.05);
 * drawFromTable(createRng(1), table); // about 250
 */
export function tabulateBinomial(n: number, p: number): BinomialTable {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Expected \`n\` to be a non-negative safe integer, got ${String(n)}.`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Expected \`p\` to be a probability in [0, 1], got ${String(p)}.`);
  if (n === 0 || p === 0 || p === 1) {
    return { n, p, low: p === 1 ? n : 0, cumulative: Float64Array.of(1), guide: Int32Array.of(0) };
  }
  const q = 1 - p;
  const mean = n * p;
  const spread = WINDOW_SPREADS * Math.sqrt(mean * q) + WINDOW_SLACK;
  const low = Math.max(0, Math.floor(mean - spread));
  const high = Math.min(n, Math.ceil(mean + spread));
  const mode = Math.min(high, Math.max(low, Math.floor((n + 1) * p)));
  const mass = new Float64Array(high - low + 1);
  mass[mode - low] = Math.exp(logFactorial(n) - logFactorial(mode) - logFactorial(n - mode) + mode * Math.log(p) + (n - mode) * Math.log1p(-p));
  const odds = p / q;
  for (let k = mode; k < high; k++) mass[k + 1 - low] = mass[k - low]! * (((n - k) / (k + 1)) * odds);
  for (let k = mode; k > low; k--) mass[k - 1 - low] = mass[k - low]! * ((k / (n - k + 1)) / odds);
  // Normalised over the window, which holds all but 1e-20 of the mass: the ratios of the
  // recurrence are accurate to rounding, while the mode's own probability, the exponential of a
  // difference of log-factorials near 10^7 for large n, is not.
  let total = 0;
  for (let i = 0; i < mass.length; i++) total += mass[i]!;
  const cumulative = new Float64Array(mass.length);
  let running = 0;
  for (let i = 0; i < mass.length; i++) {
    running += mass[i]! / total;
    cumulative[i] = running;
  }
  const guide = new Int32Array(mass.length);
  let i = 0;
  for (let j = 0; j < guide.length; j++) {
    while (i < cumulative.length - 1 && cumulative[i]! <= j / guide.length) i++;
    guide[j] = i;
  }
  return { n, p, low, cumulative, guide };
}

/**
 * Draws from a tabulated Binomial(n, p) by inversion: the smallest k with P(X <= k) > u. When u
 * lands beyond the accumulated window (a mass of rounding size) the draw comes from `drawBinomial`
 * instead, so no value is impossible. The draws follow the binomial up to the rounding of the
 * tabulated probabilities, about 1e-14 in total, the accuracy of any floating-point sampler.
 *
 * @example
 * drawFromTable(createRng(1), tabulateBinomial(10, 0.5)); // one of 0..10
 */
export function drawFromTable(rng: Rng, table: BinomialTable): number {
  const { cumulative, guide } = table;
  const u = rng.nextFloat();
  let i = guide[Math.floor(u * guide.length)]!;
  while (i < cumulative.length && cumulative[i]! <= u) i++;
  return i < cumulative.length ? table.low + i : drawBinomial(rng, table.n, table.p);
}
