// Evidence against the suites a manifest pins: a case the pinned suite does not list is not
// evidence about that suite, and a suite id the manifest does not pin is another suite. The
// report says how much of each pinned suite the evidence covers.
import type { Problem } from '../problem.ts';
import type { SideFiles, SuiteFile } from './package-files.ts';
import type { SuiteCoverage } from './evidence-facts.ts';
import type { PairedCase } from './pair.ts';
import type { EvidenceRecord, Suite } from './record.ts';

/** A pinned suite and the case ids its file lists, or why it lists none. */
export interface SuiteList {
  readonly id: string;
  readonly suite: Suite;
  readonly path: string;
  readonly ids?: ReadonlySet<string>;
  /**
   * The same ids in strictly ascending code-unit order, when the file lists them so (the usual
   * export): records and cases in that order are then checked against it by a walk, and `ids` is
   * only built when something asks for it.
   */
  readonly ascending?: readonly string[];
  /** Why the ids are unknown: the file is not JSON Lines of objects with a `case_id`, or unreadable. */
  readonly reason?: string;
}

/** Whether the suite file lists its ids (without building the set of them). */
function listsIds(list: SuiteList): boolean {
  return list.ascending !== undefined || list.ids !== undefined;
}

/** How many cases the suite file lists. */
function listedCount(list: SuiteList): number {
  return list.ascending?.length ?? list.ids?.size ?? 0;
}

const PLAIN_PREFIX = '{"case_id":"';

/** Whether a string holds a backslash or a control character: JSON text that needs a real parse. */
function needsParse(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x5c) return true;
  }
  return false;
}

/** How many missing case ids the report names per suite. */
const LISTED_MISSING = 5;

/**
 * Reads the case ids a suite file lists: JSON Lines (blank lines allowed) or one JSON array, of
 * objects each with a non-empty string `case_id`. Anything else lists no ids, and membership is
 * then not checked for that suite.
 */
export function readSuiteList(file: SuiteFile): SuiteList {
  const base = { id: file.id, suite: file.suite, path: file.path };
  if (file.content === undefined) return { ...base, reason: 'the suite file could not be read at its commit' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.content);
  } catch {
    return { ...base, reason: 'the suite file is not UTF-8 text' };
  }
  // The ids in file order, and whether they ascend so far (the usual export, sorted by id).
  const listed: string[] = [];
  let ascending = true;
  const add = (id: string): void => {
    if (ascending && listed.length > 0 && !(listed[listed.length - 1]! < id)) ascending = false;
    listed.push(id);
  };
  const trimmed = text.trim();
  const take = (value: unknown): boolean => {
    const id =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)['case_id']
        : undefined;
    if (typeof id !== 'string' || id.trim() === '') return false;
    add(id);
    return true;
  };
  const found = (): SuiteList => {
    if (!ascending || listed.length === 0) return { ...base, ids: new Set(listed) };
    let ids: ReadonlySet<string> | undefined;
    return {
      ...base,
      ascending: listed,
      get ids() {
        ids ??= new Set(listed);
        return ids;
      },
    };
  };
  if (trimmed.startsWith('[')) {
    const value = tryParse(trimmed);
    if (!Array.isArray(value) || !value.every(take))
      return { ...base, reason: 'the suite file is a JSON array, but not of objects with a "case_id"' };
    // An empty array lists no case, so every case is outside the suite (unlike a file with no lines).
    return found();
  }
  let index = -1;
  for (let start = 0; start <= text.length;) {
    index++;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineStart = start;
    start = end + 1;
    // The common line, `{"case_id":"…"}` with no escapes (and perhaps a CR), read in place
    // without a JSON parse or a copy of the line.
    const close = text.charCodeAt(end - 1) === 0x0d ? end - 3 : end - 2;
    if (
      text.startsWith(PLAIN_PREFIX, lineStart) &&
      text.startsWith('"}', close) &&
      text.indexOf('"', lineStart + PLAIN_PREFIX.length) === close
    ) {
      const id = text.slice(lineStart + PLAIN_PREFIX.length, close);
      if (!needsParse(id) && id.trim() !== '') {
        add(id);
        continue;
      }
    }
    const line = text.slice(lineStart, end).trim();
    if (line === '') continue;
    if (!take(tryParse(line)))
      return {
        ...base,
        reason: `line ${index + 1} of the suite file is not a JSON object with a "case_id", so the file lists no case ids`,
      };
  }
  return listed.length === 0 ? { ...base, reason: 'the suite file lists no cases' } : found();
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reports records that do not belong to the suites the side's manifest pins: a `suite_id` the
 * manifest does not pin (or pins for another suite kind), and a case that the suite's file does
 * not list. Without a `suite_id`, a case must be in one of the suites pinned for its suite kind,
 * when all of them list their cases.
 */
