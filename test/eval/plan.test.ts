// The pure parts of the eval: the evaluation fingerprint (what changes it and what does not), the
// choice between reusing stored parent evidence and running the parent, durations in messages.
import { describe, expect, it } from 'vitest';
import { evaluationFingerprint } from '../../src/eval/fingerprint.ts';
import type { FingerprintInput } from '../../src/eval/fingerprint.ts';
import { chooseParentSource, formatDuration } from '../../src/eval/plan.ts';
import type { EvalTarget } from '../../src/eval/plan.ts';
import { storedMetadataOf } from '../../src/eval/stored.ts';
import type { Manifest } from '../../src/manifest/model.ts';
import { parseDuration } from '../../src/options.ts';

const digest = (c: string): string => `sha256:${c.repeat(64)}`;
const MANIFEST: Manifest = {
  apiVersion: 'kaizen-gate/v1',
  kind: 'Package',
  package_id: 'qa-r1',
  application: 'qa',
  side_effect_level: 0,
  owners: ['@acme'],
  change: { type: 'initial', summary: 's', problem: 'p', owner: '@ana' },
  model: { provider: 'openai', endpoint: 'gpt-4.1-mini', version: '2025-04-14' },
  prompts: [{ id: 'system', path: 'prompts/system.txt', sha256: digest('1') }],
  evaluation: {
    suites: [{ id: 'golden_v1', suite: 'golden', path: 'tests.yaml', sha256: digest('2') }],
    judge: { model: 'judge-large', version: '2026-03-01', rubric: { path: 'rubric.md', sha256: digest('3') } },
  },
  delivery: { rollback_metric: 'negative_feedback_rate' },
};
const INPUT: FingerprintInput = {
  manifest: MANIFEST,
  manifestDigest: digest('a'),
  artifacts: [
    { key: 'prompt:system', actual: digest('1') },
    { key: 'suite:golden_v1', actual: digest('2') },
    { key: 'judge:rubric', actual: digest('3') },
  ],
  command: 'npx promptfoo eval -o "$KAIZEN_GATE_OUTPUT"',
  outputName: 'evidence.json',
};
const BASE = evaluationFingerprint(INPUT);
const withArtifact = (key: string, actual: string | undefined): FingerprintInput => ({
  ...INPUT,
  artifacts: INPUT.artifacts.map((a) => (a.key === key ? { key, actual } : a)),
});

describe('evaluationFingerprint', () => {
  it('is a sha256 digest, the same for the same inputs in any artifact order', () => {
    expect(BASE).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(evaluationFingerprint({ ...INPUT, artifacts: INPUT.artifacts.toReversed() })).toBe(BASE);
  });

  it.each<[string, FingerprintInput]>([
    ['a suite file', withArtifact('suite:golden_v1', digest('4'))],
    ['the rubric', withArtifact('judge:rubric', digest('5'))],
    ['a prompt file', withArtifact('prompt:system', digest('6'))],
    [
      'the judge model',
      {
        ...INPUT,
        manifest: {
          ...MANIFEST,
          evaluation: { ...MANIFEST.evaluation, judge: { ...MANIFEST.evaluation.judge, model: 'judge-small' } },
        },
      },
    ],
    [
      'the judge version',
      {
        ...INPUT,
        manifest: {
          ...MANIFEST,
          evaluation: { ...MANIFEST.evaluation, judge: { ...MANIFEST.evaluation.judge, version: '2026-04-01' } },
        },
      },
    ],
    [
      'the model parameters (behaviour fingerprint)',
      { ...INPUT, manifest: { ...MANIFEST, model: { ...MANIFEST.model, params: { temperature: 0.2 } } } },
    ],
    ['the manifest file (package_id, …)', { ...INPUT, manifestDigest: digest('b') }],
    ['the eval command', { ...INPUT, command: 'npx promptfoo eval --repeat 3 -o "$KAIZEN_GATE_OUTPUT"' }],
    ['the output name', { ...INPUT, outputName: 'evidence.jsonl' }],
  ])('changes when %s changes', (_what, input) => {
    expect(evaluationFingerprint(input)).not.toBe(BASE);
  });

  it('is undefined when a referenced file cannot be read: nothing can be matched with it', () => {
    expect(evaluationFingerprint(withArtifact('suite:golden_v1', undefined))).toBeUndefined();
  });
});

