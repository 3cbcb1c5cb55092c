import { planRollout } from './delivery/rollout.ts';
import { detectEvidenceFormat, type EvidenceFormat, parseEvidence } from './evidence/detect.ts';
import { parseJsonlEvidence } from './evidence/jsonl.ts';
import type { EvidenceRecord, Judge } from './evidence/record.ts';
import { pairEvidence } from './evidence/pair.ts';
import type { PairedCase, PairedEvidence } from './evidence/pair.ts';
import type { PromptfooSideSelector } from './evidence/promptfoo.ts';
import { combineDecisions, decide } from './gates/decide.ts';
import { evaluateGates } from './gates/evaluate.ts';
import { policyForLevel } from './gates/policy.ts';
import type { GatePolicy } from './gates/policy.ts';
import { round } from './gates/result.ts';
import type { ChangeSet } from './git/resolve.ts';
import { digestOf } from './manifest/model.ts';
import type { Manifest } from './manifest/model.ts';
import { formatProblem, InputError, sortProblems } from './problem.ts';
import type { Problem } from './problem.ts';
import type { PackageReport, RegressedCase, Report, SubjectFile } from './report/model.ts';
import { VERSION } from './version.ts';

/** An evidence file as read by the edge: its bytes, and which package it speaks for. */
export interface EvidenceInput {
  readonly path: string;
  readonly bytes: Uint8Array;
  /** `both`: one file holding parent and candidate (JSONL with two package_ids, or a promptfoo eval with two columns). */
  readonly side: 'parent' | 'candidate' | 'both';
}

/** Everything the gate needs, as plain values. The edges gather it; nothing here does I/O. */
export interface PipelineInput {
  readonly changeSet: ChangeSet;
  readonly evidence: readonly EvidenceInput[];
  readonly policy: GatePolicy;
  readonly seed?: number;
  /** For promptfoo files holding both sides: which column is which. */
  readonly promptfooSides?: { readonly parent?: PromptfooSideSelector; readonly candidate?: PromptfooSideSelector };
  /** Cases only one side has are dropped (and counted) instead of being an error. */
  readonly allowUnpaired?: boolean;
  /** When set, every evidence file must be of this format. */
  readonly evidenceFormat?: 'jsonl' | 'promptfoo';
  readonly context?: { readonly repository?: string; readonly commit?: string; readonly pull_request?: number };
}

/**
 * The gate as one function: evidence → pairing → the five gates → decision and rollout plan →
 * Report. Deterministic: the same input gives a byte-identical report. Throws InputError listing
 * every evidence problem; gate failures are results, not exceptions.
 */
