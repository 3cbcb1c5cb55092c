// `kaizen-gate check` through the CLI entry, in process, on real git repositories: exit statuses,
// hostile evidence, report files and signing. test/e2e/cli.test.ts runs the bundled CLI itself.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.ts';
import { evidenceRecords, gateRepo, ROOT, toJsonl } from '../gates/scenario.ts';
import type { EvidenceSpec, GateRepo } from '../gates/scenario.ts';
import { runCliInProcess, STACK_TRACE } from '../support/cli.ts';

const HOSTILE = join(ROOT, 'test/fixtures/evidence-hostile');
const cli = runCliInProcess;

const repos: GateRepo[] = [];
afterAll(() => {
  for (const { repo } of repos) repo.cleanup();
});

/** A repository with a policy-qa prompt patch (at `level`) and named evidence pairs under evidence/. */
function setup(level: number, evidence: Record<string, EvidenceSpec>): GateRepo {
  const built = gateRepo({ changed: ['policy-qa'], level });
  repos.push(built);
  for (const [name, spec] of Object.entries(evidence)) {
    const { parent, candidate } = evidenceRecords('policy-qa', spec);
    built.repo.write(`evidence/${name}/parent.jsonl`, toJsonl(parent));
    built.repo.write(`evidence/${name}/candidate.jsonl`, toJsonl(candidate));
  }
  return built;
}

const check = (built: GateRepo, name: string, ...extra: string[]): string[] => [
  'check',
  '--base',
  built.base,
  '--head',
  built.head,
  '--parent-evidence',
  `evidence/${name}/parent.jsonl`,
  '--candidate-evidence',
  `evidence/${name}/candidate.jsonl`,
  ...extra,
];

let level0: GateRepo;
let level2: GateRepo;
beforeAll(() => {
  level0 = setup(0, { good: { fix: 6 }, bad: { regress: 15 }, slow: { latencyFactor: 1.3 } });
  level2 = setup(2, { good: { fix: 6 } });
  level0.repo.copyIn(HOSTILE, 'hostile');
  level0.repo.copyIn(join(ROOT, 'test/fixtures/policies'), 'hostile-policy');
});

describe('kaizen-gate check : exit status', () => {
  it.each<[string, () => [GateRepo, string], number, RegExp]>([
    ['approve', () => [level0, 'good'], 0, /^APPROVE {2}Approved: every gate passed\.\n/],
    ['reject', () => [level0, 'bad'], 1, /^REJECT {2}Rejected: the quality gate failed\.\n/],
    ['hold', () => [level0, 'slow'], 1, /^HOLD {2}Held: the latency gate failed/],
    [
      'needs approval at level 2',
      () => [level2, 'good'],
      3,
      /^NEEDS APPROVAL {2}Needs approval: all gates pass, and side-effect level 2 releases always need a named owner's approval\.\n/,
    ],
  ])('%s', async (_name, pick, code, headline) => {
    const [built, name] = pick();
    const result = await cli(built.repo.dir, check(built, name));
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(headline);
    expect(result.code).toBe(code);
  });

  it('names the owners who can approve a level 2 release', async () => {
    const result = await cli(level2.repo.dir, check(level2, 'good', '--format', 'json'));
    const report = JSON.parse(result.stdout) as Report;
    expect(report.packages[0]!.decision.approvers).toEqual(['@acme/hr-assistant']);
  });

  it('exits 2 on a bad --seed, without running the gates', async () => {
    const result = await cli(level0.repo.dir, check(level0, 'good', '--seed', '12abc'));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'kaizen-gate: Expected --seed to be an integer from 0 to 4294967295, got "12abc".\nRun `kaizen-gate --help` for usage.\n',
    );
  });
});

