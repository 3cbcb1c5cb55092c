// `npm run bench`: kaizen-gate's gates and the whole check on 100,000 paired cases in 20 categories
// with 10,000 resamples. Not a timed test: it prints medians against the targets (binary quality
// gate ≤ 50 ms, whole check ≤ 2 s, peak RSS ≤ 500 MB) with PASS/MISS, and never fails on them.
//
//   node bench/run.mjs [--runs 7] [--quick] [--against REF] [--profile] [--cases N]
//                      [--events N] [--releases N]   (the stage benchmarks that follow, see below)
//
// --runs      runs per measure (median reported); --quick makes it 3
// --against   also time the code of a git ref (e.g. `main`, `HEAD~3`) in the same run, measure by
//             measure and alternating with the current code, so that both see the same machine
//             load; the table then shows both medians and their ratio (before / after)
// --profile   CPU-profile the measurements that miss a target and print the costliest functions
// --keep      keep the temp directory (the bundles and the whole check's repository) to profile by hand
//
// The gates run in process on evidence parsed and paired once; the whole check runs the CLI as a
// child process in a temp git repository, reading JSONL from disk, as a user runs it: dist/ built
// by the tree's own scripts/bundle.mjs into the temp directory (KAIZEN_GATE_CLI names another
// bundle, e.g. dist/cli.js). Each measure's warm-up run is a user's first run: after it, the CLI's
// compile cache (src/cli/launcher.ts) holds the compiled bundle, as it does for a user's next run.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { parseJsonlEvidence } from '../src/evidence/jsonl.ts';
import { pairEvidence } from '../src/evidence/pair.ts';
import { generateEvidence, toJsonl } from '../test/support/sim/workload.ts';
import { printProfile, summariseProfile } from './profile.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    quick: { type: 'boolean' },
    against: { type: 'string' },
    profile: { type: 'boolean' },
    cases: { type: 'string' },
    events: { type: 'string' },
    releases: { type: 'string' },
    keep: { type: 'boolean' },
  },
});
const RUNS = Number(flags.runs ?? (flags.quick ? 3 : 7));
const CASES = Number(flags.cases ?? 100_000); // smaller only to smoke-test the script
const CATEGORIES = 20;

const PARENT_ID = 'policy-qa-2026-11-02-r2';
const CANDIDATE_ID = 'policy-qa-2026-11-20-r3';