export function runPipeline(input: PipelineInput): Report {
  const { changeSet } = input;
  const problems: Problem[] = [];
  const packages: PackageReport[] = [];
  const subjectManifests: Report['subject']['manifests'][number][] = [];
  const artifacts = new Map<string, string>();
  const formats = new Map<string, string>();
  // Files shared by several packages are parsed once, and their problems reported once.
  const parses: ParseCache = new Map();

  for (const diff of changeSet.packages) {
    const loaded = changeSet.loaded.get(diff.manifest);
    const manifest = loaded?.candidate.manifest as Manifest;
    const level = manifest.side_effect_level;
    subjectManifests.push({ path: diff.manifest, sha256: bare(diff.digest), role: 'candidate', commit: changeSet.head.commit });
    if (diff.parent) subjectManifests.push({ path: diff.parent.manifest, sha256: bare(diff.parent.digest), role: 'parent', commit: diff.parent.commit });
    for (const artifact of loaded?.candidate.artifacts ?? []) {
      if (artifact.actual) artifacts.set(artifact.path, bare(artifact.actual));
    }

    const { evidence, problems: evidenceProblems } = collectEvidence(input, manifest, loaded?.parent?.manifest, diff.parent?.package_id, changeSet.packages.length, formats, parses);
    problems.push(...evidenceProblems);
    if (evidenceProblems.length > 0) continue;

    const policy = policyForLevel(input.policy, level, input.seed);
    const cases = evidence?.cases ?? [];
    const { gates, categories, error_budget, problems: gateProblems } = evaluateGates({ diff, manifest, evidence, policy });
    // Evidence the policy cannot use (a missing score under missing_score: error) stops the run like any evidence problem.
    if (gateProblems.length > 0) {
      problems.push(...gateProblems);
      continue;
    }
    const decision = decide(gates, level, manifest.owners);
    packages.push({
      application: manifest.application,
      package_id: manifest.package_id,
      manifest: diff.manifest,
      manifest_digest: diff.digest,
      side_effect_level: level,
      owners: manifest.owners,
      change: { type: manifest.change.type, summary: manifest.change.summary, problem: manifest.change.problem, owner: manifest.change.owner },
      parent: diff.parent,
      diff: { classes: diff.classes, changes: diff.changes, ...(diff.rollback_of ? { rollback_of: diff.rollback_of } : {}), warnings: diff.warnings, problems: sortProblems(diff.problems) },
      evidence: summariseEvidence(evidence),
      gates,
      categories,
      error_budget,
      worst_cases: worstCases(cases, policy.gates.quality.metric),
      decision,
      rollout: planRollout(level, manifest.delivery.rollback_metric, manifest.delivery.strategy, policy.statistics.confidence),
    });
  }
  if (problems.length > 0) {
    const unique = [...new Map(problems.map((p) => [formatProblem(p), p])).values()];
    throw new InputError(unique, `${unique.length} evidence problem${unique.length === 1 ? '' : 's'}`);
  }

  const outcome = packages.length === 0 ? 'nothing_to_gate' : combineDecisions(packages.map((p) => p.decision.outcome));
  const summary =
    packages.length === 0
      ? 'No package manifest is touched by this change; nothing to gate.'
      : packages.length === 1
        ? packages[0]!.decision.summary
        : `${packages.filter((p) => p.decision.outcome === outcome).map((p) => p.application).join(', ')}: ${outcome.replace('_', ' ')}.`;
  const statistics = policyForLevel(input.policy, 0, input.seed).statistics;
  return {
    schema: 'kaizen-gate/report/v1',
    tool: { name: 'kaizen-gate', version: VERSION },
    inputs: {
      base: changeSet.base,
      head: changeSet.head,
      policy: input.policy.sources,
      statistics,
      evidence: input.evidence.map((e) => ({ path: e.path, side: e.side, format: formats.get(e.path) ?? 'unknown' })),
    },
    subject: {
      ...(input.context?.repository !== undefined ? { repository: input.context.repository } : {}),
      ...(input.context?.commit !== undefined ? { commit: input.context.commit } : changeSet.head.commit ? { commit: changeSet.head.commit } : {}),
      ...(input.context?.pull_request !== undefined ? { pull_request: input.context.pull_request } : {}),
      manifests: subjectManifests,
      evidence: input.evidence.map((e) => ({ path: e.path, sha256: bare(digestOf(e.bytes)) })),
      artifacts: [...artifacts.entries()].toSorted(([a], [b]) => (a < b ? -1 : 1)).map(([path, sha256]): SubjectFile => ({ path, sha256 })),
    },
    decision: { outcome, summary },
    packages,
    unreferenced_changes: changeSet.unreferenced_changes,
    signature: { status: 'unsigned', reason: 'not signed yet' },
  };
}

type ParseCache = Map<string, ReturnType<typeof parseEvidence>>;

/** The judge a manifest pins, in the evidence's terms. */
function judgeOf(manifest: Manifest): Judge {
  return { id: manifest.evaluation.judge.model, version: manifest.evaluation.judge.version };
}

