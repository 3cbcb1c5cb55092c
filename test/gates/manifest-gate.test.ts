import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PairedEvidence } from '../../src/evidence/pair.ts';
import { evaluateManifest } from '../../src/gates/manifest-gate.ts';
import type { PackageDiff } from '../../src/manifest/diff.ts';
import { loadManifest } from '../../src/manifest/manifest.ts';
import type { Manifest } from '../../src/manifest/model.ts';
import { binaryCases, policyAt } from './cases.ts';

const file = 'manifests/policy-qa.yaml';
const manifest = loadManifest(readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url))), file)
  .manifest as Manifest;
const PARENT_ID = 'policy-qa-2026-11-02-r2';

const diff = (problems: PackageDiff['problems'] = []): PackageDiff => ({
  manifest: file,
  application: 'policy-qa',
  package_id: manifest.package_id,
  side_effect_level: 0,
  digest: 'sha256:abc',
  fingerprint: 'f',
  parent: {
    package_id: PARENT_ID,
    manifest: file,
    digest: 'sha256:def',
    commit: '0'.repeat(40),
    resolution: 'same_path',
  },
  new_application: false,
  declared_change: 'prompt_patch',
  changes: [],
  classes: ['prompt_patch'],
  problems,
  warnings: [],
});

const evidence = (changes: Partial<PairedEvidence> = {}): PairedEvidence => ({
  cases: binaryCases({ bothPass: 40 }),
  judge: { id: 'judge-large', version: '2026-03-01' },
  parentPackageId: PARENT_ID,
  candidatePackageId: manifest.package_id,
  unpaired: { parentOnly: 0, candidateOnly: 0 },
  ...changes,
});

describe('manifest gate', () => {
  it('passes when artifacts match and the evidence names both packages and the pinned judge', () => {
    const result = evaluateManifest(diff(), manifest, evidence(), policyAt(0));
    expect(result).toMatchObject({
      gate: 'manifest',
      verdict: 'pass',
      reason: 'Every artifact matches its recorded digest (prompt_patch) and the evidence names these packages.',
      on_failure: 'reject',
    });
    expect(result.headline).toMatchObject({ name: 'manifest_problems', estimate: 0, threshold: 0, verdict: 'pass' });
  });

  it.each<[string, () => Parameters<typeof evaluateManifest>, RegExp]>([
    [
      'a digest mismatch from the diff',
      () => [
        diff([
          {
            file,
            line: 26,
            column: 13,
            field: 'prompts[0].sha256',
            message: 'manifests/policy-qa/prompts/system.md changed',
          },
        ]),
        manifest,
        evidence(),
        policyAt(0),
      ],
      /^manifests\/policy-qa\.yaml:26:13 prompts\[0\]\.sha256: manifests\/policy-qa\/prompts\/system\.md changed\.$/,
    ],
    [
      'candidate evidence for another package',
      () => [diff(), manifest, evidence({ candidatePackageId: 'policy-qa-2026-12-01-r9' }), policyAt(0)],
      /^Candidate evidence is for package policy-qa-2026-12-01-r9, but manifests\/policy-qa\.yaml declares policy-qa-2026-11-20-r3\.$/,
    ],
    [
      'parent evidence for another package',
      () => [diff(), manifest, evidence({ parentPackageId: 'policy-qa-2025-01-01-r1' }), policyAt(0)],
      /^Parent evidence is for package policy-qa-2025-01-01-r1, but the parent manifest declares policy-qa-2026-11-02-r2\.$/,
    ],
    [
      'a judge other than the pinned one',
      () => [diff(), manifest, evidence({ judge: { id: 'judge-large', version: '2026-05-01' } }), policyAt(0)],
      /^Evidence was judged by judge-large@2026-05-01, but manifests\/policy-qa\.yaml pins judge-large@2026-03-01: a different judge resets the metric\.$/,
    ],
  ])('fails on %s', (_name, args, reason) => {
    const result = evaluateManifest(...args());
    expect(result.verdict).toBe('fail');
    expect(result.on_failure).toBe('reject');
    expect(result.reason).toMatch(reason);
    expect(result.headline).toMatchObject({ estimate: 1, verdict: 'fail' });
  });

  it('lists every problem and counts the rest in the reason', () => {
    const result = evaluateManifest(
      diff([{ file, message: 'one' }]),
      manifest,
      evidence({ candidatePackageId: 'x', parentPackageId: 'y', judge: { id: 'other', version: '1' } }),
      policyAt(0),
    );
    expect(result.headline!.estimate).toBe(4);
    expect(result.headline!.reason!.split('\n')).toHaveLength(4);
    expect(result.reason).toBe('manifests/policy-qa.yaml: one (and 3 more problems).');
  });

  it('ignores a judge mismatch when the policy does not require a match', () => {
    const result = evaluateManifest(
      diff(),
      manifest,
      evidence({ judge: { id: 'other', version: '1' } }),
      policyAt(0, { gates: { manifest: { require_judge_match: false } } }),
    );
    expect(result.verdict).toBe('pass');
  });

  it('checks only the manifest without evidence, and does not claim a binding', () => {
    const result = evaluateManifest(diff(), manifest, undefined, policyAt(0));
    expect(result.verdict).toBe('pass');
    expect(result.reason).toBe('Every artifact matches its recorded digest (prompt_patch); no evidence was given.');
  });

  const bound = { status: 'bound', by: ['prompt'], reason: 'The prompt of p.json is p’s prompt system.' } as const;
  it('says the evidence is bound only when both sides are, and how', () => {
    const result = evaluateManifest(
      diff(),
      manifest,
      evidence({ binding: { parent: bound, candidate: { ...bound, by: ['package_id', 'manifest_sha256'] } } }),
      policyAt(0),
    );
    expect(result.reason).toBe(
      'Every artifact matches its recorded digest (prompt_patch) and the evidence is bound to these packages: parent by prompt, candidate by package_id and manifest_sha256.',
    );
  });

  it('passes an unbound side without calling it bound (the decision then needs an owner)', () => {
    const unbound = { status: 'unbound', by: [], reason: 'The prompt of c.json is none of the prompt files.' } as const;
    const result = evaluateManifest(
      diff(),
      manifest,
      evidence({ binding: { parent: bound, candidate: unbound } }),
      policyAt(0),
    );
    expect(result.verdict).toBe('pass');
    expect(result.reason).toBe(
      'Every artifact matches its recorded digest (prompt_patch), but the candidate evidence cannot be tied to its package, so an owner must approve.',
    );
  });

  it('fails a side bound to the other package, naming which side matches which', () => {
    const swapped = {
      status: 'mismatched',
      by: [],
      reason: 'The candidate evidence c.json was made with the parent’s prompt system.',
    } as const;
    const result = evaluateManifest(
      diff(),
      manifest,
      evidence({ binding: { parent: swapped, candidate: bound }, candidatePackageId: 'ignored-when-binding-is-known' }),
      policyAt(0),
    );
    expect(result.verdict).toBe('fail');
    expect(result.reason).toBe(
      'Parent evidence is not bound to its package: The candidate evidence c.json was made with the parent’s prompt system.',
    );
  });
});
