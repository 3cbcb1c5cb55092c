import { describe, expect, it } from 'vitest';
import { buildKaizenLog, resultOf } from '../../src/audit/log.ts';
import type { LogInput, YamlChange } from '../../src/audit/log.ts';
import type { RecordResult } from '../../src/audit/verify-record.ts';
import type { Report } from '../../src/report/model.ts';
import { approve } from '../fixtures/reports/approve.ts';
import { reject } from '../fixtures/reports/reject.ts';

const text = new TextEncoder();

/** A schema-valid manifest; `prompt` stands for the behaviour (its digest is all that differs). */
function manifest(
  packageId: string,
  prompt: string,
  extra: { parent?: string; app?: string; summary?: string } = {},
): Uint8Array {
  const digest = `sha256:${prompt.repeat(64).slice(0, 64)}`;
  return text.encode(
    [
      'apiVersion: kaizen-gate/v1',
      'kind: Package',
      `package_id: ${packageId}`,
      `application: ${extra.app ?? 'qa'}`,
      ...(extra.parent ? [`parent_package_id: ${extra.parent}`] : []),
      'side_effect_level: 0',
      'owners: ["@acme/qa"]',
      'change: { type: prompt_patch, summary: "' +
        (extra.summary ?? `release ${packageId}`) +
        '", problem: "p", owner: "@ana" }',
      'model: { provider: p, endpoint: e, version: "1" }',
      `prompts: [{ id: system, path: p.md, sha256: "${digest}" }]`,
      'evaluation:',
      `  suites: [{ id: g, suite: golden, path: g.jsonl, sha256: "sha256:${'a'.repeat(64)}" }]`,
      `  judge: { model: j, version: "1", rubric: { path: r.md, sha256: "sha256:${'b'.repeat(64)}" } }`,
      'delivery: { rollback_metric: m }',
      '',
    ].join('\n'),
  );
}

let commitCounter = 0;
/** A change with a fresh fake commit id. */
function change(
  path: string,
  date: string,
  bytes: Uint8Array | undefined,
  previous?: Uint8Array,
  extra: Partial<YamlChange> = {},
): YamlChange {
  commitCounter += 1;
  return {
    commit: commitCounter.toString(16).padStart(40, '0'),
    committedAt: date,
    path,
    ...(bytes ? { bytes } : {}),
    ...(previous ? { previous } : {}),
    ...extra,
  };
}

const noNotes: LogInput['notes'] = new Map();
const never = (): RecordResult => {
  throw new Error('no records expected');
};

