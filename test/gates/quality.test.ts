import { describe, expect, it } from 'vitest';
import type { PairedCase } from '../../src/evidence/pair.ts';
import { evaluateQuality } from '../../src/gates/quality.ts';
import type { Measure } from '../../src/gates/result.ts';
import { binaryCases, outcome, pairedCase, policyAt } from './cases.ts';
import type { Pattern } from './cases.ts';

const policy = policyAt(0);
const measure = (measures: readonly Measure[], name: string): Measure => {
  const found = measures.find((m) => m.name === name);
  if (!found) throw new Error(`no measure ${name} in ${measures.map((m) => m.name).join(', ')}`);
  return found;
};

/** Categories of binary cases, one pattern each. */
function categories(patterns: Record<string, Pattern>, critical = false): PairedCase[] {
  return Object.entries(patterns).flatMap(([category, pattern]) => binaryCases(pattern, { category, critical }));
}

// Sample SD of the per-case delta for a binary pattern, in pp, for the normal-approximation
// checks below (the bootstrap interval of a mean of n iid deltas is close to ±1.96·sd/√n).
const sdPp = (minus: number, plus: number, n: number): number => {
  const mean = (plus - minus) / n;
  return 100 * Math.sqrt((minus * (-1 - mean) ** 2 + plus * (1 - mean) ** 2 + (n - minus - plus) * mean ** 2) / (n - 1));
};

// Eight critical cases regressed, one fixed, among four categories of 250 cases whose other
// outcomes do not move: the overall delta (−0.7 pp) is within the margin.
function criticalScenario(regressed: number, fixed: number): PairedCase[] {
  const crit = binaryCases({ regressed, fixed, bothPass: 30 }, { category: 'billing', critical: true, prefix: 'crit' });
  const rest = categories({
    billing: { bothPass: 250 - crit.length - 20, bothFail: 20 },
    shipping: { bothPass: 230, bothFail: 20 },
    returns: { bothPass: 230, bothFail: 20 },
    accounts: { bothPass: 230, bothFail: 20 },
  });
  return [...crit, ...rest];
}

// Tolerance. A percentile bound from B replicates has Monte Carlo SE ≈ √(q(1−q)/B) / f(x_q); with
// the bootstrap distribution near normal, f(x_q) ≈ φ(z_q)/se, so SE ≈ se·√(q(1−q)/B)/φ(z_q)
// = se·2.671/√B at q = 0.025. Ours has B = 10,000 (0.0267·se), numpy 200,000 (0.0060·se);
// combined 0.0274·se, and we allow 4 of those (0.11·se) plus one lattice step of the statistic
// (binary deltas move in steps of 100/n pp; trial averages of 3 in steps of 100/(3n)).
const tolerance = (se: number, lattice: number): number => 4 * 0.0274 * se + lattice;

const scorePolicy = (seed?: number): ReturnType<typeof policyAt> => policyAt(0, { gates: { quality: { metric: 'score' } }, ...(seed !== undefined ? { statistics: { seed } } : {}) });

const scaled = (pattern: Required<Pattern>, factor: number): PairedCase[] =>
  binaryCases(
    {
      regressed: Math.round(pattern.regressed * factor),
      fixed: Math.round(pattern.fixed * factor),
      bothPass: Math.round(pattern.bothPass * factor),
      bothFail: Math.round(pattern.bothFail * factor),
    },
    { category: 'general' },
  );