export function checkSuiteMembership(
  records: readonly EvidenceRecord[],
  side: SideFiles,
  lists: readonly SuiteList[],
  sideName: string,
  report: (problem: Problem) => void,
): void {
  const check = suiteMembership(side, lists, sideName, report);
  for (const record of records) check(record);
}

/** `checkSuiteMembership` one record at a time, for records read and let go as they are paired. */
export function suiteMembership(
  side: SideFiles,
  lists: readonly SuiteList[],
  sideName: string,
  report: (problem: Problem) => void,
): (record: EvidenceRecord) => void {
  const byKind = new Map<Suite, SuiteList[]>();
  for (const list of lists) byKind.set(list.suite, [...(byKind.get(list.suite) ?? []), list]);
  const pinned = lists.map((list) => `${list.suite} ${list.id}`).join(', ') || 'none';
  // Whether a case is in a list, per list that lists its ids.
  const inList = new Map<SuiteList, (id: string) => boolean>();
  for (const list of lists) if (listsIds(list)) inList.set(list, membershipTest(list));
  // Per suite kind, whether a record without a suite_id is a member (all lists known: in one of them).
  const memberOfKind = new Map<Suite, (id: string) => boolean>();
  for (const [suite, kind] of byKind) {
    const tests = kind.map((list) => inList.get(list));
    const [only] = tests;
    memberOfKind.set(
      suite,
      tests.some((test) => test === undefined)
        ? () => true
        : tests.length === 1 && only !== undefined
          ? only
          : (id) => tests.some((test) => test!(id)),
    );
  }
  return (record) => {
    if (record.suite_id === undefined) {
      const member = memberOfKind.get(record.suite);
      if (member === undefined || member(record.case_id)) return;
    }
    const where = { file: record.source.file, line: record.source.line };
    if (record.suite_id !== undefined) {
      const list = lists.find((candidate) => candidate.id === record.suite_id);
      if (list === undefined) {
        report({
          ...where,
          field: 'suite_id',
          message: `${JSON.stringify(record.suite_id)} is not a suite the ${sideName} manifest ${side.manifest} pins (it pins ${pinned}); evidence from another suite version does not measure this package`,
        });
      } else if (list.suite !== record.suite) {
        report({
          ...where,
          field: 'suite_id',
          message: `${JSON.stringify(record.suite_id)} is the ${sideName} manifest's ${list.suite} suite, but this record is in suite ${record.suite}`,
        });
      } else if (inList.has(list) && !inList.get(list)!(record.case_id)) {
        report({
          ...where,
          field: 'case_id',
          message: `case ${JSON.stringify(record.case_id)} is not in suite ${list.id} (${list.path} lists ${countCases(listedCount(list))}); evidence for cases outside the pinned suite is not evidence about it`,
        });
      }
      return;
    }
    const kind = byKind.get(record.suite)!;
    const names = kind.map((list) => `${list.id} (${list.path}, ${countCases(listedCount(list))})`).join(' or ');
    report({
      ...where,
      field: 'case_id',
      message: `case ${JSON.stringify(record.case_id)} is not in the ${sideName}'s pinned ${record.suite} suite ${names}; evidence for cases outside the pinned suite is not evidence about it`,
    });
  };
}

/**
 * Whether a case id is in a list that lists its ids. Ids asked for in ascending order (a suite's
 * records read in case order) are found by walking the list's ascending ids, with no set built;
 * an id out of that order is looked up in the set.
 */
