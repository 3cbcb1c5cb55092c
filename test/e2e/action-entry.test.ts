// The bundled Action's entry when the runner's event payload cannot be read: a failed step that
// says so, not a stack trace from a module that reads the payload while it loads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { actionBundle } from './bundle.ts';
import { NODE } from './paths.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kaizen-action-entry-'));
const bundle = actionBundle();
afterAll(() => {
  bundle.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the Action entry', () => {
  it('fails the step naming a damaged event payload, with no stack trace', () => {
    const event = join(scratch, 'event.json');
    writeFileSync(event, '{"pull_request": {"number": 17,');
    const run = spawnSync(NODE, [bundle.path], {
      cwd: scratch,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_EVENT_PATH: event,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_WORKSPACE: scratch,
      },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::kaizen-gate: Cannot read the event payload at GITHUB_EVENT_PATH \(.*event\.json\): /m,
    );
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
