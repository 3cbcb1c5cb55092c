import type { Problem } from '../problem.ts';
import type { EvidenceBinding, SuiteCoverage } from './evidence-facts.ts';
import { type EvidenceRecord, type EvidenceSource, formatSource, type Judge, SUITES, type Suite } from './record.ts';
import {
  CASE_PROPERTIES,
  casesById,
  collectSide,
  type CollectedSide,
  firstTrial,
  formatJudge,
  formatProperty,
  type SideName,
  type Trials,
} from './side.ts';

/** One case on one side, its trials averaged. */
export interface CaseOutcome {
  readonly trials: number;
  /** Mean of `pass` over the trials, in [0, 1]. */
  readonly pass: number;
  /** Means over the trials that report the field; absent when none does. */
  readonly score?: number;
  readonly cost_usd?: number;
  readonly latency_ms?: number;
  readonly tokens?: { readonly input?: number; readonly output?: number };
  /** Fraction of the trials reporting `unsafe` that were unsafe. */
  readonly unsafe?: number;
  /** Fraction of the trials reporting `intervened` that intervened. */
  readonly intervened?: number;
  readonly expected_intervention?: boolean;
  /**
   * The trials that carry text (input, output or the grader's reason), in trial order: kept, not
   * averaged, so the report can show one trial's answer and say which. Absent when none does.
   */
  readonly answered?: readonly EvidenceRecord[];
  /** The line of the lowest-numbered trial. */
  readonly source: EvidenceSource;
}

/** A case present on both sides: the unit every paired statistic is computed over. */
export interface PairedCase {
  readonly suite: Suite;
  readonly case_id: string;
  readonly category: string;
  readonly cluster?: string;
  readonly critical: boolean;
  readonly parent: CaseOutcome;
  readonly candidate: CaseOutcome;
}

/** Both sides' evidence, paired on (suite, case_id). */
export interface PairedEvidence {
  /** Sorted by suite, then case_id (by code unit), so reports do not depend on input order. */
  readonly cases: readonly PairedCase[];
  /** The judge both sides share, when they name one. */
  readonly judge?: Judge;
  readonly parentPackageId: string;
  readonly candidatePackageId: string;
  /** Cases dropped because the other side lacks them (non-zero only with `allowUnpaired`). */
  readonly unpaired: { readonly parentOnly: number; readonly candidateOnly: number };
  /** How each side is tied to its package (set by evidence collection). */
  readonly binding?: EvidenceBinding;
  /** Coverage of the candidate's pinned suites (set by evidence collection). */
  readonly suites?: readonly SuiteCoverage[];
}

/** Options for pairing. */
export interface PairOptions {
  /** Drop cases only one side has instead of reporting them (e.g. a suite that just grew). */
  readonly allowUnpaired?: boolean;
  /** How many unpaired cases a problem lists before "and N more"; 20 by default. */
  readonly maxListed?: number;
  /** Names for the sides in problems about a side with no records at all. */
  readonly parentFile?: string;
  readonly candidateFile?: string;
}

/**
 * Pairs parent and candidate records on (suite, case_id), averaging repeated trials into each
 * case. Reports, all at once: mixed packages or judges within a side, duplicate trials, case
 * properties that differ between trials or sides, unpaired cases, and a judge that changed
 * between the sides. When problems are returned, `paired` holds what could be paired and must
 * not be gated on.
 */