function membershipTest(list: SuiteList): (id: string) => boolean {
  const sorted = list.ascending;
  if (sorted === undefined) return (id) => list.ids!.has(id);
  let at = 0;
  let last: string | undefined;
  return (id) => {
    if (last !== undefined && !(last < id)) return list.ids!.has(id);
    last = id;
    // Every id before `at` is below an id asked for earlier, so below this one.
    while (at < sorted.length && sorted[at]! < id) at++;
    return at < sorted.length && sorted[at] === id;
  };
}

function countCases(n: number): string {
  return `${n.toLocaleString('en-US')} case${n === 1 ? '' : 's'}`;
}

/** Coverage of each pinned suite by the paired cases: listed, covered, and the first missing ids. */
export function suiteCoverage(cases: readonly PairedCase[], lists: readonly SuiteList[]): SuiteCoverage[] {
  return lists.map((list) => {
    const base = { id: list.id, suite: list.suite, path: list.path };
    const walked = list.ascending === undefined ? undefined : walkCoverage(cases, list.suite, list.ascending);
    if (walked !== undefined) return { ...base, ...walked };
    const ids = list.ids;
    if (ids === undefined) return { ...base, reason: list.reason ?? 'the suite file lists no case ids' };
    // Paired cases are one per (suite, case_id), so the listed ones found among them are the covered ones.
    let covered = 0;
    for (const c of cases) if (c.suite === list.suite && ids.has(c.case_id)) covered++;
    // The first missing ids by code unit, kept in a short sorted list: sorting every missing id
    // of a 100,000-case suite to name five is most of the work when little of it was run.
    const missing: string[] = [];
    if (covered < ids.size) {
      const paired = new Set(cases.filter((c) => c.suite === list.suite).map((c) => c.case_id));
      for (const id of ids) {
        if (paired.has(id) || (missing.length === LISTED_MISSING && !(id < missing[LISTED_MISSING - 1]!))) continue;
        let at = missing.length;
        while (at > 0 && id < missing[at - 1]!) at--;
        missing.splice(at, 0, id);
        if (missing.length > LISTED_MISSING) missing.pop();
      }
    }
    return { ...base, cases: ids.size, covered, missing, missing_count: ids.size - covered };
  });
}

/**
 * Coverage of a list whose ids ascend, by walking it beside the suite's paired cases (in case_id
 * order too, as pairing sorts them): the ids passed over are the missing ones, first by code unit.
 * Undefined if the cases are not in that order after all.
 */
function walkCoverage(
  cases: readonly PairedCase[],
  suite: Suite,
  ids: readonly string[],
): { cases: number; covered: number; missing: string[]; missing_count: number } | undefined {
  let at = 0;
  let covered = 0;
  let last: string | undefined;
  const missing: string[] = [];
  for (const c of cases) {
    if (c.suite !== suite) continue;
    if (last !== undefined && !(last < c.case_id)) return undefined;
    last = c.case_id;
    for (; at < ids.length && ids[at]! < c.case_id; at++) if (missing.length < LISTED_MISSING) missing.push(ids[at]!);
    if (at < ids.length && ids[at] === c.case_id) {
      covered++;
      at++;
    }
  }
  for (; at < ids.length && missing.length < LISTED_MISSING; at++) missing.push(ids[at]!);
  return { cases: ids.length, covered, missing, missing_count: ids.length - covered };
}

/** "golden policy_golden_v12: 398 of 400 cases, 2 missing: a, b" — one suite's coverage in words. */
export function describeCoverage(coverage: SuiteCoverage): string {
  const head = `${coverage.suite} ${coverage.id}`;
  if (coverage.cases === undefined)
    return `${head}: coverage not checked (${coverage.reason ?? 'the suite file lists no case ids'})`;
  const count = `${(coverage.covered ?? 0).toLocaleString('en-US')} of ${coverage.cases.toLocaleString('en-US')} case${coverage.cases === 1 ? '' : 's'}`;
  const missingCount = coverage.missing_count ?? 0;
  if (missingCount === 0) return `${head}: ${count}`;
  const shown = (coverage.missing ?? []).join(', ');
  const more = missingCount > (coverage.missing?.length ?? 0) ? `, …` : '';
  return `${head}: ${count}, ${missingCount.toLocaleString('en-US')} missing: ${shown}${more}`;
}