describe('buildKaizenLog IDs', () => {
  const v1 = manifest('qa-1', '1');
  const v2 = manifest('qa-2', '2', { parent: 'qa-1' });
  const other = manifest('b-1', '7', { app: 'b' });
  const changes: YamlChange[] = [
    change('manifests/qa.yaml', '2025-12-31T23:30:00-02:00', v1), // 2026-01-01 in UTC
    change('ci/config.yml', '2026-01-02T00:00:00Z', text.encode('on: push\n')),
    change('elsewhere/b.yaml', '2026-01-03T00:00:00Z', other),
    change('manifests/qa.yaml', '2026-01-04T00:00:00Z', v2, v1),
  ];

  it('numbers every manifest version in the repository per UTC year, shown or not', () => {
    const entries = buildKaizenLog({ changes, notes: noNotes, verify: never });
    // Manifests anywhere in the repository are shown; a CI config is no manifest and takes no ID.
    expect(entries.map((e) => [e.id, e.date, e.package_id])).toEqual([
      ['KZ-2026-001', '2026-01-01', 'qa-1'],
      ['KZ-2026-002', '2026-01-03', 'b-1'],
      ['KZ-2026-003', '2026-01-04', 'qa-2'],
    ]);
    // Selecting a manifest shows it alone, with the repository-wide IDs.
    expect(
      buildKaizenLog({ changes, notes: noNotes, verify: never, select: ['manifests/qa.yaml'] }).map((e) => e.id),
    ).toEqual(['KZ-2026-001', 'KZ-2026-003']);
  });

  it('recognises a manifest in any YAML style, and skips other kaizen-gate kinds', () => {
    const json = text.encode(
      `# ${'x'.repeat(5000)}\n{"apiVersion": "kaizen-gate/v1", "kind": "Package", "package_id": "json-1", "application": "j"}\n`,
    );
    const policy = text.encode('apiVersion: kaizen-gate/v1\nkind: GatePolicy\ngates: {}\n');
    const entries = buildKaizenLog({
      changes: [
        change('j.yaml', '2026-03-01T00:00:00Z', json),
        change('gates/strict.yaml', '2026-03-02T00:00:00Z', policy),
      ],
      notes: noNotes,
      verify: never,
    });
    expect(entries.map((e) => [e.id, e.package_id, e.measure])).toEqual([
      ['KZ-2026-001', 'json-1', 'invalid manifest'],
    ]);
  });

  it('keeps every earlier ID when later releases are appended, and restarts the count in a new year', () => {
    const before = buildKaizenLog({ changes, notes: noNotes, verify: never });
    const more = [
      ...changes,
      change('manifests/qa.yaml', '2026-12-31T23:59:59Z', manifest('qa-3', '3'), v2),
      change('manifests/qa.yaml', '2027-01-01T00:00:00Z', manifest('qa-4', '4'), manifest('qa-3', '3')),
    ];
    const after = buildKaizenLog({ changes: more, notes: noNotes, verify: never });
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((e) => e.id)).toEqual(['KZ-2026-004', 'KZ-2027-001']);
  });

  it('follows renames, skips pure renames, and starts a new history for a path deleted and re-added', () => {
    const v1Renamed = change('manifests/new.yaml', '2026-02-01T00:00:00Z', v1, v1, {
      renamedFrom: 'manifests/qa.yaml',
    });
    const v2Renamed = change('manifests/new.yaml', '2026-02-02T00:00:00Z', v2, v1);
    const deleted = change('manifests/new.yaml', '2026-02-03T00:00:00Z', undefined, v2);
    const readded = change('manifests/new.yaml', '2026-02-04T00:00:00Z', manifest('qa-9', '9'));
    const base = [change('manifests/qa.yaml', '2026-01-01T00:00:00Z', v1)];
    const renamed = buildKaizenLog({ changes: [...base, v1Renamed, v2Renamed], notes: noNotes, verify: never });
    expect(renamed.map((e) => [e.id, e.manifest, e.measure])).toEqual([
      ['KZ-2026-001', 'manifests/qa.yaml', 'new package: release qa-1'],
      ['KZ-2026-002', 'manifests/new.yaml', 'prompt_patch: release qa-2'],
    ]);
    const again = buildKaizenLog({
      changes: [...base, v1Renamed, v2Renamed, deleted, readded],
      notes: noNotes,
      verify: never,
    });
    expect(again.map((e) => [e.id, e.package_id])).toEqual([['KZ-2026-003', 'qa-9']]);
    expect(
      buildKaizenLog({
        changes: [...base, v1Renamed, v2Renamed, deleted, readded],
        notes: noNotes,
        verify: never,
        select: ['manifests/qa.yaml'],
      }).map((e) => e.id),
    ).toEqual(['KZ-2026-001', 'KZ-2026-002']);
  });

  it('lists every selected path with no manifest history, at once', () => {
    expect(() =>
      buildKaizenLog({ changes, notes: noNotes, verify: never, select: ['a.yaml', 'ci/config.yml'] }),
    ).toThrow(/a\.yaml: no version of a kaizen-gate manifest.*\n.*ci\/config\.yml: no version/);
  });

  it('shows what a schema-invalid version says and still numbers it', () => {
    const broken = text.encode(
      'apiVersion: kaizen-gate/v1\nkind: Package\npackage_id: qa-x\nchange: { owner: "@ana", problem: "broken", summary: "oops" }\n',
    );
    const entries = buildKaizenLog({
      changes: [change('manifests/qa.yaml', '2026-01-01T00:00:00Z', broken)],
      notes: noNotes,
      verify: never,
    });
    expect(entries).toMatchObject([
      {
        id: 'KZ-2026-001',
        package_id: 'qa-x',
        owner: '@ana',
        problem: 'broken',
        measure: 'invalid manifest: oops',
        status: 'unrecorded',
      },
    ]);
  });
});

/** A report narrowed to one package with a chosen id, manifest and decision. */
function reportFor(base: Report, packageId: string, path: string): Report {
  const pkg = base.packages[0]!;
  return { ...base, packages: [{ ...pkg, package_id: packageId, manifest: path }] };
}

const verified = (report: Report, keyid = 'sha256:k'): RecordResult => ({
  kind: 'verified',
  keyid,
  keySource: 'k.pem',
  report,
  checked: 3,
  uncheckedEvidence: [],
});

