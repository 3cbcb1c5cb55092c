import { afterAll, describe, expect, it } from 'vitest';
import { describeArgsError } from '../../src/cli/flags.ts';
import { evidenceRecords, gateRepo, type GateRepo, PACKAGES, toJsonl } from '../gates/scenario.ts';
import { runCliInProcess } from '../support/cli.ts';

const repos: GateRepo[] = [];
afterAll(() => {
  for (const { repo } of repos) repo.cleanup();
});

describe('check: warnings that change what the result means reach the terminal', () => {
  it('prints the fallback from a wrong parent_package_id, as the report records it', async () => {
    const built = gateRepo({ changed: ['policy-qa'] });
    repos.push(built);
    const { repo } = built;
    const manifest = PACKAGES['policy-qa'].manifest;
    repo.write(
      manifest,
      repo.read(manifest).replace(/^parent_package_id: .*$/m, 'parent_package_id: policy-qa-2025-01-01-r0'),
    );
    const head = repo.commit('a parent id that does not exist');
    const { parent, candidate } = evidenceRecords('policy-qa');
    repo.write('e/parent.jsonl', toJsonl(parent));
    repo.write('e/candidate.jsonl', toJsonl(candidate));
    const run = await runCliInProcess(repo.dir, [
      'check',
      '--base',
      built.base,
      '--head',
      head,
      '--parent-evidence',
      'e/parent.jsonl',
      '--candidate-evidence',
      'e/candidate.jsonl',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `  warning: parent_package_id is policy-qa-2025-01-01-r0, but the base commit has ${PACKAGES['policy-qa'].baseId} in ${manifest}; comparing against ${PACKAGES['policy-qa'].baseId}\n`,
    );
    expect(run.stdout).toContain(`  evidence: parent bound by package_id; candidate bound by package_id\n`);
  });

  it('names --allow-unpaired when cases are unpaired', async () => {
    const built = gateRepo({ changed: ['policy-qa'] });
    repos.push(built);
    const { parent, candidate } = evidenceRecords('policy-qa');
    built.repo.write('e/parent.jsonl', toJsonl(parent));
    built.repo.write('e/candidate.jsonl', toJsonl(candidate.slice(1)));
    const run = await runCliInProcess(built.repo.dir, [
      'check',
      '--base',
      built.base,
      '--head',
      built.head,
      '--parent-evidence',
      'e/parent.jsonl',
      '--candidate-evidence',
      'e/candidate.jsonl',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /has no candidate result: golden\/pqa-g-00001 \(e\/parent\.jsonl:1\); run both sides on the same cases, or drop cases only one side has with --allow-unpaired \(Action input allow-unpaired: true\)/,
    );
    const allowed = await runCliInProcess(built.repo.dir, [
      'check',
      '--base',
      built.base,
      '--head',
      built.head,
      '--parent-evidence',
      'e/parent.jsonl',
      '--candidate-evidence',
      'e/candidate.jsonl',
      '--allow-unpaired',
    ]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain(
      '  evidence: 1 parent-only and 0 candidate-only case(s) dropped (--allow-unpaired); the gates judged the 1,499 paired cases\n',
    );
  });
});

describe('unknown flags', () => {
  it('suggest the closest flag of the command', async () => {
    const run = await runCliInProcess(process.cwd(), ['check', '--base', 'main', '--parent-evidenc', 'p.jsonl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'kaizen-gate: unknown option --parent-evidenc (did you mean --parent-evidence?)\nRun `kaizen-gate --help` for usage.\n',
    );
  });

  it.each([
    [
      {
        code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
        message:
          "Unknown option '--alow-unpaired'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--alow-unpaired\"",
      },
      'unknown option --alow-unpaired (did you mean --allow-unpaired?)',
    ],
    [
      { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION', message: "Unknown option '--zzz'. To specify …" },
      'unknown option --zzz; options: --base, --allow-unpaired, --parent-evidence',
    ],
    [
      { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', message: "Option '--base <value>' argument missing" },
      '--base needs a value',
    ],
  ])('%#: %s', (error, expected) => {
    expect(
      describeArgsError(Object.assign(new TypeError(error.message), { code: error.code }), [
        'base',
        'allow-unpaired',
        'parent-evidence',
      ]),
    ).toBe(expected);
  });
});