describe('quality gate verdicts', () => {
  it.each<[string, Pattern, 'pass' | 'fail' | 'inconclusive', RegExp]>([
    ['a small gain', { regressed: 30, fixed: 40, bothPass: 830, bothFail: 100 }, 'pass', /^Pass rate changed \+1\.0 pp \(95% CI .* n = 1,000\); the interval stays within the 2\.0 pp margin/],
    ['a small loss well inside the margin', { regressed: 20, fixed: 10, bothPass: 4870, bothFail: 100 }, 'pass', /^Pass rate changed −0\.2 pp/],
    ['an 8 pp drop', { regressed: 100, fixed: 20, bothPass: 780, bothFail: 100 }, 'fail', /^Pass rate changed −8\.0 pp \(95% CI −10\.\d to −5\.\d pp, n = 1,000\), a significant drop beyond the 2\.0 pp margin\.$/],
    ['a noisy −1 pp', { regressed: 10, fixed: 8, bothPass: 170, bothFail: 12 }, 'inconclusive', /the interval is too wide to show the drop is within the 2\.0 pp margin\. About [\d,]+ paired cases would decide it\.$/],
    ['a −2.5 pp drop that is not significant', { regressed: 8, fixed: 3, bothPass: 170, bothFail: 19 }, 'inconclusive', /About [\d,]+ paired cases would decide it\.$/],
  ])('%s: %s', (_name, pattern, verdict, reason) => {
    const cases = binaryCases(pattern, { category: 'general' });
    const n = cases.length;
    const { result } = evaluateQuality(cases, policy);
    expect(result.verdict).toBe(verdict);
    expect(result.reason).toMatch(reason);
    expect(result.on_failure).toBe('reject');
    const headline = result.headline!;
    const minus = pattern.regressed ?? 0;
    const plus = pattern.fixed ?? 0;
    expect(headline.estimate).toBeCloseTo((100 * (plus - minus)) / n, 9);
    expect(headline.threshold).toBe(-2);
    expect(headline.unit).toBe('pp');
    expect(headline.n).toBe(n);
    expect(headline.verdict).toBe(verdict);
    // The interval: centred near the estimate, half-width near 1.96·sd/√n (within 20 %: the
    // bootstrap is not normal at these sizes, and the lattice step is 100/n pp).
    const halfWidth = (1.959964 * sdPp(minus, plus, n)) / Math.sqrt(n);
    const interval = headline.interval!;
    expect(interval.level).toBe(0.95);
    expect(interval.lower).toBeLessThan(headline.estimate);
    expect(interval.upper).toBeGreaterThan(headline.estimate);
    expect(Math.abs(interval.upper - interval.lower - 2 * halfWidth)).toBeLessThan(0.2 * 2 * halfWidth + 200 / n);
    if (verdict === 'pass') expect(interval.lower).toBeGreaterThanOrEqual(-2);
    if (verdict === 'inconclusive') {
      expect(interval.lower).toBeLessThan(-2);
      expect(result.cases_needed).toBeGreaterThan(n);
    } else {
      expect(result.cases_needed).toBeUndefined();
    }
  });

  it('is inconclusive below min_cases, however good the data, and says how many are needed', () => {
    const cases = binaryCases({ bothPass: 20 }, { category: 'general' });
    const { result } = evaluateQuality(cases, policy);
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toBe(
      'Only 20 paired golden cases (minimum 30): pass rate changed ±0.0 pp (95% CI ±0.0 to ±0.0 pp, n = 20). About 30 paired cases would decide it.',
    );
    expect(result.cases_needed).toBe(30);
  });

  it('is not_applicable without golden-suite cases', () => {
    const cases = binaryCases({ regressed: 40, bothPass: 60 }, { suite: 'safety', category: 'jailbreak' });
    const { result, categories: table } = evaluateQuality(cases, policy);
    expect(result).toEqual({ gate: 'quality', verdict: 'not_applicable', reason: 'No paired golden-suite evidence was supplied.', measures: [], on_failure: 'reject' });
    expect(table).toEqual([]);
  });

  it('ignores safety and shadow cases when judging quality', () => {
    const golden = binaryCases({ regressed: 20, fixed: 10, bothPass: 4870, bothFail: 100 }, { category: 'general' });
    const noise = binaryCases({ regressed: 300 }, { suite: 'shadow', prefix: 'shadow' });
    expect(evaluateQuality([...golden, ...noise], policy)).toEqual(evaluateQuality(golden, policy));
  });

  it('uses the level 2 margin of 1.0 pp', () => {
    // −1.5 pp with a tight interval: passes the 2.0 pp margin at level 0, fails 1.0 pp at level 2.
    const cases = binaryCases({ regressed: 200, fixed: 50, bothPass: 9000, bothFail: 750 }, { category: 'general' });
    expect(evaluateQuality(cases, policyAt(0)).result.verdict).toBe('pass');
    const level2 = evaluateQuality(cases, policyAt(2)).result;
    expect(level2.verdict).toBe('fail');
    expect(level2.headline!.threshold).toBe(-1);
    expect(level2.reason).toMatch(/beyond the 1\.0 pp margin/);
  });
});