describe('buildKaizenLog records and status', () => {
  const path = 'manifests/qa.yaml';
  const v1 = manifest('qa-1', '1');
  const v2 = manifest('qa-2', '2', { parent: 'qa-1' });
  const v3 = manifest('qa-3', '3', { parent: 'qa-2' });
  const v4 = manifest('qa-4', '1', { parent: 'qa-3' }); // qa-1's behaviour again
  const changes = [
    change(path, '2026-01-01T00:00:00Z', v1),
    change(path, '2026-01-02T00:00:00Z', v2, v1),
    change(path, '2026-01-03T00:00:00Z', v3, v2),
    change(path, '2026-01-04T00:00:00Z', v4, v3),
  ];
  const [c1, c2, c3] = changes.map((c) => c.commit) as [string, string, string, string];
  const results = new Map<string, RecordResult>([
    ['v1', verified(reportFor(approve, 'qa-1', path))],
    ['v2-approve', verified(reportFor(approve, 'qa-2', path))],
    ['v2-reject', verified(reportFor(reject, 'qa-2', path))],
    ['v2-unsigned', { kind: 'unsigned', report: reportFor(reject, 'qa-2', path), reason: 'fork' }],
    ['v3-forged', { kind: 'invalid', reason: 'The signature does not verify.' }],
    ['other-package', verified(reportFor(reject, 'someone-else', 'manifests/other.yaml'))],
  ]);
  const notes = new Map([
    [c1, [{ text: 'v1' }, { text: 'other-package' }]],
    [c2, [{ text: 'v2-unsigned' }, { text: 'v2-approve' }, { text: 'v2-reject' }, { text: 'v3-forged' }]],
    [c3, [{ text: 'v3-forged' }]],
  ]);
  const verify = (_commit: string, line: string): RecordResult => results.get(line)!;
  const entries = buildKaizenLog({ changes, notes, verify });

  it('derives status from the best record: verified over unsigned over invalid, the most severe decision among equals', () => {
    expect(entries.map((e) => [e.id, e.status, e.signature_status, e.decision ?? null, e.records])).toEqual([
      ['KZ-2026-001', 'approved', 'verified', 'approve', 1],
      ['KZ-2026-002', 'rolled back', 'verified', 'reject', 4],
      ['KZ-2026-003', 'rolled back', 'invalid', null, 1],
      ['KZ-2026-004', 'unrecorded', 'none', null, 0],
    ]);
    expect(entries[1]?.signature).toBe('verified with sha256:k (k.pem); and 1 INVALID record; and 1 unsigned record');
    expect(entries.map((e) => [e.invalid_records, e.unsigned_records])).toEqual([
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 0],
    ]);
    expect(entries[2]).toMatchObject({ signature: 'INVALID: The signature does not verify.', result: '—' });
  });

  it('marks the releases a rollback supersedes, naming the rollback', () => {
    // qa-4 restores qa-1's behaviour: qa-2 and qa-3 are rolled back, qa-1 is not.
    const rolled = entries.filter((e) => e.status === 'rolled back').map((e) => [e.package_id, e.rolled_back_by]);
    expect(rolled).toEqual([
      ['qa-2', 'KZ-2026-004'],
      ['qa-3', 'KZ-2026-004'],
    ]);
    expect(entries[3]?.classes).toEqual(['prompt_patch', 'rollback']);
  });
});

describe('buildKaizenLog and unsigned records', () => {
  it('never shows an unsigned record with an approval status of its own: its claim is marked, its decision not taken', () => {
    const path = 'manifests/qa.yaml';
    const changes = [change(path, '2026-05-01T00:00:00Z', manifest('qa-1', '1'))];
    const forged: RecordResult = {
      kind: 'unsigned',
      report: reportFor(approve, 'qa-1', path),
      reason: 'no signing-key input',
    };
    const [entry] = buildKaizenLog({
      changes,
      notes: new Map([[changes[0]!.commit, [{ text: 'x' }]]]),
      verify: () => forged,
    });
    expect(entry).toMatchObject({ status: 'unsigned', signature_status: 'unsigned', unsigned_records: 1 });
    expect(entry).not.toHaveProperty('decision');
    expect(entry?.result.startsWith('unsigned claim, not verified: approve;')).toBe(true);
  });
});

describe('resultOf', () => {
  it.each([
    [
      'approve',
      approve,
      'approve; quality +0.8 pp [−0.9, +2.5], safety ±0.0 pp [−1.0, +1.0], cost +4.1 % [−1.8, +10.8], latency +1.8 % [−2.7, +7.9]',
    ],
    [
      'reject',
      reject,
      'reject; quality −3.4 pp [−5.1, −1.8], safety −0.8 pp [−2.5, +0.8], cost +16.3 % [−5.9, +40.2], latency −3.8 % [−9.0, +3.0]',
    ],
  ] as const)('gives the decision and the headline deltas (%s)', (_name, report, expected) => {
    expect(resultOf(report.packages[0]!)).toBe(expected);
  });
});
