// The fake GitHub validates against a committed subset of GitHub's OpenAPI description; this keeps
// the subset identical to what the extraction script produces from the installed @octokit/openapi.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('equals what scripts/extract-openapi-subset.mjs extracts from the installed @octokit/openapi', async () => {
  const root = new URL('../../', import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/extract-openapi-subset.mjs', '--stdout'], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  const committed = await readFile(new URL('test/fixtures/github/openapi-subset.json', root), 'utf8');
  expect(stdout).toBe(committed);
  const operations = (JSON.parse(committed) as { operations: { operationId: string }[] }).operations.map(
    (o) => o.operationId,
  );
  expect(operations).toEqual([
    'checks/create',
    'checks/update',
    'checks/list-for-ref',
    'issues/list-comments',
    'issues/create-comment',
    'issues/update-comment',
    'issues/delete-comment',
    'pulls/get',
    'repos/list-pull-requests-associated-with-commit',
    'users/get-authenticated',
    'pulls/list',
    'pulls/create',
  ]);
});
