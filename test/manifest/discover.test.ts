import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyYaml, describeKind, isYamlPath, packageFacts } from '../../src/manifest/discover.ts';
import { planScope, selectionOf } from '../../src/manifest/scope.ts';
import type { YamlKind } from '../../src/manifest/discover.ts';

const root = new URL('../../', import.meta.url);
const POLICY_QA = readFileSync(new URL('manifests/policy-qa.yaml', root), 'utf8');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const kindOf = (content: string | Uint8Array): string => {
  const kind = classifyYaml(typeof content === 'string' ? encode(content) : content, 'x.yaml');
  return kind.kind === 'kaizen-other'
    ? `kaizen-other:${kind.documentKind}`
    : kind.kind === 'unreadable'
      ? `unreadable:${kind.mentions}`
      : kind.kind;
};

describe('classifyYaml', () => {
  it.each<[string, string | Uint8Array, string]>([
    ['a block-style manifest', POLICY_QA, 'package'],
    ['a manifest after a 5 kB comment', `${'# notes '.repeat(700)}\n${POLICY_QA}`, 'package'],
    ['JSON-style YAML', JSON.stringify({ apiVersion: 'kaizen-gate/v1', kind: 'Package', package_id: 'p' }), 'package'],
    ['quoted keys and values', '"apiVersion": "kaizen-gate/v1"\n\'kind\': \'Package\'\n', 'package'],
    ['a double-quoted escape spelling kaizen', 'apiVersion: "kaizen\\x2dgate/v1"\nkind: Package\n', 'package'],
    ['an escaped line break inside the value', 'apiVersion: "kaizen-\\\n  gate/v1"\nkind: Package\n', 'package'],
    [
      'merge keys, as other YAML readers apply them',
      'base: &b {apiVersion: kaizen-gate/v1, kind: Package}\n<<: *b\n',
      'package',
    ],
    [
      'a duplicate key (the last wins elsewhere)',
      'apiVersion: v1\napiVersion: kaizen-gate/v1\nkind: Package\n',
      'package',
    ],
    ['a second document holding the manifest', `apiVersion: v1\nkind: ConfigMap\n---\n${POLICY_QA}`, 'package'],
    ['letter case in apiVersion and kind', 'apiVersion: Kaizen-Gate/v1\nkind: package\n', 'package'],
    ['a gate policy', 'apiVersion: kaizen-gate/v1\nkind: GatePolicy\ngates: {}\n', 'kaizen-other:GatePolicy'],
    ['a kaizen-gate document without kind', 'apiVersion: kaizen-gate/v1\npackage_id: p\n', 'kaizen-other:(no kind)'],
    ['a Carvel package', 'apiVersion: data.packaging.carvel.dev/v1alpha1\nkind: Package\n', 'foreign'],
    ['a workflow naming kaizen-gate', 'jobs:\n  gate:\n    steps: [{ uses: acme/kaizen-gate@v1 }]\n', 'foreign'],
    ['a Kubernetes object with a backslash', 'apiVersion: v1\nkind: ConfigMap\ndata: { re: "\\\\d+" }\n', 'foreign'],
    ['broken YAML that is not ours', 'a: [1, 2\n', 'foreign'],
    ['broken YAML naming kaizen-gate', 'apiVersion: kaizen-gate/v1\nkind: Package\nx: [1, 2\n', 'unreadable:true'],
    [
      'an alias bomb naming kaizen-gate',
      `apiVersion: kaizen-gate/v1\na: &a [x,x,x,x,x,x,x,x,x,x]\n${'bcdefghijk'
        .split('')
        .map((n, i) => `${n}: &${n} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(',')}]`)
        .join('\n')}\n`,
      'unreadable:true',
    ],
    [
      'a UTF-16 manifest',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POLICY_QA, 'utf16le')]),
      'unreadable:true',
    ],
    ['a UTF-16 manifest without a byte order mark', Buffer.from(POLICY_QA, 'utf16le'), 'unreadable:true'],
    [
      'a big-endian UTF-16 manifest',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(POLICY_QA, 'utf16le').swap16()]),
      'unreadable:true',
    ],
    [
      'UTF-16 text that is not ours',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('notes: x\n', 'utf16le')]),
      'foreign',
    ],
    [
      'invalid UTF-8 naming kaizen-gate',
      Buffer.concat([Buffer.from('apiVersion: kaizen-gate/v1\nkind: '), Buffer.from([0xc3, 0x28])]),
      'unreadable:true',
    ],
    ['an empty file', '', 'foreign'],
  ])('%s', (_name, content, expected) => {
    expect(kindOf(content)).toBe(expected);
  });

  it('gives an unreadable file a located problem that quotes nothing of it', () => {
    const kind = classifyYaml(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POLICY_QA, 'utf16le')]), 'm.yaml');
    expect(kind).toMatchObject({
      kind: 'unreadable',
      problem: {
        file: 'm.yaml',
        line: 1,
        column: 1,
        message: 'file is UTF-16 encoded; kaizen-gate reads manifests as UTF-8 only: save it as UTF-8',
      },
    });
    expect(describeKind(kind)).toBe(
      'unreadable: file is UTF-16 encoded; kaizen-gate reads manifests as UTF-8 only: save it as UTF-8',
    );
  });

  it('reads the ids and artifact paths of a package leniently', () => {
    const kind = classifyYaml(encode(POLICY_QA), 'm.yaml') as Extract<YamlKind, { kind: 'package' }>;
    const facts = packageFacts(kind.value);
    expect(facts).toMatchObject({ application: 'policy-qa', package_id: 'policy-qa-2026-11-20-r3' });
    expect(facts.artifacts).toContain('manifests/policy-qa/prompts/system.md');
    expect(packageFacts({ application: 3 })).toEqual({ artifacts: [] });
  });

  it('reads .yaml and .yml in any case, nothing else', () => {
    expect(['a.yaml', 'a.YML', 'a/b.Yaml'].every(isYamlPath)).toBe(true);
    expect(['a.yaml.bak', 'a.json', 'yaml'].some(isYamlPath)).toBe(false);
  });
});