export function pairEvidence(
  parent: readonly EvidenceRecord[],
  candidate: readonly EvidenceRecord[],
  options: PairOptions = {},
): { paired: PairedEvidence; problems: Problem[] } {
  const problems: Problem[] = [];
  const parentSide = collectSide(parent, 'parent', problems);
  const candidateSide = collectSide(candidate, 'candidate', problems);
  if (parent.length === 0 && candidate.length === 0) {
    problems.push({
      file: options.parentFile ?? options.candidateFile ?? '(evidence)',
      message: 'there are no evidence records on either side',
    });
  }
  const judge = compareJudges(parentSide, candidateSide, problems);

  const cases: PairedCase[] = [];
  const parentOnly: Trials[] = [];
  const candidateOnly: Trials[] = [];
  // Suites in their fixed order and ids by code unit (the default sort), so output never
  // depends on input order or locale.
  for (const suite of SUITES) {
    const parentSuite = parentSide.cases.get(suite);
    const candidateSuite = candidateSide.cases.get(suite);
    if (parentSuite !== undefined && candidateSuite !== undefined) {
      if ('ascending' in parentSuite && 'ascending' in candidateSuite) {
        mergeAscending(parentSuite.ascending, candidateSuite.ascending, { cases, parentOnly, candidateOnly, problems });
        continue;
      }
    }
    const parentCases = casesById(parentSuite);
    const candidateCases = casesById(candidateSuite);
    let matched = 0;
    for (const [caseId, parentTrials] of sortedEntries(parentCases)) {
      const candidateTrials = candidateCases.get(caseId);
      if (candidateTrials === undefined) {
        parentOnly.push(parentTrials);
      } else {
        cases.push(pairCase(parentTrials, candidateTrials, problems));
        matched++;
      }
    }
    // Every candidate case already found its parent: nothing is candidate-only.
    if (matched < candidateCases.size) {
      for (const [caseId, candidateTrials] of candidateCases) {
        if (!parentCases.has(caseId)) candidateOnly.push(candidateTrials);
      }
    }
  }

  if (options.allowUnpaired !== true) {
    const limit = options.maxListed ?? 20;
    reportUnpaired(parentOnly, 'parent', 'candidate', limit, problems);
    reportUnpaired(candidateOnly, 'candidate', 'parent', limit, problems);
  }

  return {
    paired: {
      cases,
      ...(judge === undefined ? {} : { judge }),
      parentPackageId: parentSide.packageId ?? '',
      candidatePackageId: candidateSide.packageId ?? '',
      unpaired: { parentOnly: parentOnly.length, candidateOnly: candidateOnly.length },
    },
    problems,
  };
}

/**
 * Pairs two suites whose records are in strictly ascending case_id order (one trial per case) by
 * a merge: the same pairs, in the same order, as the map lookup, without building a map.
 */
function mergeAscending(
  parent: readonly EvidenceRecord[],
  candidate: readonly EvidenceRecord[],
  into: { cases: PairedCase[]; parentOnly: Trials[]; candidateOnly: Trials[]; problems: Problem[] },
): void {
  const stopped = mergeHeads(
    parent,
    candidate,
    { parent: 0, candidate: 0 },
    into.cases,
    into.problems,
    (side, record) => (side === 'parent' ? into.parentOnly : into.candidateOnly).push(record),
  );
  for (let i = stopped.parent; i < parent.length; i++) into.parentOnly.push(parent[i]!);
  for (let j = stopped.candidate; j < candidate.length; j++) into.candidateOnly.push(candidate[j]!);
}

/**
 * The merge of two runs of records in strictly ascending case_id order, from the given positions
 * while both have records: pairs go to `cases`; a smaller id on one side is a case the other side
 * (ascending) will never have, and goes to `unpaired`. Returns where each side stopped.
 */
export function mergeHeads(
  parent: readonly EvidenceRecord[],
  candidate: readonly EvidenceRecord[],
  from: { readonly parent: number; readonly candidate: number },
  cases: PairedCase[],
  problems: Problem[],
  unpaired: (side: SideName, record: EvidenceRecord) => void,
): { parent: number; candidate: number } {
  let i = from.parent;
  let j = from.candidate;
  while (i < parent.length && j < candidate.length) {
    const a = parent[i]!;
    const b = candidate[j]!;
    if (a.case_id === b.case_id) {
      cases.push(pairCase(a, b, problems));
      i++;
      j++;
    } else if (a.case_id < b.case_id) {
      unpaired('parent', a);
      i++;
    } else {
      unpaired('candidate', b);
      j++;
    }
  }
  return { parent: i, candidate: j };
}

// The entries by key in code-unit order (the default sort's). Evidence usually comes in case
// order, so a pass that finds the keys sorted saves sorting 100,000 strings.
function sortedEntries<T>(map: ReadonlyMap<string, T>): Iterable<readonly [string, T]> {
  let previous: string | undefined;
  for (const key of map.keys()) {
    if (previous !== undefined && previous > key)
      return [...map.entries()].toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    previous = key;
  }
  return map.entries();
}

