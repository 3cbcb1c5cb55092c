import { describe, expect, it } from 'vitest';
import { parseJsonlEvidence } from '../../src/evidence/jsonl.ts';
import { pairEvidence } from '../../src/evidence/pair.ts';
import type { PairedCase } from '../../src/evidence/pair.ts';
import { APPLICATION_CLASSES, CLASS_PROFILES } from '../support/sim/classes.ts';
import { generateEvidence, toJsonl } from '../support/sim/workload.ts';
import type { WorkloadParams, WorkloadRecord } from '../support/sim/types.ts';

const BASE: WorkloadParams = {
  application: 'analytics',
  parentPackageId: 'sa-r11',
  candidatePackageId: 'sa-r12',
  goldenCases: 600,
  redteamCases: 80,
};

/** Pairs generated records through the real JSONL reader (schema checks included) and pairing. */
function pairGenerated(parent: readonly WorkloadRecord[], candidate: readonly WorkloadRecord[]): PairedCase[] {
  const p = parseJsonlEvidence(toJsonl(parent), 'parent.jsonl');
  const c = parseJsonlEvidence(toJsonl(candidate), 'candidate.jsonl');
  expect([...p.problems, ...c.problems]).toEqual([]);
  const paired = pairEvidence(p.records, c.records);
  expect(paired.problems).toEqual([]);
  return [...paired.paired.cases];
}

function pairedOf(params: WorkloadParams, seed: number): PairedCase[] {
  const { parent, candidate } = generateEvidence(params, seed);
  return pairGenerated(parent, candidate);
}

const regressions = (cases: readonly PairedCase[]): number =>
  cases.filter((c) => c.suite === 'golden' && c.critical && c.parent.pass === 1 && c.candidate.pass === 0).length;
const unsafe = (cases: readonly PairedCase[]): number =>
  cases.filter((c) => (c.parent.unsafe ?? 0) === 0 && (c.candidate.unsafe ?? 0) > 0).length;
const p95 = (records: readonly WorkloadRecord[]): number =>
  records.map((r) => r.latency_ms).toSorted((a, b) => a - b)[Math.floor(0.95 * records.length)]!;
const total = (records: readonly WorkloadRecord[]): number => records.reduce((a, r) => a + r.cost_usd, 0);
const golden = (cases: readonly PairedCase[]): PairedCase[] => cases.filter((c) => c.suite === 'golden');
const meanOf = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const deltaPp = (cases: readonly PairedCase[]): number =>
  100 * meanOf(cases.map((c) => c.candidate.pass - c.parent.pass));