/** Parses and pairs the evidence for one package. */
function collectEvidence(
  input: PipelineInput,
  manifest: Manifest,
  parentManifest: Manifest | undefined,
  parentId: string | undefined,
  packageCount: number,
  formats: Map<string, string>,
  parses: ParseCache,
): { evidence?: PairedEvidence; problems: Problem[] } {
  const problems: Problem[] = [];
  const parent: EvidenceRecord[] = [];
  const candidate: EvidenceRecord[] = [];
  // promptfoo results carry no judge; each side gets the judge its own manifest pins, so a judge
  // change between parent and candidate is caught by pairing as a metric reset.
  const candidateJudge = judgeOf(manifest);
  const parentJudge = parentManifest ? judgeOf(parentManifest) : candidateJudge;
  if (input.evidence.length === 0) return { problems };
  for (const file of input.evidence) {
    // JSONL is read straight from the bytes, line by line: a large file is then never held as
    // bytes and as text at once. Only other formats decode the whole file.
    let decoded: string | undefined;
    const text = (): string => (decoded ??= new TextDecoder().decode(file.bytes));
    const detected = detectFormat(file.bytes, text);
    const read = (packageId: string | undefined, judge: Judge, side?: PromptfooSideSelector) => {
      // JSONL does not depend on the package or judge; promptfoo results are built for them.
      const key = `${file.path}\0${packageId ?? ''}\0${JSON.stringify(side ?? null)}\0${judge.id}\0${judge.version}`;
      let parsed = parses.get(key);
      if (!parsed) {
        parsed =
          detected === 'jsonl'
            ? { format: detected, ...parseJsonlEvidence(file.bytes, file.path, packageId !== undefined ? { packageId } : {}) }
            : parseEvidence(text(), file.path, { ...(packageId !== undefined ? { packageId } : {}), ...(side ? { side } : {}), judge });
        // Kept only for other packages that share the file: records are garbage once paired.
        if (packageCount > 1) parses.set(key, parsed);
      }
      if (parsed.format) formats.set(file.path, parsed.format);
      if (parsed.format === 'promptfoo' && packageCount > 1) {
        problems.push({ file: file.path, message: 'promptfoo results name no package, so one run can gate only one package with them; pass the manifest to check' });
      }
      problems.push(...parsed.problems);
      return parsed.records;
    };
    if (input.evidenceFormat && detected && detected !== input.evidenceFormat) {
      problems.push({ file: file.path, line: 1, message: `expected ${input.evidenceFormat} evidence (evidence-format), but the file is ${detected}` });
      continue;
    }
    const isPromptfoo = detected === 'promptfoo';
    if (file.side === 'both') {
      if (isPromptfoo) {
        const sides = input.promptfooSides ?? {};
        append(parent, read(parentId ?? 'parent', parentJudge, sides.parent ?? { promptIdx: 0 }));
        append(candidate, read(manifest.package_id, candidateJudge, sides.candidate ?? { promptIdx: 1 }));
      } else {
        const strangers = new Map<string, { line: number; count: number }>();
        for (const record of read(undefined, candidateJudge)) {
          if (record.package_id === manifest.package_id) candidate.push(record);
          else if (record.package_id === parentId) parent.push(record);
          else if (packageCount === 1) {
            const seen = strangers.get(record.package_id);
            if (seen) seen.count += 1;
            else strangers.set(record.package_id, { line: record.source.line, count: 1 });
          }
        }
        // One problem per unexpected package, not one per record: a wrong file has thousands.
        for (const [id, { line, count }] of strangers) {
          const more = count > 1 ? ` (and ${count - 1} more record${count > 2 ? 's' : ''} for it)` : '';
          problems.push({ file: file.path, line, field: 'package_id', message: `record is for ${id}, neither the candidate ${manifest.package_id} nor the parent ${parentId ?? '(none)'}${more}` });
        }
      }
    } else {
      const target = file.side === 'parent' ? parent : candidate;
      const expected = file.side === 'parent' ? parentId : manifest.package_id;
      // A promptfoo file given for one side may still hold several columns: the side's selector picks one.
      const selector = isPromptfoo ? input.promptfooSides?.[file.side] : undefined;
      const records = read(isPromptfoo ? (expected ?? file.side) : undefined, file.side === 'parent' ? parentJudge : candidateJudge, selector);
      // With several packages in one run, each takes its own records from shared files.
      append(target, packageCount > 1 ? records.filter((r) => r.package_id === expected) : records);
    }
  }
  if (problems.length > 0) return { problems };
  const paired = pairEvidence(parent, candidate, {
    ...(input.allowUnpaired ? { allowUnpaired: true } : {}),
    parentFile: input.evidence.find((e) => e.side !== 'candidate')?.path ?? 'parent evidence',
    candidateFile: input.evidence.find((e) => e.side !== 'parent')?.path ?? 'candidate evidence',
  });
  if (paired.problems.length > 0) return { problems: paired.problems };
  return { evidence: paired.paired, problems };
}

