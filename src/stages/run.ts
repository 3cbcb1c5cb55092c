/**
 * The stages composed end to end, for the CLI and the Action alike: read the manifest and the
 * telemetry, aggregate, analyse, link to the previous stage's statement, sign, and (optionally)
 * record the report as a git note. Time, keys and paths come in as values; nothing here parses
 * argv or talks to GitHub.
 */
import { createHash } from 'node:crypto';
import { sha256Hex } from '../digest.ts';
import { createReadStream } from 'node:fs';
import { GitError, readerAtCommit, resolveCommit } from '../git/git.ts';
import { claimOf } from '../audit/looks.ts';
import { readNotes, recordNote } from '../git/notes.ts';
import { readReleaseHistory } from '../git/pointer.ts';
import { loadManifest } from '../manifest/manifest.ts';
import type { Manifest } from '../manifest/model.ts';
import { InputError } from '../problem.ts';
import { attestStageReport, readStageReport, stageNoteLine } from '../report/stage.ts';
import type { AttestedStageReport, PreviousStage, StageReport, TelemetryDigest } from '../report/stage.ts';
import type { TrustedKey } from '../report/verify-envelope.ts';
import { TelemetryAggregator } from '../telemetry/aggregate.ts';
import type { AggregateTable } from '../telemetry/aggregate.ts';
import { aggregateWithDuckDb } from '../telemetry/duckdb.ts';
import { readTelemetryFiles } from '../telemetry/read.ts';
import type { TelemetryFile } from '../telemetry/read.ts';
import type { ProblemSummary } from '../telemetry/problems.ts';
import { VERSION } from '../version.ts';
import { analyseCanary } from '../delivery/canary.ts';
import type { CanaryContext } from '../delivery/canary-model.ts';
import type { CanaryPolicy } from '../delivery/canary-policy.ts';
import { analyseShadow, DEFAULT_SHADOW_POLICY } from '../delivery/shadow.ts';
import type { ShadowPolicy } from '../delivery/shadow.ts';
import { ShadowPairing } from '../delivery/shadow-pairs.ts';

/** The candidate package a stage is about, read at a commit. */
export interface StagePackage {
  readonly repo: string;
  readonly commit: string;
  readonly manifestPath: string;
  readonly manifest: Manifest;
  readonly sha256: string;
}

/**
 * Loads the candidate manifest at `ref` (a commit: stages are about released packages).
 *
 * @throws InputError when the manifest is missing or invalid.
 */
export function loadStagePackage(repo: string, ref: string, manifestPath: string): StagePackage {
  const commit = resolveCommit(repo, ref, '--commit');
  const read = readerAtCommit(repo, commit)(manifestPath);
  if (read.kind !== 'file')
    throw new InputError([{ file: manifestPath, message: `is not in commit ${commit.slice(0, 12)}` }]);
  const loaded = loadManifest(read.bytes, manifestPath);
  if (!loaded.manifest) throw new InputError(loaded.problems);
  return { repo, commit, manifestPath, manifest: loaded.manifest, sha256: sha256Hex(read.bytes) };
}

/** The telemetry, aggregated, with its problems. */
export interface ReadTelemetry {
  readonly table: AggregateTable;
  readonly problems: ProblemSummary;
  readonly engine: 'stream' | 'duckdb';
  readonly digests: readonly { readonly path: string; readonly sha256: string }[];
}

/** sha256 of a file, streamed in chunks (telemetry files can be gigabytes). */
async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reads and aggregates telemetry with the streaming reader (default), or with DuckDB. Problems are
 * always found by the streaming reader's validation: DuckDB aggregates but does not locate bad lines.
 */
export async function readAndAggregate(
  files: readonly TelemetryFile[],
  options: {
    windowMs: number;
    application?: string;
    untilMs?: number;
    engine?: 'stream' | 'duckdb';
    extra?: (event: Parameters<ShadowPairing['add']>[0]) => void;
  },
): Promise<ReadTelemetry> {
  const aggregator = new TelemetryAggregator({
    windowMs: options.windowMs,
    ...(options.application !== undefined ? { application: options.application } : {}),
    ...(options.untilMs !== undefined ? { untilMs: options.untilMs } : {}),
  });
  const extra = options.extra;
  const digests = await Promise.all(files.map(async (f) => ({ path: f.label, sha256: await fileDigest(f.path) })));
  if (options.engine === 'duckdb' && extra === undefined) {
    const table = await aggregateWithDuckDb(
      files.map((f) => f.path),
      {
        windowMs: options.windowMs,
        ...(options.application !== undefined ? { application: options.application } : {}),
        ...(options.untilMs !== undefined ? { untilMs: options.untilMs } : {}),
      },
    );
    // DuckDB reads typed columns and does not validate: it has no located problems to report.
    const events = table.completeness.reduce((n, c) => n + c.events, 0);
    return {
      table,
      problems: { events_read: events, invalid_events: 0, problems: 0, by_field: [], located: [], truncated: false },
      engine: 'duckdb',
      digests,
    };
  }
  const problems = await readTelemetryFiles(files, (event) => {
    aggregator.add(event);
    extra?.(event);
  });
  return { table: aggregator.table(), problems, engine: 'stream', digests };
}