/** Pairs one case's trials on the two sides, reporting case properties that differ between them. */
function pairCase(parentTrials: Trials, candidateTrials: Trials, problems: Problem[]): PairedCase {
  const first = firstTrial(parentTrials);
  const other = firstTrial(candidateTrials);
  // The common case checked field by field (monomorphic reads); the loop only finds the culprit.
  const same =
    first.category === other.category &&
    first.critical === other.critical &&
    first.cluster === other.cluster &&
    first.expected_intervention === other.expected_intervention;
  for (const property of same ? [] : CASE_PROPERTIES) {
    if (first[property] === other[property]) continue;
    problems.push({
      file: other.source.file,
      line: other.source.line,
      field: property,
      message: `${property} is ${formatProperty(other[property])} in the candidate but ${formatProperty(first[property])} in the parent (${formatSource(first.source)}); a case must mean the same on both sides`,
    });
  }
  const paired: Mutable<PairedCase> = {
    suite: first.suite,
    case_id: first.case_id,
    category: first.category,
    critical: first.critical,
    parent: outcomeOfTrials(parentTrials),
    candidate: outcomeOfTrials(candidateTrials),
  };
  if (first.cluster !== undefined) paired.cluster = first.cluster;
  return paired;
}

// A single trial (a bare record) without wrapping it in a list first: this runs for every case.
function outcomeOfTrials(trials: Trials): CaseOutcome {
  return Array.isArray(trials) ? summariseTrials(trials) : outcomeOf(trials as EvidenceRecord);
}

/** Averages a case's trials; sums run in trial order so the result never depends on input order. */
export function summariseTrials(trials: readonly EvidenceRecord[]): CaseOutcome {
  const first = trials[0];
  if (first === undefined) throw new Error('summariseTrials needs at least one trial');
  if (trials.length === 1) return outcomeOf(first);
  let passes = 0;
  const sums = new Float64Array(7);
  const counts = new Uint32Array(7);
  const add = (slot: number, value: number | undefined): void => {
    if (value === undefined) return;
    sums[slot] = (sums[slot] ?? 0) + value;
    counts[slot] = (counts[slot] ?? 0) + 1;
  };
  for (const trial of trials) {
    if (trial.pass) passes++;
    add(0, trial.score);
    add(1, trial.cost_usd);
    add(2, trial.latency_ms);
    add(3, trial.tokens?.input);
    add(4, trial.tokens?.output);
    add(5, trial.unsafe === undefined ? undefined : Number(trial.unsafe));
    add(6, trial.intervened === undefined ? undefined : Number(trial.intervened));
  }
  const mean = (slot: number): number | undefined =>
    counts[slot] === 0 ? undefined : (sums[slot] ?? 0) / (counts[slot] ?? 1);
  const outcome: Mutable<CaseOutcome> = { trials: trials.length, pass: passes / trials.length, source: first.source };
  setDefined(outcome, 'score', mean(0));
  setDefined(outcome, 'cost_usd', mean(1));
  setDefined(outcome, 'latency_ms', mean(2));
  const input = mean(3);
  const output = mean(4);
  if (input !== undefined || output !== undefined) {
    const tokens: { input?: number; output?: number } = {};
    if (input !== undefined) tokens.input = input;
    if (output !== undefined) tokens.output = output;
    outcome.tokens = tokens;
  }
  setDefined(outcome, 'unsafe', mean(5));
  setDefined(outcome, 'intervened', mean(6));
  setDefined(outcome, 'expected_intervention', first.expected_intervention);
  const answered = trials.filter(hasText);
  if (answered.length > 0) outcome.answered = answered;
  return outcome;
}

