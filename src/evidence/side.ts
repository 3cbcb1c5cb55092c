import type { Problem } from '../problem.ts';
import { type EvidenceRecord, type EvidenceSource, formatSource, type Judge, SUITES, type Suite } from './record.ts';

/** Which side of the comparison a set of records is. */
export type SideName = 'parent' | 'candidate';

/**
 * The trials of one case on one side: a bare record for the common single-trial case (100,000
 * one-element arrays are measurable), else the trials sorted by trial number.
 */
export type Trials = EvidenceRecord | readonly EvidenceRecord[];

/** Side-wide count of one value (a package id, a judge), with the first record naming it. */
export interface Tally<T> {
  readonly value: T;
  readonly source: EvidenceSource;
  count: number;
}

/**
 * One suite's cases on one side: when the records came in strictly ascending case_id order (one
 * trial each, the usual harness output), the records themselves in that order; otherwise
 * case_id → trials.
 */
export type SuiteCases =
  { readonly ascending: readonly EvidenceRecord[] } | { readonly byId: ReadonlyMap<string, Trials> };

/** One side's records grouped by suite and case, with the side-wide facts the pairing compares. */
export interface CollectedSide {
  readonly cases: ReadonlyMap<Suite, SuiteCases>;
  /** The package the side's records name (the first one, when there are several). */
  readonly packageId: string | undefined;
  /** Keyed by `id@version`. */
  readonly judges: ReadonlyMap<string, Tally<Judge>>;
  readonly first: EvidenceRecord | undefined;
}

/** The case properties that must not vary between trials or between sides. */
export const CASE_PROPERTIES = ['category', 'critical', 'cluster', 'expected_intervention'] as const;

/** The first (lowest-numbered) trial of a case. */
export function firstTrial(trials: Trials): EvidenceRecord {
  return isTrialList(trials) ? (trials[0] as EvidenceRecord) : trials;
}

function isTrialList(trials: Trials): trials is readonly EvidenceRecord[] {
  return Array.isArray(trials);
}

/** A judge as `id@version`, for keys and messages. */
export function formatJudge(judge: Judge): string {
  return `${judge.id}@${judge.version}`;
}

