// The repository the eval tests gate: the acme-support package of the real promptfoo fixtures
// (support-v1 at the base, support-v2 at the head), and the harness that stands in for
// `promptfoo eval` (test/fixtures/harness/promptfoo-sim.mjs), run by kaizen-gate in process.
import { join } from 'node:path';
import { runCli } from '../../src/cli.ts';
import type { Report } from '../../src/report/model.ts';
import { ROOT } from '../gates/scenario.ts';
import { promptfooRepo, type PromptfooRepo } from '../evidence/promptfoo-repo.ts';

/** The harness script. */
export const HARNESS = join(ROOT, 'test/fixtures/harness/promptfoo-sim.mjs');
/** The package's prompt file in the repository. */
export const PROMPT = 'apps/acme-support/prompts/support.txt';
/** The eval command the tests give kaizen-gate. */
export const COMMAND = `node '${HARNESS}' --prompt ${PROMPT}`;

/** What a CLI run in process printed and returned. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a step: the test process's, without variables that would steer the run. */
export function stepEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(KAIZEN_GATE_|HARNESS_|INPUT_|PROMPTFOO_)/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs `kaizen-gate ARGS` in the repository with a fixed clock and a step environment. */
export async function cli(
  dir: string,
  args: readonly string[],
  options: { now?: Date; env?: Record<string, string> } = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const now = options.now ?? new Date('2026-03-01T12:00:00Z');
  const code = await runCli(args, {
    cwd: dir,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    clock: () => now,
    env: stepEnv(options.env),
  });
  return { code, stdout, stderr };
}

/** `check --eval` of the repository's change, as JSON. */
export async function checkEval(
  built: PromptfooRepo,
  extra: readonly string[] = [],
  options: { now?: Date; env?: Record<string, string>; command?: string } = {},
): Promise<Run & { report?: Report }> {
  const run = await cli(
    built.repo.dir,
    [
      'check',
      '--base',
      built.base,
      '--head',
      built.head,
      '--policy',
      'small-suites.yaml',
      '--format',
      'json',
      '--eval',
      options.command ?? COMMAND,
      ...extra,
    ],
    options,
  );
  return { ...run, ...(run.code === 2 ? {} : { report: JSON.parse(run.stdout) as Report }) };
}

/** The promptfoo package with the parent wording at the base and the candidate wording at the head. */
export function buildRepo(): PromptfooRepo {
  return promptfooRepo({ parent: 'support-v1', candidate: 'support-v2' });
}
