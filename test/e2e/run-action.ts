// Runs the bundled Action the way the runner does: `node dist/action.js` in the workspace, with the
// environment of a `pull_request` job (event payload file, GITHUB_* variables, INPUT_* per input,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files) and GITHUB_API_URL pointing at the fake GitHub.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitEnv } from '../support/git-repo.ts';
import { ACTION, ACTION_ENV_PREFIXES, NODE, ROOT } from './paths.ts';

/** The commits and number a pull_request event names. */
export interface PullRequestEvent {
  readonly number: number;
  readonly base: string;
  readonly head: string;
  /** The previous head for a `synchronize` push. */
  readonly before?: string;
  /** A PR from a fork: head.repo is another repository. */
  readonly fork?: boolean;
}

/** A push to the default branch (record mode): the commits before and after it. */
export interface PushEvent {
  readonly push: true;
  readonly before: string;
  readonly after: string;
}

/** One run of the Action. */
export interface ActionRunOptions {
  /** The checked-out repository (GITHUB_WORKSPACE and the working directory). */
  readonly workspace: string;
  readonly event: PullRequestEvent | PushEvent;
  /** GITHUB_SHA: on pull_request, the merge commit. */
  readonly sha: string;
  /** GITHUB_API_URL. */
  readonly apiUrl: string;
  /** Inputs by their action.yml name; `github-token` defaults to a GITHUB_TOKEN-shaped value. */
  readonly inputs: Readonly<Record<string, string>>;
  readonly runId?: number;
  /** Extra environment, e.g. the test hook KAIZEN_GATE_SUMMARY_LIMIT. */
  readonly env?: Readonly<Record<string, string>>;
  /** The bundle to run; default dist/action.js. */
  readonly action?: string;
}

/** What the step left behind. */
export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** GITHUB_OUTPUT, parsed. */
  readonly outputs: Readonly<Record<string, string>>;
  /** GITHUB_STEP_SUMMARY's content. */
  readonly summary: string;
  /** Lines of stdout starting with a workflow command such as `::warning::`, by command. */
  commands(name: 'error' | 'warning' | 'notice' | 'debug'): string[];
}

/** The input names of action.yml as the runner passes them: INPUT_ + upper case, spaces → `_`, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** The repository the fake event and GITHUB_REPOSITORY name. */
export const OWNER = 'acme';
export const REPO = 'llm-apps';

/** The event payload: the fixture (a synchronize event in GitHub's webhook shape) with this PR's numbers. */
export function pullRequestPayload(event: PullRequestEvent): Record<string, unknown> {
  const text = readFileSync(join(ROOT, 'test/fixtures/action/pull_request.synchronize.json'), 'utf8')
    .replaceAll('__HEAD_SHA__', event.head)
    .replaceAll('__BASE_SHA__', event.base)
    .replaceAll('__BEFORE_SHA__', event.before ?? event.base)
    .replace(/\/(pulls|pull|issues)\/17\b/g, `/$1/${event.number}`);
  const payload = JSON.parse(text) as {
    number: number;
    pull_request: { number: number; head: { label: string; repo: Record<string, unknown> } };
  };
  payload.number = event.number;
  payload.pull_request.number = event.number;
  if (event.fork) {
    payload.pull_request.head.label = `contributor:${payload.pull_request.head.label.split(':')[1]}`;
    payload.pull_request.head.repo = {
      ...payload.pull_request.head.repo,
      full_name: `contributor/${REPO}`,
      fork: true,
      id: 991122,
    };
  }
  return payload;
}

/** A push event payload, in the fields the Action reads (GitHub sends many more). */
export function pushPayload(event: PushEvent): Record<string, unknown> {
  return {
    ref: 'refs/heads/main',
    before: event.before,
    after: event.after,
    repository: { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER } },
    pusher: { name: 'ana' },
  };
}

/** Spawns `node dist/action.js` and waits for it (asynchronously: the fake GitHub lives in this process). */
export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'kaizen-runner-'));
  try {
    const eventPath = join(scratch, 'event.json');
    const outputPath = join(scratch, 'github_output');
    const summaryPath = join(scratch, 'step_summary.md');
    const push = 'push' in options.event ? options.event : undefined;
    const pr = 'push' in options.event ? undefined : options.event;
    writeFileSync(eventPath, JSON.stringify(push ? pushPayload(push) : pullRequestPayload(pr!), null, 2));
    writeFileSync(outputPath, '');
    writeFileSync(summaryPath, '');
    const inputs = { 'github-token': `ghs_${'x'.repeat(30)}${options.runId ?? 1}`, ...options.inputs };
    const env: NodeJS.ProcessEnv = {
      ...Object.fromEntries(
        Object.entries(gitEnv()).filter(([key]) => !ACTION_ENV_PREFIXES.some((prefix) => key.startsWith(prefix))),
      ),
      NO_COLOR: '1',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: push ? 'push' : 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_REPOSITORY_OWNER: OWNER,
      GITHUB_SHA: options.sha,
      GITHUB_REF: pr ? `refs/pull/${pr.number}/merge` : 'refs/heads/main',
      ...(pr ? { GITHUB_HEAD_REF: 'ana/policy-qa-citations', GITHUB_BASE_REF: 'main' } : {}),
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_RUN_ID: String(options.runId ?? 1),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'gate',
      GITHUB_ACTION: 'kaizen-gate',
      GITHUB_WORKFLOW: 'release-gate',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: options.apiUrl,
      GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      RUNNER_TEMP: scratch,
      RUNNER_OS: 'Linux',
      KAIZEN_GATE_BACKOFF_UNIT_MS: '1',
      ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVariable(name), value])),
      ...options.env,
    };
    const { code, stdout, stderr } = await spawnNode([options.action ?? ACTION], options.workspace, env);
    const outputs = existsSync(outputPath) ? parseOutputFile(readFileSync(outputPath, 'utf8')) : {};
    const summary = existsSync(summaryPath) ? readFileSync(summaryPath, 'utf8') : '';
    return {
      code,
      stdout,
      stderr,
      outputs,
      summary,
      commands: (name) => stdout.split('\n').filter((line) => line.startsWith(`::${name}`)),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Parses GITHUB_OUTPUT as `@actions/core` writes it: `name<<delimiter`, the value's lines, the
 * delimiter. A name written twice keeps its last value, as the runner does.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const end = lines.indexOf(delimiter!, i + 1);
      if (end === -1) throw new Error(`GITHUB_OUTPUT: no closing delimiter for ${name}`);
      outputs[name!] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq === -1) throw new Error(`GITHUB_OUTPUT: malformed line ${JSON.stringify(line)}`);
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

/** Every Action process still running, so a failed test file can stop them instead of leaving them behind. */
const running = new Set<ChildProcess>();

/** Stops Action processes that are still running (after a failed or interrupted test). Not a timer: nothing is killed while its test waits. */
export function stopRunningActions(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** The last runs' output, for a failed test to show what the Action printed. */
const transcripts: string[] = [];

/** What the most recent Action runs printed (newest last), for diagnosing a failed test. */
export function recentTranscripts(count = 3): string {
  return transcripts.slice(-count).join('\n');
}

function spawnNode(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      running.delete(child);
      reject(error);
    });
    child.on('close', (code) => {
      running.delete(child);
      transcripts.push(
        `--- node ${args.join(' ')} in ${cwd}: exit ${code}\n${stdout}${stderr ? `--- stderr\n${stderr}` : ''}`,
      );
      if (transcripts.length > 20) transcripts.shift();
      resolve({ code, stdout, stderr });
    });
  });
}