/** The statement digest of the latest record on `commit` for `packageId` (a stage record, else the offline one). */
export function previousStageOn(repo: string, commit: string, packageId: string): PreviousStage | null {
  let found: PreviousStage | null = null;
  for (const line of readNotes(repo, commit)) {
    const claim = claimOf(line);
    if (claim === undefined) continue;
    const stage = readStageReport(claim.predicate);
    const mine = typeof stage !== 'string' ? stage.package_id === packageId : isOfflineFor(claim.predicate, packageId);
    if (!mine) continue;
    found = {
      stage: typeof stage !== 'string' ? stage.stage : 'offline',
      statement_sha256: claim.statement_sha256,
      commit,
    };
  }
  return found;
}

function isOfflineFor(predicate: unknown, packageId: string): boolean {
  const packages = (predicate as { packages?: unknown }).packages;
  return Array.isArray(packages) && packages.some((p) => (p as { package_id?: unknown }).package_id === packageId);
}

function telemetryDigest(read: ReadTelemetry): TelemetryDigest {
  return {
    engine: read.engine,
    window_ms: read.table.window_ms,
    events_read: read.problems.events_read,
    invalid_events: read.problems.invalid_events,
    problems: read.problems.by_field,
    completeness: read.table.completeness,
    unattributed: read.table.unattributed,
  };
}

function baseReport(
  pkg: StagePackage,
  stage: StageReport['stage'],
  read: ReadTelemetry | undefined,
  previous: PreviousStage | null,
  policy: Record<string, unknown>,
  look?: number,
): Omit<StageReport, 'decision'> {
  return {
    schema: 'kaizen-gate/report/v1',
    stage,
    tool: { name: 'kaizen-gate', version: VERSION },
    previous,
    application: pkg.manifest.application,
    package_id: pkg.manifest.package_id,
    ...(pkg.manifest.parent_package_id !== undefined ? { parent_package_id: pkg.manifest.parent_package_id } : {}),
    inputs: {
      telemetry: (read?.digests ?? []).map((d) => ({ path: d.path, format: 'telemetry' })),
      ...(look !== undefined ? { look: new Date(look).toISOString() } : {}),
      policy,
    },
    subject: {
      commit: pkg.commit,
      manifests: [{ path: pkg.manifestPath, sha256: pkg.sha256, role: 'candidate', commit: pkg.commit }],
      evidence: [...(read?.digests ?? [])],
      artifacts: [],
    },
    packages: [],
    unreferenced_changes: [],
    ...(read ? { telemetry: telemetryDigest(read) } : {}),
    signature: { status: 'unsigned' },
  };
}

/** Options of {@link runCanaryStage}. */
export interface CanaryRunOptions {
  readonly pkg: StagePackage;
  readonly files: readonly TelemetryFile[];
  readonly windowMs: number;
  readonly lookMs: number;
  readonly canaryCohort: string;
  readonly holdoutCohort: string;
  readonly policy: CanaryPolicy;
  readonly trusted: readonly TrustedKey[];
  readonly engine?: 'stream' | 'duckdb';
  readonly currentStep?: number;
  readonly shares?: readonly [number, number];
  readonly signingKey?: string;
  readonly unsignedReason?: string;
}

/**
 * The canary stage: what the Action's `mode: canary` calls. Returns the attested report; its
 * `decision.outcome` is promote, continue or rollback and `canary` holds the metrics.
 *
 * @throws InputError when the manifest has no parent to compare with.
 */
