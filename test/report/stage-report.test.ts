import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyRecord } from '../../src/audit/verify-record.ts';
import { canonicalJson } from '../../src/report/statement.ts';
import { renderStageMarkdown, renderStageText } from '../../src/report/stage-render.ts';
import {
  attestStageReport,
  readStageReport,
  stageConclusion,
  stageNoteLine,
  stageStatusOf,
  statementDigestOfEnvelope,
} from '../../src/report/stage.ts';
import type { StageReport } from '../../src/report/stage.ts';
import { fixtureKey } from '../support/audit-repo.ts';

const schema = JSON.parse(
  readFileSync(new URL('../../manifests/schema/stage-report.schema.json', import.meta.url), 'utf8'),
) as object;

const REPORT: StageReport = {
  schema: 'kaizen-gate/report/v1',
  stage: 'rollback',
  tool: { name: 'kaizen-gate', version: '0.1.0' },
  previous: { stage: 'canary', statement_sha256: 'a'.repeat(64) },
  application: 'policy-qa',
  package_id: 'qa-r2',
  parent_package_id: 'qa-r3<script>',
  inputs: { telemetry: [], policy: {} },
  subject: {
    commit: 'c'.repeat(40),
    manifests: [
      { path: 'manifests/policy-qa.yaml', sha256: 'b'.repeat(64), role: 'candidate', commit: 'd'.repeat(40) },
    ],
    evidence: [],
    artifacts: [],
  },
  decision: {
    outcome: 'rolled_back',
    summary: 'Rolled back policy-qa from qa-r3 to qa-r2.',
    reasons: ['skipped qa-r3: its signed record says reject'],
  },
  packages: [],
  unreferenced_changes: [],
  rollback: {
    application: 'policy-qa',
    pointer_path: 'deploy/policy-qa.yaml',
    from: { package_id: 'qa-r3', commit: 'e'.repeat(40) },
    to: {
      package_id: 'qa-r2',
      commit: 'd'.repeat(40),
      manifest: 'manifests/policy-qa.yaml',
      manifest_sha256: `sha256:${'b'.repeat(64)}`,
    },
    dry_run: false,
    rehearsal: [{ check: "valid under today's schema", ok: true, detail: 'ok' }],
    pointer_diff: ['- package_id: "qa-r3"', '+ package_id: "qa-r2"'],
    skipped: [],
    commit: 'c'.repeat(40),
  },
  signature: { status: 'unsigned' },
};

describe('stage reports', () => {
  it('has a schema that describes every property', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.properties && typeof record.properties === 'object') {
        for (const [key, child] of Object.entries(record.properties as Record<string, Record<string, unknown>>))
          if (typeof child.description !== 'string') missing.push(`${path}.${key}`);
      }
      for (const [key, child] of Object.entries(record)) walk(child, `${path}/${key}`);
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  it('is signed like the offline report, chains by statement digest, and verifies as a record that offline readers pass over', () => {
    const attested = attestStageReport(REPORT, fixtureKey('ed25519.key.pem'), '');
    expect(attested.report.signature.status).toBe('signed');
    expect(attested.statement_sha256).toBe(statementDigestOfEnvelope(attested.envelope!));
    expect(attested.statement.subject.map((s) => s.name)).toEqual([
      'git+commit',
      `manifests/policy-qa.yaml@${'d'.repeat(40)}`,
    ]);
    // Subject digests are fake here, so verification stops at them — after the signature checked out.
    const result = verifyRecord(stageNoteLine(attested), {
      trusted: [{ publicKeyPem: fixtureKey('ed25519.pub.pem'), source: 'k', revoked: false }],
      commit: 'c'.repeat(40),
      digestAt: () => 'b'.repeat(64),
    });
    expect(result.kind).toBe('verified');
    expect(result.kind === 'verified' ? result.report.packages : undefined).toEqual([]);
    const unsigned = attestStageReport(REPORT, undefined, 'no key');
    expect(unsigned.report.signature).toEqual({ status: 'unsigned', reason: 'no key' });
    expect(unsigned.statement_sha256).toBe(
      createHash('sha256').update(canonicalJson(unsigned.statement)).digest('hex'),
    );
  });

  it('maps outcomes to log statuses, check-run conclusions and exit codes', () => {
    expect(stageStatusOf(REPORT)).toBe('rolled back');
    expect(stageConclusion(REPORT)).toEqual({ conclusion: 'success', exit: 0 });
    const promote = {
      ...REPORT,
      stage: 'canary' as const,
      decision: { ...REPORT.decision, outcome: 'promote' as const },
      canary: { step: { current: 5, next: 20 }, requires_approval: false } as unknown as NonNullable<
        StageReport['canary']
      >,
    };
    expect(stageStatusOf(promote)).toBe('promoted 20 %');
    const awaiting = { ...promote, canary: { ...promote.canary!, requires_approval: true } };
    expect(stageConclusion(awaiting)).toEqual({ conclusion: 'action_required', exit: 3 });
    expect(readStageReport({ ...REPORT, stage: 'offline' })).toBe(
      'not a stage report (no shadow, canary or rollback stage)',
    );
  });

  it('renders Markdown and text with user text escaped', () => {
    const md = renderStageMarkdown(REPORT);
    expect(md).toContain('## ⏪ Rollback: rolled back');
    expect(md).toContain('qa-r3&lt;script&gt;');
    expect(md).toContain('```diff\n-package_id: "qa-r3"\n+package_id: "qa-r2"\n```');
    const text = renderStageText({ ...REPORT, decision: { ...REPORT.decision, summary: 'bad\u001b[31m text' } });
    expect(text).not.toContain('\u001b');
    expect(text.split('\n')[0]).toBe('Rollback: rolled back — policy-qa qa-r2');
  });
});
