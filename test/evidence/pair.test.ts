import { describe, expect, it } from 'vitest';
import { parseJsonlEvidence } from '../../src/evidence/jsonl.ts';
import { pairEvidence } from '../../src/evidence/pair.ts';
import type { EvidenceRecord } from '../../src/evidence/record.ts';
import { expectProblems, readFixture } from './helpers.ts';

function records(file: string, lines: readonly string[]): EvidenceRecord[] {
  const parsed = parseJsonlEvidence(lines.join('\n'), file);
  expect(parsed.problems).toEqual([]);
  return parsed.records;
}

/** One JSONL line for package `pkg`; fields override the defaults. */
function line(pkg: string, caseId: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    package_id: pkg,
    suite: 'golden',
    case_id: caseId,
    category: 'refunds',
    pass: true,
    ...fields,
  });
}

const judge = (id: string, version: string) => ({ judge: { id, version } });

const fixtures = () => ({
  parent: parseJsonlEvidence(readFixture('parent.jsonl'), 'parent.jsonl').records,
  candidate: parseJsonlEvidence(readFixture('candidate.jsonl'), 'candidate.jsonl').records,
});

describe('pairEvidence on the fixtures', () => {
  it('pairs on (suite, case_id), sorted by suite then id, trials averaged', () => {
    const { parent, candidate } = fixtures();
    const { paired, problems } = pairEvidence(parent, candidate);
    expect(problems).toEqual([]);
    expect(paired.parentPackageId).toBe('acme-support-v41');
    expect(paired.candidatePackageId).toBe('acme-support-v42');
    expect(paired.judge).toEqual({ id: 'gpt-4o-2024-08-06', version: 'rubric-3f9a1c' });
    expect(paired.unpaired).toEqual({ parentOnly: 0, candidateOnly: 0 });
    expect(paired.cases.map((item) => `${item.suite}/${item.case_id}`)).toEqual([
      'golden/g-refund-001',
      'golden/g-refund-002',
      'golden/g-ship-001',
      'golden/g-ship-002',
      'safety/s-inj-001',
      'safety/s-pii-001',
    ]);

    const ship = paired.cases[2];
    // Parent lines 3-4: pass true/false, score 0.88/0.41, cost 0.0022/0.0024, latency 1320/1405, tokens 604/604
    // and 98/131.
    expect(ship?.parent.trials).toBe(2);
    expect(ship?.parent.pass).toBe(0.5);
    expect(ship?.parent.score).toBeCloseTo(0.645, 12);
    expect(ship?.parent.cost_usd).toBeCloseTo(0.0023, 12);
    expect(ship?.parent.latency_ms).toBe(1362.5);
    expect(ship?.parent.tokens).toEqual({ input: 604, output: 114.5 });
    expect(ship?.parent.source).toEqual({ file: 'parent.jsonl', line: 3 });
    // The candidate wrote trial 1 before trial 0: the source is still trial 0's line.
    expect(ship?.candidate).toMatchObject({
      trials: 2,
      pass: 1,
      latency_ms: 1132.5,
      source: { file: 'candidate.jsonl', line: 3 },
    });

    expect(paired.cases[0]).toMatchObject({
      category: 'refunds',
      cluster: 'inc-88',
      critical: true,
      parent: { pass: 1 },
      candidate: { pass: 0, score: 0.35 },
    });
    expect(paired.cases[3]).not.toHaveProperty('cluster');
    expect(paired.cases[3]?.parent).not.toHaveProperty('tokens');
    expect(paired.cases[5]).toMatchObject({
      suite: 'safety',
      critical: false,
      parent: { pass: 1, unsafe: 0, intervened: 1, expected_intervention: true },
      candidate: { pass: 0, unsafe: 1, intervened: 0, expected_intervention: true },
    });
  });

  it('gives the same result whatever order the records come in', () => {
    const { parent, candidate } = fixtures();
    const expected = pairEvidence(parent, candidate);
    const shuffled = pairEvidence(parent.toReversed(), [...candidate.slice(3), ...candidate.slice(0, 3)]);
    expect(shuffled).toEqual(expected);
  });

  it('pairs ascending single-trial evidence by merge exactly as shuffled evidence by lookup', () => {
    // Seeded cases over two suites, some on one side only, some with code units that sort
    // differently by locale; ascending input takes the merge, the reversed copy the map.
    let state = 20261206;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ids = [
      ...new Set(Array.from({ length: 400 }, () => `c${Math.floor(next() * 5000)}${next() < 0.1 ? 'ä' : ''}`)),
    ];
    const side = (pkg: string, only: number): EvidenceRecord[] => {
      const lines = ids
        .filter(() => next() >= only)
        .flatMap((id) => [line(pkg, id), line(pkg, id, { suite: 'safety', pass: next() < 0.5 })])
        .toSorted((a, b) => {
          const x = JSON.parse(a) as { suite: string; case_id: string };
          const y = JSON.parse(b) as { suite: string; case_id: string };
          return x.suite < y.suite ? -1 : x.suite > y.suite ? 1 : x.case_id < y.case_id ? -1 : 1;
        });
      return records(`${pkg}.jsonl`, lines);
    };
    const parent = side('p', 0.05);
    const candidate = side('c', 0.05);
    const merged = pairEvidence(parent, candidate, { maxListed: 1000 });
    const looked = pairEvidence(parent.toReversed(), candidate.toReversed(), { maxListed: 1000 });
    expect(merged.paired.unpaired.parentOnly).toBeGreaterThan(0);
    expect(merged.paired.unpaired.candidateOnly).toBeGreaterThan(0);
    expect(merged.paired.cases.length).toBeGreaterThan(500);
    expect(merged).toEqual(looked);
    const allowed = pairEvidence(parent, candidate, { allowUnpaired: true });
    expect(allowed.paired).toEqual(pairEvidence(parent.toReversed(), candidate, { allowUnpaired: true }).paired);
  });

  it('orders case ids by code unit, not by locale', () => {
    const ids = ['b', 'B', 'a', 'ä', '10', '9', 'Z'];
    const parent = records(
      'p.jsonl',
      ids.map((id) => line('p', id)),
    );
    const candidate = records(
      'c.jsonl',
      ids.toReversed().map((id) => line('c', id)),
    );
    const { paired } = pairEvidence(parent, candidate);
    expect(paired.cases.map((item) => item.case_id)).toEqual(['10', '9', 'B', 'Z', 'a', 'b', 'ä']);
  });
});

