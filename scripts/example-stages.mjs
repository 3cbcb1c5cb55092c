// The stages part of `npm run example`: a canary that is promoted and one that is rolled back, run
// with the bundled CLI the way a scheduled workflow runs it. In a throwaway git repository holding
// this repository's policy-qa package (candidate policy-qa-2026-11-20-r3 against its parent r2),
// seeded telemetry from the simulator (test/support/sim/telemetry.ts, imported directly: Node 24
// strips the types) for two days of canary and holdout traffic, then
// `kaizen-gate canary … --at <two days later>`:
//
//   E. no change, 24,000 requests a day per arm: promoted to the next step (exit 0)
//   F. the canary's failure rate 6 pp higher, 2,400 requests a day per arm: rolled back (exit 1)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTelemetry, toTelemetryJsonl } from '../test/support/sim/telemetry.ts';

const START = Date.UTC(2026, 10, 21);
const LOOK = new Date(START + 2 * 86_400_000).toISOString();

/** The two canary scenarios, as `npm run example` lists them. */
export const STAGE_SCENARIOS = [
  {
    name: 'E',
    title: 'a canary without a change, promoted to the next step',
    perDay: 24_000,
    effects: {},
    expected: 'promote',
    exit: 0,
  },
  {
    name: 'F',
    title: 'a canary with 6 pp more task failures, rolled back',
    perDay: 2_400,
    effects: { failure_pp: 0.06 },
    expected: 'rollback',
    exit: 1,
  },
];

/**
 * Runs scenarios E and F with the CLI at `cli`; prints each run under a header and returns how many
 * gave the decision they were built for. The repository is removed unless `keep`.
 */
export function runStageScenarios({ root, cli, keep }) {
  const repo = mkdtempSync(join(tmpdir(), 'kaizen-gate-stages-'));
  const git = (...args) => {
    const r = spawnSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Example',
        GIT_AUTHOR_EMAIL: 'example@example.invalid',
        GIT_COMMITTER_NAME: 'Example',
        GIT_COMMITTER_EMAIL: 'example@example.invalid',
      },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  let passed = 0;
  try {
    git('init', '--quiet', '--initial-branch=main');
    cpSync(join(root, 'manifests'), join(repo, 'manifests'), { recursive: true });
    git('add', '--all');
    git('commit', '--quiet', '-m', 'policy-qa r3 released');
    for (const [i, s] of STAGE_SCENARIOS.entries()) {
      const file = `telemetry-${s.name}.jsonl`;
      const events = generateTelemetry({
        application: 'policy-qa',
        applicationClass: 'policy_qa',
        startMs: START,
        days: 2,
        seed: 700 + i,
        lookAtMs: Date.parse(LOOK),
        cohorts: [
          { cohort: 'holdout', package_id: 'policy-qa-2026-11-02-r2', requests_per_day: s.perDay, users: s.perDay / 2 },
          {
            cohort: 'canary_05',
            package_id: 'policy-qa-2026-11-20-r3',
            requests_per_day: s.perDay,
            users: s.perDay / 2,
            effects: s.effects,
          },
        ],
      });
      writeFileSync(join(repo, file), toTelemetryJsonl(events));
      const args = [
        'canary',
        '--manifest',
        'manifests/policy-qa.yaml',
        '--telemetry',
        file,
        '--at',
        LOOK,
        '--split',
        '5:5',
        '--out',
        join('out', s.name),
      ];
      console.log(`\n=== Scenario ${s.name}: ${s.title} (expect ${s.expected.toUpperCase()}) ===`);
      console.log(`${events.length.toLocaleString('en-US')} telemetry events over two days, canary and holdout`);
      console.log(`$ kaizen-gate ${args.join(' ')}\n`);
      const run = spawnSync(process.execPath, [cli, ...args], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      process.stdout.write(`${run.stdout}${run.stderr}`);
      const ok = run.status === s.exit;
      if (ok) passed += 1;
      console.log(
        `--- ${ok ? 'as expected' : 'UNEXPECTED'}: exit ${run.status}; expected ${s.expected} (exit ${s.exit})`,
      );
    }
  } finally {
    if (keep) console.log(`\nThe canary repository is kept at ${repo} (reports in out/E/ and out/F/)`);
    else rmSync(repo, { recursive: true, force: true });
  }
  return passed;
}
