/**
 * The CLI and the Action do their work on a worker thread whose young generation is capped, the
 * main thread only waiting for it. A large check keeps a lot alive while it reads (the paired cases
 * of 100,000-case suites): V8 then grows its young generation to its largest size, and touching
 * that fresh memory is a tenth of the check on a 2-CPU machine. Node options such as
 * `--max-semi-space-size` would cap it, but an Action is run by a plain `node dist/action.js`, so
 * the cap is set the one way both entries can: the worker's `resourceLimits`.
 *
 * A worker is a thread of the same process: its exit status is the process's, its output goes to
 * the same stdout and stderr (through this thread, in order), and it sees the same environment. It
 * cannot see whether stdout is a terminal, so it is told (`terminal`).
 */
import { isMainThread, Worker, workerData } from 'node:worker_threads';

/**
 * The worker's young generation in MiB. V8 makes it three semi-spaces, so this is 8 MiB each, the
 * size that made a 100,000-case check fastest on a 2-CPU machine (docs/statistics.md).
 */
export const YOUNG_GENERATION_MB = 16;

/** What the worker is told about the process it runs in. */
export interface EntryTerminal {
  /** The process's stdout is a terminal (a worker's own `process.stdout.isTTY` is never set). */
  readonly stdout: boolean;
  readonly stderr: boolean;
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
    kaizenGateTerminal: options.terminal ?? {
      stdout: process.stdout.isTTY === true,
      stderr: process.stderr.isTTY === true,
    },
  };
  return new Promise((resolve) => {
    const worker = new Worker(script, {
      argv: [...(options.args ?? process.argv.slice(2))],
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.on('error', (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    });
    worker.on('exit', resolve);
  });
}

/** On the worker `runOnWorker` started: what the process's stdout and stderr are. Undefined elsewhere. */
export function entryTerminal(): EntryTerminal | undefined {
  if (isMainThread) return undefined;
  const data = workerData as Partial<EntryData> | null | undefined;
  return data?.kaizenGateTerminal;
}
