// The README's demo (`npm run example`): runs the bundled CLI the way a user would, on the
// repository's own example packages, in a throwaway git repository.
//
//   1. copy manifests/ into a temp repo and rewrite each package back to its parent (the parent's
//      package_id and an older artifact: the previous prompt, tool schema or document snapshot),
//      `kaizen-gate lock`, commit: that is the base;
//   2. put each package back as it is in this repository, one commit per package (three merged pull
//      requests): the candidates;
//   3. for each scenario, write seeded parent/candidate evidence (test/support/sim, imported directly: Node 24
//      strips the types, and the generator is a demo tool, not part of the shipped bundle) and run
//      `kaizen-gate check --base <commit before> --head <candidate commit> …`, which finds the
//      touched package itself: A approved, B rejected, C held;
//   4. D: all three packages in one run against the first parent commit, with the evidence committed
//      in examples/evidence/ (what the repository's own release-gate workflow uses): approved;
//   5. E and F (scripts/example-stages.mjs): a canary promoted, a canary rolled back.
//
// Commits carry fixed dates, so every run makes the same commits and the same reports.
// `--keep` keeps the scratch repositories (the reports are in their out/ folders);
// `--write-docs` also writes scenario B's Markdown report to docs/report-example.md.
//
// Exits 0 when every scenario gave the decision it was built for, 1 otherwise, 2 when the bundle is
// missing, so the README command doubles as a smoke test of dist/cli.js.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { DEMO_SCENARIOS, identityOfManifest, renderScenarioEvidence } from '../test/support/sim/scenarios.ts';
import { runStageScenarios, STAGE_SCENARIOS } from './example-stages.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = process.env.KAIZEN_GATE_CLI ?? join(root, 'dist', 'cli.js');
const keep = process.argv.includes('--keep');
const writeDocs = process.argv.includes('--write-docs');
/** The scenario whose report docs/report-example.md shows. */
export const DOCS_SCENARIO = 'B';
const EXIT_CODES = { approve: 0, reject: 1, hold: 1, needs_approval: 3 };

// What each package looked like one release earlier. Text edits keep the manifests' comments.
const PARENTS = {
  'policy-qa': {
    manifest: [
      [/^( {2}summary: ).*$/m, '$1Answer format with citations; three bullets at most'],
      [/^( {2}problem: ).*$/m, '$1Answers ran long and mixed several policies'],
      [/^ {2}issue: .*\n/m, ''],
    ],
    files: {
      'manifests/policy-qa/prompts/answer-format.md':
        'Format:\n1. One-sentence direct answer.\n2. Up to three bullet points with the conditions that apply, each with its citation.\nKeep the answer under 180 words.\n',
    },
  },
  'sql-analytics': {
    manifest: [
      [/^( {2}summary: ).*$/m, '$1Route long aggregations to the large model'],
      [/^( {2}problem: ).*$/m, '$1Timeouts on quarter-over-quarter questions'],
      [/^( {4}version: )v6$/m, '$1v5'],
    ],
    files: {
      'manifests/sql-analytics/tools/sql_readonly.json': `${JSON.stringify(
        {
          name: 'sql_readonly',
          description: 'Run one read-only SELECT statement against the analytics warehouse.',
          parameters: {
            type: 'object',
            properties: { query: { type: 'string', description: 'A single SELECT statement.' } },
            required: ['query'],
            additionalProperties: false,
          },
        },
        null,
        2,
      )}\n`,
      'manifests/sql-analytics/prompts/system.md':
        'You answer analytics questions by writing read-only SQL against the warehouse. Only SELECT\nstatements are allowed; never modify data. Show the SQL you ran and explain the result in two\nsentences, with the row count.\n',
    },
  },
  'doc-analysis': {
    manifest: [
      [/^( {2}summary: ).*$/m, '$1Refresh the document index to the 2026-10-30 export'],
      [/^( {2}problem: ).*$/m, '$1Board packs of Q3 were missing from the index'],
      [/enterprise_docs_2026_11_14/, 'enterprise_docs_2026_10_30'],
    ],
    files: {
      'manifests/doc-analysis/retrieval-snapshot.json': `${JSON.stringify(
        {
          snapshot: 'enterprise_docs_2026_10_30',
          documents: 17911,
          built_from: 's3://acme-docs/exports/2026-10-30/',
          chunking: { size_tokens: 512, overlap_tokens: 64 },
        },
        null,
        2,
      )}\n`,
    },
  },
};

