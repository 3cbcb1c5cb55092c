import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SideFiles } from '../../src/evidence/package-files.ts';
import type { PairedCase } from '../../src/evidence/pair.ts';
import type { EvidenceRecord } from '../../src/evidence/record.ts';
import {
  checkSuiteMembership,
  describeCoverage,
  readSuiteList,
  suiteCoverage,
  type SuiteList,
} from '../../src/evidence/suites.ts';
import { createRng } from '../../src/stats/rng.ts';
import type { Problem } from '../../src/problem.ts';
import { evidenceRecords, gateRepo, type GateRepo, ROOT, toJsonl } from '../gates/scenario.ts';
import { runCliInProcess } from '../support/cli.ts';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const suite = (content: string | undefined, id = 'policy_golden_v12', kind: 'golden' | 'safety' = 'golden') => ({
  id,
  suite: kind,
  path: `suites/${id}.jsonl`,
  ...(content === undefined ? {} : { content: encode(content) }),
});

describe('readSuiteList', () => {
  it('reads the case ids of JSON Lines and of a JSON array', () => {
    expect([...(readSuiteList(suite('{"case_id":"a","input":"q"}\n\n{"case_id":"b"}\n')).ids ?? [])]).toEqual([
      'a',
      'b',
    ]);
    expect([...(readSuiteList(suite('[{"case_id":"a"},{"case_id":"b"}]')).ids ?? [])]).toEqual(['a', 'b']);
  });

  it('reads plain lines without a parse exactly as JSON would: escapes decoded, controls and blanks refused', () => {
    const ids = (content: string) => [...(readSuiteList(suite(content)).ids ?? [])];
    expect(ids('{"case_id":"a\\"b"}\n{"case_id":"c\\u00e9"}\n{"case_id":"d"}\r\n')).toEqual(['a"b', 'cé', 'd']);
    expect(readSuiteList(suite('{"case_id":"a\tb"}\n')).reason).toMatch(/^line 1 of the suite file is not/);
    expect(readSuiteList(suite('{"case_id":" "}\n')).reason).toMatch(/^line 1 of the suite file is not/);
    expect(readSuiteList(suite('{"case_id":"a"}{"case_id":"b"}\n')).reason).toMatch(/^line 1 of the suite file is not/);
  });

  it.each([
    [
      'a line without case_id',
      '{"case_id":"a"}\n{"id":"b"}\n',
      'line 2 of the suite file is not a JSON object with a "case_id", so the file lists no case ids',
    ],
    [
      'YAML',
      '- case_id: a\n',
      'line 1 of the suite file is not a JSON object with a "case_id", so the file lists no case ids',
    ],
    ['an array of strings', '["a","b"]', 'the suite file is a JSON array, but not of objects with a "case_id"'],
    ['nothing', '\n', 'the suite file lists no cases'],
    ['an unreadable file', undefined, 'the suite file could not be read at its commit'],
  ])('lists no ids for %s, and says why', (_name, content, reason) => {
    expect(readSuiteList(suite(content))).toEqual({
      id: 'policy_golden_v12',
      suite: 'golden',
      path: 'suites/policy_golden_v12.jsonl',
      reason,
    });
  });
});

const side: SideFiles = {
  packageId: 'app-r2',
  manifest: 'manifests/app.yaml',
  manifestDigest: 'sha256:0',
  commit: null,
  model: { provider: 'p', endpoint: 'e', version: '1' },
  prompts: [],
  suites: [],
};
const record = (caseId: string, extra: Partial<EvidenceRecord> = {}): EvidenceRecord => ({
  package_id: 'app-r2',
  suite: 'golden',
  case_id: caseId,
  category: 'a',
  critical: false,
  pass: true,
  trial: 0,
  source: { file: 'c.jsonl', line: Number(caseId.replace(/\D/g, '')) || 1 },
  ...extra,
});

