import { runCli } from '../../src/cli.ts';

/** What one in-process CLI run printed, and its exit status. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `kaizen-gate <args>` in process (runCli, the bundled CLI's own entry) in `cwd`. */
export async function cliIn(cwd: string, args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}
