/**
 * The Kaizen log: one entry per released manifest version, read off the mainline history and the
 * reports recorded as git notes. Pure: the edge reads git and passes a verifier in.
 *
 * IDs (`KZ-YYYY-NNN`) number every version of every kaizen-gate manifest anywhere in the repository
 * (not only the ones shown), per calendar year (UTC) of the commit date, in the order the commits
 * entered the first-parent history, and within one commit by path. A later release only appends
 * to that order, so an ID never changes once given.
 */
import { formatPp, formatRatioChange } from '../gates/format.ts';
import type { GateResult } from '../gates/result.ts';
import { diffPackage } from '../manifest/diff.ts';
import type { HistoricalPackage } from '../manifest/diff.ts';
import { classifyYaml, mayBeKaizenGate } from '../manifest/discover.ts';
import { loadManifest } from '../manifest/manifest.ts';
import type { LoadedManifest } from '../manifest/manifest.ts';
import { behaviourFingerprint } from '../manifest/model.ts';
import type { Manifest } from '../manifest/model.ts';
import { OUTCOMES, statusOf as statusOfDecision } from '../outcome.ts';
import type { DecisionOutcome, DecisionStatus } from '../outcome.ts';
import type { PackageReport } from '../report/model.ts';
import { InputError } from '../problem.ts';
import type { Problem } from '../problem.ts';
import type { RecordResult } from './verify-record.ts';
import { readStageReport, stageStatusOf } from '../report/stage.ts';
import type { StageReport } from '../report/stage.ts';

/** A changed YAML file in a mainline commit (src/git/history.ts reads these), oldest first. */
export interface YamlChange {
  readonly commit: string;
  readonly committedAt: string;
  readonly path: string;
  readonly renamedFrom?: string;
  readonly bytes?: Uint8Array;
  readonly previous?: Uint8Array;
}

/**
 * An entry's status: the decision of a verified record, or what happened to the release later.
 * A record that is unsigned is `unsigned`, whatever it claims: anyone who can push notes can write one.
 */
export type LogStatus = DecisionStatus | 'rolled back' | 'unsigned' | 'unverified' | 'unrecorded' | StageStatus;

/** Where a later stage (shadow, canary, rollback) left a release: `promoted 20 %`, `canary continuing`, `rolled back`. */
export type StageStatus = ReturnType<typeof stageStatusOf>;

/** One Kaizen log entry. */
export interface LogEntry {
  readonly id: string;
  /** Commit date, UTC, YYYY-MM-DD. */
  readonly date: string;
  readonly owner: string;
  readonly problem: string;
  readonly measure: string;
  /** The verified decision and headline deltas; an unsigned record's claim is marked as such. */
  readonly result: string;
  readonly status: LogStatus;
  readonly package_id: string;
  readonly application: string;
  readonly manifest: string;
  readonly commit: string;
  /** `verified with <keyid> (<key file>)`, `unsigned`, `INVALID: <reason>` or `none`. */
  readonly signature: string;
  readonly signature_status: 'verified' | 'unsigned' | 'invalid' | 'none';
  readonly classes: readonly string[];
  /** The decision of a verified record (never of an unsigned one). */
  readonly decision?: DecisionOutcome;
  /** The entry whose rollback superseded this one. */
  readonly rolled_back_by?: string;
  /** The latest signed stage record about this release (shadow, canary or rollback), when there is one. */
  readonly stage?: { readonly stage: string; readonly outcome: string; readonly status: string };
  /** Records (note lines) found for this release. */
  readonly records: number;
  /** Of those, how many are INVALID (forged, re-targeted, tampered) and how many unsigned. */
  readonly invalid_records: number;
  readonly unsigned_records: number;
}

/** What {@link buildKaizenLog} reads. */
export interface LogInput {
  readonly changes: readonly YamlChange[];
  /** Note lines per annotated commit. */
  readonly notes: ReadonlyMap<string, readonly { readonly text: string }[]>;
  /** Verifies one note line for the commit it is attached to. */
  readonly verify: (commit: string, text: string) => RecordResult;
  /** Manifest paths or folders to show (whole histories); default: every manifest in the repository at the end. */
  readonly select?: readonly string[];
}

