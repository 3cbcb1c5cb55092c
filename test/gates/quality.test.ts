import { describe, expect, it } from 'vitest';
import type { PairedCase } from '../../src/evidence/pair.ts';
import { evaluateQuality } from '../../src/gates/quality.ts';
import type { Measure } from '../../src/gates/result.ts';
import { tangoBound } from '../../src/stats/paired-score.ts';
import { binaryCases, outcome, pairedCase, policyAt } from './cases.ts';
import type { Pattern } from './cases.ts';

const policy = policyAt(0);
// Look 1 spends 80 % of the 2.5 % pass risk: every shown bound is one-sided at 98 %.
const PASS_ALPHA = 0.02;
const measure = (measures: readonly Measure[], name: string): Measure => {
  const found = measures.find((m) => m.name === name);
  if (!found) throw new Error(`no measure ${name} in ${measures.map((m) => m.name).join(', ')}`);
  return found;
};

/** Categories of binary cases, one pattern each. */
function categories(patterns: Record<string, Pattern>, critical = false): PairedCase[] {
  return Object.entries(patterns).flatMap(([category, pattern]) => binaryCases(pattern, { category, critical }));
}

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

describe('quality gate verdicts against the margin', () => {
  it.each<[string, Required<Pattern>, 'pass' | 'fail' | 'inconclusive', RegExp]>([
    [
      'a small gain',
      { regressed: 30, fixed: 40, bothPass: 830, bothFail: 100 },
      'pass',
      /^Pass rate changed \+1\.0 pp \(96% CI −0\.\d to \+2\.\d pp, n = 1,000\); the one-sided 98 % lower bound, −0\.\d\d pp, is within the 2\.0 pp margin, no tested category/,
    ],
    [
      'a small loss well inside the margin',
      { regressed: 20, fixed: 10, bothPass: 4870, bothFail: 100 },
      'pass',
      /^Pass rate changed −0\.2 pp/,
    ],
    [
      'an 8 pp drop',
      { regressed: 100, fixed: 20, bothPass: 780, bothFail: 100 },
      'fail',
      /^Pass rate changed −8\.0 pp \(96% CI −10\.\d to −5\.\d pp, n = 1,000\): a drop beyond the 2\.0 pp margin, significant at this test's α = 0\.04 of the error budget \(one-sided 96 % upper bound −6\.\d pp\)\.$/,
    ],
    [
      'a noisy −1 pp',
      { regressed: 10, fixed: 8, bothPass: 170, bothFail: 12 },
      'inconclusive',
      /the one-sided 98 % lower bound, −5\.\d pp, is beyond the 2\.0 pp margin\. About [\d,]+ paired cases would decide it at look 2 with 80 % probability\.$/,
    ],
    [
      'a −2.5 pp drop that is not significant',
      { regressed: 8, fixed: 3, bothPass: 170, bothFail: 19 },
      'inconclusive',
      /About [\d,]+ paired cases would decide it/,
    ],
  ])('%s', (_name, pattern, verdict, reason) => {
    const cases = binaryCases(pattern, { category: 'general' });
    const n = cases.length;
    const { result } = evaluateQuality(cases, policy);
    expect(result.verdict).toBe(verdict);
    expect(result.reason).toMatch(reason);
    const headline = result.headline!;
    expect(headline.estimate).toBeCloseTo((100 * (pattern.fixed - pattern.regressed)) / n, 9);
    expect(headline).toMatchObject({ threshold: -2, unit: 'pp', n, verdict, method: 'tango-score' });
    // The shown interval is the pass test's: Tango's one-sided 98 % bounds on both sides.
    const counts = { n, fixes: pattern.fixed, regressions: pattern.regressed };
    expect(headline.interval!.level).toBeCloseTo(0.96, 12);
    expect(headline.interval!.lower).toBeCloseTo(100 * tangoBound(counts, 'lower', PASS_ALPHA), 5);
    expect(headline.interval!.upper).toBeCloseTo(100 * tangoBound(counts, 'upper', PASS_ALPHA), 5);
    // And the fail test's bound at its level decides a fail, never the shown interval alone.
    expect(headline.bound_at_alpha! < -2).toBe(verdict === 'fail');
    if (verdict === 'pass') expect(headline.interval!.lower).toBeGreaterThanOrEqual(-2);
    if (verdict === 'inconclusive') expect(result.cases_needed).toBeGreaterThan(n);
    else expect(result.cases_needed).toBeUndefined();
  });

  it('does not approve thirty tied cases: an exact-sized interval, not [0, 0]', () => {
    const { result } = evaluateQuality(binaryCases({ bothPass: 30 }, { category: 'general' }), policy);
    expect(result.verdict).toBe('inconclusive');
    // z²/(n + z²) with z = 2.054 (one-sided 98 %): ±12.3 pp.
    expect(result.headline!.interval!.lower).toBeCloseTo(-12.33, 1);
    expect(result.reason).toMatch(/the one-sided 98 % lower bound, −12\.3 pp, is beyond the 2\.0 pp margin/);
  });

  it('is inconclusive below min_cases, however good the data, and says how many are needed', () => {
    const { result } = evaluateQuality(binaryCases({ bothPass: 20 }, { category: 'general' }), policy);
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toMatch(
      /^Pass rate changed ±0\.0 pp \(96% CI −17\.\d to \+17\.\d pp, n = 20\): only 20 paired golden cases \(minimum 30\)\. About [\d,]+ paired cases would decide it/,
    );
    expect(result.cases_needed).toBeGreaterThanOrEqual(30);
  });

  it('counts clusters, not cases, against the minimum: 3 incidents of 1,000 cases are not approved', () => {
    const cases = binaryCases(
      { bothPass: 2900, bothFail: 100 },
      { category: 'general', cluster: (i) => `incident-${i % 3}` },
    );
    const { result } = evaluateQuality(cases, policy);
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toMatch(/n = 3,000 in 3 clusters\): only 3 clusters \(minimum 30\)/);
    expect(result.headline).toMatchObject({ clusters: 3, method: 'tango-score+cluster-t' });
  });

  it('is not_applicable without golden-suite cases', () => {
    const cases = binaryCases({ regressed: 40, bothPass: 60 }, { suite: 'safety', category: 'jailbreak' });
    const { result, categories: table } = evaluateQuality(cases, policy);
    expect(result).toEqual({
      gate: 'quality',
      verdict: 'not_applicable',
      reason: 'No paired golden-suite evidence was supplied.',
      measures: [],
      on_failure: 'reject',
    });
    expect(table).toEqual([]);
  });

  it('ignores safety and shadow cases when judging quality', () => {
    const golden = binaryCases({ regressed: 20, fixed: 10, bothPass: 4870, bothFail: 100 }, { category: 'general' });
    const noise = binaryCases({ regressed: 300 }, { suite: 'shadow', prefix: 'shadow' });
    expect(evaluateQuality([...golden, ...noise], policy)).toEqual(evaluateQuality(golden, policy));
  });

  it('uses the level 2 margin of 1.0 pp: −1.5 pp passes at level 0 and fails at level 2', () => {
    const cases = binaryCases({ regressed: 200, fixed: 50, bothPass: 9000, bothFail: 750 }, { category: 'general' });
    expect(evaluateQuality(cases, policyAt(0)).result.verdict).toBe('pass');
    const level2 = evaluateQuality(cases, policyAt(2)).result;
    expect(level2.verdict).toBe('fail');
    expect(level2.headline!.threshold).toBe(-1);
    expect(level2.reason).toMatch(/a drop beyond the 1\.0 pp margin/);
  });

  it('holds a second look to its smaller share of both budgets', () => {
    const cases = binaryCases({ regressed: 30, fixed: 40, bothPass: 830, bothFail: 100 }, { category: 'general' });
    const second = evaluateQuality(cases, policy, 2).result.headline!;
    // Look 2 spends 16 %: the pass risk 0.025·0.16 = 0.004, a 99.2 % interval.
    expect(second.interval!.level).toBeCloseTo(0.992, 12);
    expect(second.interval!.lower).toBeLessThan(evaluateQuality(cases, policy).result.headline!.interval!.lower);
    expect(second.alpha).toBeCloseTo(0.05 * 0.16, 12);
  });
});