// push(...records) passes every record as an argument: too many for the stack in a large file.
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * The evidence format, decided as detectEvidenceFormat decides it, from the first non-blank line
 * when that is enough: only a pretty-printed document (a first line of just "{") needs the whole
 * text, which is then decoded.
 */
function detectFormat(bytes: Uint8Array, text: () => string): EvidenceFormat | undefined {
  // Decodes the leading lines one at a time (a BOM on line 1 is dropped, as in the whole text).
  const decoder = new TextDecoder();
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    const line = decoder.decode(bytes.subarray(start, end)).trim();
    if (line !== '') return line === '{' ? detectEvidenceFormat(text()) : detectEvidenceFormat(line);
    start = end + 1;
  }
  return detectEvidenceFormat(text());
}

function summariseEvidence(evidence: PairedEvidence | undefined): PackageReport['evidence'] {
  const bySuite: Record<string, number> = {};
  let maxTrials = 0;
  let clustered = false;
  for (const c of evidence?.cases ?? []) {
    bySuite[c.suite] = (bySuite[c.suite] ?? 0) + 1;
    maxTrials = Math.max(maxTrials, c.parent.trials, c.candidate.trials);
    if (c.cluster !== undefined) clustered = true;
  }
  return {
    paired_cases: evidence?.cases.length ?? 0,
    by_suite: bySuite,
    clustered,
    max_trials: maxTrials,
    ...(evidence && evidence.unpaired.parentOnly + evidence.unpaired.candidateOnly > 0
      ? { unpaired: { parent_only: evidence.unpaired.parentOnly, candidate_only: evidence.unpaired.candidateOnly } }
      : {}),
    ...(evidence?.judge ? { judge: { id: evidence.judge.id, version: evidence.judge.version } } : {}),
  };
}

/** The cases that got most worse (pass rate, then score), critical first on ties, at most `limit`. */
export function worstCases(cases: readonly PairedCase[], metric: 'pass' | 'score', limit = 10): RegressedCase[] {
  const value = (o: PairedCase['parent']): number => (metric === 'score' ? (o.score ?? o.pass) : o.pass);
  return cases
    .map((c) => ({ c, delta: value(c.candidate) - value(c.parent) }))
    .filter(({ delta }) => delta < 0)
    .toSorted((a, b) => a.delta - b.delta || Number(b.c.critical) - Number(a.c.critical) || (a.c.case_id < b.c.case_id ? -1 : a.c.case_id > b.c.case_id ? 1 : 0))
    .slice(0, limit)
    .map(({ c, delta }) => ({
      suite: c.suite,
      case_id: c.case_id,
      category: c.category,
      critical: c.critical,
      parent: round(value(c.parent)),
      candidate: round(value(c.candidate)),
      delta: round(delta),
      source: `${c.candidate.source.file}:${c.candidate.source.line}`,
    }));
}

function bare(digest: string): string {
  return digest.startsWith('sha256:') ? digest.slice(7) : digest;
}