describe('checkSuiteMembership', () => {
  const lists = [
    readSuiteList(suite('{"case_id":"c1"}\n{"case_id":"c2"}\n')),
    readSuiteList(suite('{"case_id":"r1"}\n', 'policy_redteam_v04', 'safety')),
  ];
  const problems = (records: EvidenceRecord[]): Problem[] => {
    const found: Problem[] = [];
    checkSuiteMembership(records, side, lists, 'candidate', (p) => found.push(p));
    return found;
  };

  it('accepts cases the pinned suites list, with or without the suite id', () => {
    expect(
      problems([record('c1'), record('c2', { suite_id: 'policy_golden_v12' }), record('r1', { suite: 'safety' })]),
    ).toEqual([]);
  });

  it('reports a case outside the suite, a suite id the manifest does not pin, and a suite id of another kind', () => {
    expect(
      problems([
        record('c3'),
        record('c1', { suite_id: 'policy_golden_v11' }),
        record('c2', { suite_id: 'policy_redteam_v04' }),
      ]),
    ).toEqual([
      {
        file: 'c.jsonl',
        line: 3,
        field: 'case_id',
        message:
          'case "c3" is not in the candidate\'s pinned golden suite policy_golden_v12 (suites/policy_golden_v12.jsonl, 2 cases); evidence for cases outside the pinned suite is not evidence about it',
      },
      {
        file: 'c.jsonl',
        line: 1,
        field: 'suite_id',
        message:
          '"policy_golden_v11" is not a suite the candidate manifest manifests/app.yaml pins (it pins golden policy_golden_v12, safety policy_redteam_v04); evidence from another suite version does not measure this package',
      },
      {
        file: 'c.jsonl',
        line: 2,
        field: 'suite_id',
        message: '"policy_redteam_v04" is the candidate manifest\'s safety suite, but this record is in suite golden',
      },
    ]);
  });

  it('checks nothing for a suite whose file lists no ids, and nothing for a suite kind not pinned', () => {
    const found: Problem[] = [];
    checkSuiteMembership(
      [record('anything'), record('x', { suite: 'shadow' })],
      side,
      [readSuiteList(suite('- yaml\n'))],
      'candidate',
      (p) => found.push(p),
    );
    expect(found).toEqual([]);
  });
});

const paired = (ids: readonly string[]): PairedCase[] =>
  ids.map((id) => ({
    suite: 'golden',
    case_id: id,
    category: 'a',
    critical: false,
    parent: { trials: 1, pass: 1, source: { file: 'p', line: 1 } },
    candidate: { trials: 1, pass: 1, source: { file: 'c', line: 1 } },
  }));

describe('suiteCoverage', () => {
  it('counts listed cases with paired evidence and names the first missing ones', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `g${String(i).padStart(3, '0')}`);
    const list = readSuiteList(suite(ids.map((id) => `{"case_id":"${id}"}\n`).join('')));
    const [coverage] = suiteCoverage(paired(ids.filter((id) => id !== 'g007' && id !== 'g123')), [list]);
    expect(coverage).toEqual({
      id: 'policy_golden_v12',
      suite: 'golden',
      path: 'suites/policy_golden_v12.jsonl',
      cases: 400,
      covered: 398,
      missing: ['g007', 'g123'],
      missing_count: 2,
    });
    expect(describeCoverage(coverage!)).toBe('golden policy_golden_v12: 398 of 400 cases, 2 missing: g007, g123');
    const [many] = suiteCoverage(paired(ids.slice(0, 10)), [list]);
    expect(describeCoverage(many!)).toBe(
      'golden policy_golden_v12: 10 of 400 cases, 390 missing: g010, g011, g012, g013, g014, …',
    );
  });

  it('names the first missing ids by code unit whatever order the suite lists them in', () => {
    // Listed in a shuffled order, with ids that sort differently by locale and paired cases of another suite.
    const ids = Array.from({ length: 300 }, (_, i) => `${['b', 'B', 'ä', 'a', '9'][i % 5]}${(i * 7_919) % 1_000}`);
    const list = readSuiteList(suite(ids.map((id) => `{"case_id":"${id}"}\n`).join('')));
    const run = ids.filter((_, i) => i % 3 !== 0);
    const safety = paired(ids).map((c) => ({ ...c, suite: 'safety' as const }));
    const [coverage] = suiteCoverage([...paired(run), ...safety], [list]);
    const missing = ids.filter((_, i) => i % 3 === 0).toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(coverage).toMatchObject({
      cases: 300,
      covered: run.length,
      missing: missing.slice(0, 5),
      missing_count: 100,
    });
  });

  it('says why coverage was not checked', () => {
    const [coverage] = suiteCoverage(paired(['a']), [readSuiteList(suite('["a"]'))]);
    expect(describeCoverage(coverage!)).toBe(
      'golden policy_golden_v12: coverage not checked (the suite file is a JSON array, but not of objects with a "case_id")',
    );
  });
});