// Fixed commit dates: the same commits, hence the same report, on every run and machine.
const FIXED_DATES = { GIT_AUTHOR_DATE: '2026-11-20T09:00:00Z', GIT_COMMITTER_DATE: '2026-11-20T09:00:00Z' };

function runProcess(command, args, cwd, { allowFailure = false } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...FIXED_DATES, NO_COLOR: '1' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0 && !allowFailure) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  }
  return result;
}

function git(cwd, ...args) {
  const identity = [
    '-c',
    'user.name=kaizen-gate example',
    '-c',
    'user.email=example@kaizen-gate.invalid',
    '-c',
    'commit.gpgsign=false',
  ];
  return runProcess('git', [...identity, ...args], cwd).stdout.trim();
}

function kaizenGate(cwd, args, options) {
  return runProcess(process.execPath, [cli, ...args], cwd, options);
}

function buildRepository(dir) {
  git(dir, 'init', '--quiet', '--initial-branch=main');
  cpSync(join(root, 'manifests'), join(dir, 'manifests'), { recursive: true });
  writeFileSync(join(dir, '.gitignore'), 'evidence/\nout/\n');
  for (const [application, parent] of Object.entries(PARENTS)) {
    const path = join(dir, 'manifests', `${application}.yaml`);
    const identity = identityOfManifest(parse(readFileSync(path, 'utf8')), path);
    let text = readFileSync(path, 'utf8')
      .replace(/^package_id: .*$/m, `package_id: ${identity.parentPackageId}`)
      .replace(/^parent_package_id: .*\n/m, '');
    for (const [pattern, replacement] of parent.manifest) text = text.replace(pattern, replacement);
    writeFileSync(path, text);
    for (const [file, content] of Object.entries(parent.files)) writeFileSync(join(dir, file), content);
  }
  kaizenGate(dir, ['lock']);
  kaizenGate(dir, ['validate']);
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'Parent packages');
  // One commit per candidate package, as three pull requests merged one after the other would be.
  const commits = {};
  let base = git(dir, 'rev-parse', 'HEAD');
  for (const application of Object.keys(PARENTS)) {
    const path = join('manifests', `${application}.yaml`);
    cpSync(join(root, path), join(dir, path));
    for (const file of Object.keys(PARENTS[application].files)) cpSync(join(root, file), join(dir, file));
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', `Candidate ${application}`);
    const head = git(dir, 'rev-parse', 'HEAD');
    commits[application] = { base, head };
    base = head;
  }
  return commits;
}

const ALL_TITLE = 'all three packages at once, with the evidence committed in examples/evidence/';