interface Version {
  readonly change: YamlChange & { readonly bytes: Uint8Array };
  readonly lineage: number;
  readonly id: string;
  /** Without its parsed YAML document, which thousands of versions cannot all keep in memory. */
  readonly loaded: LoadedManifest;
  /** The document's plain values, for the Kaizen fields of a version that is not schema-valid. */
  readonly value: unknown;
}

/**
 * Builds the log entries of the selected manifests, oldest first, in time linear in the number of
 * versions: parents, earlier behaviours (for rollbacks) and rollback ranges are looked up in maps
 * kept as the history is walked, never by scanning the versions before.
 *
 * @throws InputError when a selected path has no manifest history on the mainline.
 */
export function buildKaizenLog(input: LogInput): LogEntry[] {
  const { versions, alive, lineagePaths } = collectVersions(input.changes);
  const selected = selectLineages(input.select, alive, lineagePaths);
  const results = new Map<string, RecordResult[]>();
  const recordsOf = (commit: string): RecordResult[] => {
    let list = results.get(commit);
    if (!list) {
      list = (input.notes.get(commit) ?? []).map((note) => input.verify(commit, note.text));
      results.set(commit, list);
    }
    return list;
  };

  const stages = latestStages(input.notes.keys(), recordsOf);
  const entries: (LogEntry & { lineage: number })[] = [];
  const entryAt = new Map<string, number>();
  const rollbacks: { entry: number; targetCommit: string; lineage: number }[] = [];
  // The latest valid version of each lineage and package id, and of each behaviour per lineage.
  const lastOfLineage = new Map<number, Version>();
  const lastOfPackage = new Map<string, Version>();
  const behaviours = new Map<number, Map<string, { history: HistoricalPackage; index: number }>>();
  versions.forEach((version, index) => {
    const manifest = version.loaded.manifest;
    const parentId = manifest?.parent_package_id;
    const parent = manifest
      ? (lastOfLineage.get(version.lineage) ?? (parentId === undefined ? undefined : lastOfPackage.get(parentId)))
      : undefined;
    let classes: string[] = [];
    let rollbackOf: string | undefined;
    if (manifest) {
      const fingerprint = behaviourFingerprint(manifest);
      // Only the newest earlier version with this behaviour matters for recognising a rollback.
      const history = [version.lineage, ...(parent ? [parent.lineage] : [])]
        .map((lineage) => behaviours.get(lineage)?.get(fingerprint))
        .filter((h) => h !== undefined)
        .toSorted((a, b) => b.index - a.index)
        .map((h) => h.history);
      const diff = diffPackage({
        candidate: version.loaded as LoadedManifest & { manifest: Manifest },
        ...(parent
          ? { parent: parent.loaded as LoadedManifest & { manifest: Manifest }, parentCommit: parent.change.commit }
          : {}),
        resolution:
          parent === undefined
            ? 'new_application'
            : parent.lineage === version.lineage
              ? 'same_path'
              : 'parent_package_id',
        baseDigests: new Map(),
        history,
      });
      classes = [...diff.classes];
      rollbackOf = diff.rollback_of?.commit;
      lastOfLineage.set(version.lineage, version);
      lastOfPackage.set(manifest.package_id, version);
      const byFingerprint =
        behaviours.get(version.lineage) ?? new Map<string, { history: HistoricalPackage; index: number }>();
      byFingerprint.set(fingerprint, {
        history: { package_id: manifest.package_id, commit: version.change.commit, fingerprint },
        index,
      });
      behaviours.set(version.lineage, byFingerprint);
    }
    if (!selected.has(version.lineage)) return;
    const fields = fieldsOf(version.value);
    const all = recordsOf(version.change.commit);
    const mine = all.filter(
      (r) => r.kind === 'invalid' || packageIn(r, version.change.path, fields.package_id) !== undefined,
    );
    const primary = pickPrimary(mine);
    const verifiedPackage =
      primary?.kind === 'verified' ? packageIn(primary, version.change.path, fields.package_id) : undefined;
    const claimedPackage =
      primary?.kind === 'unsigned' ? packageIn(primary, version.change.path, fields.package_id) : undefined;
    const measureHead = !manifest ? 'invalid manifest' : classes.length > 0 ? classes.join(', ') : 'new package';
    const stage = stages.get(fields.package_id);
    const invalid = mine.filter((r) => r.kind === 'invalid').length;
    const unsigned = mine.filter((r) => r.kind === 'unsigned').length;
    if (rollbackOf !== undefined)
      rollbacks.push({ entry: entries.length, targetCommit: rollbackOf, lineage: version.lineage });
    entryAt.set(`${version.lineage}\0${version.change.commit}`, entries.length);
    entries.push({
      id: version.id,
      date: utcDate(version.change.committedAt),
      owner: fields.owner,
      problem: fields.problem,
      measure: fields.summary ? `${measureHead}: ${fields.summary}` : measureHead,
      result: verifiedPackage
        ? resultOf(verifiedPackage)
        : claimedPackage
          ? `unsigned claim, not verified: ${resultOf(claimedPackage)}`
          : '—',
      status: stage && verifiedPackage ? stageStatusOf(stage) : statusOf(primary, verifiedPackage),
      ...(stage
        ? { stage: { stage: stage.stage, outcome: stage.decision.outcome, status: stageStatusOf(stage) } }
        : {}),
      package_id: fields.package_id,
      application: fields.application,
      manifest: version.change.path,
      commit: version.change.commit,
      ...signatureOf(
        primary,
        invalid - (primary?.kind === 'invalid' ? 1 : 0),
        unsigned - (primary?.kind === 'unsigned' ? 1 : 0),
      ),
      classes,
      ...(verifiedPackage ? { decision: verifiedPackage.decision.outcome } : {}),
      records: mine.length,
      invalid_records: invalid,
      unsigned_records: unsigned,
      lineage: version.lineage,
    });
  });
  markRolledBack(entries, rollbacks, entryAt);
  return entries.map(({ lineage: _lineage, ...entry }) => entry);
}