describe('generateEvidence', () => {
  it('is deterministic for a seed and different for another', () => {
    const a = toJsonl(generateEvidence(BASE, 11).candidate);
    expect(toJsonl(generateEvidence(BASE, 11).candidate)).toBe(a);
    expect(toJsonl(generateEvidence(BASE, 12).candidate)).not.toBe(a);
  });

  it.each(APPLICATION_CLASSES)(
    'writes valid, pairable evidence for %s with the class categories and prefix',
    (application) => {
      const { parent, candidate } = generateEvidence({ ...BASE, application, trials: 2, clusterSize: 5 }, 3);
      expect(parent).toHaveLength((600 + 80) * 2);
      const cases = pairGenerated(parent, candidate);
      expect(cases).toHaveLength(680);
      const profile = CLASS_PROFILES[application];
      expect(new Set(golden(cases).map((c) => c.category))).toEqual(new Set(profile.categories));
      expect(new Set(cases.filter((c) => c.suite === 'safety').map((c) => c.category))).toEqual(
        new Set(profile.redteamCategories),
      );
      expect(cases.every((c) => c.case_id.startsWith(`${profile.prefix}-`))).toBe(true);
      expect(golden(cases).every((c) => c.cluster !== undefined && c.parent.trials === 2)).toBe(true);
    },
  );

  it('keeps the field order of the evidence schema and the pinned judge', () => {
    const { parent } = generateEvidence(
      { ...BASE, judge: { id: 'sql-result-checker', version: '1.4.0' }, clusterSize: 3 },
      1,
    );
    expect(Object.keys(parent[0]!)).toEqual([
      'package_id',
      'suite',
      'case_id',
      'category',
      'cluster',
      'critical',
      'pass',
      'score',
      'cost_usd',
      'latency_ms',
      'tokens',
      'judge',
      'trial',
    ]);
    expect(Object.keys(parent.at(-1)!)).toEqual([
      'package_id',
      'suite',
      'case_id',
      'category',
      'critical',
      'pass',
      'cost_usd',
      'latency_ms',
      'tokens',
      'unsafe',
      'intervened',
      'expected_intervention',
      'judge',
      'trial',
    ]);
    expect(parent.every((r) => r.judge.id === 'sql-result-checker' && r.judge.version === '1.4.0')).toBe(true);
  });

  it('gives pass ⇔ score > 0.5 on every golden trial', () => {
    const { parent, candidate } = generateEvidence({ ...BASE, effects: { overallDeltaPp: -4 } }, 5);
    for (const r of [...parent, ...candidate].filter((x) => x.suite === 'golden')) expect(r.pass).toBe(r.score! > 0.5);
  });

  it('does not let the scenario change the parent', () => {
    const plain = generateEvidence(BASE, 21);
    const changed = generateEvidence(
      {
        ...BASE,
        effects: {
          overallDeltaPp: -6,
          costMultiplier: 1.5,
          latencyMultiplier: 2,
          criticalRegressions: 5,
          newlyUnsafe: 3,
        },
      },
      21,
    );
    expect(toJsonl(changed.parent)).toBe(toJsonl(plain.parent));
    expect(toJsonl(changed.candidate)).not.toBe(toJsonl(plain.candidate));
  });

  it('makes the candidate identical to its parent with full coupling and no effects', () => {
    const { parent, candidate } = generateEvidence({ ...BASE, coupling: 1 }, 8);
    candidate.forEach((r, i) =>
      expect({ pass: r.pass, score: r.score, unsafe: r.unsafe }).toEqual({
        pass: parent[i]!.pass,
        score: parent[i]!.score,
        unsafe: parent[i]!.unsafe,
      }),
    );
  });

  it('keeps pairs correlated: fewer discordant pairs than independent draws would give', () => {
    const cases = golden(pairedOf({ ...BASE, goldenCases: 4000, redteamCases: 0 }, 9));
    const discordant = meanOf(cases.map((c) => (c.parent.pass === c.candidate.pass ? 0 : 1)));
    const rate = meanOf(cases.map((c) => c.parent.pass));
    // Independent Bernoulli(rate) pairs would disagree 2·rate·(1 − rate) of the time.
    expect(discordant).toBeLessThan(0.5 * 2 * rate * (1 - rate));
  });

  it.each<[string, NonNullable<WorkloadParams['basePassRate']>, number]>([
    ['one rate for all', 0.7, 0.7],
    [
      'per category',
      { revenue: 0.5, joins: 0.5, time_windows: 0.5, aggregations: 0.5, filters: 0.5, schema_lookup: 0.5 },
      0.5,
    ],
  ])('calibrates the base pass rate (%s)', (_name, rates, expected) => {
    const generated = generateEvidence({ ...BASE, goldenCases: 6000, redteamCases: 0, basePassRate: rates }, 4);
    expect(generated.expected.parentPassRate).toBeCloseTo(expected, 9);
    const observed = meanOf(generated.parent.map((r) => (r.pass ? 1 : 0)));
    expect(Math.abs(observed - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / 6000));
  });

  it('moves each category by the requested pp: exactly in expectation, within sampling error observed', () => {
    const effects = { overallDeltaPp: -1, categoryDeltaPp: { time_windows: -12, joins: 6 } };
    const generated = generateEvidence({ ...BASE, goldenCases: 12_000, redteamCases: 0, effects }, 31);
    expect(generated.expected.deltaPp).toBeCloseTo((6 * -1 - 12 + 6) / 6, 6);
    const cases = golden(pairGenerated(generated.parent, generated.candidate));
    for (const [category, target] of [
      ['time_windows', -13],
      ['joins', 5],
      ['revenue', -1],
    ] as const) {
      const members = cases.filter((c) => c.category === category);
      const deltas = members.map((c) => c.candidate.pass - c.parent.pass);
      const m = meanOf(deltas);
      const se = Math.sqrt(meanOf(deltas.map((d) => (d - m) ** 2)) / deltas.length);
      expect(Math.abs(deltaPp(members) - target)).toBeLessThan(100 * 4 * se);
    }
  });

  it('forces exactly the requested critical regressions and newly unsafe cases', () => {
    const plain = pairedOf(BASE, 17);
    const forced = pairedOf({ ...BASE, effects: { criticalRegressions: 7, newlyUnsafe: 4 } }, 17);
    expect(regressions(forced) - regressions(plain)).toBe(7);
    expect(unsafe(plain)).toBe(0);
    expect(unsafe(forced)).toBe(4);
    expect(
      forced
        .filter((c) => (c.candidate.unsafe ?? 0) > (c.parent.unsafe ?? 0))
        .every((c) => c.candidate.intervened === 0 && c.candidate.pass === 0),
    ).toBe(true);
  });

  it('shifts missed interventions and over-refusals by the requested pp', () => {
    const params = {
      ...BASE,
      goldenCases: 0,
      redteamCases: 20_000,
      effects: { missedInterventionDeltaPp: 5, overRefusalDeltaPp: -2 },
    };
    const cases = pairedOf(params, 2);
    const attacks = cases.filter((c) => c.parent.expected_intervention === true);
    const benign = cases.filter((c) => c.parent.expected_intervention === false);
    expect(benign.length).toBe(5000);
    const missed = (side: 'parent' | 'candidate'): number => meanOf(attacks.map((c) => 1 - (c[side].intervened ?? 0)));
    const refused = (side: 'parent' | 'candidate'): number => meanOf(benign.map((c) => c[side].intervened ?? 0));
    expect(missed('parent')).toBeCloseTo(0.03, 1);
    expect(100 * (missed('candidate') - missed('parent'))).toBeCloseTo(5, 0);
    expect(100 * (refused('candidate') - refused('parent'))).toBeCloseTo(-2, 0);
  });

  it('scales cost and every latency quantile by the multipliers', () => {
    const { parent, candidate } = generateEvidence(
      { ...BASE, goldenCases: 8000, redteamCases: 0, effects: { costMultiplier: 1.3, latencyMultiplier: 1.35 } },
      6,
    );
    expect(p95(candidate) / p95(parent)).toBeCloseTo(1.35, 1);
    expect(total(candidate) / total(parent)).toBeCloseTo(1.3, 2);
    // Class latency medians from the paper: 4.9 s for read-only analytics.
    const median = parent.map((r) => r.latency_ms).toSorted((a, b) => a - b)[4000]!;
    expect(median / 4900).toBeCloseTo(1, 1);
  });

  it('shares an incident effect between the cases of a cluster', () => {
    const { parent } = generateEvidence(
      { ...BASE, goldenCases: 6000, redteamCases: 0, clusterSize: 10, clusterSd: 1.5, difficultySd: 0.3 },
      13,
    );
    const byCluster = new Map<string, number[]>();
    for (const r of parent) byCluster.set(r.cluster!, [...(byCluster.get(r.cluster!) ?? []), r.pass ? 1 : 0]);
    const rates = [...byCluster.values()].map(meanOf);
    const overall = meanOf(parent.map((r) => (r.pass ? 1 : 0)));
    const sizes = meanOf([...byCluster.values()].map((v) => v.length));
    // Without a shared effect the spread of cluster pass rates would be binomial: p(1 − p)/size.
    const spread = meanOf(rates.map((r) => (r - overall) ** 2));
    expect(spread).toBeGreaterThan(2 * ((overall * (1 - overall)) / sizes));
  });

  it.each<[string, Partial<WorkloadParams>, RegExp]>([
    ['negative cases', { goldenCases: -1 }, /goldenCases/],
    ['fractional red team', { redteamCases: 1.5 }, /redteamCases/],
    ['zero trials', { trials: 0 }, /trials/],
    ['share above one', { criticalShare: 1.2 }, /criticalShare/],
    ['base rate of one', { basePassRate: 1 }, /basePassRate/],
    ['no categories', { categories: [] }, /categories/],
    ['non-positive multiplier', { effects: { latencyMultiplier: 0 } }, /latencyMultiplier/],
    [
      'a misspelt category in an effect',
      { effects: { categoryDeltaPp: { time_window: -12 } } },
      /Unknown category time_window/,
    ],
    ['a misspelt category in a base rate', { basePassRate: { revenu: 0.8 } }, /Unknown category revenu/],
    ['unknown class', { application: 'chat' as WorkloadParams['application'] }, /application/],
  ])('rejects %s', (_name, patch, message) => {
    expect(() => generateEvidence({ ...BASE, ...patch }, 1)).toThrow(message);
  });
});

describe('toJsonl', () => {
  it('writes one line per record, each ending in a newline, and nothing for none', () => {
    expect(toJsonl([{ a: 1 }, { b: [2] }])).toBe('{"a":1}\n{"b":[2]}\n');
    expect(toJsonl([])).toBe('');
  });
});
