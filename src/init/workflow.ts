// The release-gate workflow `kaizen-gate init` writes: pull requests are gated with the eval run by
// the Action itself (`eval-command`), pushes to the default branch record the decision and store
// the merged candidate's evidence for the next pull request's parent.

/** What the workflow depends on. */
export interface WorkflowSpec {
  readonly evalCommand: string;
  /** The default branch. */
  readonly branch: string;
  /** Install the repository's packages first (it has a package-lock.json). */
  readonly npmCi: boolean;
}

/** The workflow file's text. */
export function workflowText(spec: WorkflowSpec): string {
  return [
    '# Written by `kaizen-gate init`. Every pull request that changes a package is gated: the Action',
    '# runs eval-command for the parent (base) and the candidate (head), each in a clean worktree,',
    '# compares them case by case and decides. On a push to the default branch it records the signed',
    '# decision as a git note and stores the merged evidence, which the next pull request reuses as',
    '# its parent evidence (parent-evidence: auto, max-parent-age: 7d).',
    'name: release-gate',
    'on:',
    '  pull_request:',
    '  push:',
    `    branches: [${yamlSingle(spec.branch)}]`,
    'permissions:',
    '  contents: write        # a push records refs/notes/kaizen-gate and refs/kaizen-gate/evidence/*',
    '  checks: write',
    '  pull-requests: write',
    'jobs:',
    '  gate:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v5',
    '        with:',
    '          fetch-depth: 0     # the parent is read and evaluated at the base commit',
    '      - uses: actions/setup-node@v5',
    '        with:',
    '          node-version: 22',
    ...(spec.npmCi ? ['      - run: npm ci'] : []),
    '      - uses: kaizen-gate/kaizen-gate@v0',
    '        with:',
    `          eval-command: ${yamlSingle(spec.evalCommand)}`,
    '          signing-key: ${{ secrets.KAIZEN_GATE_SIGNING_KEY }}',
    '        # env:                 # what your eval needs, e.g. a model API key',
    '        #   OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}',
    '      - uses: actions/upload-artifact@v4',
    '        if: always()',
    '        with:',
    '          name: kaizen-gate-report',
    '          path: kaizen-gate-report/',
    '',
  ].join('\n');
}

/** A YAML single-quoted scalar. */
function yamlSingle(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
