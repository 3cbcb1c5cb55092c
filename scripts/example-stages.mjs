// The stages demo: a canary that is promoted and one that is rolled back, run with the bundled CLI
// the way a scheduled workflow runs it. In a throwaway git repository holding this repository's
// policy-qa package (candidate policy-qa-2026-11-20-r3 against its parent r2), seeded telemetry from
// the simulator (test/support/sim/telemetry.ts, imported directly: Node 24 strips the types) for two days of
// canary and holdout traffic, then `kaizen-gate canary … --at <two days later>`:
//
//   E. no change, 24,000 requests a day per arm: promoted to the next step (exit 0)
//   F. the canary's failure rate 6 pp higher, 2,400 requests a day per arm: rolled back (exit 1)
//
// Exits 0 when both gave the decision they were built for, 1 otherwise, 2 when the bundle is missing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTelemetry, toTelemetryJsonl } from '../test/support/sim/telemetry.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = process.env.KAIZEN_GATE_CLI ?? join(root, 'dist', 'cli.js');
const keep = process.argv.includes('--keep');
if (!existsSync(cli)) {
  process.stderr.write(`example-stages: ${cli} is missing; run npm run bundle first\n`);
  process.exit(2);
}
const repo = mkdtempSync(join(tmpdir(), 'kaizen-gate-stages-'));
const git = (...args) => {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Example', GIT_AUTHOR_EMAIL: 'example@example.invalid', GIT_COMMITTER_NAME: 'Example', GIT_COMMITTER_EMAIL: 'example@example.invalid' } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};
const START = Date.UTC(2026, 10, 21);
const LOOK = new Date(START + 2 * 86_400_000).toISOString();
const scenarios = [
  { name: 'E', title: 'canary without a change, promoted', perDay: 24_000, effects: {}, expect: 'promote', exit: 0 },
  { name: 'F', title: 'canary with 6 pp more failures, rolled back', perDay: 2_400, effects: { failure_pp: 0.06 }, expect: 'rollback', exit: 1 },
];
let failed = 0;
try {
  git('init', '--quiet', '--initial-branch=main');
  cpSync(join(root, 'manifests'), join(repo, 'manifests'), { recursive: true });
  git('add', '--all');
  git('commit', '--quiet', '-m', 'policy-qa r3 released');
  for (const [i, s] of scenarios.entries()) {
    const file = join(repo, `telemetry-${s.name}.jsonl`);
    const events = generateTelemetry({
      application: 'policy-qa',
      applicationClass: 'policy_qa',
      startMs: START,
      days: 2,
      seed: 700 + i,
      lookAtMs: Date.parse(LOOK),
      cohorts: [
        { cohort: 'holdout', package_id: 'policy-qa-2026-11-02-r2', requests_per_day: s.perDay, users: s.perDay / 2 },
        { cohort: 'canary_05', package_id: 'policy-qa-2026-11-20-r3', requests_per_day: s.perDay, users: s.perDay / 2, effects: s.effects },
      ],
    });
    writeFileSync(file, toTelemetryJsonl(events));
    const run = spawnSync(process.execPath, [cli, 'canary', '--manifest', 'manifests/policy-qa.yaml', '--telemetry', file, '--at', LOOK, '--split', '5:5', '--out', join(repo, `out-${s.name}`)], { cwd: repo, encoding: 'utf8' });
    const ok = run.status === s.exit;
    if (!ok) failed += 1;
    process.stdout.write(`\n${s.name}. ${s.title}: ${events.length.toLocaleString('en-US')} events, exit ${run.status} (${ok ? 'as built' : `expected ${s.exit}`})\n${run.stdout}${run.stderr}`);
  }
} finally {
  if (keep) process.stdout.write(`\nkept ${repo}\n`);
  else rmSync(repo, { recursive: true, force: true });
}
process.exitCode = failed === 0 ? 0 : 1;