/** The outcome of a single-trial case: the common case, without the averaging machinery. */
function outcomeOf(record: EvidenceRecord): CaseOutcome {
  // Named stores, not setDefined: this runs for every case of both sides.
  const outcome: Mutable<CaseOutcome> = { trials: 1, pass: record.pass ? 1 : 0, source: record.source };
  if (record.score !== undefined) outcome.score = record.score;
  if (record.cost_usd !== undefined) outcome.cost_usd = record.cost_usd;
  if (record.latency_ms !== undefined) outcome.latency_ms = record.latency_ms;
  if (record.tokens !== undefined && (record.tokens.input !== undefined || record.tokens.output !== undefined))
    outcome.tokens = record.tokens;
  if (record.unsafe !== undefined) outcome.unsafe = record.unsafe ? 1 : 0;
  if (record.intervened !== undefined) outcome.intervened = record.intervened ? 1 : 0;
  if (record.expected_intervention !== undefined) outcome.expected_intervention = record.expected_intervention;
  if (hasText(record)) outcome.answered = [record];
  return outcome;
}

function hasText(record: EvidenceRecord): boolean {
  return record.input !== undefined || record.output !== undefined || record.reason !== undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function setDefined<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function reportUnpaired(
  missing: readonly Trials[],
  side: SideName,
  other: SideName,
  limit: number,
  problems: Problem[],
): void {
  const first = missing[0];
  if (first === undefined) return;
  // Both lists are built in suite order; candidate-only ids still need sorting within a suite.
  const records = missing.map((trials) => firstTrial(trials));
  const sorted = records.toSorted(
    (a, b) =>
      SUITES.indexOf(a.suite) - SUITES.indexOf(b.suite) || (a.case_id < b.case_id ? -1 : a.case_id > b.case_id ? 1 : 0),
  );
  const listed = sorted
    .slice(0, limit)
    .map((record) => `${record.suite}/${record.case_id} (${formatSource(record.source)})`);
  const more = sorted.length > limit ? ` and ${sorted.length - limit} more` : '';
  const located = sorted[0] ?? firstTrial(first);
  const count = `${sorted.length} case${sorted.length === 1 ? '' : 's'}`;
  problems.push({
    file: located.source.file,
    line: located.source.line,
    field: 'case_id',
    message: `${count} in the ${side} evidence ${sorted.length === 1 ? 'has' : 'have'} no ${other} result: ${listed.join(', ')}${more}; run both sides on the same cases, or drop cases only one side has with --allow-unpaired (Action input allow-unpaired: true)`,
  });
}

/** Compares the pinned judges of the two sides; returns the shared one. */
export function compareJudges(parent: CollectedSide, candidate: CollectedSide, problems: Problem[]): Judge | undefined {
  const parentJudge = parent.judges.size === 1 ? [...parent.judges.values()][0] : undefined;
  const candidateJudge = candidate.judges.size === 1 ? [...candidate.judges.values()][0] : undefined;
  if (parent.judges.size > 1 || candidate.judges.size > 1) return undefined;
  if (parentJudge === undefined && candidateJudge === undefined) return undefined;
  const reset = 'a judge change is a metric reset, not a regression: grade both sides with the same pinned judge';
  if (parentJudge !== undefined && candidateJudge !== undefined) {
    const a = parentJudge.value;
    const b = candidateJudge.value;
    if (a.id === b.id && a.version === b.version) return a;
    const what = a.id === b.id ? 'version' : 'id';
    problems.push({
      file: candidateJudge.source.file,
      line: candidateJudge.source.line,
      field: `judge.${what}`,
      message: `the candidate was graded by ${formatJudge(b)} but the parent by ${formatJudge(a)} (${formatSource(parentJudge.source)}); ${reset}`,
    });
    return undefined;
  }
  const named = parentJudge ?? candidateJudge;
  const namedSide = parentJudge === undefined ? 'candidate' : 'parent';
  const silent = parentJudge === undefined ? parent : candidate;
  const silentSide = parentJudge === undefined ? 'parent' : 'candidate';
  if (named === undefined || silent.first === undefined) return undefined;
  problems.push({
    file: silent.first.source.file,
    line: silent.first.source.line,
    field: 'judge',
    message: `the ${namedSide} names judge ${formatJudge(named.value)} (${formatSource(named.source)}) but no ${silentSide} record names a judge; ${reset}`,
  });
  return undefined;
}