export async function runCanaryStage(options: CanaryRunOptions): Promise<AttestedStageReport> {
  const { pkg } = options;
  const parent = pkg.manifest.parent_package_id;
  if (parent === undefined)
    throw new InputError([
      {
        file: pkg.manifestPath,
        field: 'parent_package_id',
        message: 'a canary is compared with the package it replaces; the manifest names none',
      },
    ]);
  const read = await readAndAggregate(options.files, {
    windowMs: options.windowMs,
    application: pkg.manifest.application,
    untilMs: options.lookMs,
    ...(options.engine ? { engine: options.engine } : {}),
  });
  const history =
    options.trusted.length > 0
      ? readReleaseHistory(pkg.repo, pkg.manifest.application, options.trusted)
      : { releases: [], stageRecords: [] };
  const shadowPassed = history.stageRecords.some(
    (r) =>
      r.report.stage === 'shadow' &&
      r.report.package_id === pkg.manifest.package_id &&
      r.report.decision.outcome === 'pass',
  );
  const context: CanaryContext = {
    application: pkg.manifest.application,
    candidate: pkg.manifest.package_id,
    parent,
    canaryCohort: options.canaryCohort,
    holdoutCohort: options.holdoutCohort,
    sideEffectLevel: pkg.manifest.side_effect_level,
    owners: pkg.manifest.owners,
    rollbackMetric: pkg.manifest.delivery.rollback_metric,
    ...(options.currentStep !== undefined ? { currentStep: options.currentStep } : {}),
    ...(options.shares !== undefined ? { shares: options.shares } : {}),
    expect: { retrieval: pkg.manifest.retrieval !== undefined, tools: (pkg.manifest.tools ?? []).length > 0 },
    shadowPassed,
    lookMs: options.lookMs,
    invalidShare: read.problems.events_read === 0 ? 0 : read.problems.invalid_events / read.problems.events_read,
  };
  const canary = analyseCanary(read.table, context, options.policy);
  const report: StageReport = {
    ...baseReport(
      pkg,
      'canary',
      read,
      previousStageOn(pkg.repo, pkg.commit, pkg.manifest.package_id),
      { ...options.policy, canary_cohort: options.canaryCohort, holdout_cohort: options.holdoutCohort },
      options.lookMs,
    ),
    decision: { outcome: canary.outcome, summary: canary.summary, reasons: canary.reasons },
    canary,
  };
  return attestStageReport(report, options.signingKey, options.unsignedReason ?? 'no signing key given');
}

/** Options of {@link runShadowStage}. */
export interface ShadowRunOptions {
  readonly pkg: StagePackage;
  readonly files: readonly TelemetryFile[];
  readonly shadowCohort?: string;
  readonly policy?: ShadowPolicy;
  readonly signingKey?: string;
  readonly unsignedReason?: string;
}

/** The shadow stage: pairs the candidate's shadow answers with the parent's and analyses them. */
export async function runShadowStage(options: ShadowRunOptions): Promise<AttestedStageReport> {
  const { pkg } = options;
  const parent = pkg.manifest.parent_package_id;
  if (parent === undefined)
    throw new InputError([
      {
        file: pkg.manifestPath,
        field: 'parent_package_id',
        message: 'shadow replay compares with the package the candidate replaces; the manifest names none',
      },
    ]);
  const pairing = new ShadowPairing(pkg.manifest.package_id, parent, options.shadowCohort ?? 'shadow');
  const read = await readAndAggregate(options.files, {
    windowMs: 86_400_000,
    application: pkg.manifest.application,
    extra: (e) => pairing.add(e),
  });
  const policy = options.policy ?? DEFAULT_SHADOW_POLICY;
  const shadow = analyseShadow(pairing.pairs(), policy);
  const report: StageReport = {
    ...baseReport(pkg, 'shadow', read, previousStageOn(pkg.repo, pkg.commit, pkg.manifest.package_id), { ...policy }),
    decision: { outcome: shadow.outcome, summary: shadow.summary, reasons: shadow.reasons },
    shadow,
  };
  return attestStageReport(report, options.signingKey, options.unsignedReason ?? 'no signing key given');
}

/**
 * Records a stage report as a line of the note on the commit it concerns.
 *
 * @throws GitError when git fails.
 */
export function recordStageReport(repo: string, commit: string, attested: AttestedStageReport, push: boolean): string {
  try {
    return recordNote({ repo, commit, note: stageNoteLine(attested), push }).message;
  } catch (error: unknown) {
    if (error instanceof GitError) throw error;
    throw new GitError(
      `Could not record the ${attested.report.stage} report: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Parses `1h`, `30m`, `1d`, `3600s` into milliseconds. @throws InputError for anything else. */
export function parseWindow(text: string, flag = '--window'): number {
  const match = /^(\d+)\s*(s|m|h|d)$/.exec(text.trim());
  const value = match
    ? Number(match[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd']
    : Number.NaN;
  if (!(value > 0))
    throw new InputError([{ file: flag, message: `expected a duration such as 1h, 30m or 1d, got "${text}"` }]);
  return value;
}