/**
 * Where later stages left each package, from the signed stage records anywhere in the trail: the
 * latest shadow or canary report about it (by the instant it looked), and a rollback away from it,
 * which outranks them. Unsigned or unverified stage records say nothing.
 */
function latestStages(
  commits: Iterable<string>,
  recordsOf: (commit: string) => readonly RecordResult[],
): Map<string, StageReport> {
  const latest = new Map<string, StageReport>();
  const rolledBack = new Map<string, StageReport>();
  for (const commit of commits) {
    for (const result of recordsOf(commit)) {
      const stage = result.kind === 'verified' ? readStageReport(result.report) : undefined;
      if (stage === undefined || typeof stage === 'string') continue;
      if (stage.decision.outcome === 'rolled_back') {
        if (stage.parent_package_id !== undefined) rolledBack.set(stage.parent_package_id, stage);
        continue;
      }
      const earlier = latest.get(stage.package_id);
      if (earlier === undefined || (earlier.inputs.look ?? '') <= (stage.inputs.look ?? ''))
        latest.set(stage.package_id, stage);
    }
  }
  for (const [packageId, stage] of rolledBack) latest.set(packageId, stage);
  return latest;
}

/**
 * A rollback to an earlier package supersedes every release of that lineage between the two; when
 * ranges overlap, the later rollback names it. Each entry is marked once (later rollbacks first,
 * skipping marked entries through a next-unmarked pointer), so this is linear too.
 */
function markRolledBack(
  entries: (LogEntry & { lineage: number })[],
  rollbacks: readonly { entry: number; targetCommit: string; lineage: number }[],
  entryAt: ReadonlyMap<string, number>,
): void {
  const next = new Map<number, number>();
  const firstUnmarked = (i: number): number => {
    let j = i;
    const path: number[] = [];
    while (next.has(j)) {
      path.push(j);
      j = next.get(j)!;
    }
    for (const k of path) next.set(k, j);
    return j;
  };
  const positions = new Map<number, number[]>();
  entries.forEach((entry, index) => {
    const list = positions.get(entry.lineage);
    if (list) list.push(index);
    else positions.set(entry.lineage, [index]);
  });
  const rank = new Map<number, number>();
  for (const list of positions.values()) list.forEach((index, r) => rank.set(index, r));
  for (const rollback of rollbacks.toSorted((a, b) => b.entry - a.entry)) {
    const by = entries[rollback.entry];
    const target = entryAt.get(`${rollback.lineage}\0${rollback.targetCommit}`);
    if (by === undefined || target === undefined) continue;
    const lineage = positions.get(rollback.lineage)!;
    const end = rank.get(rollback.entry)!;
    for (let r = firstUnmarked(rank.get(target)! + 1); r < end; r = firstUnmarked(r + 1)) {
      const index = lineage[r]!;
      entries[index] = { ...entries[index]!, status: 'rolled back', rolled_back_by: by.id };
      next.set(r, r + 1);
    }
  }
}