/** A case property's value for a message: quoted string, bare boolean, or `(none)`. */
export function formatProperty(value: string | boolean | undefined): string {
  return value === undefined ? '(none)' : typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * Groups one side's records by case and reports what is wrong within the side: more than one
 * package, a repeated (package, suite, case, trial), case properties that vary between trials,
 * and more than one judge.
 */
export function collectSide(records: readonly EvidenceRecord[], side: SideName, problems: Problem[]): CollectedSide {
  // Each suite's records in input order, and whether their case ids are strictly ascending so far:
  // then they need no grouping (no case has two trials) and pair by a merge, without a map.
  const bySuite = new Map<Suite, { records: EvidenceRecord[]; ascending: boolean }>(
    SUITES.map((suite) => [suite, { records: [], ascending: true }]),
  );
  const packages = new Map<string, Tally<string>>();
  const judges = new Map<string, Tally<Judge>>();
  // Records usually come in runs of one package and one judge: skip the map lookups then.
  let lastPackage: Tally<string> | undefined;
  let lastJudge: Tally<Judge> | undefined;

  for (const record of records) {
    if (lastPackage !== undefined && lastPackage.value === record.package_id) lastPackage.count++;
    else lastPackage = tally(packages, record.package_id, record.package_id, record.source);
    const judge = record.judge;
    if (judge !== undefined) {
      if (lastJudge !== undefined && lastJudge.value.id === judge.id && lastJudge.value.version === judge.version)
        lastJudge.count++;
      else lastJudge = tally(judges, formatJudge(judge), judge, record.source);
    }
    const suite = bySuite.get(record.suite);
    if (suite === undefined) continue;
    const previous = suite.records.at(-1);
    if (previous !== undefined && !(previous.case_id < record.case_id)) suite.ascending = false;
    suite.records.push(record);
  }

  reportSeveral(
    packages,
    (id) => JSON.stringify(id),
    'package_id',
    `the ${side} evidence names {n} packages: {list}; one side is one package`,
    problems,
  );
  reportSeveral(
    judges,
    formatJudge,
    'judge',
    `the ${side} evidence was graded by {n} judges: {list}; scores from different judges are not comparable, so one side needs one pinned judge`,
    problems,
  );

  const cases = new Map<Suite, SuiteCases>();
  for (const [suite, { records: suiteRecords, ascending }] of bySuite) {
    cases.set(suite, ascending ? { ascending: suiteRecords } : { byId: groupTrials(suiteRecords, side, problems) });
  }
  const firstPackage = packages.keys().next();
  return { cases, packageId: firstPackage.done === true ? undefined : firstPackage.value, judges, first: records[0] };
}

/** A suite's records grouped by case_id, each case's trials sorted and checked. */
function groupTrials(records: readonly EvidenceRecord[], side: SideName, problems: Problem[]): Map<string, Trials> {
  const byId = new Map<string, EvidenceRecord | EvidenceRecord[]>();
  for (const record of records) {
    const group = byId.get(record.case_id);
    if (group === undefined) byId.set(record.case_id, record);
    else if (Array.isArray(group)) group.push(record);
    else byId.set(record.case_id, [group, record]);
  }
  for (const group of byId.values()) {
    if (!Array.isArray(group)) continue;
    group.sort((a, b) => a.trial - b.trial || a.source.line - b.source.line);
    checkTrials(group, side, problems);
  }
  return byId;
}

/** A suite's cases by case_id, whichever way they were collected. */
export function casesById(cases: SuiteCases | undefined): ReadonlyMap<string, Trials> {
  if (cases === undefined) return new Map();
  if ('byId' in cases) return cases.byId;
  return new Map(cases.ascending.map((record) => [record.case_id, record]));
}

function tally<T>(map: Map<string, Tally<T>>, key: string, value: T, source: EvidenceSource): Tally<T> {
  const seen = map.get(key);
  if (seen !== undefined) {
    seen.count++;
    return seen;
  }
  const created = { value, source, count: 1 };
  map.set(key, created);
  return created;
}

function reportSeveral<T>(
  map: ReadonlyMap<string, Tally<T>>,
  format: (value: T) => string,
  field: string,
  template: string,
  problems: Problem[],
): void {
  if (map.size < 2) return;
  const tallies = [...map.values()];
  const list = tallies
    .map(
      ({ value, source, count }) =>
        `${format(value)} (${count} record${count === 1 ? '' : 's'}, first at ${formatSource(source)})`,
    )
    .join(', ');
  const second = tallies[1];
  problems.push({
    file: second?.source.file ?? '(evidence)',
    ...(second === undefined ? {} : { line: second.source.line }),
    field,
    message: template.replace('{n}', String(map.size)).replace('{list}', list),
  });
}

/** Reports repeated trials and case properties that change from one trial to another. */
function checkTrials(trials: readonly EvidenceRecord[], side: SideName, problems: Problem[]): void {
  const first = trials[0];
  if (first === undefined) return;
  const reported = new Set<string>();
  for (let i = 1; i < trials.length; i++) {
    const trial = trials[i];
    const previous = trials[i - 1];
    if (trial === undefined || previous === undefined) continue;
    if (trial.trial === previous.trial && trial.package_id === previous.package_id) {
      problems.push({
        file: trial.source.file,
        line: trial.source.line,
        field: 'trial',
        message: `duplicate record: package ${JSON.stringify(trial.package_id)}, suite ${trial.suite}, case ${JSON.stringify(trial.case_id)}, trial ${trial.trial} is also at ${formatSource(previous.source)}; give each repeat its own trial number`,
      });
    }
    for (const property of CASE_PROPERTIES) {
      if (trial[property] === first[property] || reported.has(property)) continue;
      reported.add(property);
      problems.push({
        file: trial.source.file,
        line: trial.source.line,
        field: property,
        message: `${property} is ${formatProperty(trial[property])} here but ${formatProperty(first[property])} in trial ${first.trial} of the same ${side} case (${formatSource(first.source)}); a case has one ${property}`,
      });
    }
  }
}