describe('quality gate: categories', () => {
  it('fails one category far beyond its margin even when the overall delta is within the margin', () => {
    const patterns: Record<string, Pattern> = {};
    for (let k = 0; k < 19; k++) patterns[`cat-${String(k).padStart(2, '0')}`] = { bothPass: 180, bothFail: 20 };
    patterns['refunds'] = { regressed: 30, bothPass: 60, bothFail: 10 };
    const { result, categories: table } = evaluateQuality(categories(patterns), policy);
    expect(result.headline!.estimate).toBeCloseTo((-30 / 3900) * 100, 5);
    expect(result.headline!.verdict).toBe('pass');
    expect(result.verdict).toBe('fail');
    const refunds = table.find((c) => c.category === 'refunds')!;
    expect(refunds).toMatchObject({ n: 100, parent_rate: 0.9, candidate_rate: 0.6, tested: true });
    expect(refunds.measure).toMatchObject({ verdict: 'fail', estimate: -30, threshold: -5, n: 100 });
    // 20 tested categories share the categories' weight: α·0.2/(0.35 + 0.2)/20 at look 1.
    expect(refunds.measure.alpha).toBeCloseTo((0.04 * 0.2) / 0.55 / 20, 10);
    expect(refunds.measure.p_value).toBeLessThan(refunds.measure.alpha!);
    expect(result.reason).toMatch(
      /^Category refunds fell −30\.0 pp, beyond its 5\.0 pp margin, significant at this test's α = 0\.00073 of the error budget/,
    );
    expect(table.filter((c) => c.measure.verdict === 'fail').map((c) => c.category)).toEqual(['refunds']);
  });

  it('does not fail noise spread over many categories, and does not pass a category estimated beyond its margin', () => {
    const patterns: Record<string, Pattern> = {};
    for (let k = 0; k < 19; k++)
      patterns[`cat-${String(k).padStart(2, '0')}`] = { regressed: 2, fixed: 3, bothPass: 40, bothFail: 5 };
    // −8 pp in 50 cases, beyond the 5 pp category margin but far from significant at its share of α.
    patterns['leave'] = { regressed: 4, bothPass: 41, bothFail: 5 };
    const { result, categories: table } = evaluateQuality(categories(patterns), policy);
    const leave = table.find((c) => c.category === 'leave')!;
    expect(leave.measure.estimate).toBe(-8);
    expect(leave.measure.verdict).toBe('inconclusive');
    expect(result.verdict).toBe('inconclusive');
    expect(result.reason).toMatch(
      /category leave is estimated −8\.0 pp, beyond its 5\.0 pp margin, but not significantly/,
    );
    expect(table).toHaveLength(20);
  });

  it('shows categories under min_category_cases without testing them', () => {
    const cases = categories({
      big: { regressed: 2, fixed: 2, bothPass: 90, bothFail: 6 },
      tiny: { regressed: 10, bothPass: 2 },
    });
    const { result, categories: table } = evaluateQuality(cases, policy);
    const tiny = table.find((c) => c.category === 'tiny')!;
    expect(tiny.tested).toBe(false);
    expect(tiny.measure.verdict).toBe('not_applicable');
    expect(tiny.measure.reason).toBe('fewer than 20 cases: shown, not tested');
    expect(tiny.measure.p_value).toBeUndefined();
    // The overall drop (−10 of 112 = −8.9 pp) is what fails, not the untested category.
    expect(result.verdict).toBe('fail');
    expect(result.reason).not.toMatch(/tiny/);
  });

  it('gives each category the same interval whatever other categories exist', () => {
    const refunds = binaryCases({ regressed: 5, fixed: 2, bothPass: 80, bothFail: 13 }, { category: 'refunds' });
    const others = binaryCases({ regressed: 3, fixed: 3, bothPass: 90, bothFail: 4 }, { category: 'aardvark' });
    const more = binaryCases({ regressed: 1, fixed: 6, bothPass: 30, bothFail: 3 }, { category: 'zebra' });
    const two = evaluateQuality([...refunds, ...more], policy).categories.find((c) => c.category === 'refunds')!;
    const three = evaluateQuality([...others, ...refunds, ...more], policy).categories.find(
      (c) => c.category === 'refunds',
    )!;
    expect(three.measure.interval).toEqual(two.measure.interval);
    expect(three.measure.p_value).toEqual(two.measure.p_value);
    // A lone category is the overall test itself, not a second test of the same cases.
    const alone = evaluateQuality(refunds, policy);
    expect(alone.categories[0]!.measure).toMatchObject({
      estimate: alone.result.headline!.estimate,
      interval: alone.result.headline!.interval,
    });
  });
});