function main() {
  if (!existsSync(cli)) {
    console.error(`kaizen-gate bundle not found at ${cli}: run \`npm run bundle\` first.`);
    return 2;
  }
  console.log(
    'kaizen-gate example: the bundled CLI on the example packages in manifests/, in scratch git repositories.',
  );
  for (const s of DEMO_SCENARIOS) console.log(`  ${s.name}. ${s.title} (expect ${s.expected})`);
  console.log(`  D. ${ALL_TITLE} (expect approve)`);
  for (const s of STAGE_SCENARIOS) console.log(`  ${s.name}. ${s.title} (expect ${s.expected})`);
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-gate-example-'));
  let failures = 0;
  let total = 0;
  try {
    const commits = buildRepository(dir);
    for (const scenario of DEMO_SCENARIOS) {
      const { base, head } = commits[scenario.application];
      const manifest = `manifests/${scenario.application}.yaml`;
      const identity = identityOfManifest(parse(readFileSync(join(dir, manifest), 'utf8')), manifest);
      const evidence = renderScenarioEvidence(scenario, identity);
      const folder = join('evidence', scenario.name);
      mkdirSync(join(dir, folder), { recursive: true });
      writeFileSync(join(dir, folder, 'parent.jsonl'), evidence.parent);
      writeFileSync(join(dir, folder, 'candidate.jsonl'), evidence.candidate);
      const run = {
        ...scenario,
        base,
        head,
        parent: [join(folder, 'parent.jsonl')],
        candidate: [join(folder, 'candidate.jsonl')],
      };
      total += 1;
      if (!checkScenario(dir, run)) failures += 1;
    }
    // The evidence committed in examples/evidence/, all three packages in one run, as the
    // repository's own release-gate workflow checks them.
    const examples = Object.keys(PARENTS);
    cpSync(join(root, 'examples', 'evidence'), join(dir, 'evidence', 'examples'), { recursive: true });
    const all = {
      name: 'D',
      title: ALL_TITLE,
      expected: 'approve',
      base: commits[examples[0]].base,
      head: commits[examples.at(-1)].head,
      parent: examples.map((a) => join('evidence', 'examples', a, 'parent.jsonl')),
      candidate: examples.map((a) => join('evidence', 'examples', a, 'candidate.jsonl')),
    };
    total += 1;
    if (!checkScenario(dir, all)) failures += 1;
    if (writeDocs) writeReportExample(join(dir, 'out', DOCS_SCENARIO, 'report.md'));
  } finally {
    if (keep) console.log(`\nThe example repository is kept at ${dir} (reports in out/A/ … out/D/)`);
    else rmSync(dir, { recursive: true, force: true });
  }
  total += STAGE_SCENARIOS.length;
  failures += STAGE_SCENARIOS.length - runStageScenarios({ root, cli, keep });
  console.log(`\n${total - failures} of ${total} scenarios gave the expected decision.`);
  if (!keep)
    console.log('The scratch repositories and their reports are removed; `npm run example -- --keep` keeps them.');
  return failures === 0 ? 0 : 1;
}

/** docs/report-example.md: scenario B's report.md under a short header, byte for byte. */
export function reportExampleDocument(reportMarkdown) {
  return `<!-- Generated by \`npm run example -- --write-docs\` from scenario ${DOCS_SCENARIO}; a test keeps it equal. -->
# A report, as a pull request shows it

This is the report of scenario ${DOCS_SCENARIO} of \`npm run example\`: the sql-analytics package repairs a tool
schema and changes its prompt; joins improve, but the \`time_windows\` category quietly breaks. The
same Markdown is the check run's summary, the job summary and the sticky pull-request comment.

---

${reportMarkdown}`;
}

function writeReportExample(reportPath) {
  const target = join(root, 'docs', 'report-example.md');
  writeFileSync(`${target}.tmp`, reportExampleDocument(readFileSync(reportPath, 'utf8')));
  renameSync(`${target}.tmp`, target);
  console.log(`\nWrote docs/report-example.md from scenario ${DOCS_SCENARIO}.`);
}

// Runs one `kaizen-gate check`, prints its output under a one-line header, and tells whether the
// decision (from report.json) and the exit status are the expected ones.
function checkScenario(dir, run) {
  const out = join('out', run.name);
  // No manifest argument: check finds the packages the commits touch, as in a pull request.
  const args = ['check', '--base', run.base, '--head', run.head];
  for (const file of run.parent) args.push('--parent-evidence', file);
  for (const file of run.candidate) args.push('--candidate-evidence', file);
  args.push('--out', out);
  console.log(`\n=== Scenario ${run.name}: ${run.title} (expect ${run.expected.toUpperCase()}) ===`);
  console.log(
    `$ kaizen-gate ${args.join(' ').replace(run.base, run.base.slice(0, 12)).replace(run.head, run.head.slice(0, 12))}\n`,
  );
  const result = kaizenGate(dir, args, { allowFailure: true });
  process.stdout.write(result.stdout);
  process.stdout.write(result.stderr);
  let outcome = 'no report';
  try {
    outcome = JSON.parse(readFileSync(join(dir, out, 'report.json'), 'utf8')).decision.outcome;
  } catch {
    // No report: the check failed before deciding (exit 2); reported below.
  }
  const ok = outcome === run.expected && result.status === EXIT_CODES[run.expected];
  console.log(
    `--- ${ok ? 'as expected' : 'UNEXPECTED'}: ${outcome} (exit ${result.status}); expected ${run.expected} (exit ${EXIT_CODES[run.expected]})`,
  );
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