describe('quality gate: per-category tests under Holm', () => {
  it('fails one category far beyond the margin even when the overall delta is within it', () => {
    const patterns: Record<string, Pattern> = {};
    for (let k = 0; k < 19; k++) patterns[`cat-${String(k).padStart(2, '0')}`] = { bothPass: 90, bothFail: 10 };
    patterns['refunds'] = { regressed: 30, bothPass: 60, bothFail: 10 };
    for (const name of Object.keys(patterns)) if (name !== 'refunds') patterns[name] = { bothPass: 180, bothFail: 20 };
    const { result, categories: table } = evaluateQuality(categories(patterns), policy);
    expect(result.headline!.estimate).toBeCloseTo((-30 / 3900) * 100, 5);
    expect(result.headline!.verdict).toBe('pass');
    expect(result.verdict).toBe('fail');
    const refunds = table.find((c) => c.category === 'refunds')!;
    expect(refunds).toMatchObject({ n: 100, parent_rate: 0.9, candidate_rate: 0.6, tested: true });
    expect(refunds.measure).toMatchObject({ verdict: 'fail', estimate: -30, threshold: -2, n: 100 });
    // 30 regressions and no fixes: no resample reaches 0, so the raw p is 1/(B+1); Holm multiplies
    // the smallest of the 21 tests (overall + 20 categories) by 21.
    expect(refunds.measure.p_value).toBeCloseTo(1 / 10_001, 8);
    expect(refunds.measure.adjusted_p).toBeCloseTo(21 / 10_001, 8);
    expect(result.reason).toMatch(/^Category refunds fell −30\.0 pp \(Holm-adjusted p = 0\.00\d+\)\.$/);
    expect(table.filter((c) => c.measure.verdict === 'fail').map((c) => c.category)).toEqual(['refunds']);
  });

  it('does not fail on noise spread over many categories, though one raw p is below 0.05', () => {
    const patterns: Record<string, Pattern> = {};
    for (let k = 0; k < 19; k++) patterns[`cat-${String(k).padStart(2, '0')}`] = { regressed: 2, fixed: 3, bothPass: 40, bothFail: 5 };
    // −8 pp in 50 cases, beyond the margin: alone it is "significant" (raw p ≈ (46/50)^50 ≈ 0.016),
    // but one of 21 tests at that level is what noise produces.
    patterns['leave'] = { regressed: 4, bothPass: 41, bothFail: 5 };
    const { result, categories: table } = evaluateQuality(categories(patterns), policy);
    const leave = table.find((c) => c.category === 'leave')!;
    expect(leave.measure.estimate).toBe(-8);
    expect(leave.measure.p_value).toBeLessThan(0.05);
    expect(leave.measure.adjusted_p).toBeGreaterThan(0.05);
    expect(leave.measure.verdict).toBe('pass');
    expect(result.verdict).toBe('pass');
    expect(table).toHaveLength(20);
    expect(table.every((c) => c.tested)).toBe(true);
  });

  it('shows categories under min_category_cases without testing them', () => {
    const cases = categories({ big: { regressed: 2, fixed: 2, bothPass: 90, bothFail: 6 }, tiny: { regressed: 10, bothPass: 2 } });
    const { result, categories: table } = evaluateQuality(cases, policy);
    const tiny = table.find((c) => c.category === 'tiny')!;
    expect(tiny.tested).toBe(false);
    expect(tiny.measure.verdict).toBe('not_applicable');
    expect(tiny.measure.reason).toBe('fewer than 20 cases: shown, not tested');
    expect(tiny.measure.p_value).toBeUndefined();
    expect(tiny.measure.estimate).toBeCloseTo((-10 / 12) * 100, 6);
    // The overall drop (−10 of 112 = −8.9 pp) is what fails, not the untested category.
    expect(result.verdict).toBe('fail');
    expect(result.reason).not.toMatch(/tiny/);
  });

  it('gives each category the same interval whatever other categories exist', () => {
    const refunds = binaryCases({ regressed: 5, fixed: 2, bothPass: 80, bothFail: 13 }, { category: 'refunds' });
    const others = binaryCases({ regressed: 3, fixed: 3, bothPass: 90, bothFail: 4 }, { category: 'aardvark' });
    const more = binaryCases({ regressed: 1, fixed: 6, bothPass: 30, bothFail: 3 }, { category: 'zebra' });
    const two = evaluateQuality([...refunds, ...more], policy).categories.find((c) => c.category === 'refunds')!;
    const three = evaluateQuality([...others, ...refunds, ...more], policy).categories.find((c) => c.category === 'refunds')!;
    expect(three.measure.interval).toEqual(two.measure.interval);
    expect(three.measure.p_value).toEqual(two.measure.p_value);
    // A lone category is the overall test itself, not a second test of the same cases.
    const alone = evaluateQuality(refunds, policy);
    expect(alone.categories[0]!.measure).toMatchObject({ estimate: alone.result.headline!.estimate, interval: alone.result.headline!.interval, adjusted_p: alone.result.headline!.adjusted_p });
  });
});