describe('quality gate: critical cases (exact one-sided McNemar at a zero tolerance)', () => {
  // Critical cases regressed and fixed among four categories of 250 cases whose other outcomes do not move.
  function criticalScenario(regressed: number, fixed: number): PairedCase[] {
    const crit = binaryCases(
      { regressed, fixed, bothPass: 30 },
      { category: 'billing', critical: true, prefix: 'crit' },
    );
    const rest = categories({
      billing: { bothPass: 250 - crit.length - 20, bothFail: 20 },
      shipping: { bothPass: 230, bothFail: 20 },
      returns: { bothPass: 230, bothFail: 20 },
      accounts: { bothPass: 230, bothFail: 20 },
    });
    return [...crit, ...rest];
  }

  it('fails on 9 regressed against 0 fixed, and says it is the critical cases that failed', () => {
    const { result } = evaluateQuality(criticalScenario(9, 0), policy);
    const critical = measure(result.measures, 'critical_cases');
    // scipy.stats.binomtest(9, 9, 0.5, alternative='greater').pvalue == 0.001953125 (= 1/512).
    expect(critical.p_value).toBe(0.001953125);
    expect(critical).toMatchObject({
      unit: 'pp',
      threshold: 0,
      worse: 'lower',
      n: 39,
      verdict: 'fail',
      label: 'Critical cases: 9 regressed, 0 fixed of 39',
      method: 'exact-mcnemar',
    });
    expect(critical.alpha).toBeCloseTo((0.04 * 0.15) / (0.35 + 0.2 + 0.15), 10);
    expect(result.headline!.verdict).toBe('pass');
    expect(result.verdict).toBe('fail');
    expect(result.reason).toMatch(
      /^Critical cases failed: 9 regressed against 0 fixed, beyond the tolerance of 0\.0 pp, significant at this test's α = 0\.0086/,
    );
  });

  it('passes on 5 regressed against 4 fixed critical cases', () => {
    const { result } = evaluateQuality(criticalScenario(5, 4), policy);
    const critical = measure(result.measures, 'critical_cases');
    // scipy.stats.binomtest(5, 9, 0.5, alternative='greater').pvalue == 0.5
    expect(critical.p_value).toBe(0.5);
    expect(critical.verdict).toBe('pass');
    expect(result.verdict).toBe('pass');
  });

  it('tests against a stated tolerance in pp with the score method', () => {
    const tolerant = policyAt(0, { gates: { quality: { critical_max_drop_pp: 30 } } });
    const critical = measure(evaluateQuality(criticalScenario(9, 0), tolerant).result.measures, 'critical_cases');
    // −23 pp on 39 critical cases is within a 30 pp tolerance.
    expect(critical).toMatchObject({ threshold: -30, method: 'tango-score', verdict: 'pass' });
  });

  it('counts a trial-averaged critical case as passing when at least half its trials passed', () => {
    const crit = [
      pairedCase('c1', outcome(2 / 3, { trials: 3 }), outcome(1 / 3, { trials: 3 }), { critical: true }),
      pairedCase('c2', outcome(1, { trials: 3 }), outcome(0, { trials: 3 }), { critical: true }),
      pairedCase('c3', outcome(1 / 3, { trials: 3 }), outcome(2 / 3, { trials: 3 }), { critical: true }),
    ];
    const rest = binaryCases({ bothPass: 60 }, { category: 'general' });
    const critical = measure(evaluateQuality([...crit, ...rest], policy).result.measures, 'critical_cases');
    expect(critical.label).toBe('Critical cases: 2 regressed, 1 fixed of 3');
    // scipy.stats.binomtest(2, 3, 0.5, alternative='greater').pvalue == 0.5
    expect(critical.p_value).toBe(0.5);
  });

  it('adjusts for clusters: regressions that come in one incident prove less', () => {
    const crit = binaryCases(
      { regressed: 9, bothPass: 30 },
      { category: 'billing', critical: true, prefix: 'crit', cluster: (i) => (i < 9 ? 'incident-x' : `single-${i}`) },
    );
    const rest = binaryCases({ bothPass: 300, bothFail: 30 }, { category: 'billing', cluster: (i) => `rest-${i}` });
    const critical = measure(evaluateQuality([...crit, ...rest], policy).result.measures, 'critical_cases');
    expect(critical.method).toBe('exact-mcnemar+cluster-t');
    expect(critical.p_value).toBeGreaterThan(0.001953125);
  });
});

