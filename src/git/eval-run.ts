/**
 * The eval runner, an edge: the team's command run with `sh -c` once per target, each in a clean
 * detached worktree of the target's commit, a few at a time, with a timeout after which its whole
 * process group is stopped. Output goes to a log file; a run that fails — a non-zero exit, a
 * signal, the timeout, no output or an empty one — is reported with the end of its log.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  statSync,
  symlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { addWorktree, removeWorktree } from './worktree.ts';
import { EvalError, OutputTail } from '../eval/failure.ts';
import type { EvalFailure } from '../eval/failure.ts';
import type { EvalTarget } from '../eval/plan.ts';
import type { EvalEvent, EvalRunResult } from '../eval/progress.ts';

/** How the runs are made. */
export interface EvalRunOptions {
  readonly repo: string;
  readonly command: string;
  /** Where outputs and logs go (absolute): `<dir>/<target.output>`. */
  readonly dir: string;
  /** Runs at once, at least 1. */
  readonly concurrency: number;
  /** Per run, in milliseconds. */
  readonly timeoutMs: number;
  /** The environment the command starts from (the step's or the shell's). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: () => Date;
  /** How a file is named in messages (relative to where the user is). */
  readonly display: (path: string) => string;
  readonly onEvent?: (event: EvalEvent) => void;
  /** Between SIGTERM and SIGKILL when a run times out. */
  readonly graceMs?: number;
}

/** Variables the command never sees: the Action's inputs (the signing key, the token) and the runner's tokens. */
const WITHHELD = /^(INPUT_|ACTIONS_)/;

/**
 * Runs every target; resolves with the results in target order.
 *
 * @throws EvalError listing every run that failed (runs not yet started when one fails are not
 *   started); the worktrees are removed in every case.
 */
export async function runEvals(targets: readonly EvalTarget[], options: EvalRunOptions): Promise<EvalRunResult[]> {
  const scratch = mkdtempSync(join(tmpdir(), 'kaizen-gate-eval-'));
  const outcomes: (EvalRunResult | EvalFailure)[] = [];
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const index = next++;
      const target = targets[index]!;
      if (failed) {
        outcomes[index] = { target, what: 'not started: another run had already failed', tail: [] };
        continue;
      }
      const outcome = await runOne(target, join(scratch, `${index}-${target.side}`), options);
      outcomes[index] = outcome;
      if ('what' in outcome) {
        failed = true;
        options.onEvent?.({ kind: 'fail', failure: outcome });
      } else {
        options.onEvent?.({ kind: 'finish', result: outcome });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, targets.length)) }, worker));
  } finally {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
  const failures = outcomes.filter((o): o is EvalFailure => 'what' in o);
  if (failures.length > 0) throw new EvalError(failures, options.command, targets.length);
  return outcomes as EvalRunResult[];
}

/** One run in its own worktree; a failure is returned, not thrown. */
async function runOne(
  target: EvalTarget,
  worktree: string,
  options: EvalRunOptions,
): Promise<EvalRunResult | EvalFailure> {
  const outputPath = join(options.dir, target.output);
  const logPath = join(options.dir, target.log);
  mkdirSync(dirname(outputPath), { recursive: true });
  // A file left by an earlier run must never pass for this run's output.
  rmSync(outputPath, { force: true });
  const startedAt = options.clock();
  const started = performance.now();
  const seconds = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  try {
    addWorktree(options.repo, target.commit, worktree);
  } catch (error: unknown) {
    return {
      target,
      what: `could not check out its commit: ${error instanceof Error ? error.message : String(error)}`,
      tail: [],
    };
  }
  try {
    linkNodeModules(options.repo, worktree);
    options.onEvent?.({ kind: 'start', target });
    const env = commandEnv(options.env, worktree, target, outputPath, options.repo);
    const exit = await runLogged(options.command, worktree, env, logPath, options.timeoutMs, options.graceMs ?? 5_000);
    const base = { target, log: options.display(logPath), tail: exit.tail };
    if (exit.error !== undefined) return { ...base, what: `could not be started: ${exit.error}` };
    if (exit.timedOut) {
      return {
        ...base,
        what:
          `did not finish within ${formatLimit(options.timeoutMs)} (the eval timeout) and was stopped: its ` +
          `process group was sent SIGTERM, then SIGKILL`,
      };
    }
    if (exit.signal !== null) return { ...base, what: `was killed by ${exit.signal} after ${seconds()}` };
    if (exit.code !== 0) return { ...base, what: `exited with status ${exit.code} after ${seconds()}` };
    const written = outputState(outputPath);
    const where = `KAIZEN_GATE_OUTPUT (${options.display(outputPath)})`;
    if (written === 'missing') {
      return {
        ...base,
        what: `exited with status 0 but wrote nothing to ${where}; the command must write its evidence there`,
      };
    }
    if (written === 'empty') {
      return { ...base, what: `exited with status 0 but left ${where} empty; an empty file is no evidence` };
    }
    return { target, outputPath, logPath, startedAt, durationMs: Math.round(performance.now() - started) };
  } finally {
    removeWorktree(options.repo, worktree);
  }
}

