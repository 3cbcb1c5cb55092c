/**
 * A repository that looks like a real one: the example packages beside GitHub workflows (one
 * naming kaizen-gate), Kubernetes objects (several documents, a backslash, a Carvel `kind:
 * Package`), kaizen-gate policy files, and broken fixtures (YAML that does not parse, a broken
 * policy, an invalid manifest, a UTF-16 file). Every command must gate exactly the package a
 * change touches in it, and every way of walking a manifest around the gate must fail.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { candidateId, PACKAGES, ROOT } from '../gates/scenario.ts';
import type { App } from '../gates/scenario.ts';
import { makeRepo } from '../support/git-repo.ts';
import type { TempRepo } from '../support/git-repo.ts';

/** The non-manifest files of the corpus, by path. */
export const CORPUS_FILES: Readonly<Record<string, string | Uint8Array>> = {
  '.gitignore': 'evidence/\nkaizen-gate-report/\n',
  '.github/workflows/ci.yml':
    'name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n      - run: npm test\n',
  '.github/workflows/release-gate.yml':
    '# Runs kaizen-gate on every pull request.\nname: release-gate\non: pull_request\njobs:\n  gate:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n        with: { fetch-depth: 0 }\n      - uses: acme/kaizen-gate@v1\n        with:\n          policy: gates/strict.yaml\n',
  'deploy/k8s/app.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: policy-qa }\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers: [{ name: app, image: "ghcr.io/acme/policy-qa:1.4" }]\n---\napiVersion: v1\nkind: Service\nmetadata: { name: policy-qa }\nspec: { ports: [{ port: 80 }] }\n',
  'deploy/k8s/configmap.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: routes }\ndata:\n  pattern: "^/api/v\\\\d+/"\n',
  'deploy/carvel/package.yaml':
    'apiVersion: data.packaging.carvel.dev/v1alpha1\nkind: Package\nmetadata: { name: policy-qa.acme.dev.1.4.0 }\nspec: { refName: policy-qa.acme.dev, version: 1.4.0 }\n',
  'gates/default.yaml': readFileSync(join(ROOT, 'gates/default.yaml'), 'utf8'),
  'gates/strict.yaml': 'apiVersion: kaizen-gate/v1\nkind: GatePolicy\ngates:\n  quality:\n    max_drop_pp: 1.5\n',
  'test/fixtures/broken-k8s.yaml': 'apiVersion: v1\nkind: ConfigMap\ndata: [unclosed\n',
  'test/fixtures/broken-policy.yaml': readFileSync(join(ROOT, 'test/fixtures/policies/bad-yaml.yaml'), 'utf8'),
  'test/fixtures/invalid-manifest.yaml':
    'apiVersion: kaizen-gate/v1\nkind: Package\npackage_id: fixture-1\napplication: fixture\nside_effect_level: high\nprompts: [{ id: system, path: test/fixtures/prompt.md, sha256: "sha256:0" }]\n',
  'test/fixtures/prompt.md': 'A fixture prompt.\n',
  'test/fixtures/notes-utf16.yaml': Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from('notes: plain text\n', 'utf16le'),
  ]),
};

/** The corpus with the example packages at `base` (on main); variants are built from there. */
export interface Corpus {
  readonly repo: TempRepo;
  readonly base: string;
  /** Checks out `base` detached, applies `edit` and commits: the head of one pull request. */
  variant(message: string, edit: (repo: TempRepo) => void): string;
}

/** Builds the corpus repository. */
export function buildCorpus(): Corpus {
  const repo = makeRepo('kaizen-corpus-');
  repo.copyIn(join(ROOT, 'manifests'), 'manifests');
  for (const [path, content] of Object.entries(CORPUS_FILES)) repo.write(path, content);
  const base = repo.commit('packages, workflows, Kubernetes objects, policies and fixtures');
  return {
    repo,
    base,
    variant(message, edit) {
      repo.git('checkout', '--quiet', '--detach', base);
      edit(repo);
      return repo.commit(message);
    },
  };
}

/**
 * A prompt patch of `app`, locked: the system prompt gains a line, the manifest records its new
 * digest and a new package_id whose parent is the base package.
 */
export function promptPatch(repo: TempRepo, app: App = 'policy-qa'): void {
  const { manifest, prompt, baseId } = PACKAGES[app];
  const oldDigest = `sha256:${sha256(repo.read(prompt))}`;
  const text = `${repo.read(prompt)}\nAlways cite the section you rely on.\n`;
  repo.write(prompt, text);
  const yaml = repo.read(manifest);
  if (!yaml.includes(oldDigest)) throw new Error(`${manifest} does not record ${oldDigest}`);
  repo.write(
    manifest,
    yaml
      .replace(oldDigest, `sha256:${sha256(text)}`)
      .replace(`package_id: ${baseId}`, `package_id: ${candidateId(app)}`)
      .replace(/^parent_package_id: .*$/m, `parent_package_id: ${baseId}`),
  );
}

/** The manifest's content as JSON-style YAML: one flow mapping, every key quoted. */
export function asJsonYaml(yaml: string): string {
  return `${JSON.stringify(parse(yaml) as unknown, null, 2)}\n`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
