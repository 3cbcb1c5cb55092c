// Repeated looks at a package pair: the audit trail's earlier reports of the same parent → candidate
// pair make a re-run a later look, which spends a smaller share of the error budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimOf, countLooks, pairKey } from '../../src/audit/looks.ts';
import { recordNote } from '../../src/git/notes.ts';
import type { Report } from '../../src/report/model.ts';
import { candidateId, evidenceRecords, gateRepo, PACKAGES, toJsonl } from '../gates/scenario.ts';
import type { GateRepo } from '../gates/scenario.ts';
import { runCliInProcess } from '../support/cli.ts';

const report = (pairs: [string | undefined, string][]): unknown => ({
  schema: 'kaizen-gate/report/v1',
  packages: pairs.map(([parent, id]) => ({
    package_id: id,
    parent: parent === undefined ? null : { package_id: parent },
  })),
});
const unsigned = (value: unknown) => {
  const text = JSON.stringify({ unsigned: true, report: value });
  return { text, value: JSON.parse(text) as unknown };
};
const signed = (value: unknown) => {
  const payload = Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', predicate: value })).toString(
    'base64',
  );
  const text = JSON.stringify({ payloadType: 'application/vnd.in-toto+json', payload, signatures: [] });
  return { text, value: JSON.parse(text) as unknown };
};

describe('countLooks', () => {
  it('counts distinct reports per parent → candidate pair, signed or not, and ignores what is not a gate report', () => {
    const first = report([['a-1', 'a-2']]);
    const looks = countLooks([
      unsigned(first),
      unsigned(first), // the same record twice is one look
      signed(
        report([
          ['a-1', 'a-2'],
          [undefined, 'b-1'],
        ]),
      ),
      { text: 'not json', value: undefined },
      unsigned({ schema: 'kaizen-gate/report/v1', stage: 'canary', packages: [] }),
      signed({ schema: 'something/else', packages: [{ package_id: 'a-2', parent: { package_id: 'a-1' } }] }),
    ]);
    expect(looks).toEqual(
      new Map([
        [pairKey('a-1', 'a-2'), 2],
        [pairKey(undefined, 'b-1'), 1],
      ]),
    );
  });

  it('reads a damaged envelope as no claim', () => {
    expect(
      claimOf({ text: '{}', value: { payload: Buffer.from('{"predicate":').toString('base64') } }),
    ).toBeUndefined();
  });
});

describe('check: the look comes from the audit trail', () => {
  let built: GateRepo;
  beforeAll(() => {
    built = gateRepo({ changed: ['policy-qa'] });
    const { parent, candidate } = evidenceRecords('policy-qa', {});
    built.repo.write('e/parent.jsonl', toJsonl(parent));
    built.repo.write('e/candidate.jsonl', toJsonl(candidate));
  });
  afterAll(() => built.repo.cleanup());

  const check = async (...extra: string[]): Promise<Report> => {
    const args = [
      'check',
      '--base',
      built.base,
      '--head',
      built.head,
      '--parent-evidence',
      'e/parent.jsonl',
      '--candidate-evidence',
      'e/candidate.jsonl',
      '--format',
      'json',
      ...extra,
    ];
    const run = await runCliInProcess(built.repo.dir, args);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as Report;
  };

  it('is look 1 with an empty trail, look 2 once a report of the same pair is recorded, and --look overrides it', async () => {
    const first = await check();
    expect(first.packages[0]?.error_budget?.look).toBe(1);
    recordNote({
      repo: built.repo.dir,
      commit: built.head,
      note: JSON.stringify({ unsigned: true, report: first }),
      push: false,
    });
    const second = await check();
    expect(second.packages[0]?.error_budget?.look).toBe(2);
    // A later look spends a smaller share of alpha.
    expect(second.packages[0]!.error_budget!.look_alpha).toBeLessThan(first.packages[0]!.error_budget!.look_alpha);
    expect((await check('--look', '1')).packages[0]?.error_budget?.look).toBe(1);
    expect(PACKAGES['policy-qa'].baseId).toBe(second.packages[0]?.parent?.package_id);
    expect(second.packages[0]?.package_id).toBe(candidateId('policy-qa'));
  });

  it('refuses a look that is not a whole number from 1', async () => {
    const run = await runCliInProcess(built.repo.dir, [
      'check',
      '--base',
      built.base,
      '--parent-evidence',
      'e/parent.jsonl',
      '--candidate-evidence',
      'e/candidate.jsonl',
      '--look',
      '0',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Expected --look to be a whole number from 1 to 1000, got "0".');
  });
});