describe('chooseParentSource', () => {
  const target: EvalTarget = {
    forPackage: 'qa-r2',
    side: 'parent',
    packageId: 'qa-r1',
    manifest: 'm.yaml',
    commit: 'c'.repeat(40),
    fingerprint: BASE,
    output: 'qa-r2/parent.json',
    log: 'qa-r2/parent.log',
  };
  const producedAt = '2026-03-01T00:00:00.000Z';
  const stored = {
    metadata: storedMetadataOf(
      {
        fingerprint: BASE!,
        package_id: 'qa-r1',
        manifest: 'm.yaml',
        commit: 'd'.repeat(40),
        produced_at: producedAt,
        command: 'x',
      },
      'evidence.json',
      new Uint8Array([123, 125]),
    ),
    bytes: new Uint8Array([123, 125]),
  };
  const found = { kind: 'found', ref: 'refs/kaizen-gate/evidence/x', commit: 'e'.repeat(40), stored } as const;
  const week = 7 * 86_400_000;

  it.each([
    ['fresh stored evidence is reused', found, week, '2026-03-07T23:59:59.000Z', 'reuse', undefined],
    [
      'exactly max-parent-age old is run',
      found,
      week,
      '2026-03-08T00:00:00.000Z',
      'run',
      'the stored evidence was produced 2026-03-01T00:00:00.000Z, 7d ago, more than max-parent-age 7d',
    ],
    [
      'nothing stored is run',
      { kind: 'none' } as const,
      week,
      '2026-03-02T00:00:00.000Z',
      'run',
      'no evidence is stored for its evaluation fingerprint',
    ],
    [
      'a failed fetch is said',
      { kind: 'none', note: 'fetching it from origin failed: denied' } as const,
      week,
      '2026-03-02T00:00:00.000Z',
      'run',
      'no evidence is stored for its evaluation fingerprint (fetching it from origin failed: denied)',
    ],
    [
      'max-parent-age 0 is run',
      found,
      0,
      '2026-03-01T00:00:01.000Z',
      'run',
      'reuse of stored parent evidence is off (max-parent-age 0)',
    ],
  ] as const)('%s', (_what, lookup, maxAge, now, kind, reason) => {
    const source = chooseParentSource(target, lookup, maxAge, new Date(now));
    expect(source.kind).toBe(kind);
    if (source.kind === 'run') expect(source.reason).toBe(reason);
  });

  it('runs a parent without a fingerprint', () => {
    expect(
      chooseParentSource({ ...target, fingerprint: undefined }, found, week, new Date('2026-03-02T00:00:00Z')),
    ).toEqual({ kind: 'run', reason: expect.stringContaining('has no evaluation fingerprint') });
  });
});

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['7d', 604_800_000],
  ])('parses %s and writes it back', (text, ms) => {
    expect(parseDuration(text, '`x`')).toEqual({ value: ms });
    expect(formatDuration(ms)).toBe(text);
  });

  it('refuses what is not a duration, and 0 unless allowed', () => {
    expect(parseDuration('7', '`max-parent-age`')).toEqual({
      error: 'Expected `max-parent-age` to be a duration such as 90s, 30m, 12h or 7d, got "7".',
    });
    expect(parseDuration('0', '`max-parent-age`', true)).toEqual({ value: 0 });
    expect(parseDuration('0s', '`eval-timeout`')).toHaveProperty('error');
    expect(parseDuration('1w', '`eval-timeout`')).toHaveProperty('error');
    expect(formatDuration(36 * 3_600_000)).toBe('36h');
  });
});