describe('pairEvidence problems', () => {
  it('names both lines of a duplicate record', () => {
    const parent = records('p.jsonl', [
      line('p', 'a'),
      line('p', 'b', { trial: 1 }),
      line('p', 'b', { trial: 1, pass: false }),
    ]);
    const candidate = records('c.jsonl', [line('c', 'a'), line('c', 'b')]);
    const { problems } = pairEvidence(parent, candidate);
    expectProblems(
      problems,
      [
        {
          line: 3,
          field: 'trial',
          message: 'duplicate record: package "p", suite golden, case "b", trial 1 is also at p.jsonl:2',
        },
      ],
      'p.jsonl',
    );
  });

  it('reports more than one package on one side, with counts and first lines', () => {
    const parent = records('p.jsonl', [line('p', 'a'), line('p', 'b'), line('q', 'c'), line('p', 'd')]);
    const candidate = records(
      'c.jsonl',
      ['a', 'b', 'c', 'd'].map((id) => line('c', id)),
    );
    const { problems } = pairEvidence(parent, candidate);
    expectProblems(
      problems,
      [
        {
          line: 3,
          field: 'package_id',
          message:
            'the parent evidence names 2 packages: "p" (3 records, first at p.jsonl:1), "q" (1 record, first at p.jsonl:3); one side is one package',
        },
      ],
      'p.jsonl',
    );
  });

  it('lists unpaired cases of both sides, capped with "and N more"', () => {
    const shared = ['s1', 's2'];
    const parentOnly = Array.from({ length: 23 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const parent = records(
      'p.jsonl',
      [...shared, ...parentOnly.toReversed()].map((id) => line('p', id)),
    );
    const candidate = records(
      'c.jsonl',
      [...shared, 'c-only'].map((id) => line('c', id)),
    );
    const { paired, problems } = pairEvidence(parent, candidate);
    expect(problems).toHaveLength(2);
    const [fromParent, fromCandidate] = problems;
    // p00 was written last (line 25); the listing is sorted by id.
    expect(fromParent).toMatchObject({ file: 'p.jsonl', line: 25, field: 'case_id' });
    expect(fromParent?.message).toMatch(
      /^23 cases in the parent evidence have no candidate result: golden\/p00 \(p\.jsonl:25\), golden\/p01 \(p\.jsonl:24\), /,
    );
    expect(fromParent?.message).toContain('golden/p19 (p.jsonl:6) and 3 more;');
    expect(fromParent?.message).not.toContain('p20');
    expect(fromCandidate).toMatchObject({
      file: 'c.jsonl',
      line: 3,
      field: 'case_id',
      message: expect.stringMatching(
        /^1 case in the candidate evidence has no parent result: golden\/c-only \(c\.jsonl:3\);/,
      ),
    });
    expect(paired.cases.map((item) => item.case_id)).toEqual(shared);
  });

  it('drops unpaired cases silently when allowed, and counts them', () => {
    const parent = records('p.jsonl', [line('p', 'a'), line('p', 'b')]);
    const candidate = records('c.jsonl', [line('c', 'a'), line('c', 'z', { suite: 'safety' }), line('c', 'y')]);
    const { paired, problems } = pairEvidence(parent, candidate, { allowUnpaired: true });
    expect(problems).toEqual([]);
    expect(paired.unpaired).toEqual({ parentOnly: 1, candidateOnly: 2 });
    expect(paired.cases.map((item) => item.case_id)).toEqual(['a']);
  });

  it('does not pair the same case id across suites', () => {
    const parent = records('p.jsonl', [line('p', 'a', { suite: 'golden' })]);
    const candidate = records('c.jsonl', [line('c', 'a', { suite: 'shadow' })]);
    const { paired, problems } = pairEvidence(parent, candidate);
    expect(paired.cases).toEqual([]);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('golden/a (p.jsonl:1)'),
      expect.stringContaining('shadow/a (c.jsonl:1)'),
    ]);
  });

  it('reports category, critical, cluster and expected_intervention that differ between sides', () => {
    const parent = records('p.jsonl', [
      line('p', 'a', { category: 'refunds' }),
      line('p', 'b', { critical: true }),
      line('p', 'c', { cluster: 'inc-1' }),
      line('p', 'd', { suite: 'safety', expected_intervention: true }),
    ]);
    const candidate = records('c.jsonl', [
      line('c', 'a', { category: 'returns' }),
      line('c', 'b'),
      line('c', 'c', { cluster: 'inc-2' }),
      line('c', 'd', { suite: 'safety' }),
    ]);
    const { problems } = pairEvidence(parent, candidate);
    expectProblems(
      problems,
      [
        {
          line: 1,
          field: 'category',
          message:
            'category is "returns" in the candidate but "refunds" in the parent (p.jsonl:1); a case must mean the same on both sides',
        },
        {
          line: 2,
          field: 'critical',
          message: 'critical is false in the candidate but true in the parent (p.jsonl:2)',
        },
        {
          line: 3,
          field: 'cluster',
          message: 'cluster is "inc-2" in the candidate but "inc-1" in the parent (p.jsonl:3)',
        },
        {
          line: 4,
          field: 'expected_intervention',
          message: 'expected_intervention is (none) in the candidate but true in the parent (p.jsonl:4)',
        },
      ],
      'c.jsonl',
    );
  });

  it('reports case properties that differ between trials of one side, once per property', () => {
    const parent = records('p.jsonl', [
      line('p', 'a', { trial: 0, category: 'refunds' }),
      line('p', 'a', { trial: 1, category: 'returns', cluster: 'x' }),
      line('p', 'a', { trial: 2, category: 'other' }),
    ]);
    const candidate = records('c.jsonl', [line('c', 'a')]);
    const { problems } = pairEvidence(parent, candidate);
    expectProblems(
      problems,
      [
        {
          line: 2,
          field: 'category',
          message:
            'category is "returns" here but "refunds" in trial 0 of the same parent case (p.jsonl:1); a case has one category',
        },
        { line: 2, field: 'cluster', message: 'cluster is "x" here but (none) in trial 0' },
      ],
      'p.jsonl',
    );
  });

  it('calls a judge change a metric reset, not a regression', () => {
    const parent = records('p.jsonl', [
      line('p', 'a', judge('gpt-4o', '2024-08-06')),
      line('p', 'b', judge('gpt-4o', '2024-08-06')),
    ]);
    const newVersion = records('c.jsonl', [
      line('c', 'a', judge('gpt-4o', '2024-11-20')),
      line('c', 'b', judge('gpt-4o', '2024-11-20')),
    ]);
    const version = pairEvidence(parent, newVersion);
    expectProblems(
      version.problems,
      [
        {
          line: 1,
          field: 'judge.version',
          message:
            'the candidate was graded by gpt-4o@2024-11-20 but the parent by gpt-4o@2024-08-06 (p.jsonl:1); a judge change is a metric reset, not a regression',
        },
      ],
      'c.jsonl',
    );
    expect(version.paired.judge).toBeUndefined();

    const newId = pairEvidence(
      parent,
      records('c.jsonl', [
        line('c', 'a', judge('claude', '2024-08-06')),
        line('c', 'b', judge('claude', '2024-08-06')),
      ]),
    );
    expectProblems(
      newId.problems,
      [{ line: 1, field: 'judge.id', message: 'metric reset, not a regression' }],
      'c.jsonl',
    );

    const unjudged = pairEvidence(parent, records('c.jsonl', [line('c', 'a'), line('c', 'b')]));
    expectProblems(
      unjudged.problems,
      [
        {
          line: 1,
          field: 'judge',
          message:
            'the parent names judge gpt-4o@2024-08-06 (p.jsonl:1) but no candidate record names a judge; a judge change is a metric reset',
        },
      ],
      'c.jsonl',
    );
  });

  it('reports two judges within one side', () => {
    const parent = records('p.jsonl', [
      line('p', 'a', { judge: { id: 'j', version: '1' } }),
      line('p', 'b', { judge: { id: 'j', version: '2' } }),
      line('p', 'c', { judge: { id: 'j', version: '1' } }),
    ]);
    const candidate = records(
      'c.jsonl',
      ['a', 'b', 'c'].map((id) => line('c', id, { judge: { id: 'j', version: '1' } })),
    );
    const { problems } = pairEvidence(parent, candidate);
    expectProblems(
      problems,
      [
        {
          line: 2,
          field: 'judge',
          message:
            'the parent evidence was graded by 2 judges: j@1 (2 records, first at p.jsonl:1), j@2 (1 record, first at p.jsonl:2); scores from different judges are not comparable',
        },
      ],
      'p.jsonl',
    );
  });

  it('reports all problems together', () => {
    const parent = records('p.jsonl', [
      line('p', 'a', { judge: { id: 'j', version: '1' } }),
      line('p', 'a'),
      line('p', 'only-parent'),
    ]);
    const candidate = records('c.jsonl', [
      line('c', 'a', { category: 'x', judge: { id: 'j', version: '2' } }),
      line('d', 'b'),
    ]);
    const { problems } = pairEvidence(parent, candidate);
    expect(
      problems.map((problem) => `${problem.file}:${problem.line ?? ''} ${problem.field ?? ''}`).toSorted(),
    ).toEqual([
      'c.jsonl:1 category',
      'c.jsonl:1 judge.version',
      'c.jsonl:2 case_id',
      'c.jsonl:2 package_id',
      'p.jsonl:2 trial',
      'p.jsonl:3 case_id',
    ]);
  });

  it('reports evidence missing on both sides', () => {
    const { paired, problems } = pairEvidence([], [], { parentFile: 'evidence/parent.jsonl' });
    expect(problems).toEqual([
      { file: 'evidence/parent.jsonl', message: 'there are no evidence records on either side' },
    ]);
    expect(paired.cases).toEqual([]);
  });
});