const scorePolicy = (missing: 'error' | 'skip' | 'use_pass') =>
  policyAt(0, { gates: { quality: { metric: 'score', missing_score: missing } } });

describe('quality gate: the score metric compares scores only where both sides have one', () => {
  const scored = Array.from({ length: 60 }, (_, i) =>
    pairedCase(`s${i}`, outcome(1, { score: 0.8 }), outcome(1, { score: 0.78 })),
  );
  // Half the candidate cases have no score: their pass (1) must not be mixed with the parent's score.
  const halfMissing = scored.map((c, i) =>
    i % 2 === 0 ? { ...c, candidate: outcome(1, { source: { file: 'candidate.jsonl', line: i + 1 } }) } : c,
  );

  it('reports each case without a score as a located problem by default', () => {
    const prepared = evaluateQuality(halfMissing, scorePolicy('error'));
    expect(prepared.result.verdict).toBe('inconclusive');
    expect(prepared.result.reason).toMatch(/30 golden cases lack a score on one side; quality\.missing_score is error/);
  });

  it('leaves them out with skip, and compares pass on both sides with use_pass', () => {
    const skip = evaluateQuality(halfMissing, scorePolicy('skip')).result;
    expect(skip.headline!.n).toBe(30);
    expect(skip.headline!.estimate).toBeCloseTo(-2, 9);
    expect(skip.reason).toMatch(/30 golden cases without a score on both sides left out \(missing_score: skip\)/);
    const usePass = evaluateQuality(halfMissing, scorePolicy('use_pass')).result;
    expect(usePass.headline!.n).toBe(60);
    // Scores where both sides have one (−2 pp), pass on both sides elsewhere (0): −1 pp, never a gain.
    expect(usePass.headline!.estimate).toBeCloseTo(-1, 9);
  });

  it('uses the cluster-robust t on continuous deltas', () => {
    const { result } = evaluateQuality(scored, scorePolicy('error'));
    expect(result.headline).toMatchObject({ method: 'cluster-t', n: 60 });
    expect(result.headline!.estimate).toBeCloseTo(-2, 9);
  });
});

