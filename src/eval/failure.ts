// A failed eval run as the user sees it: which package and side, what happened (exit status,
// signal, timeout, no output), where the whole log is, and the last lines of its output.
import type { EvalTarget } from './plan.ts';

/** One run that did not produce evidence. */
export interface EvalFailure {
  readonly target: EvalTarget;
  /** What happened, as a clause: `exited with status 3 after 1.2 s`. */
  readonly what: string;
  /** The log file as the user can open it; absent when the run never started. */
  readonly log?: string;
  /** The last lines of the command's output (stdout and stderr as they came). */
  readonly tail: readonly string[];
}

/** Thrown when an eval run fails: no evidence of the change is used, and every failure is listed. */
export class EvalError extends Error {
  override readonly name = 'EvalError';
  readonly failures: readonly EvalFailure[];
  readonly command: string;

  constructor(failures: readonly EvalFailure[], command: string, total: number) {
    super(describeFailures(failures, command, total));
    this.failures = failures;
    this.command = command;
  }
}

/**
 * The message of an {@link EvalError}: one paragraph per failed run with its log and output tail,
 * indented so it reads as a block in a terminal and a CI log.
 */
export function describeFailures(failures: readonly EvalFailure[], command: string, total: number): string {
  const runs = `${failures.length} of ${total} eval run${total === 1 ? '' : 's'}`;
  const lines = [
    `the eval command failed in ${runs}, so no evidence was used and nothing was gated.`,
    `  command (run with sh -c): ${command}`,
  ];
  for (const failure of failures) {
    const { target } = failure;
    lines.push(
      `  ${target.forPackage} ${target.side} (package ${target.packageId} at ${target.commit.slice(0, 12)}): ` +
        `${failure.what}`,
    );
    if (failure.log !== undefined) lines.push(`    log: ${failure.log}`);
    if (failure.tail.length > 0) {
      lines.push(`    last ${failure.tail.length} line${failure.tail.length === 1 ? '' : 's'} of its output:`);
      for (const line of failure.tail) lines.push(`      | ${line}`);
    } else if (failure.log !== undefined) {
      lines.push('    it printed nothing');
    }
  }
  return lines.join('\n');
}

/** Keeps the end of a stream of output: the last `maxLines` lines, each cut to `maxColumns`. */
export class OutputTail {
  private text = '';
  private readonly maxLines: number;
  private readonly maxColumns: number;

  constructor(maxLines = 20, maxColumns = 400) {
    this.maxLines = maxLines;
    this.maxColumns = maxColumns;
  }

  /** Adds a chunk of output. */
  push(chunk: Uint8Array | string): void {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    // Keep a bounded window; a run can print gigabytes.
    const keep = this.maxLines * (this.maxColumns + 1) * 2;
    if (this.text.length > keep * 2) this.text = this.text.slice(-keep);
  }

  /** The last lines, without trailing blank ones, control characters made visible. */
  lines(): string[] {
    const all = this.text.replace(/\r\n?/g, '\n').split('\n');
    while (all.length > 0 && all.at(-1)!.trim() === '') all.pop();
    return all.slice(-this.maxLines).map((line) => {
      // eslint-disable-next-line no-control-regex
      const clean = line.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?');
      return clean.length > this.maxColumns ? `${clean.slice(0, this.maxColumns)}…` : clean;
    });
  }
}
