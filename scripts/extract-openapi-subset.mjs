// Extracts the GitHub REST operations that kaizen-gate calls from GitHub's published OpenAPI
// description (the dereferenced api.github.com document in @octokit/openapi) into
// test/fixtures/github/openapi-subset.json. The fake GitHub server in test/support validates every
// request against that subset; loading the 73 MB source in every test worker would cost about a
// second, the subset a millisecond. A test re-runs this script and compares, so the subset cannot
// drift from the installed description.
//
//   node scripts/extract-openapi-subset.mjs            rewrite the fixture
//   node scripts/extract-openapi-subset.mjs --stdout   print it instead
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** [method, path template] of every operation the action uses, in the order they are listed. */
const OPERATIONS = [
  ['post', '/repos/{owner}/{repo}/check-runs'],
  ['patch', '/repos/{owner}/{repo}/check-runs/{check_run_id}'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}/check-runs'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['delete', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['get', '/repos/{owner}/{repo}/commits/{commit_sha}/pulls'],
  ['get', '/user'],
  ['get', '/repos/{owner}/{repo}/pulls'],
  ['post', '/repos/{owner}/{repo}/pulls'],
];

const SOURCE_FILE = 'generated/api.github.com.deref.json';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@octokit/openapi/package.json'));
const packageJson = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
const spec = JSON.parse(await readFile(join(packageDir, SOURCE_FILE), 'utf8'));

const operations = OPERATIONS.map(([method, path]) => {
  const operation = spec.paths[path]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in ${SOURCE_FILE}`);
  // Only what a request is checked against; responses are left out (the fake answers minimal shapes).
  const subset = {
    method,
    path,
    operationId: operation.operationId,
    parameters: operation.parameters ?? [],
    ...(operation.requestBody ? { requestBody: operation.requestBody } : {}),
  };
  if (JSON.stringify(subset).includes('"$ref"')) {
    throw new Error(`${operation.operationId} still holds a $ref; expected a fully dereferenced document`);
  }
  return subset;
});

const output = `${JSON.stringify(
  {
    source: {
      package: '@octokit/openapi',
      version: packageJson.version,
      file: SOURCE_FILE,
      openapi: spec.openapi,
    },
    operations,
  },
  null,
  2,
)}\n`;

if (process.argv.includes('--stdout')) {
  process.stdout.write(output);
} else {
  const target = new URL('../test/fixtures/github/openapi-subset.json', import.meta.url);
  await writeFile(target, output);
  console.log(`Wrote ${operations.length} operations to ${target.pathname}`);
}
