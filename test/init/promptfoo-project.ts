// A repository as a team has it before adopting kaizen-gate: a promptfoo eval of one support
// prompt kept in a file (the real fixtures' tests and provider), nothing else.
import { join } from 'node:path';
import { ROOT } from '../gates/scenario.ts';
import { PROMPTS } from '../evidence/promptfoo-repo.ts';
import type { TempRepo } from '../support/git-repo.ts';

/** The promptfoo config the project keeps at its root. */
export const PROMPTFOO_CONFIG = `# yaml-language-server: $schema=https://promptfoo.dev/config-schema.json
description: Acme support assistant
prompts:
  - file://prompts/support.txt
providers:
  - id: file://provider.js
    label: acme-support-sim
tests: file://tests.yaml
sharing: false
`;

/** Writes the project into `repo` with the prompt's parent (support-v1) or candidate (support-v2) wording. */
export function writePromptfooProject(repo: TempRepo, wording: 'support-v1' | 'support-v2' = 'support-v1'): void {
  const fixtures = join(ROOT, 'test/fixtures/evidence/promptfoo-real');
  repo.write('promptfooconfig.yaml', PROMPTFOO_CONFIG);
  repo.copyIn(join(fixtures, 'tests.yaml'), 'tests.yaml');
  repo.copyIn(join(fixtures, 'provider.js'), 'provider.js');
  repo.write('package.json', '{ "private": true, "type": "module" }\n');
  repo.write('prompts/support.txt', PROMPTS[wording]);
}