describe('quality gate determinism', () => {
  it('does not depend on the order of the cases, clustered or not', () => {
    const binary = binaryCases({ regressed: 25, fixed: 15, bothPass: 400, bothFail: 60 }, { category: 'general' });
    expect(evaluateQuality(binary.toReversed(), policy)).toEqual(evaluateQuality(binary, policy));
    const clustered = binaryCases(
      { regressed: 25, fixed: 15, bothPass: 400, bothFail: 60 },
      { category: 'general', cluster: (i) => `c${i % 37}` },
    );
    expect(evaluateQuality(clustered.toReversed(), policy)).toEqual(evaluateQuality(clustered, policy));
  });
});

describe('quality gate: how many cases would decide an inconclusive result', () => {
  it('towards a pass: the same proportions at the advised size pass', () => {
    const pattern = { regressed: 10, fixed: 8, bothPass: 170, bothFail: 12 };
    const { result } = evaluateQuality(scaled(pattern, 1), policy);
    expect(result.verdict).toBe('inconclusive');
    const needed = result.cases_needed!;
    expect(result.reason).toContain(
      `About ${needed.toLocaleString('en-US')} paired cases would decide it at look 2 with 80 % probability.`,
    );
    // The advice plans for the look-2 level and for the uncertainty of the effect, so the same
    // proportions at the advised size clear the bar with room to spare.
    expect(evaluateQuality(scaled(pattern, needed / 200), policy, 2).result.verdict).toBe('pass');
  });

  it('towards a fail: a drop beyond the margin that is not yet significant', () => {
    const pattern = { regressed: 8, fixed: 3, bothPass: 170, bothFail: 19 };
    const { result } = evaluateQuality(scaled(pattern, 1), policy);
    expect(result.verdict).toBe('inconclusive');
    const needed = result.cases_needed!;
    expect(evaluateQuality(scaled(pattern, needed / 200), policy, 2).result.verdict).toBe('fail');
  });

  it('asks for more cases when they come in correlated clusters', () => {
    const pattern = { regressed: 10, fixed: 8, bothPass: 170, bothFail: 12 };
    const flat = scaled(pattern, 1);
    // Regressions share clusters of five, fixes of four: the same cases, far less information.
    const clustered = flat.map((c, i) => ({
      ...c,
      cluster: i < 10 ? `r${Math.floor(i / 5)}` : i < 18 ? `f${Math.floor(i / 4)}` : `t${i}`,
    }));
    const a = evaluateQuality(flat, policy).result;
    const b = evaluateQuality(clustered, policy).result;
    expect(b.verdict).toBe('inconclusive');
    expect(b.cases_needed!).toBeGreaterThan(a.cases_needed!);
    expect(b.reason).toMatch(/About [\d,]+ paired cases \([\d,]+ clusters\) would decide it/);
  });
});
