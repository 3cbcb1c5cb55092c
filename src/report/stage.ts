/**
 * Reports of the stages after the offline gate (shadow replay, canary against holdout, rollback).
 * Same family as the offline Report: the same `schema`, tool, subject (files bound by digest and the
 * commit), decision and signature, signed into the same DSSE envelope and recorded as the same kind
 * of git note, plus `stage`, the digest of the previous stage's statement (the chain of the trail)
 * and the stage's own findings. `packages` stays empty, so readers of offline package results pass
 * over stage records; manifests/schema/stage-report.schema.json describes the document.
 */
import { sha256Hex } from '../digest.ts';
import { EXIT, STAGE_OUTCOMES } from '../outcome.ts';
import type { StageOutcome } from '../outcome.ts';
import type { CanaryAnalysis } from '../delivery/canary-model.ts';
import type { RollbackResult } from '../delivery/rollback.ts';
import type { ShadowAnalysis } from '../delivery/shadow.ts';
import type { ProblemSummary } from '../telemetry/problems.ts';
import type { CompletenessCounts } from '../telemetry/aggregate.ts';
import { AT_COMMIT } from './attest.ts';
import { loadPrivateKey } from './keys.ts';
import type { Report, SubjectFile } from './model.ts';
import { signStatement } from './sign.ts';
import type { Envelope } from './sign.ts';
import { buildStatement, canonicalJson } from './statement.ts';
import type { Statement, Subject } from './statement.ts';

/** The harness stages (paper 4.3): offline gate, shadow replay, canary against holdout, and rollback. */
export type Stage = 'offline' | 'shadow' | 'canary' | 'rollback';

/** The stages that write a StageReport (the offline gate writes a Report). */
export type LaterStage = Exclude<Stage, 'offline'>;

/** Every stage outcome. */

/** The link to the stage before: its stage and the sha256 of its statement (the DSSE payload). */
export interface PreviousStage {
  readonly stage: Stage;
  readonly statement_sha256: string;
  /** The commit whose note holds it, when it was read from notes. */
  readonly commit?: string;
}

/** What the telemetry behind a stage looked like. */
export interface TelemetryDigest {
  readonly engine: 'stream' | 'duckdb' | 'clickhouse';
  readonly window_ms: number;
  readonly events_read: number;
  readonly invalid_events: number;
  /** Problems per field, most frequent first (the located list is printed, not stored). */
  readonly problems: ProblemSummary['by_field'];
  readonly completeness: readonly CompletenessCounts[];
  readonly unattributed: number;
}

/** A report of a stage after the offline gate. */
export interface StageReport {
  readonly schema: 'kaizen-gate/report/v1';
  readonly stage: LaterStage;
  readonly tool: Report['tool'];
  readonly previous: PreviousStage | null;
  readonly application: string;
  readonly package_id: string;
  readonly parent_package_id?: string;
  readonly inputs: {
    readonly telemetry: readonly { readonly path: string; readonly format: string }[];
    /** The instant the stage looked (end of the data), ISO 8601. */
    readonly look?: string;
    readonly policy: Readonly<Record<string, unknown>>;
  };
  readonly subject: Report['subject'];
  readonly decision: { readonly outcome: StageOutcome; readonly summary: string; readonly reasons: readonly string[] };
  /** Always empty: stage findings are under `shadow`, `canary` or `rollback`. */
  readonly packages: readonly never[];
  readonly unreferenced_changes: readonly never[];
  readonly telemetry?: TelemetryDigest;
  readonly shadow?: ShadowAnalysis;
  readonly canary?: CanaryAnalysis;
  readonly rollback?: RollbackResult;
  readonly signature: Report['signature'];
}

/** The check-run conclusion and exit status of a stage report (a promotion awaiting approval: action_required, 3). */
export function stageConclusion(report: Pick<StageReport, 'decision' | 'canary'>): {
  conclusion: 'success' | 'failure' | 'neutral' | 'action_required';
  exit: number;
} {
  if (report.decision.outcome === 'promote' && report.canary?.requires_approval === true)
    return { conclusion: 'action_required', exit: EXIT.needsApproval };
  const row = STAGE_OUTCOMES[report.decision.outcome];
  return { conclusion: row.conclusion, exit: row.exit };
}