describe('kaizen-gate check : hostile evidence gives exit 2 with file and line', () => {
  // Each fixture is the candidate side against a valid five-case parent (hostile/parent.jsonl).
  it.each<[string, RegExp]>([
    ['malformed-json.jsonl', /^hostile\/malformed-json\.jsonl:3:61: not valid JSON/m],
    ['nan-string.jsonl', /^hostile\/nan-string\.jsonl:2:\d+ latency_ms: .*NaN/m],
    [
      'score-out-of-range.jsonl',
      /^hostile\/score-out-of-range\.jsonl:4:\d+ score: expected a number in \[0, 1\], got 1\.3$/m,
    ],
    [
      'unknown-suite.jsonl',
      /^hostile\/unknown-suite\.jsonl:1:\d+ suite: expected "golden", "safety" or "shadow", got the string "goldn"$/m,
    ],
    ['duplicate-key.jsonl', /^hostile\/duplicate-key\.jsonl:2:\d+ pass: appears twice/m],
    [
      'duplicate-record.jsonl',
      /^hostile\/duplicate-record\.jsonl:6 trial: duplicate record: .* is also at hostile\/duplicate-record\.jsonl:1/m,
    ],
    [
      'unpaired.jsonl',
      /^hostile\/unpaired\.jsonl:5 case_id: 1 case in the candidate evidence has no parent result: golden\/pqa-g-00006/m,
    ],
    [
      'judge-differs.jsonl',
      /^hostile\/judge-differs\.jsonl:1 judge\.version: the candidate was graded by judge-large@2026-06-01 but the parent by judge-large@2026-03-01/m,
    ],
    ['proto-key.jsonl', /^hostile\/proto-key\.jsonl:3:\d+ __proto__: .*not allowed/m],
    ['empty.jsonl', /^hostile\/empty\.jsonl:1: the evidence file is empty$/m],
    ['binary.jsonl', /^hostile\/binary\.jsonl:1: not evidence: expected JSON Lines/m],
    [
      'promptfoo-unknown-shape.json',
      /^hostile\/promptfoo-unknown-shape\.json:1 results\.results: expected the array of eval results, got an object$/m,
    ],
  ])('%s', async (file, problem) => {
    const result = await cli(level0.repo.dir, [
      'check',
      '--base',
      level0.base,
      '--head',
      level0.head,
      '--parent-evidence',
      'hostile/parent.jsonl',
      '--candidate-evidence',
      `hostile/${file}`,
    ]);
    expect(result.stderr).toMatch(problem);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  it('the valid five-case pair itself is accepted (so the rows above fail for their fault alone)', async () => {
    const result = await cli(level0.repo.dir, [
      'check',
      '--base',
      level0.base,
      '--head',
      level0.head,
      '--parent-evidence',
      'hostile/parent.jsonl',
      '--candidate-evidence',
      'hostile/candidate.jsonl',
    ]);
    expect(result.stderr).toBe('');
    // Five cases are too few to decide: inconclusive, not invalid.
    expect(result.code).toBe(3);
  });

  it('a policy file with a typo: exit 2 with file:line:col', async () => {
    // The policy is read from git (base and head); here it is new in the working tree.
    const args = check(level0, 'good').filter((arg, i, all) => arg !== '--head' && all[i - 1] !== '--head');
    const result = await cli(level0.repo.dir, [...args, '--policy', 'hostile-policy/typo.yaml']);
    expect(result.stderr).toBe(
      'hostile-policy/typo.yaml:5:5 gates.quality.max_drop_ppp: unknown field "max_drop_ppp" (did you mean "max_drop_pp"?)\n',
    );
    expect(result.code).toBe(2);
  });

  it('lists the problems of both files at once', async () => {
    const result = await cli(level0.repo.dir, [
      'check',
      '--base',
      level0.base,
      '--head',
      level0.head,
      '--parent-evidence',
      'hostile/nan-string.jsonl',
      '--candidate-evidence',
      'hostile/score-out-of-range.jsonl',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('2 evidence problems');
    expect(result.stderr).toMatch(/^hostile\/nan-string\.jsonl:2:/m);
    expect(result.stderr).toMatch(/^hostile\/score-out-of-range\.jsonl:4:/m);
  });
});

const runSeed = async (seed: string): Promise<string> =>
  (await cli(level0.repo.dir, check(level0, 'bad', '--format', 'json', '--seed', seed))).stdout;

/** A JSON report with every bootstrap-dependent number (intervals, p-values) and the seed blanked. */
const blank = (text: string): unknown =>
  JSON.parse(text, (key, value: unknown) =>
    ['interval', 'p_value', 'adjusted_p', 'bound_at_alpha', 'seed'].includes(key)
      ? '…'
      : typeof value === 'string'
        ? value
            .replaceAll(/\d+% CI [^;)]*/g, 'CI …')
            .replaceAll(/p = [\d.<\s]+/g, 'p = …')
            .replaceAll(/bound,? ×[\d.]+/g, 'bound ×…')
        : value,
  );

describe('kaizen-gate check : output', () => {
  it('--out writes report.json and report.md, and --format json prints the same report', async () => {
    const out = join(level0.repo.dir, 'out', 'run-1');
    const result = await cli(level0.repo.dir, check(level0, 'good', '--out', 'out/run-1', '--format', 'json'));
    expect(result.code).toBe(0);
    expect(readdirSync(out).toSorted()).toEqual(['report.json', 'report.md']);
    const file = readFileSync(join(out, 'report.json'), 'utf8');
    expect(result.stdout).toBe(file);
    const report = JSON.parse(file) as Report;
    expect(report.decision.outcome).toBe('approve');
    expect(report.subject.commit).toBe(level0.head);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('policy-qa');
  });

  it('--format markdown prints what --out writes as report.md', async () => {
    const result = await cli(level0.repo.dir, check(level0, 'bad', '--out', 'out/run-md', '--format', 'markdown'));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(readFileSync(join(level0.repo.dir, 'out/run-md/report.md'), 'utf8'));
  });

  it('--out naming an existing file: exit 2, a clear message, the file untouched and no debris', async () => {
    const dir = join(level0.repo.dir, 'outfile');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'report.json'), 'an earlier report\n');
    const result = await cli(level0.repo.dir, check(level0, 'good', '--out', 'outfile/report.json'));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `${join(dir, 'report.json')}: cannot write the report: a file is in the way where a directory is needed (the output path names a file); nothing was written\n`,
    );
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(readdirSync(dir)).toEqual(['report.json']);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('an earlier report\n');
  });

  it('a failure writing report.md leaves the previous report.json, not a new one beside a missing report.md', async () => {
    const dir = join(level0.repo.dir, 'out', 'half');
    mkdirSync(join(dir, 'report.md'), { recursive: true });
    writeFileSync(join(dir, 'report.json'), '{"previous": true}\n');
    const result = await cli(level0.repo.dir, check(level0, 'bad', '--out', 'out/half'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${join(dir, 'report.md')}: cannot write the report: a directory is in the way where the file should go; nothing was written\n`,
    );
    expect(readdirSync(dir).toSorted()).toEqual(['report.json', 'report.md']);
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe('{"previous": true}\n');
  });

  it('--seed changes the intervals and nothing else', async () => {
    const a = await runSeed('1');
    expect(await runSeed('1')).toBe(a);
    const b = await runSeed('2');
    expect(b).not.toBe(a);
    expect(blank(b)).toEqual(blank(a));
    expect((JSON.parse(a) as Report).inputs.statistics.seed).toBe(1);
  });
});

describe('kaizen-gate check --signing-key ', () => {
  it('signs the report, and kaizen-gate verify accepts it for the head commit', async () => {
    const key = join(ROOT, 'test/fixtures/keys/ed25519.key.pem');
    const pub = join(ROOT, 'test/fixtures/keys/ed25519.pub.pem');
    const result = await cli(
      level0.repo.dir,
      check(level0, 'good', '--out', 'out/signed', '--signing-key', key, '--format', 'json'),
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.signature.status).toBe('signed');
    expect(report.signature.keyid).toMatch(/^sha256:[0-9a-f]{64}$/);
    const dir = join(level0.repo.dir, 'out', 'signed');
    expect(readdirSync(dir).toSorted()).toEqual(['report.intoto.json', 'report.json', 'report.md']);
    // The evidence files are untracked here, so verify looks them up in the working tree.
    const verified = await cli(level0.repo.dir, [
      'verify',
      join(dir, 'report.intoto.json'),
      '--key',
      pub,
      '--commit',
      level0.head,
    ]);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/approve/i);
  });

  it('without a key the report says why it is unsigned, and no envelope is left from an earlier run', async () => {
    const result = await cli(level0.repo.dir, check(level0, 'good', '--out', 'out/signed', '--format', 'json'));
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Report).signature).toEqual({
      status: 'unsigned',
      reason: 'no --signing-key given',
    });
    expect(readdirSync(join(level0.repo.dir, 'out', 'signed')).toSorted()).toEqual(['report.json', 'report.md']);
  });

  it('a malformed key: the report is still written, unsigned and saying why; exit 2; no key material echoed', async () => {
    level0.repo.write('bad.pem', '-----BEGIN PRIVATE KEY-----\nnot-a-key-c2VjcmV0\n-----END PRIVATE KEY-----\n');
    const result = await cli(level0.repo.dir, check(level0, 'good', '--out', 'out/badkey', '--signing-key', 'bad.pem'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^kaizen-gate: the report was written unsigned: signing-key: could not be parsed as a private key/,
    );
    expect(`${result.stdout}${result.stderr}`).not.toContain('c2VjcmV0');
    expect(result.stderr).not.toMatch(STACK_TRACE);
    const dir = join(level0.repo.dir, 'out', 'badkey');
    expect(readdirSync(dir).toSorted()).toEqual(['report.json', 'report.md']);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.signature.status).toBe('unsigned');
    expect(report.signature.reason).toMatch(/^the signing key could not be used \(signing-key: could not be parsed/);
    expect(report.decision.outcome).toBe('approve');
  });
});