describe('quality gate: critical cases (exact McNemar)', () => {
  it('fails on 8 regressed against 1 fixed critical case', () => {
    const { result } = evaluateQuality(criticalScenario(8, 1), policy);
    const mcnemar = measure(result.measures, 'critical_mcnemar');
    // scipy.stats.binomtest(8, 9, 0.5, alternative='greater').pvalue == 0.01953125
    // (computed offline with scipy 1.17; = 10/512).
    expect(mcnemar.p_value).toBe(0.01953125);
    expect(mcnemar).toMatchObject({ estimate: 7, n: 39, unit: 'count', verdict: 'fail', label: 'Critical cases: 8 regressed, 1 fixed of 39' });
    expect(mcnemar.adjusted_p).toBeLessThan(0.05);
    expect(result.headline!.estimate).toBeCloseTo(-0.7, 9);
    expect(result.headline!.verdict).toBe('pass');
    expect(result.verdict).toBe('fail');
    expect(result.reason).toMatch(/8 critical cases regressed against 1 fixed \(McNemar p = 0\.0\d+\)/);
  });

  it('passes on 5 regressed against 4 fixed critical cases', () => {
    const { result } = evaluateQuality(criticalScenario(5, 4), policy);
    const mcnemar = measure(result.measures, 'critical_mcnemar');
    // scipy.stats.binomtest(5, 9, 0.5, alternative='greater').pvalue == 0.5
    expect(mcnemar.p_value).toBe(0.5);
    expect(mcnemar.verdict).toBe('pass');
    expect(result.verdict).toBe('pass');
  });

  it('counts a trial-averaged critical case as passing when at least half its trials passed', () => {
    const crit = [
      pairedCase('c1', outcome(2 / 3, { trials: 3 }), outcome(1 / 3, { trials: 3 }), { critical: true }),
      pairedCase('c2', outcome(1, { trials: 3 }), outcome(0, { trials: 3 }), { critical: true }),
      pairedCase('c3', outcome(1 / 3, { trials: 3 }), outcome(2 / 3, { trials: 3 }), { critical: true }),
    ];
    const rest = binaryCases({ bothPass: 60 }, { category: 'general' });
    const mcnemar = measure(evaluateQuality([...crit, ...rest], policy).result.measures, 'critical_mcnemar');
    expect(mcnemar.label).toBe('Critical cases: 2 regressed, 1 fixed of 3');
    // scipy.stats.binomtest(2, 3, 0.5, alternative='greater').pvalue == 0.5
    expect(mcnemar.p_value).toBe(0.5);
  });
});