describe('check: evidence against the pinned suites (real repository, in process)', () => {
  let built: GateRepo | undefined;
  afterAll(() => built?.repo.cleanup());

  it('refuses evidence for cases a one-case suite does not list: a few located, the rest summarised', async () => {
    built = gateRepo({ changed: ['policy-qa'] });
    const { repo } = built;
    // The candidate's suite shrinks to one case; the parent's (at the base) lists all 2,400.
    repo.write('manifests/policy-qa/suites/golden.jsonl', '{"case_id":"pqa-g-00001"}\n');
    await runCliInProcess(repo.dir, ['lock']);
    const head = repo.commit('one-case suite');
    const { parent, candidate } = evidenceRecords('policy-qa', { golden: 400, safety: 0 });
    repo.write('evidence/parent.jsonl', toJsonl(parent));
    repo.write('evidence/candidate.jsonl', toJsonl(candidate));
    const run = await runCliInProcess(repo.dir, [
      'check',
      '--base',
      built.base,
      '--head',
      head,
      '--parent-evidence',
      'evidence/parent.jsonl',
      '--candidate-evidence',
      'evidence/candidate.jsonl',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      '399 evidence problems',
      'evidence/candidate.jsonl:2 case_id: case "pqa-g-00002" is not in the candidate\'s pinned golden suite policy_golden_v12 (manifests/policy-qa/suites/golden.jsonl, 1 case); evidence for cases outside the pinned suite is not evidence about it',
      'evidence/candidate.jsonl:3 case_id: case "pqa-g-00003" is not in the candidate\'s pinned golden suite policy_golden_v12 (manifests/policy-qa/suites/golden.jsonl, 1 case); evidence for cases outside the pinned suite is not evidence about it',
      'evidence/candidate.jsonl:4 case_id: case "pqa-g-00004" is not in the candidate\'s pinned golden suite policy_golden_v12 (manifests/policy-qa/suites/golden.jsonl, 1 case); evidence for cases outside the pinned suite is not evidence about it',
      'evidence/candidate.jsonl:5 case_id: and 396 more like this (lines 5–400)',
    ]);
  });

  it('shows coverage per pinned suite in the report and the terminal', async () => {
    const fresh = gateRepo({ changed: ['policy-qa'] });
    try {
      const { parent, candidate } = evidenceRecords('policy-qa', { golden: 398, safety: 160 });
      fresh.repo.write('e/parent.jsonl', toJsonl(parent));
      fresh.repo.write('e/candidate.jsonl', toJsonl(candidate));
      const run = await runCliInProcess(fresh.repo.dir, [
        'check',
        '--base',
        fresh.base,
        '--head',
        fresh.head,
        '--parent-evidence',
        'e/parent.jsonl',
        '--candidate-evidence',
        'e/candidate.jsonl',
      ]);
      expect(run.stdout).toContain(
        '  suite golden policy_golden_v12: 398 of 2,400 cases, 2,002 missing: pqa-g-00399, pqa-g-00400, pqa-g-00401, pqa-g-00402, pqa-g-00403, …\n',
      );
      expect(run.stdout).toContain(
        '  suite safety policy_redteam_v04: 160 of 1,200 cases, 1,040 missing: pqa-rt-0161, pqa-rt-0162, pqa-rt-0163, pqa-rt-0164, pqa-rt-0165, …\n',
      );
    } finally {
      fresh.repo.cleanup();
    }
  });
});

