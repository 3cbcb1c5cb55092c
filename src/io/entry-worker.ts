/**
 * The CLI and the Action can do their work on a worker thread whose young generation is capped, the
 * main thread only waiting for it. A large check keeps a lot alive while it reads (the paired cases
 * of 100,000-case suites): V8 then grows its young generation to its largest size, and touching
 * that fresh memory is a tenth of the check on a 2-CPU machine. Node options such as
 * `--max-semi-space-size` would cap it, but an Action is run by a plain `node dist/action.js`, so
 * the cap is set the one way both entries can: the worker's `resourceLimits`. A worker takes about
 * 80 ms to start there, so the CLI uses one only for large inputs (`useWorker`).
 *
 * A worker is a thread of the same process: its exit status is the process's, its output goes to
 * the same stdout and stderr (through this thread, in order), and it sees the same environment. It
 * cannot see whether stdout is a terminal, so it is told (`terminal`).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

/**
 * The worker's young generation in MiB, which V8 divides into three semi-spaces: the size that made
 * a 100,000-case check fastest on a 2-CPU machine, of 8 to 32 (docs/statistics.md).
 */
export const YOUNG_GENERATION_MB = 16;

/**
 * From how many bytes of files named on the command line the CLI runs on a worker: below, the
 * worker's start costs more than the cap saves (docs/statistics.md).
 */
export const WORKER_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * Whether the CLI should run on a worker: `KAIZEN_GATE_WORKER` says `always` or `never`, or else
 * (`auto`, unset) when the files its arguments name (`path` or `--flag=path`, relative to `cwd`)
 * hold at least `WORKER_INPUT_BYTES`. Paths that are not files are not counted; the CLI reports them.
 */
export function useWorker(
  args: readonly string[],
  cwd: string,
  setting: string | undefined,
): { readonly worker: boolean; readonly problem?: string } {
  if (setting === 'always') return { worker: true };
  if (setting === 'never') return { worker: false };
  if (setting !== undefined && setting !== '' && setting !== 'auto')
    return {
      worker: false,
      problem: `KAIZEN_GATE_WORKER is ${JSON.stringify(setting)}; expected auto, always or never`,
    };
  let bytes = 0;
  for (const arg of args) {
    const path = arg.startsWith('--') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
    if (path === '' || path.startsWith('-')) continue;
    bytes += fileSize(resolve(cwd, path));
  }
  return { worker: bytes >= WORKER_INPUT_BYTES };
}

function fileSize(path: string): number {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats?.isFile() === true ? stats.size : 0;
  } catch {
    // Unreadable, or a path through a file: not counted here, reported by the command.
    return 0;
  }
}

/** What the worker is told about the process it runs in. */
export interface EntryTerminal {
  /** The process's stdout is a terminal (a worker's own `process.stdout.isTTY` is never set). */
  readonly stdout: boolean;
}

interface EntryData {
  readonly kaizenGateTerminal: EntryTerminal;
}

/**
 * Runs `script` (an ES module) on a worker thread with the young generation capped, and resolves
 * with its exit status: the `process.exitCode` it ended with, or 1 when it threw (its error is then
 * written to stderr, as Node would). `args` become its `process.argv.slice(2)` (default: this
 * process's); `terminal` is what `entryTerminal()` tells it (default: what this process's are).
 */
export function runOnWorker(
  script: URL,
  options: { readonly args?: readonly string[]; readonly terminal?: EntryTerminal } = {},
): Promise<number> {
  const data: EntryData = {
    kaizenGateTerminal: options.terminal ?? { stdout: process.stdout.isTTY === true },
  };
  return new Promise((settle) => {
    const worker = new Worker(script, {
      argv: [...(options.args ?? process.argv.slice(2))],
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.on('error', (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    });
    worker.on('exit', settle);
  });
}

/** On the worker `runOnWorker` started: what the process's stdout is. Undefined elsewhere. */
export function entryTerminal(): EntryTerminal | undefined {
  if (isMainThread) return undefined;
  const data = workerData as Partial<EntryData> | null | undefined;
  return data?.kaizenGateTerminal;
}