const pkg = (application: string, artifacts: string[] = [], id = `${application}-1`): YamlKind => ({
  kind: 'package',
  value: { application, package_id: id, prompts: artifacts.map((path, i) => ({ id: `p${i}`, path })) },
});

describe('planScope', () => {
  const base = new Map<string, YamlKind>([
    ['m/a.yaml', pkg('a', ['p/a.md'])],
    ['m/b.yaml', pkg('b', ['p/b.md'])],
    ['gates/policy.yaml', { kind: 'kaizen-other', documentKind: 'GatePolicy' }],
    [
      'fixtures/broken.yaml',
      { kind: 'unreadable', mentions: true, problem: { file: 'fixtures/broken.yaml', message: 'broken' } },
    ],
  ]);

  it('gates a package whose artifact changed, not an untouched one, and never reads untouched broken files', () => {
    const plan = planScope({ base, head: base, changed: new Set(['p/a.md', 'README.md']) });
    expect(plan).toEqual({
      candidates: [{ path: 'm/a.yaml', basePath: 'm/a.yaml', renamed: false }],
      missing: [],
      unreadable: [],
    });
  });

  it('gates a package when an artifact only the base version references changed', () => {
    const head = new Map(base).set('m/a.yaml', pkg('a', ['p/a2.md']));
    expect(planScope({ base, head, changed: new Set(['p/a.md']) }).candidates.map((c) => c.path)).toEqual(['m/a.yaml']);
  });

  it('reports a touched base package that is no package at the head, with what is there now', () => {
    const head = new Map(base).set('m/a.yaml', { kind: 'foreign' });
    head.delete('m/b.yaml');
    const plan = planScope({ base, head, changed: new Set(['m/a.yaml', 'm/b.yaml']) });
    expect(plan.candidates).toEqual([]);
    expect(plan.missing).toEqual([{ basePath: 'm/a.yaml', head: { kind: 'foreign' } }, { basePath: 'm/b.yaml' }]);
  });

  it('follows a rename to a new manifest of the same application, not to another application', () => {
    const head = new Map(base).set('apps/a.yaml', pkg('a', ['p/a.md'])).set('apps/c.yaml', pkg('c'));
    head.delete('m/a.yaml');
    head.delete('m/b.yaml');
    const plan = planScope({ base, head, changed: new Set(['m/a.yaml', 'm/b.yaml', 'apps/a.yaml', 'apps/c.yaml']) });
    expect(plan.candidates).toEqual([
      { path: 'apps/a.yaml', basePath: 'm/a.yaml', renamed: true },
      { path: 'apps/c.yaml', renamed: false },
    ]);
    expect(plan.missing.map((m) => m.basePath)).toEqual(['m/b.yaml']);
  });

  it('reports a touched new file that names kaizen-gate but cannot be read', () => {
    const problem = { file: 'new.yaml', line: 2, message: 'broken' };
    const head = new Map(base).set('new.yaml', { kind: 'unreadable', mentions: true, problem });
    expect(planScope({ base, head, changed: new Set(['new.yaml']) }).unreadable).toEqual([problem]);
    expect(planScope({ base, head, changed: new Set() }).unreadable).toEqual([]);
  });

  it('with all, gates every package, touched or not', () => {
    expect(planScope({ base, head: base, changed: new Set(), all: true }).candidates.map((c) => c.path)).toEqual([
      'm/a.yaml',
      'm/b.yaml',
    ]);
  });
});

describe('selectionOf', () => {
  it.each<[string[], string, boolean]>([
    [['manifests/*.yaml'], 'manifests/a.yaml', true],
    [['manifests/*.yaml'], 'manifests/sub/a.yaml', false],
    [['manifests/**/*.yaml'], 'manifests/sub/a.yaml', true],
    [['manifests'], 'manifests/sub/a.yaml', true],
    [['./manifests/'], 'manifests/a.yaml', true],
    [['manifests'], 'manifests-old/a.yaml', false],
    [['manifests/a.yaml'], 'manifests/a.yaml', true],
    [['.'], 'anything.yaml', true],
  ])('%j keeps %s: %s', (patterns, path, kept) => {
    expect(selectionOf(patterns)(path)).toBe(kept);
  });
});