/** The Kaizen-log status of a stage record: `promoted 20 %`, `rolled back`, `shadow passed`, … */
export function stageStatusOf(report: Pick<StageReport, 'decision' | 'canary' | 'stage'>): string {
  if (report.decision.outcome === 'promote' && report.canary) {
    const target = report.canary.step.next === undefined ? 'full rollout' : `${report.canary.step.next} %`;
    return report.canary.requires_approval ? `promotion to ${target} awaits approval` : `promoted ${target}`;
  }
  return STAGE_OUTCOMES[report.decision.outcome].log;
}

/** The in-toto subjects of a stage report: manifests (`path@commit` when not at the report's commit), telemetry, the commit. */
export function stageSubjects(report: StageReport): Subject[] {
  const subjects: Subject[] = [];
  const commit = report.subject.commit;
  for (const m of report.subject.manifests) {
    subjects.push({
      name: m.commit !== null && m.commit !== commit ? `${m.path}${AT_COMMIT}${m.commit}` : m.path,
      digest: { sha256: m.sha256 },
    });
  }
  for (const f of [...report.subject.artifacts, ...report.subject.evidence] as SubjectFile[])
    subjects.push({ name: f.path, digest: { sha256: f.sha256 } });
  if (commit) subjects.push({ name: 'git+commit', digest: { gitCommit: commit } });
  return subjects;
}

/** A signed (or explicitly unsigned) stage report, its statement, and the statement's digest. */
export interface AttestedStageReport {
  readonly report: StageReport;
  readonly statement: Statement<StageReport>;
  readonly envelope?: Envelope;
  /** sha256 hex of the canonical statement: what the next stage's `previous` names. */
  readonly statement_sha256: string;
}

/** Signs a stage report like the offline report: DSSE over an in-toto Statement; unsigned says why. */
export function attestStageReport(
  report: StageReport,
  privateKeyPem: string | undefined,
  unsignedReason: string,
): AttestedStageReport {
  const marked: StageReport =
    privateKeyPem === undefined
      ? { ...report, signature: { status: 'unsigned', reason: unsignedReason } }
      : { ...report, signature: { status: 'signed', keyid: loadPrivateKey(privateKeyPem, 'signing-key').keyid } };
  const statement = buildStatement(stageSubjects(marked), marked);
  const statement_sha256 = sha256Hex(canonicalJson(statement));
  if (privateKeyPem === undefined) return { report: marked, statement, statement_sha256 };
  return {
    report: marked,
    statement,
    envelope: signStatement(statement, privateKeyPem, 'signing-key'),
    statement_sha256,
  };
}

/** The note line for a stage report: the envelope, or `{"unsigned":true,"report":…}` as for offline reports. */
export function stageNoteLine(attested: AttestedStageReport): string {
  return attested.envelope
    ? JSON.stringify(attested.envelope)
    : JSON.stringify({ unsigned: true, report: attested.report });
}

/** The sha256 hex of a statement given as the payload of an envelope (base64) or as a parsed value. */
export function statementDigestOfEnvelope(envelope: { readonly payload: string }): string {
  return sha256Hex(Buffer.from(envelope.payload, 'base64'));
}

/** Reads an untrusted predicate as a stage report, or says why it is not one. */
export function readStageReport(value: unknown): StageReport | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const v = value as Record<string, unknown>;
  if (v['schema'] !== 'kaizen-gate/report/v1') return 'not a kaizen-gate report';
  if (v['stage'] !== 'shadow' && v['stage'] !== 'canary' && v['stage'] !== 'rollback')
    return 'not a stage report (no shadow, canary or rollback stage)';
  const decision = v['decision'];
  if (
    typeof decision !== 'object' ||
    decision === null ||
    typeof (decision as Record<string, unknown>)['outcome'] !== 'string' ||
    !(((decision as Record<string, unknown>)['outcome'] as string) in STAGE_OUTCOMES)
  )
    return 'a stage report without a known decision';
  if (typeof v['package_id'] !== 'string' || typeof v['application'] !== 'string')
    return 'a stage report without its package';
  return value as StageReport;
}