/** Walks the changes: assigns lineages (following renames), IDs, and loads each manifest version. */
function collectVersions(changes: readonly YamlChange[]): {
  versions: Version[];
  alive: Map<string, number>;
  lineagePaths: Map<number, Set<string>>;
} {
  const alive = new Map<string, number>();
  const lineagePaths = new Map<number, Set<string>>();
  const perYear = new Map<string, number>();
  const versions: Version[] = [];
  let lineages = 0;
  for (const change of changes) {
    let lineage = change.renamedFrom !== undefined ? alive.get(change.renamedFrom) : undefined;
    if (change.renamedFrom !== undefined) alive.delete(change.renamedFrom);
    lineage ??= alive.get(change.path);
    const bytes = change.bytes;
    // The same discovery rule as every command: a Package document in any YAML style. A manifest
    // broken in place (unreadable but still naming kaizen-gate) is a version too, shown as invalid.
    // A valid manifest is one by definition, so most versions are parsed once, by the loader.
    const loaded = bytes !== undefined && mayBeKaizenGate(bytes) ? loadManifest(bytes, change.path) : undefined;
    const kind =
      loaded === undefined || loaded.manifest !== undefined || bytes === undefined
        ? undefined
        : classifyYaml(bytes, change.path);
    const brokenInPlace = kind?.kind === 'unreadable' && kind.mentions && lineage !== undefined;
    const isVersion = loaded?.manifest !== undefined || kind?.kind === 'package' || brokenInPlace;
    if (bytes === undefined || loaded === undefined || !isVersion) {
      alive.delete(change.path);
      continue;
    }
    lineage ??= lineages++;
    alive.set(change.path, lineage);
    const paths = lineagePaths.get(lineage) ?? new Set<string>();
    paths.add(change.path);
    lineagePaths.set(lineage, paths);
    // A pure rename or mode change releases nothing.
    if (change.previous !== undefined && Buffer.from(change.previous).equals(Buffer.from(bytes))) continue;
    const year = utcDate(change.committedAt).slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const { yaml, ...slim } = loaded;
    versions.push({
      change: { ...change, bytes },
      lineage,
      id: `KZ-${year}-${String(n).padStart(3, '0')}`,
      loaded: slim,
      value: yaml?.value,
    });
  }
  return { versions, alive, lineagePaths };
}

