// The CLI run in this process through its entry function, with stdout and stderr captured: what a
// user sees, without the cost of a process per case. test/e2e/ spawns the bundled CLI instead.
import { runCli } from '../../src/cli.ts';

/** What a command printed and its exit status. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `kaizen-gate ARGS…` in `cwd` in process. */
export async function runCliInProcess(cwd: string, args: readonly string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** A line of a V8 stack trace: never shown to a user. */
export const STACK_TRACE = /^\s+at .*:\d+:\d+\)?$/m;