const median = (xs) => {
  const s = xs.toSorted((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) =>
  x === undefined ? '—' : x >= 100 ? `${Math.round(x).toLocaleString('en-US')} ms` : `${x.toFixed(1)} ms`;
const log = (text) => process.stderr.write(`${text}\n`);
const timed = (fn) => {
  const start = performance.now();
  const value = fn();
  return { elapsed: performance.now() - start, value };
};

// ---------------------------------------------------------------- the code under test (and the ref's)
const work = mkdtempSync(join(tmpdir(), 'kaizen-gate-bench-'));
const current = await loadVersion(root, 'current');
const before = flags.against ? await loadVersion(checkout(flags.against), flags.against) : undefined;
const versions = before ? [before, current] : [current];

// ---------------------------------------------------------------- data
log(
  `kaizen-gate bench: ${CASES.toLocaleString('en-US')} paired cases, ${CATEGORIES} categories; ${RUNS} runs${before ? `; against ${flags.against}` : ''}`,
);
log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
const categories = Array.from({ length: CATEGORIES }, (_, i) => `category_${String(i + 1).padStart(2, '0')}`);
const workload = (scores) =>
  generateEvidence(
    {
      application: 'policy_qa',
      parentPackageId: PARENT_ID,
      candidatePackageId: CANDIDATE_ID,
      goldenCases: CASES,
      categories,
      scores,
      judge: { id: 'judge-large', version: '2026-03-01' },
      effects: { overallDeltaPp: -0.3, categoryDeltaPp: { category_03: -3, category_07: 2 } },
    },
    20260426,
  );
const binary = workload(false);
const continuous = workload(true);
const files = {
  binary: { parent: toJsonl(binary.parent), candidate: toJsonl(binary.candidate) },
  continuous: { parent: toJsonl(continuous.parent), candidate: toJsonl(continuous.candidate) },
};
const pairedCases = (side) => {
  const parent = parseJsonlEvidence(side.parent, 'parent.jsonl');
  const candidate = parseJsonlEvidence(side.candidate, 'candidate.jsonl');
  const paired = pairEvidence(parent.records, candidate.records);
  const problems = [...parent.problems, ...candidate.problems, ...paired.problems];
  if (problems.length > 0) throw new Error(`generated evidence has problems: ${JSON.stringify(problems.slice(0, 3))}`);
  return paired.paired.cases;
};
const binaryCases = pairedCases(files.binary);
const continuousCases = pairedCases(files.continuous);

// ---------------------------------------------------------------- measures
const rows = [];
const agreement = [];
/** Times `run(version)` for each version, alternating, RUNS times after one warm-up each; returns every run's value. */
function measure(key, name, run, target) {
  log(`${name}…`);
  for (const version of versions) run(version);
  const times = new Map(versions.map((v) => [v, []]));
  const values = new Map(versions.map((v) => [v, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const version of versions) {
      const { elapsed, value } = run(version);
      times.get(version).push(elapsed);
      values.get(version).push(value);
    }
  }
  rows.push({
    key,
    name,
    ours: median(times.get(current)),
    before: before ? median(times.get(before)) : undefined,
    target,
    kind: 'ms',
  });
  return values;
}

for (const [label, cases, metric] of [
  ['binary', binaryCases, 'pass'],
  ['continuous', continuousCases, 'score'],
]) {
  const values = measure(
    `quality-${label}`,
    `quality gate alone, ${label} outcomes`,
    (v) => timed(() => v.quality(cases, v.policy(metric))),
    label === 'binary' ? 50 : 3000,
  );
  agreement.push(`${label}: ${versions.map((v) => `${v.name} ${values.get(v).at(-1).result.verdict}`).join(' vs ')}`);
}
measure(
  'gates-binary',
  'all evidence gates (quality, safety, cost, latency), binary',
  (v) => timed(() => v.gates(binaryCases, v.policy('pass'))),
  undefined,
);

// ---------------------------------------------------------------- whole check
const probe = join(work, 'rss-probe.mjs');
writeFileSync(
  probe,
  "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.KAIZEN_GATE_BENCH_RSS) writeFileSync(process.env.KAIZEN_GATE_BENCH_RSS, String(process.resourceUsage().maxRSS)); });\n",
);
const repo = join(work, 'repo');
mkdirSync(repo);
const git = (...args) =>
  execFileSync(
    'git',
    ['-c', 'user.name=bench', '-c', 'user.email=bench@kaizen-gate.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd: repo, encoding: 'utf8' },
  ).trim();
git('init', '--quiet', '--initial-branch=main');
cpSync(join(root, 'manifests'), join(repo, 'manifests'), { recursive: true });
writeFileSync(join(repo, '.gitignore'), 'evidence/\nout/\n');
const manifestPath = join(repo, 'manifests', 'policy-qa.yaml');
// The bench's cases are its golden suite: the manifests pin a suite file that lists them.
const suiteText = [...new Set(binary.candidate.filter((r) => r.suite === 'golden').map((r) => r.case_id))]
  .map((id) => `{"case_id":"${id}"}\n`)
  .join('');
writeFileSync(join(repo, 'manifests/policy-qa/suites/golden.jsonl'), suiteText);
const candidateManifest = readFileSync(manifestPath, 'utf8').replace(
  /(suites\/golden\.jsonl\n\s+sha256: )\S+/,
  `$1sha256:${createHash('sha256').update(suiteText).digest('hex')}`,
);
writeFileSync(
  manifestPath,
  candidateManifest.replace(/^package_id: .*$/m, `package_id: ${PARENT_ID}`).replace(/^parent_package_id: .*\n/m, ''),
);
git('add', '-A');
git('commit', '--quiet', '-m', 'parent');
const base = git('rev-parse', 'HEAD');
writeFileSync(manifestPath, candidateManifest);
git('commit', '--quiet', '-am', 'candidate');
mkdirSync(join(repo, 'evidence'));
writeFileSync(join(repo, 'evidence', 'parent.jsonl'), files.binary.parent);
writeFileSync(join(repo, 'evidence', 'candidate.jsonl'), files.binary.candidate);
const checkArgs = [
  'check',
  '--base',
  base,
  'manifests/policy-qa.yaml',
  '--parent-evidence',
  'evidence/parent.jsonl',
  '--candidate-evidence',
  'evidence/candidate.jsonl',
  '--out',
  'out',
  '--format',
  'json',
];

function runCheck(cliPath, nodeFlags = []) {
  const rssFile = join(work, 'rss.txt');
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(probe).href, ...nodeFlags, cliPath, ...checkArgs],
    {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, KAIZEN_GATE_BENCH_RSS: rssFile, NO_COLOR: '1' },
    },
  );
  const elapsed = performance.now() - start;
  if (result.status !== 0 && result.status !== 1 && result.status !== 3)
    throw new Error(`check exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  return {
    elapsed,
    value: { rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024, outcome: JSON.parse(result.stdout).decision.outcome },
  };
}

const missingCli = versions.filter((v) => !existsSync(v.cli));
if (missingCli.length === 0) {
  if (process.env.KAIZEN_GATE_CLI && newestSource(join(root, 'src')) > statSync(current.cli).mtimeMs)
    log(`note: ${current.cli} is older than src/`);
  const values = measure('check', 'whole check, binary (CLI, JSONL from disk)', (v) => runCheck(v.cli), 2000);
  agreement.push(`whole check: ${versions.map((v) => `${v.name} ${values.get(v).at(-1).outcome}`).join(' vs ')}`);
  const peak = (v) => Math.max(...values.get(v).map((r) => r.rssMb));
  rows.push({
    key: 'rss',
    name: 'peak RSS of the whole check',
    ours: peak(current),
    before: before ? peak(before) : undefined,
    target: 500,
    kind: 'MB',
  });
} else {
  log(`skipped the whole check: ${missingCli.map((v) => v.cli).join(', ')} not found`);
}

// ---------------------------------------------------------------- table
const table = [
  [
    'measure',
    'kaizen-gate (median)',
    ...(before ? [`${flags.against} (median)`, 'before / after'] : []),
    'target',
    'status',
  ],
];
const status = [];
for (const row of rows) {
  const unit = row.kind === 'MB' ? (x) => `${Math.round(x)} MB` : ms;
  const pass = row.target === undefined ? undefined : row.ours <= row.target;
  status.push({ key: row.key, pass });
  const ratio = row.before !== undefined && row.ours > 0 ? `${(row.before / row.ours).toFixed(2)}×` : '—';
  table.push([
    row.name,
    unit(row.ours),
    ...(before ? [row.before === undefined ? '—' : unit(row.before), ratio] : []),
    row.target === undefined ? '' : `≤ ${unit(row.target)}`,
    pass === undefined ? '' : pass ? 'PASS' : 'MISS',
  ]);
}
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
const line = (r) =>
  `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
console.log(line(table[0]));
console.log(`|${widths.map((w, c) => (c === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of table.slice(1)) console.log(line(r));
console.log('');
console.log(`Decisions: ${agreement.join('; ')}.`);
console.log(
  `${RUNS} runs per measure${before ? `, alternating with ${flags.against}` : ''}, in one process on ${cpus().length} cores (load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} at the end).`,
);

// ---------------------------------------------------------------- profiles of what missed
if (flags.profile) {
  const missed = new Set(status.filter((s) => s.pass === false).map((s) => s.key));
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  for (const [key, cases, metric] of [
    ['quality-binary', binaryCases, 'pass'],
    ['quality-continuous', continuousCases, 'score'],
  ]) {
    if (!missed.has(key)) continue;
    await session.post('Profiler.start');
    for (let i = 0; i < 10; i++) current.quality(cases, current.policy(metric));
    const { profile } = await session.post('Profiler.stop');
    console.log(`\nProfile of ${key} (10 runs; self time, all runs):`);
    printProfile(summariseProfile(profile, 15));
  }
  session.disconnect();
  if (missed.has('check') || missed.has('rss')) {
    const dir = join(work, 'profile');
    runCheck(current.cli, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    // One profile per thread: the launcher's, which only waits, and the worker's that does the check.
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .toSorted()) {
      console.log(`\nProfile of the whole check, ${file} (one run; self time):`);
      printProfile(summariseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')), 20));
    }
  }
}
if (flags.keep)
  log(
    `kept ${work} (the whole check's repository is ${repo}: \`cd\` there and run \`node ${current.cli} ${checkArgs.join(' ')}\`)`,
  );
else rmSync(work, { recursive: true, force: true });

// ---------------------------------------------------------------- stages: bench/telemetry.mjs and bench/rollback.mjs
for (const [script, args] of [
  ['telemetry.mjs', flags.events ? ['--events', flags.events] : flags.quick ? ['--quick'] : []],
  ['rollback.mjs', flags.releases ? ['--releases', flags.releases] : []],
]) {
  const child = spawnSync(process.execPath, [join(root, 'bench', script), ...args], { stdio: 'inherit' });
  if (child.status !== 0) process.exitCode = 1;
}

// The tree of a git ref, extracted into the work directory (node_modules is shared from here).
function checkout(ref) {
  const dir = join(work, 'against');
  mkdirSync(dir);
  const archive = execFileSync('git', ['archive', '--format=tar', ref], { cwd: root, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return dir;
}

// One version of kaizen-gate, bundled from `tree`: its quality gate, its evidence gates (or the four
// gate functions of trees from before evaluateEvidenceGates), its policy loading and its CLI.
async function loadVersion(tree, name) {
  const out = join(work, name.replace(/[^A-Za-z0-9._-]/g, '_'));
  const entry = `
    export { evaluateQuality } from ${JSON.stringify(join(tree, 'src/gates/quality.ts'))};
    export { mergePolicies, parsePolicy, policyForLevel } from ${JSON.stringify(join(tree, 'src/gates/policy.ts'))};
    export * as evaluate from ${JSON.stringify(join(tree, 'src/gates/evaluate.ts'))};
    export * as safety from ${JSON.stringify(join(tree, 'src/gates/safety.ts'))};
    export * as cost from ${JSON.stringify(join(tree, 'src/gates/cost.ts'))};
    export * as latency from ${JSON.stringify(join(tree, 'src/gates/latency.ts'))};
  `;
  const modulePath = join(out, 'gates.mjs');
  await bundle(
    { stdin: { contents: entry, resolveDir: tree, loader: 'ts', sourcefile: 'bench-entry.ts' }, outfile: modulePath },
    tree,
  );
  const gates = await import(pathToFileURL(modulePath).href);
  const defaults = gates.mergePolicies(
    gates.parsePolicy(readFileSync(join(tree, 'gates', 'default.yaml')), 'gates/default.yaml'),
    [],
    [],
  );
  const passPolicy = gates.policyForLevel(defaults, 0);
  const policy = (metric) =>
    metric === 'pass'
      ? passPolicy
      : { ...passPolicy, gates: { ...passPolicy.gates, quality: { ...passPolicy.gates.quality, metric } } };
  const all = gates.evaluate.evaluateEvidenceGates
    ? (cases, effective) => gates.evaluate.evaluateEvidenceGates({ cases, level: 0, policy: effective })
    : (cases, effective) => {
        const quality = gates.evaluateQuality(cases, effective);
        const h = quality.result.headline;
        return [
          quality.result,
          gates.safety.evaluateSafety(cases, 0, effective),
          gates.cost.evaluateCost(
            cases,
            effective,
            h?.interval ? { estimatePp: h.estimate, lowerPp: h.interval.lower } : undefined,
          ),
          gates.latency.evaluateLatency(cases, effective),
        ];
      };
  // Bundles in OUT/dist find their default policy in OUT/gates, as dist/cli.js finds gates/; the
  // package.json beside them says the bundle is an ES module, as the installed package's does
  // (without it Node parses the bundle twice to find out, some 30 ms users do not pay).
  cpSync(join(tree, 'gates'), join(out, 'gates'), { recursive: true });
  cpSync(join(tree, 'package.json'), join(out, 'package.json'));
  let cli = join(out, 'dist', 'cli.js');
  if (name === 'current' && process.env.KAIZEN_GATE_CLI) cli = process.env.KAIZEN_GATE_CLI;
  else {
    // dist/ as the tree's own `npm run bundle` builds it (the CLI's launcher, its bootstrap worker),
    // with this checkout's packages.
    if (!existsSync(join(tree, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
    execFileSync(process.execPath, [join(tree, 'scripts', 'bundle.mjs'), join(out, 'dist')], {
      cwd: tree,
      stdio: 'inherit',
    });
  }
  return { name, quality: gates.evaluateQuality, gates: all, policy, cli };
}

// esbuild for Node 24, resolving packages from this checkout's node_modules.
async function bundle(options, tree) {
  await build({
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    logLevel: 'error',
    nodePaths: [join(root, 'node_modules')],
    absWorkingDir: tree,
    banner: {
      js: "import { createRequire as __kgCreateRequire } from 'node:module';\nconst require = __kgCreateRequire(import.meta.url);",
    },
    ...options,
  });
}

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