function selectLineages(
  select: readonly string[] | undefined,
  alive: ReadonlyMap<string, number>,
  lineagePaths: ReadonlyMap<number, ReadonlySet<string>>,
): Set<number> {
  if (select === undefined) return new Set(alive.values());
  const out = new Set<number>();
  const problems: Problem[] = [];
  for (const path of select) {
    const current = alive.get(path);
    const earlier = [...lineagePaths].filter(([, paths]) => paths.has(path)).map(([lineage]) => lineage);
    // A folder selects the manifests in it now (as the default does for the whole repository).
    const folder = path === '' || path === '.' ? '' : `${path.replace(/\/+$/, '')}/`;
    const inFolder = [...alive].filter(([p]) => p.startsWith(folder)).map(([, lineage]) => lineage);
    const found = current !== undefined ? [current] : earlier.length > 0 ? earlier : inFolder;
    if (found.length === 0)
      problems.push({
        file: path,
        message: 'no version of a kaizen-gate manifest at this path on the first-parent history',
      });
    for (const lineage of found) out.add(lineage);
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

/** The Kaizen fields, read leniently so that a schema-invalid version still shows what it says. */
function fieldsOf(value: unknown): {
  owner: string;
  problem: string;
  summary: string;
  package_id: string;
  application: string;
} {
  const root = asRecord(value);
  const change = asRecord(root['change']);
  return {
    owner: textOf(change['owner']),
    problem: textOf(change['problem']),
    summary: textOf(change['summary']),
    package_id: textOf(root['package_id']),
    application: textOf(root['application']),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function packageIn(result: RecordResult, manifest: string, packageId: string): PackageReport | undefined {
  if (result.kind === 'invalid') return undefined;
  const packages = result.report.packages;
  return (
    packages.find((p) => p.manifest === manifest && p.package_id === packageId) ??
    packages.find((p) => p.package_id === packageId)
  );
}

/** Verified beats unsigned beats invalid; among equals, the most severe decision (a conservative reading). */
function pickPrimary(records: readonly RecordResult[]): RecordResult | undefined {
  return records.toSorted((a, b) => rankOf(a) - rankOf(b))[0];
}

function rankOf(r: RecordResult): number {
  const kind = r.kind === 'verified' ? 0 : r.kind === 'unsigned' ? 1 : 2;
  // An invalid record names no decision; among the others the most severe ranks first.
  const severity = r.kind === 'invalid' ? 0 : OUTCOMES[r.report.decision.outcome].severity;
  return kind * 10 + (9 - severity);
}

/** Only a verified record gives a decision; an unsigned one is anyone's claim. */
function statusOf(primary: RecordResult | undefined, verified: PackageReport | undefined): LogStatus {
  if (primary === undefined) return 'unrecorded';
  if (verified) return statusOfDecision(verified.decision.outcome);
  return primary.kind === 'unsigned' ? 'unsigned' : 'unverified';
}

function signatureOf(
  primary: RecordResult | undefined,
  invalidOthers: number,
  unsignedOthers: number,
): Pick<LogEntry, 'signature' | 'signature_status'> {
  const more =
    (invalidOthers > 0 ? `; and ${invalidOthers} INVALID record${invalidOthers === 1 ? '' : 's'}` : '') +
    (unsignedOthers > 0 ? `; and ${unsignedOthers} unsigned record${unsignedOthers === 1 ? '' : 's'}` : '');
  if (primary === undefined) return { signature: 'none', signature_status: 'none' };
  if (primary.kind === 'invalid')
    return { signature: `INVALID: ${primary.reason}${more}`, signature_status: 'invalid' };
  if (primary.kind === 'unsigned') return { signature: `unsigned${more}`, signature_status: 'unsigned' };
  const unchecked = primary.uncheckedEvidence.length;
  const note =
    unchecked > 0 ? `; ${unchecked} evidence file${unchecked === 1 ? '' : 's'} not in the commit, not checked` : '';
  return {
    signature: `verified with ${primary.keyid} (${primary.keySource})${note}${more}`,
    signature_status: 'verified',
  };
}

/** `approve; quality +1.2 pp [−0.4, +2.8], latency +3.0 % [−1.0, +7.5]`: decision and headline deltas. */
export function resultOf(pkg: PackageReport): string {
  const parts = pkg.gates.flatMap((gate) => {
    const text = headlineOf(gate);
    return text === undefined ? [] : [`${gate.gate} ${text}`];
  });
  return parts.length > 0 ? `${pkg.decision.outcome}; ${parts.join(', ')}` : pkg.decision.outcome;
}

function headlineOf(gate: GateResult): string | undefined {
  const h = gate.headline;
  if (h === undefined || gate.verdict === 'not_applicable' || !Number.isFinite(h.estimate)) return undefined;
  const bounds = (format: (v: number) => string): string =>
    h.interval ? ` [${format(h.interval.lower)}, ${format(h.interval.upper)}]` : '';
  if (h.unit === 'pp') return `${formatPp(h.estimate)}${bounds((v) => formatPp(v).replace(' pp', ''))}`;
  if (h.unit === 'ratio')
    return `${formatRatioChange(h.estimate)}${bounds((v) => formatRatioChange(v).replace(' %', ''))}`;
  return undefined;
}

function utcDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso.slice(0, 10) : date.toISOString().slice(0, 10);
}
