import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readerAtWorktree } from '../../src/git/git.ts';
import { loadManifest } from '../../src/manifest/manifest.ts';
import { formatProblem } from '../../src/problem.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLES = readdirSync(join(ROOT, 'manifests'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => `manifests/${name}`);
const readRepo = readerAtWorktree(ROOT);
const POLICY_QA = readFileSync(join(ROOT, 'manifests/policy-qa.yaml'), 'utf8');

/** Validates manifest text as if it were `manifests/policy-qa.yaml`, artifacts read from this repository. */
function problemsOf(text: string): string[] {
  return loadManifest(new TextEncoder().encode(text), 'manifests/policy-qa.yaml', { readFile: readRepo }).problems.map(
    formatProblem,
  );
}

/** Applies literal replacements, failing loudly if the example no longer contains the text to break. */
function broken(...edits: [string, string][]): string {
  let text = POLICY_QA;
  for (const [from, to] of edits) {
    expect(text, `example must contain ${JSON.stringify(from)}`).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

describe('example manifests', () => {
  it('there are the three application classes of the paper', () => {
    expect(EXAMPLES).toEqual([
      'manifests/doc-analysis.yaml',
      'manifests/policy-qa.yaml',
      'manifests/sql-analytics.yaml',
    ]);
  });

  it.each(EXAMPLES)('%s is valid: schema and every artifact digest', (file) => {
    const loaded = loadManifest(readFileSync(join(ROOT, file)), file, { readFile: readRepo });
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(loaded.manifest?.kind).toBe('Package');
    expect(loaded.artifacts.length).toBeGreaterThanOrEqual(5);
    for (const artifact of loaded.artifacts) expect(artifact.actual).toBe(artifact.recorded);
  });

  it.each<[string, number, string]>([
    ['manifests/policy-qa.yaml', 0, 'prompts'],
    ['manifests/doc-analysis.yaml', 1, 'retrieval'],
    ['manifests/sql-analytics.yaml', 1, 'tools'],
  ])('%s has side-effect level %i and %s', (file, level, field) => {
    const { manifest } = loadManifest(readFileSync(join(ROOT, file)), file);
    expect(manifest?.side_effect_level).toBe(level);
    expect(manifest).toHaveProperty(field);
  });

  it.each([...EXAMPLES, 'test/fixtures/manifests/six-faults.yaml'])(
    '%s starts with a yaml-language-server $schema line to a schema that exists',
    (file) => {
      const firstLine = readFileSync(join(ROOT, file), 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(firstLine);
      expect(match, firstLine).not.toBeNull();
      const schemaPath = resolve(dirname(join(ROOT, file)), match![1]!);
      expect(schemaPath).toBe(join(ROOT, 'manifests/schema/package.schema.json'));
      expect(existsSync(schemaPath)).toBe(true);
    },
  );
});

/** Every schema reachable through `properties`, `items`, `$defs`, with its JSON pointer. */
function propertySchemas(
  node: unknown,
  pointer: string,
  out: [string, Record<string, unknown>][] = [],
): [string, Record<string, unknown>][] {
  if (node === null || typeof node !== 'object') return out;
  const record = node as Record<string, unknown>;
  for (const [name, child] of Object.entries((record.properties ?? {}) as Record<string, unknown>)) {
    out.push([`${pointer}/properties/${name}`, child as Record<string, unknown>]);
    propertySchemas(child, `${pointer}/properties/${name}`, out);
  }
  if (record.items) propertySchemas(record.items, `${pointer}/items`, out);
  if (record.additionalProperties && typeof record.additionalProperties === 'object') {
    propertySchemas(record.additionalProperties, `${pointer}/additionalProperties`, out);
  }
  for (const [name, child] of Object.entries((record.$defs ?? {}) as Record<string, unknown>)) {
    propertySchemas(child, `${pointer}/$defs/${name}`, out);
  }
  return out;
}

describe('package.schema.json', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'manifests/schema/package.schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  const properties = propertySchemas(schema, '');

  it('is draft 2020-12 with a title and a description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof schema.title).toBe('string');
    expect(typeof schema.description).toBe('string');
  });

  it('covers every field ARCHITECTURE.md names', () => {
    const top = properties
      .filter(([pointer]) => /^\/properties\/[^/]+$/.test(pointer))
      .map(([pointer]) => pointer.split('/')[2]);
    expect(top).toEqual(
      expect.arrayContaining([
        'apiVersion',
        'kind',
        'package_id',
        'application',
        'parent_package_id',
        'side_effect_level',
        'owners',
        'change',
        'model',
        'prompts',
        'retrieval',
        'tools',
        'routing',
        'guardrails',
        'evaluation',
        'delivery',
      ]),
    );
    expect(properties.length).toBeGreaterThan(50);
  });

  it.each(properties)('%s has a description', (_pointer, property) => {
    expect(typeof property.description).toBe('string');
    expect((property.description as string).length).toBeGreaterThan(10);
  });
});

describe('broken manifests: every fault located, all at once', () => {
  it.each<[string, [string, string][], string[]]>([
    [
      'missing required field',
      [['application: policy-qa\n', '']],
      ['manifests/policy-qa.yaml:3:1: missing required field "application"'],
    ],
    [
      'missing nested required field',
      [['  owner: "@ana-lima"\n', '']],
      ['manifests/policy-qa.yaml:10:1 change: missing required field "owner"'],
    ],
    [
      'wrong type',
      [['side_effect_level: 0', 'side_effect_level: "0"']],
      ['manifests/policy-qa.yaml:8:20 side_effect_level: expected one of 0, 1, 2, 3, found "0"'],
    ],
    [
      'wrong type in a list',
      [['owners: ["@acme/hr-assistant"]', 'owners: "@acme/hr-assistant"']],
      ['manifests/policy-qa.yaml:9:9 owners: expected array, found "@acme/hr-assistant"'],
    ],
    [
      'bad enum for side_effect_level',
      [['side_effect_level: 0', 'side_effect_level: 4']],
      ['manifests/policy-qa.yaml:8:20 side_effect_level: expected one of 0, 1, 2, 3, found number 4'],
    ],
    [
      'bad enum for a suite kind',
      [['suite: golden', 'suite: gold']],
      [
        'manifests/policy-qa.yaml:42:14 evaluation.suites[0].suite: expected one of "golden", "safety", "shadow", found "gold"',
      ],
    ],
    [
      'wrong apiVersion',
      [['apiVersion: kaizen-gate/v1', 'apiVersion: kaizen-gate/v2']],
      ['manifests/policy-qa.yaml:3:13 apiVersion: expected "kaizen-gate/v1", found "kaizen-gate/v2"'],
    ],
    [
      'bad digest format',
      [['sha256: sha256:8742cf1d', 'sha256: sha256:8742CF1D']],
      [
        'manifests/policy-qa.yaml:26:13 prompts[0].sha256: "sha256:8742CF1D34e42e4c525ade3632decd8d1248c2dbc5fca0907e..." is not valid: Content digest `sha256:<64 lowercase hex>`. Run `kaizen-gate lock` to write it.',
      ],
    ],
    [
      'digest without prefix',
      [['sha256: sha256:8742cf1d', 'sha256: 8742cf1d']],
      [
        'manifests/policy-qa.yaml:26:13 prompts[0].sha256: "8742cf1d34e42e4c525ade3632decd8d1248c2dbc5fca0907e3411a1b..." is not valid: Content digest `sha256:<64 lowercase hex>`. Run `kaizen-gate lock` to write it.',
      ],
    ],
    [
      'unknown field (typo)',
      [['  top_k: 8\n', '  topk: 8\n']],
      [
        'manifests/policy-qa.yaml:30:1 retrieval: missing required field "top_k"',
        'manifests/policy-qa.yaml:34:3 retrieval.topk: unknown field "topk" (did you mean "top_k"?)',
      ],
    ],
    [
      'unknown top-level field',
      [['kind: Package\n', 'kind: Package\nlabels: {team: hr}\n']],
      [
        'manifests/policy-qa.yaml:5:1 labels: unknown field "labels"; expected one of apiVersion, kind, package_id, application, parent_package_id, side_effect_level, owners, change, model, prompts, retrieval, tools, routing, guardrails, evaluation, delivery',
      ],
    ],
    [
      'path with ..',
      [['path: manifests/policy-qa/prompts/system.md', 'path: manifests/../../etc/passwd']],
      [
        'manifests/policy-qa.yaml:25:11 prompts[0].path: "manifests/../../etc/passwd" is not valid: Repository-relative path with `/` separators; absolute paths and `..` segments are rejected.',
      ],
    ],
    [
      'absolute path',
      [['path: manifests/shared/guardrails/pii-filter.json', 'path: /etc/passwd']],
      [
        'manifests/policy-qa.yaml:37:11 guardrails[0].path: "/etc/passwd" is not valid: Repository-relative path with `/` separators; absolute paths and `..` segments are rejected.',
      ],
    ],
    [
      'Windows absolute path',
      [['path: manifests/shared/guardrails/pii-filter.json', 'path: C:/secrets.json']],
      [
        'manifests/policy-qa.yaml:37:11 guardrails[0].path: "C:/secrets.json" is not valid: Repository-relative path with `/` separators; absolute paths and `..` segments are rejected.',
      ],
    ],
    [
      'empty owners',
      [['owners: ["@acme/hr-assistant"]', 'owners: []']],
      ['manifests/policy-qa.yaml:9:9 owners: expected at least 1 item, found 0'],
    ],
    [
      'top_k out of range',
      [['top_k: 8', 'top_k: 0']],
      ['manifests/policy-qa.yaml:34:10 retrieval.top_k: expected a number >= 1, found number 0'],
    ],
    [
      'empty summary',
      [['  summary: Require citations and an effective-date line in policy answers', '  summary: ""']],
      ['manifests/policy-qa.yaml:12:12 change.summary: must not be empty'],
    ],
  ])('%s', (_name, edits, expected) => {
    expect(problemsOf(broken(...edits))).toEqual(expected);
  });

  it('reports all six faults of a manifest with six, each once, in file order', () => {
    const file = 'test/fixtures/manifests/six-faults.yaml';
    const loaded = loadManifest(readFileSync(join(ROOT, file)), file, { readFile: readRepo });
    expect(loaded.manifest).toBeUndefined();
    expect(loaded.problems.map(formatProblem)).toEqual([
      `${file}:3:1: missing required field "application"`,
      `${file}:7:20 side_effect_level: expected one of 0, 1, 2, 3, found "high"`,
      `${file}:20:18 model.params.temperature: expected string, number, boolean or null, found a list`,
      `${file}:25:13 prompts[0].sha256: "8742cf1d34e42e4c525ade3632decd8d1248c2dbc5fca0907e3411a1b..." is not valid: Content digest \`sha256:<64 lowercase hex>\`. Run \`kaizen-gate lock\` to write it.`,
      `${file}:36:11 guardrails[0].path: "../shared/guardrails/pii-filter.json" is not valid: Repository-relative path with \`/\` separators; absolute paths and \`..\` segments are rejected.`,
      `${file}:57:3 delivery.rollbak_window: unknown field "rollbak_window"; expected one of strategy, rollback_metric, slo`,
    ]);
  });

  it('reports schema and artifact faults together', () => {
    const problems = problemsOf(
      broken(
        ['side_effect_level: 0', 'side_effect_level: 9'],
        ['path: manifests/policy-qa/prompts/answer-format.md', 'path: manifests/policy-qa/prompts/missing.md'],
        [
          'sha256: sha256:3ec65018e5bc988af35d3f8405d5d5cbd42dad4ea3c752353db9714cb029e874',
          `sha256: sha256:${'0'.repeat(64)}`,
        ],
      ),
    );
    expect(problems).toEqual([
      'manifests/policy-qa.yaml:8:20 side_effect_level: expected one of 0, 1, 2, 3, found number 9',
      'manifests/policy-qa.yaml:28:11 prompts[1].path: manifests/policy-qa/prompts/missing.md does not exist in the repository',
      'manifests/policy-qa.yaml:38:13 guardrails[0].sha256: manifests/shared/guardrails/pii-filter.json has sha256:3ec65018e5bc… but the manifest records sha256:000000000000…; run `kaizen-gate lock` if the change is intended',
    ]);
  });
});