describe('quality gate intervals against numpy', () => {
  // Reference intervals: numpy percentile bootstrap (index resampling, np.percentile linear, B =
  // 200,000) computed offline with numpy 2.4:
  //
  //   rng = np.random.default_rng(20260426)
  //   def boot_mean(d, B=200_000):   # resample cases with replacement, mean delta per resample
  //       out = np.empty(B)
  //       for s in range(0, B, 5000):
  //           idx = rng.integers(0, len(d), size=(5000, len(d))); out[s:s+5000] = d[idx].mean(axis=1)
  //       return out
  //   def boot_cluster(sums, sizes, B=200_000):   # resample clusters; Σ delta / Σ cases
  //       ... idx = rng.integers(0, k, size=(5000, k)); out[...] = sums[idx].sum(1) / sizes[idx].sum(1)
  //   np.percentile(reps, [2.5, 97.5]) * 100, reps.std(ddof=1) * 100
  //
  it.each<[string, () => { cases: PairedCase[]; metric: 'pass' | 'score' }, { estimate: number; lower: number; upper: number; se: number; lattice: number }]>([
    [
      'binary, 30 regressed and 18 fixed of 400',
      () => ({ cases: binaryCases({ regressed: 30, fixed: 18, bothPass: 300, bothFail: 52 }), metric: 'pass' }),
      // d = np.array([-1.0]*30 + [1.0]*18 + [0.0]*352)
      { estimate: -3, lower: -6.5, upper: 0.25, se: 1.7235, lattice: 100 / 400 },
    ],
    [
      'continuous judge scores, 300 cases',
      () => ({
        cases: Array.from({ length: 300 }, (_, i) => {
          const parent = ((i * 37) % 101) / 100;
          const candidate = Math.min(1, Math.max(0, parent + (((i * 53) % 41) - 22) / 100));
          return pairedCase(`s${i}`, outcome(1, { score: parent }), outcome(1, { score: candidate }));
        }),
        metric: 'score',
      }),
      // i = np.arange(300); parent = ((i*37) % 101) / 100
      // cand = np.clip(parent + (((i*53) % 41) - 22) / 100, 0, 1); d = cand - parent
      { estimate: -1.6, lower: -2.836667, upper: -0.356667, se: 0.633299, lattice: 0 },
    ],
    [
      'binary in 60 clusters of 2–6 cases',
      () => {
        const cases: PairedCase[] = [];
        for (let j = 0; j < 60; j++) {
          const size = 2 + (j % 5);
          for (let k = 0; k < size; k++) {
            const [p, c] = j % 6 === 0 && k < size - 1 ? [1, 0] : j % 9 === 4 && k === 0 ? [0, 1] : [1, 1];
            cases.push(pairedCase(`j${j}-k${k}`, p, c, { cluster: `incident-${j}` }));
          }
        }
        return { cases, metric: 'pass' };
      },
      // for j in range(60): s = 2 + j % 5; per case k: −1 if j % 6 == 0 and k < s − 1,
      // +1 if j % 9 == 4 and k == 0, else 0; sums[j] = Σ, sizes[j] = s
      { estimate: -9.5833333333, lower: -18.421053, upper: -1.701947, se: 4.282512, lattice: 0 },
    ],
    [
      'pass rates averaged over 3 trials, 240 cases',
      () => ({
        cases: Array.from({ length: 240 }, (_, i) => {
          const parent = ((i * 7) % 4) / 3;
          const candidate = i % 6 === 0 ? Math.max(parent - 2 / 3, 0) : ((i * 5 + 1) % 4) / 3;
          return pairedCase(`t${i}`, outcome(Math.min(parent, 1), { trials: 3 }), outcome(Math.min(candidate, 1), { trials: 3 }));
        }),
        metric: 'pass',
      }),
      // i = np.arange(240); parent = ((i*7) % 4) / 3; cand = ((i*5 + 1) % 4) / 3
      // cand = np.where(i % 6 == 0, np.maximum(parent - 2/3, 0), cand); d = cand - parent
      { estimate: -11.1111111111, lower: -15.416667, upper: -6.805556, se: 2.206249, lattice: 100 / 720 },
    ],
  ])('%s', (_name, build, reference) => {
    const { cases, metric } = build();
    const { result } = evaluateQuality(cases, policyAt(0, { gates: { quality: { metric } } }));
    const headline = result.headline!;
    expect(headline.estimate).toBeCloseTo(reference.estimate, 6);
    const tol = tolerance(reference.se, reference.lattice);
    expect(Math.abs(headline.interval!.lower - reference.lower)).toBeLessThanOrEqual(tol);
    expect(Math.abs(headline.interval!.upper - reference.upper)).toBeLessThanOrEqual(tol);
  });
});