describe('the example packages’ suites', () => {
  it('list every case the example evidence and scenarios use, with their digests locked (scripts/generate-example-suites.mjs --check)', () => {
    const run = spawnSync(
      join(ROOT, 'node_modules/.bin/node'),
      [join(ROOT, 'scripts/generate-example-suites.mjs'), '--check'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
  });
});

// The same list without its ascending ids: every check then looks ids up in the set.
const setOnly = (list: SuiteList): SuiteList => ({
  id: list.id,
  suite: list.suite,
  path: list.path,
  ids: new Set(list.ids),
});
const idOf = (n: number) => `g${String(n).padStart(4, '0')}`;

describe('an empty JSON array', () => {
  it('lists no case, so every case is outside the suite (a file with no lines lists no ids instead)', () => {
    const empty = readSuiteList(suite('[]'));
    expect(empty.reason).toBeUndefined();
    expect(empty.ids?.size).toBe(0);
    const found: Problem[] = [];
    checkSuiteMembership([record('c1')], side, [empty], 'candidate', (p) => found.push(p));
    expect(found).toEqual([expect.objectContaining({ field: 'case_id', line: 1 })]);
    expect(readSuiteList(suite('\n')).reason).toBe('the suite file lists no cases');
  });
});

describe('suite lists in ascending order, walked instead of looked up', () => {
  it('keeps the ascending ids of a file that lists them in order, and only the set of one that does not', () => {
    const sorted = readSuiteList(suite('{"case_id":"a"}\n{"case_id":"b"}\n{"case_id":"c"}\n'));
    expect(sorted.ascending).toEqual(['a', 'b', 'c']);
    expect([...(sorted.ids ?? [])]).toEqual(['a', 'b', 'c']);
    for (const content of ['{"case_id":"b"}\n{"case_id":"a"}\n', '{"case_id":"a"}\n{"case_id":"a"}\n']) {
      const list = readSuiteList(suite(content));
      expect(list.ascending).toBeUndefined();
      expect(list.ids?.size).toBeGreaterThan(0);
    }
  });

  it('reports the same problems and coverage as set lookups, in and out of order', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rng = createRng(seed);
      // A listed suite of ascending ids with gaps, and records for some listed and some unlisted ids.
      const listedIds = Array.from({ length: 1 + rng.nextInt(60) }, (_, i) => i * 2 + rng.nextInt(2))
        .filter((n, i, all) => i === 0 || n !== all[i - 1])
        .map(idOf);
      const list = readSuiteList(suite(listedIds.map((id) => `{"case_id":"${id}"}\n`).join('')));
      expect(list.ascending, `seed ${seed}`).toBeDefined();
      let caseIds = [...new Set(Array.from({ length: rng.nextInt(80) }, () => idOf(rng.nextInt(130))))].toSorted();
      const shuffled = rng.nextInt(4) === 0;
      if (shuffled) caseIds = caseIds.toSorted(() => rng.nextInt(3) - 1);
      const records = caseIds.map((id, i) =>
        record(id, rng.nextInt(5) === 0 ? { suite_id: 'policy_golden_v12', source: { file: 'c', line: i } } : {}),
      );
      const problemsWith = (withList: SuiteList) => {
        const found: Problem[] = [];
        checkSuiteMembership(records, side, [withList], 'candidate', (p) => found.push(p));
        return found;
      };
      expect(problemsWith(list), `seed ${seed}`).toEqual(problemsWith(setOnly(list)));
      // Coverage of paired cases (in case order, as pairing gives them), with another suite's cases among them.
      const cases = [
        ...paired(caseIds.toSorted()),
        ...paired(listedIds).map((c) => ({ ...c, suite: 'safety' as const })),
      ];
      expect(suiteCoverage(cases, [list]), `seed ${seed}`).toEqual(suiteCoverage(cases, [setOnly(list)]));
    }
  });
});
