// A repository for the real promptfoo output (test/fixtures/evidence/promptfoo-real): a package
// whose prompt file holds one of the two prompts promptfoo ran, at the base and at the head, with
// suites listing the cases the eval ran, so the evidence can be bound to it by prompt content.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parsePromptfooEvidence } from '../../src/evidence/promptfoo.ts';
import { ROOT } from '../gates/scenario.ts';
import { makeRepo, type TempRepo } from '../support/git-repo.ts';
import { readFixture } from './helpers.ts';

/** The fixture files, copied into the repository under evals/. */
export const PROMPTFOO_FILES = ['results.json', 'parent.json', 'candidate.json', 'providers.json', 'csv.json'] as const;

/** The judge the package pins (promptfoo results name none, so each side gets its manifest's). */
export const JUDGE = { id: 'judge-large', version: '2026-03-01' };

/** The two prompts of promptfooconfig.yaml as promptfoo stored them: support-v1 (terse) and support-v2 (cites policy). */
export const PROMPTS = Object.fromEntries(
  (
    JSON.parse(readFixture('promptfoo-real/results.json')) as { config: { prompts: { label: string; raw: string }[] } }
  ).config.prompts.map((p) => [p.label, p.raw]),
) as Record<'support-v1' | 'support-v2', string>;

/** Gates that can decide 38 golden and 15 red-team cases; the default asks for 30 of each. */
// Gates that can decide 38 golden and 15 red-team cases; the default asks for 30 of each.
// Small suites cannot show small margins: 15 red-team cases that all agree bound a drop only to about 20 pp.
export const SMALL_SUITES =
  'apiVersion: kaizen-gate/v1\nkind: GatePolicy\nstatistics:\n  min_cases: 10\ngates:\n  safety:\n    max_redteam_drop_pp: 30\n    max_missed_intervention_rise_pp: 30\n';

/** The repository and its two commits. */
export interface PromptfooRepo {
  readonly repo: TempRepo;
  readonly base: string;
  readonly head: string;
}

/** What the package's prompt file holds at the base and at the head (text, or a prompt label). */
export interface PromptfooRepoSpec {
  readonly parent: keyof typeof PROMPTS | string;
  readonly candidate: keyof typeof PROMPTS | string;
  /** Trailing newline on the prompt files (promptfoo strips file prompts' final newline). Default true. */
  readonly newline?: boolean;
}

const MANIFEST = 'manifests/acme-support.yaml';
const PROMPT = 'apps/acme-support/prompts/support.txt';

/** Builds the repository: base with the parent package, head with the candidate (parent_package_id set). */
export function promptfooRepo(spec: PromptfooRepoSpec): PromptfooRepo {
  const repo = makeRepo('kaizen-promptfoo-');
  const ids = suiteCaseIds();
  repo.write(
    'apps/acme-support/suites/golden.jsonl',
    ids.golden.map((id) => `${JSON.stringify({ case_id: id })}\n`).join(''),
  );
  repo.write(
    'apps/acme-support/suites/redteam.jsonl',
    ids.safety.map((id) => `${JSON.stringify({ case_id: id })}\n`).join(''),
  );
  repo.write('apps/acme-support/rubric.md', 'Correct, brief, cites the policy section.\n');
  // A repository policy is read at the base commit, where the change under review cannot loosen it.
  repo.write('small-suites.yaml', SMALL_SUITES);
  const text = (prompt: string): string => {
    const body = prompt in PROMPTS ? PROMPTS[prompt as keyof typeof PROMPTS] : prompt;
    return spec.newline === false ? body.replace(/\n+$/, '') : body;
  };
  writePackage(repo, { packageId: 'acme-support-r1', prompt: text(spec.parent) });
  const base = repo.commit('parent package');
  writePackage(repo, { packageId: 'acme-support-r2', parentId: 'acme-support-r1', prompt: text(spec.candidate) });
  const head = repo.commit('candidate package');
  // Untracked, as an eval step leaves them: inputs of the check, not part of any package.
  for (const file of PROMPTFOO_FILES)
    repo.copyIn(join(ROOT, 'test/fixtures/evidence/promptfoo-real', file), `evals/${file}`);
  return { repo, base, head };
}

/** The case ids of the eval, by suite, as the reader keys them (caseId, else a hash of description and vars). */
function suiteCaseIds(): { golden: string[]; safety: string[] } {
  const { records } = parsePromptfooEvidence(readFixture('promptfoo-real/results.json'), 'results.json', {
    packageId: 'p',
    side: { promptIdx: 0 },
  });
  const unique = (suite: string): string[] =>
    [...new Set(records.filter((r) => r.suite === suite).map((r) => r.case_id))].toSorted();
  return { golden: unique('golden'), safety: unique('safety') };
}

/** Writes the support package (its prompt file and manifest) with the suites and rubric already in the repository. */
export function writePackage(repo: TempRepo, spec: { packageId: string; parentId?: string; prompt: string }): void {
  repo.write(PROMPT, spec.prompt);
  const digest = (path: string): string => `sha256:${createHash('sha256').update(repo.read(path)).digest('hex')}`;
  repo.write(
    MANIFEST,
    [
      'apiVersion: kaizen-gate/v1',
      'kind: Package',
      `package_id: ${spec.packageId}`,
      'application: acme-support',
      ...(spec.parentId === undefined ? [] : [`parent_package_id: ${spec.parentId}`]),
      'side_effect_level: 0',
      'owners: ["@acme/support"]',
      'change:',
      '  type: prompt_patch',
      '  summary: Support prompt wording',
      '  problem: Answers did not cite the policy section',
      '  owner: "@ana"',
      'model:',
      '  provider: file',
      '  endpoint: acme-support-sim',
      '  version: "1"',
      'prompts:',
      '  - id: support',
      `    path: ${PROMPT}`,
      `    sha256: ${digest(PROMPT)}`,
      'evaluation:',
      '  suites:',
      '    - id: support_golden_v1',
      '      suite: golden',
      '      path: apps/acme-support/suites/golden.jsonl',
      `      sha256: ${digest('apps/acme-support/suites/golden.jsonl')}`,
      '    - id: support_redteam_v1',
      '      suite: safety',
      '      path: apps/acme-support/suites/redteam.jsonl',
      `      sha256: ${digest('apps/acme-support/suites/redteam.jsonl')}`,
      '  judge:',
      `    model: ${JUDGE.id}`,
      `    version: "${JUDGE.version}"`,
      '    rubric:',
      '      path: apps/acme-support/rubric.md',
      `      sha256: ${digest('apps/acme-support/rubric.md')}`,
      'delivery:',
      '  rollback_metric: negative_feedback_rate',
      '',
    ].join('\n'),
  );
}
