// `npm run demo:promptfoo`: kaizen-gate with a real `promptfoo eval`, end to end, outside the test
// suite (installing promptfoo is too heavy for `npm test`). In a scratch directory it installs
// promptfoo 0.123.1 (or uses PROMPTFOO_DIR, a folder where it is installed), makes a git repository
// with the offline promptfoo project of test/fixtures/evidence/promptfoo-real (a deterministic
// provider, no network, no API key), runs `kaizen-gate init`, opens a change to the prompt, and
// gates it with `check --eval` running the command init wrote into the workflow, and with the
// bundled Action (dist/action.js) in a simulated `pull_request` job given only that `eval-command`
// (the two must decide alike); then stores the base's evidence (`eval --store`) and checks again,
// reusing it for the parent.
//
//   npm run -s bundle && npm run demo:promptfoo       # PROMPTFOO_DIR=/tmp/pf npm run demo:promptfoo
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

// promptfoo 0.123.1 needs Node ≥ 22; `npm run` puts the project's Node 24 first on PATH.
if (Number(process.versions.node.split('.')[0]) < 22) {
  process.stderr.write(
    `demo:promptfoo needs Node ≥ 22 (this is ${process.version}): run it as \`npm run demo:promptfoo\`.\n`,
  );
  process.exit(2);
}
const root = new URL('../', import.meta.url).pathname;
const cliPath = join(root, 'dist/cli.js');
const fixtures = join(root, 'test/fixtures/evidence/promptfoo-real');
const scratch = mkdtempSync(join(tmpdir(), 'kaizen-promptfoo-demo-'));
const install = process.env.PROMPTFOO_DIR ?? join(scratch, 'promptfoo');
const repo = join(scratch, 'repo');
const env = {
  ...process.env,
  PROMPTFOO_DISABLE_TELEMETRY: '1',
  PROMPTFOO_DISABLE_UPDATE: '1',
  PROMPTFOO_DISABLE_SHARING: '1',
  PROMPTFOO_DISABLE_REMOTE_GENERATION: '1',
  PROMPTFOO_DISABLE_REDTEAM_REMOTE_GENERATION: '1',
  PROMPTFOO_CONFIG_DIR: join(scratch, 'promptfoo-home'),
  GIT_AUTHOR_NAME: 'Demo',
  GIT_AUTHOR_EMAIL: 'demo@example.invalid',
  GIT_COMMITTER_NAME: 'Demo',
  GIT_COMMITTER_EMAIL: 'demo@example.invalid',
};
const log = (text) => process.stdout.write(`${text}\n`);
const git = (...args) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' }).trim();
const kaizen = (...args) => {
  const started = performance.now();
  const run = spawnSync(process.execPath, [cliPath, ...args], { cwd: repo, env, encoding: 'utf8' });
  log(
    `\n$ kaizen-gate ${args.map((a) => (/[\s"$]/.test(a) ? `'${a}'` : a)).join(' ')}   # exit ${run.status}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // A JSON report is read below, not shown.
  if (run.stdout.trim() !== '' && !args.includes('json')) log(run.stdout.trimEnd());
  if (run.stderr.trim() !== '') log(run.stderr.trimEnd());
  return run;
};

try {
  if (!existsSync(join(install, 'node_modules/.bin/promptfoo'))) {
    log(`Installing promptfoo@0.123.1 into ${install} (a few minutes) …`);
    mkdirSync(install, { recursive: true });
    writeFileSync(join(install, 'package.json'), '{ "private": true }\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', 'promptfoo@0.123.1'], {
      cwd: install,
      stdio: 'inherit',
      env,
    });
  }
  const version = execFileSync(join(install, 'node_modules/.bin/promptfoo'), ['--version'], {
    env,
    encoding: 'utf8',
  }).trim();
  log(`promptfoo ${version} at ${install}; node ${process.version}`);

  // The team's repository before kaizen-gate: a promptfoo eval of one prompt kept in a file.
  mkdirSync(join(repo, 'prompts'), { recursive: true });
  git('init', '--quiet', '--initial-branch=main');
  const prompts = Object.fromEntries(
    JSON.parse(readFileSync(join(fixtures, 'results.json'), 'utf8')).config.prompts.map((p) => [p.label, p.raw]),
  );
  writeFileSync(join(repo, 'prompts/support.txt'), prompts['support-v1']);
  writeFileSync(
    join(repo, 'promptfooconfig.yaml'),
    'description: Acme support assistant\nprompts:\n  - file://prompts/support.txt\nproviders:\n  - id: file://provider.js\n    label: acme-support-sim\ntests: file://tests.yaml\nsharing: false\n',
  );
  for (const file of ['tests.yaml', 'provider.js']) cpSync(join(fixtures, file), join(repo, file));
  writeFileSync(join(repo, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\nkaizen-gate-report/\nkaizen-gate-action-report/\n');
  // What `npm ci` would leave: promptfoo installed under node_modules.
  symlinkSync(join(install, 'node_modules'), join(repo, 'node_modules'), 'dir');

  if (kaizen('init', '--application', 'acme-support', '--owner', '@acme/support').status !== 0) {
    throw new Error('init failed');
  }
  if (kaizen('validate').status !== 0) throw new Error('validate rejected the manifest init wrote');
  git('add', '--all');
  git('commit', '--quiet', '-m', 'Adopt kaizen-gate');
  const workflow = parse(readFileSync(join(repo, '.github/workflows/release-gate.yml'), 'utf8'));
  const command = workflow.jobs.gate.steps.find((s) => s.uses?.startsWith('kaizen-gate/')).with['eval-command'];

  // The change under review: the candidate wording, a new package id, locked.
  git('checkout', '--quiet', '-b', 'cite-policy');
  writeFileSync(join(repo, 'prompts/support.txt'), prompts['support-v2']);
  const manifest = join(repo, 'manifests/acme-support.yaml');
  writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^package_id: .*$/m, 'package_id: acme-support-r2'));
  if (kaizen('lock').status !== 0) throw new Error('lock failed');
  git('commit', '--quiet', '-am', 'Support prompt cites the policy section');

  const first = kaizen('check', '--base', 'main', '--eval', command, '--out', 'kaizen-gate-report');
  if (first.status === 2) throw new Error('check --eval failed');
  const viaAction = runAction(command, git('rev-parse', 'main'), git('rev-parse', 'HEAD'));
  if (
    viaAction.decision !==
    JSON.parse(readFileSync(join(repo, 'kaizen-gate-report/report.json'), 'utf8')).decision.outcome
  )
    throw new Error(`the Action decided ${viaAction.decision}, check --eval otherwise`);
  const stored = kaizen('eval', '--command', command, '--head', 'main', '--store');
  if (stored.status !== 0) throw new Error('eval --store failed');
  const second = kaizen(
    'check',
    '--base',
    'main',
    '--eval',
    command,
    '--out',
    'kaizen-gate-report',
    '--format',
    'json',
  );
  if (second.status === 2) throw new Error('the second check --eval failed');
  const report = JSON.parse(second.stdout);
  const origin = report.packages[0].evidence.eval;
  log(
    `\nSecond check: parent ${origin.parent.status} (${origin.parent.ref ?? 'run'}), candidate ${origin.candidate.status}; decision ${report.decision.outcome}.`,
  );
  if (origin.parent.status !== 'reused') throw new Error('the stored parent evidence was not reused');
  log(`\nDone. The repository is kept at ${repo} (delete ${scratch} when done, or run with KEEP_DEMO=0).`);
} catch (error) {
  log(
    `\ndemo:promptfoo FAILED: ${error instanceof Error ? error.message : String(error)} (scratch folder kept: ${scratch})`,
  );
  process.exitCode = 1;
} finally {
  if (process.env.KEEP_DEMO === '0') rmSync(scratch, { recursive: true, force: true });
}

// The same pull request through the bundled Action (dist/action.js), as a `pull_request` job runs it
// with only the workflow's `eval-command` input: no token here, so the verdict goes to the job
// summary, the outputs and the report files instead of a check run.
function runAction(command, base, head) {
  const runner = mkdtempSync(join(scratch, 'runner-'));
  const event = join(runner, 'event.json');
  writeFileSync(
    event,
    JSON.stringify({
      number: 1,
      pull_request: { number: 1, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'cite-policy' } },
      repository: { name: 'support', full_name: 'acme/support', owner: { login: 'acme' } },
    }),
  );
  for (const file of ['output', 'summary.md']) writeFileSync(join(runner, file), '');
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(root, 'dist/action.js')], {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...env,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/support',
      GITHUB_SHA: head,
      GITHUB_WORKSPACE: repo,
      GITHUB_RUN_ID: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_OUTPUT: join(runner, 'output'),
      GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
      RUNNER_TEMP: runner,
      'INPUT_EVAL-COMMAND': command,
      'INPUT_OUT-DIR': 'kaizen-gate-action-report',
    },
  });
  const outputs = readFileSync(join(runner, 'output'), 'utf8');
  const decision = /^decision<<(\S+)\n(.*)\n\1$/m.exec(outputs)?.[2];
  log(
    `\n$ node dist/action.js   # pull_request, eval-command only; exit ${run.status}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  log(
    run.stdout
      .split('\n')
      .filter((line) => line.startsWith('kaizen-gate') || line.startsWith('::'))
      .join('\n'),
  );
  if (decision === undefined) throw new Error(`the Action set no decision output:\n${run.stdout}${run.stderr}`);
  log(
    `Action decision: ${decision} (job summary ${readFileSync(join(runner, 'summary.md'), 'utf8').length.toLocaleString('en-US')} bytes)`,
  );
  return { decision };
}
