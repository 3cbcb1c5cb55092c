// Rollback benchmark (`npm run bench` runs it after the telemetry benchmark; alone:
// node bench/rollback.mjs [--releases 300] [--runs 5]).
//
// Builds a real git repository with a few hundred releases of one application, each with a signed
// offline record in refs/notes/kaizen-gate (every tenth rejected, so the search has something to
// skip), and the GitOps pointer at the newest release. Then times `rollback --dry-run` (the
// rehearsal: verify every record, choose the target, check the target manifest and its artifacts)
// and one real rollback (the same, plus the pointer commit and a signed rollback note). Target from
// the LLMOps one-command rollback pattern: under 30 s. Not a timed test.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { runRollbackStage } from '../src/stages/rollback.ts';
import { renderPointer } from '../src/delivery/pointer.ts';
import { recordNote } from '../src/git/notes.ts';
import {
  commitAt,
  fixtureKey,
  releaseReport,
  sha256,
  signedEnvelope,
  writePackage,
} from '../test/support/audit-repo.ts';
import { makeRepo } from '../test/support/git-repo.ts';

const { values: flags } = parseArgs({
  options: { releases: { type: 'string' }, runs: { type: 'string' } },
  strict: false,
});
const RELEASES = Number(flags.releases ?? 300);
const RUNS = Number(flags.runs ?? 5);
// A rollback needs an earlier approved release to go back to: at least two.
if (!Number.isInteger(RELEASES) || RELEASES < 2 || !Number.isInteger(RUNS) || RUNS < 1) {
  process.stderr.write(
    `rollback bench: --releases must be an integer ≥ 2 and --runs ≥ 1 (got ${flags.releases ?? 300}, ${flags.runs ?? 5})\n`,
  );
  process.exit(2);
}
const log = (text) => process.stderr.write(`${text}\n`);
const median = (xs) => xs.toSorted((a, b) => a - b)[xs.length >> 1];

const repo = makeRepo('kaizen-rollback-bench-');
try {
  log(`rollback bench: ${RELEASES} releases; ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  const built = performance.now();
  repo.write('.kaizen-gate/keys/ed25519.pub.pem', fixtureKey('ed25519.pub.pem'));
  let last = '';
  for (let i = 1; i <= RELEASES; i++) {
    writePackage(repo, {
      path: 'manifests/policy-qa.yaml',
      application: 'policy-qa',
      packageId: `qa-r${i}`,
      ...(i > 1 ? { parent: `qa-r${i - 1}` } : {}),
      changeType: i === 1 ? 'initial' : 'prompt_patch',
      summary: `release ${i}`,
      problem: 'p',
      owner: '@ana-lima',
      prompt: `Version ${i}.\n`,
    });
    last = commitAt(repo, `release ${i}`, new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString());
    const quality = i % 10 === 0 ? [-4, -6, -2.5] : [0.5, -1, 2];
    const report = releaseReport(repo, {
      commit: last,
      base: last,
      manifests: ['manifests/policy-qa.yaml'],
      outcome: { quality },
    });
    recordNote({
      repo: repo.dir,
      commit: last,
      note: JSON.stringify(signedEnvelope(report, 'ed25519.key.pem')),
      push: false,
    });
  }
  repo.write(
    'deploy/policy-qa.yaml',
    renderPointer({
      application: 'policy-qa',
      package_id: `qa-r${RELEASES}`,
      manifest: 'manifests/policy-qa.yaml',
      commit: last,
      manifest_sha256: `sha256:${sha256(repo.read('manifests/policy-qa.yaml'))}`,
    }),
  );
  commitAt(repo, 'deploy', new Date(Date.UTC(2025, 0, 1) + (RELEASES + 1) * 3_600_000).toISOString());
  log(`built in ${((performance.now() - built) / 1000).toFixed(1)} s`);

  const trusted = [{ publicKeyPem: fixtureKey('ed25519.pub.pem'), source: 'bench', revoked: false }];
  const rehearsals = [];
  let target = '';
  for (let run = 0; run < RUNS; run++) {
    const t = performance.now();
    const result = runRollbackStage({ repo: repo.dir, application: 'policy-qa', dryRun: true, trusted, record: false });
    rehearsals.push(performance.now() - t);
    target = result.result.to?.package_id ?? result.result.refused ?? '';
  }
  const t = performance.now();
  const real = runRollbackStage({
    repo: repo.dir,
    application: 'policy-qa',
    dryRun: false,
    trusted,
    record: true,
    signingKey: fixtureKey('ed25519.key.pem'),
  });
  const realMs = performance.now() - t;
  console.log('');
  console.log(`| rollback, ${RELEASES} signed releases | median | target |`);
  console.log('|---|---:|---|');
  console.log(
    `| rollback --dry-run (rehearsal, ${RUNS} runs) | ${s(median(rehearsals))} | < 30 s: ${median(rehearsals) < 30_000 ? 'PASS' : 'MISS'} |`,
  );
  console.log(
    `| rollback (pointer commit + signed note, 1 run) | ${s(realMs)} | < 30 s: ${realMs < 30_000 ? 'PASS' : 'MISS'} |`,
  );
  console.log(`Target: ${target}; real rollback: ${real.attested.report.decision.summary}`);
} finally {
  repo.cleanup();
}

function s(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}