/** The command's environment: the step's, without what it must not see, plus the eval's own variables. */
function commandEnv(
  base: EvalRunOptions['env'],
  worktree: string,
  target: EvalTarget,
  output: string,
  repo: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) if (value !== undefined && !WITHHELD.test(key)) env[key] = value;
  const bin = join(worktree, 'node_modules', '.bin');
  if (existsSync(bin)) env['PATH'] = `${bin}${delimiter}${env['PATH'] ?? ''}`;
  return {
    ...env,
    // A promptfoo eval exits 100 when test cases fail; failing cases are the evidence, not a failed run.
    PROMPTFOO_FAILED_TEST_EXIT_CODE: env['PROMPTFOO_FAILED_TEST_EXIT_CODE'] ?? '0',
    KAIZEN_GATE_SIDE: target.side,
    KAIZEN_GATE_PACKAGE_ID: target.packageId,
    KAIZEN_GATE_MANIFEST: target.manifest,
    KAIZEN_GATE_COMMIT: target.commit,
    KAIZEN_GATE_OUTPUT: output,
    KAIZEN_GATE_WORKSPACE: repo,
  };
}

/**
 * Gives the worktree the workspace's installed packages (a `node_modules` link) when it has none:
 * both sides then run the tools the step installed once, and `npx` finds them without a download.
 */
function linkNodeModules(repo: string, worktree: string): void {
  const installed = join(repo, 'node_modules');
  const link = join(worktree, 'node_modules');
  if (!existsSync(installed) || !statSync(installed).isDirectory() || existsSync(link)) return;
  try {
    lstatSync(link);
  } catch {
    symlinkSync(installed, link, process.platform === 'win32' ? 'junction' : 'dir');
  }
}

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly error?: string;
  readonly tail: readonly string[];
}

/** Runs `sh -c command` in its own process group, its output to the log, stopped at the timeout. */
function runLogged(
  command: string,
  cwd: string,
  env: Record<string, string>,
  logPath: string,
  timeoutMs: number,
  graceMs: number,
): Promise<Exit> {
  const log = openSync(logPath, 'w');
  const tail = new OutputTail();
  return new Promise((resolve) => {
    const group = process.platform !== 'win32';
    const child = spawn('sh', ['-c', command], { cwd, env, detached: group, stdio: ['ignore', 'pipe', 'pipe'] });
    const signalAll = (signal: NodeJS.Signals): void => {
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // The group is gone already.
      }
    };
    let timedOut = false;
    let grace: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      signalAll('SIGTERM');
      grace = setTimeout(() => signalAll('SIGKILL'), graceMs);
    }, timeoutMs);
    const record = (chunk: Buffer): void => {
      writeSync(log, chunk);
      tail.push(chunk);
    };
    child.stdout.on('data', record);
    child.stderr.on('data', record);
    let spawnError: string | undefined;
    child.on('error', (error) => {
      spawnError = error.message;
    });
    // Whatever the command left running in the background would hold the worktree (and the pipes): stop it.
    child.on('exit', () => signalAll('SIGKILL'));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (grace !== undefined) clearTimeout(grace);
      closeSync(log);
      resolve({
        code,
        signal: timedOut ? 'SIGTERM' : signal,
        timedOut,
        ...(spawnError === undefined ? {} : { error: spawnError }),
        tail: tail.lines(),
      });
    });
  });
}

/** Whether the output file exists and holds more than white space. */
function outputState(path: string): 'missing' | 'empty' | 'written' {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return 'missing';
    size = stats.size;
  } catch {
    return 'missing';
  }
  if (size === 0) return 'empty';
  if (size > 4096) return 'written';
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(size);
    readSync(fd, bytes, 0, size, 0);
    return bytes.toString('utf8').trim() === '' ? 'empty' : 'written';
  } finally {
    closeSync(fd);
  }
}

function formatLimit(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`;
}
