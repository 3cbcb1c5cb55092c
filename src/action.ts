/**
 * The Action (dist/action-main.js, run by dist/action.js on a worker thread: src/action/launcher.ts).
 * `@actions/github` reads the workflow's event payload as soon as it is loaded, so a payload that
 * does not parse would stop the Action with a stack trace before any handler is in place: it is
 * checked first, and the Action itself loaded only after.
 */
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';

function eventPayloadProblem(path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    JSON.parse(readFileSync(path, 'utf8'));
    return undefined;
  } catch (error: unknown) {
    return `Cannot read the event payload at GITHUB_EVENT_PATH (${path}): ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Runs the Action; a failure sets the step's exit code and never escapes. */
export async function start(): Promise<void> {
  const problem = eventPayloadProblem(process.env.GITHUB_EVENT_PATH);
  if (problem !== undefined) core.setFailed(`kaizen-gate: ${problem}`);
  else await (await import('./action/main.ts')).main();
}
