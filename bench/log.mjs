// `npm run bench:log`: how `kaizen-gate log` scales with the length of the release history. Builds
// git repositories (with `git fast-import`, in a temp folder) holding N versions of one manifest on
// the first-parent history — every tenth version a rollback to an earlier behaviour, every version
// recorded with an unsigned note — and times `log --format json` in process, N = 1,000 … 5,000.
// Not a timed test: it prints the times, the time per version and the peak RSS, and the target of
// the issue (5,000 versions in under 30 s) with PASS/MISS; it never fails on them.
//
//   node bench/log.mjs [--versions 1000,2000,5000] [--runs 3]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli.ts';

const { values: flags } = parseArgs({ options: { versions: { type: 'string' }, runs: { type: 'string' } } });
const SIZES = (flags.versions ?? '1000,2000,5000').split(',').map(Number);
const RUNS = Number(flags.runs ?? 3);
const TARGET_MS = 30_000;
const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

const median = (xs) => {
  const s = xs.toSorted((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const digest = (n) => n.toString(16).padStart(64, '0');

/** One version of the manifest; `behaviour` decides the prompt digest (equal digests: a rollback). */
function manifest(version, behaviour) {
  return [
    'apiVersion: kaizen-gate/v1',
    'kind: Package',
    `package_id: qa-${version}`,
    'application: qa',
    ...(version > 0 ? [`parent_package_id: qa-${version - 1}`] : []),
    'side_effect_level: 0',
    'owners: ["@acme/qa"]',
    `change: { type: prompt_patch, summary: "release ${version}", problem: "p", owner: "@ana" }`,
    'model: { provider: p, endpoint: e, version: "1" }',
    `prompts: [{ id: system, path: p.md, sha256: "sha256:${digest(behaviour + 1)}" }]`,
    'evaluation:',
    `  suites: [{ id: g, suite: golden, path: g.jsonl, sha256: "sha256:${'a'.repeat(64)}" }]`,
    `  judge: { model: j, version: "1", rubric: { path: r.md, sha256: "sha256:${'b'.repeat(64)}" } }`,
    'delivery: { rollback_metric: m }',
    '',
  ].join('\n');
}

/** A fast-import stream: N commits on main, each changing the manifest, each with an unsigned note. */
function history(n) {
  const parts = [];
  const epoch = Date.UTC(2020, 0, 1) / 1000;
  for (let i = 0; i < n; i++) {
    // Every tenth version restores the behaviour of five versions earlier.
    const behaviour = i % 10 === 9 ? i - 5 : i;
    const text = manifest(i, behaviour);
    const when = `${epoch + i * 3600} +0000`;
    parts.push(
      `commit refs/heads/main\nmark :${i + 1}\ncommitter Bench <bench@example.test> ${when}\ndata 8\nrelease\n`,
    );
    if (i > 0) parts.push(`from :${i}\n`);
    parts.push(`M 100644 inline manifests/qa.yaml\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  }
  // One notes commit holding a record for every release.
  const note = JSON.stringify({ unsigned: true, report: { schema: 'not-a-report' } });
  parts.push(
    `commit refs/notes/kaizen-gate\ncommitter Bench <bench@example.test> ${epoch + n * 3600} +0000\ndata 5\nnote\n`,
  );
  for (let i = 0; i < n; i++) parts.push(`N inline :${i + 1}\ndata ${Buffer.byteLength(note)}\n${note}\n`);
  return parts.join('');
}

function buildRepo(n) {
  const dir = mkdtempSync(join(tmpdir(), `kaizen-log-bench-${n}-`));
  execFileSync('git', ['init', '--quiet', '--initial-branch=main', dir], { env });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env, input: history(n), maxBuffer: 1 << 30 });
  execFileSync('git', ['checkout', '--quiet', 'main'], { cwd: dir, env });
  return dir;
}

async function timeLog(dir) {
  let stdout = '';
  const start = performance.now();
  // Records are unsigned and there are no keys: exit 1 (INVALID records), which is what is timed.
  const code = await runCli(['log', '--format', 'json', '--repo', dir], {
    cwd: dir,
    stdout: (t) => void (stdout += t),
    stderr: () => {},
  });
  const elapsed = performance.now() - start;
  const entries = JSON.parse(stdout).entries.length;
  return { elapsed, code, entries };
}

process.stderr.write(
  `kaizen-gate log bench: ${SIZES.join(', ')} manifest versions, ${RUNS} runs each, Node ${process.version}\n`,
);
const rows = [];
for (const n of SIZES) {
  const dir = buildRepo(n);
  try {
    const times = [];
    let last;
    for (let r = 0; r < RUNS; r++) {
      last = await timeLog(dir);
      times.push(last.elapsed);
    }
    if (last.entries !== n) throw new Error(`expected ${n} entries, got ${last.entries}`);
    rows.push({ n, median: median(times), exit: last.code });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const rss = process.resourceUsage().maxRSS / 1024;
for (const row of rows) {
  const perVersion = row.median / row.n;
  const verdict = row.n >= 5000 ? ` target < ${TARGET_MS / 1000} s: ${row.median < TARGET_MS ? 'PASS' : 'MISS'}` : '';
  process.stdout.write(
    `log, ${row.n.toLocaleString('en-US')} versions: ${(row.median / 1000).toFixed(2)} s median (${perVersion.toFixed(2)} ms per version, exit ${row.exit})${verdict}\n`,
  );
}
process.stdout.write(`peak RSS of the bench process: ${Math.round(rss)} MB\n`);