describe('quality gate determinism', () => {
  const cases = Array.from({ length: 400 }, (_, i) => pairedCase(`s${i}`, outcome(1, { score: ((i * 37) % 101) / 100 }), outcome(1, { score: ((i * 59) % 101) / 100 })));
  it('gives identical results for the same seed and different intervals for another', () => {
    const a = evaluateQuality(cases, scorePolicy());
    const b = evaluateQuality(cases, scorePolicy());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = evaluateQuality(cases, scorePolicy(7));
    expect(c.result.headline!.estimate).toBe(a.result.headline!.estimate);
    expect(c.result.headline!.interval).not.toEqual(a.result.headline!.interval);
  });

  it('does not depend on the order of the cases', () => {
    const binary = binaryCases({ regressed: 25, fixed: 15, bothPass: 400, bothFail: 60 }, { category: 'general' });
    expect(evaluateQuality(binary.toReversed(), policy)).toEqual(evaluateQuality(binary, policy));
  });
});

describe('quality gate: how many cases would decide an inconclusive result', () => {
  it('towards a pass: the same proportions at about cases_needed pass, at half of it they do not', () => {
    const pattern = { regressed: 10, fixed: 8, bothPass: 170, bothFail: 12 };
    const { result } = evaluateQuality(scaled(pattern, 1), policy);
    expect(result.verdict).toBe('inconclusive');
    // −1 pp with a per-case sd of 30.06 pp: n ≈ (1.96 · 30.06 / (−1 + 2))² ≈ 3,470.
    const needed = result.cases_needed!;
    expect(needed).toBeGreaterThan(3000);
    expect(needed).toBeLessThan(4000);
    expect(result.reason).toContain(`About ${needed.toLocaleString('en-US')} paired cases would decide it.`);
    expect(evaluateQuality(scaled(pattern, (1.3 * needed) / 200), policy).result.verdict).toBe('pass');
    expect(evaluateQuality(scaled(pattern, (0.5 * needed) / 200), policy).result.verdict).toBe('inconclusive');
  });

  it('towards a fail: a drop beyond the margin that is not yet significant', () => {
    const pattern = { regressed: 8, fixed: 3, bothPass: 170, bothFail: 19 };
    const { result } = evaluateQuality(scaled(pattern, 1), policy);
    expect(result.verdict).toBe('inconclusive');
    const needed = result.cases_needed!;
    expect(needed).toBeGreaterThan(200);
    expect(needed).toBeLessThan(600);
    expect(evaluateQuality(scaled(pattern, (1.5 * needed) / 200), policy).result.verdict).toBe('fail');
  });

  it('asks for more cases when they come in correlated clusters', () => {
    const pattern = { regressed: 10, fixed: 8, bothPass: 170, bothFail: 12 };
    const flat = scaled(pattern, 1);
    // Regressions share clusters of five, fixes of four: the same cases, far less information.
    const clustered = flat.map((c, i) => ({ ...c, cluster: i < 10 ? `r${Math.floor(i / 5)}` : i < 18 ? `f${Math.floor(i / 4)}` : `t${i}` }));
    const a = evaluateQuality(flat, policy).result;
    const b = evaluateQuality(clustered, policy).result;
    expect(b.verdict).toBe('inconclusive');
    expect(b.cases_needed!).toBeGreaterThan(2 * a.cases_needed!);
  });
});
