// Pairing two JSONL files read in step, for the usual shape of evidence: one file per side, each
// suite's cases in ascending case_id order, one trial each, and nothing wrong. Records are paired
// as soon as both sides have read them and are then let go, so memory holds the paired cases
// rather than every record of both files (which is most of a large check's time: fresh memory is
// slow to touch). Anything else — a problem, a repeated or out-of-order case, a case one side
// lacks — gives up, and the caller reads the files again the general way, which finds and reports
// the same things as always. On success the result is the one `pairEvidence` gives.
import type { Problem } from '../problem.ts';
import { type JsonlTally, tallyJsonl } from './binding.ts';
import { chunksOf, type EvidenceInput } from './evidence-file.ts';
import { createJsonlReader, type JsonlReader } from './jsonl.ts';
import { compareJudges, mergeHeads, type PairedCase, type PairedEvidence } from './pair.ts';
import { type EvidenceRecord, type Judge, SUITES, type Suite } from './record.ts';
import type { SideFiles } from './package-files.ts';
import { type CollectedSide, formatJudge, type SideName, type Tally } from './side.ts';
import { type SuiteList, suiteMembership } from './suites.ts';

/** One side for `pairInStep`: its file, and the suites its manifest pins when they were read. */
export interface InStepSide {
  readonly file: EvidenceInput;
  readonly suites?: { readonly files: SideFiles; readonly lists: readonly SuiteList[] };
}

/** The paired evidence of two files read in step, and what binding needs of each side's records. */
export interface InStepPairing {
  readonly paired: PairedEvidence;
  readonly tallies: Readonly<Record<SideName, JsonlTally>>;
}

/** A side's records not paired yet, one queue per suite, in ascending case_id order. */
interface Queue {
  records: EvidenceRecord[];
  head: number;
  last: string | undefined;
}

interface SideState {
  readonly reader: JsonlReader;
  readonly chunks: Iterator<Uint8Array, void>;
  readonly checkMembership: ((record: EvidenceRecord) => void) | undefined;
  readonly queues: Map<Suite, Queue>;
  readonly judges: Map<string, Tally<Judge>>;
  readonly tally: JsonlTally;
  packageId: string | undefined;
  first: EvidenceRecord | undefined;
  done: boolean;
}

/** Thrown inside `pairInStep` to give up; never escapes it. */
class GiveUp extends Error {}

/**
 * Reads the parent's and candidate's JSONL files in step and pairs them; undefined when the
 * evidence is not of the shape this handles or has any problem (the caller then pairs the general
 * way, which reports it).
 */
export function pairInStep(
  parent: InStepSide,
  candidate: InStepSide,
  options: { readonly allowUnpaired?: boolean } = {},
): InStepPairing | undefined {
  // Pairing and the judges' comparison report here; a record outside the pinned suites gives up at once.
  const problems: Problem[] = [];
  const giveUp = (): never => {
    throw new GiveUp();
  };
  const sides = { parent: openSide(parent, 'parent', giveUp), candidate: openSide(candidate, 'candidate', giveUp) };
  const cases = new Map<Suite, PairedCase[]>(SUITES.map((suite) => [suite, []]));
  const unpaired = { parentOnly: 0, candidateOnly: 0 };
  const unpairedCase = (side: SideName): void => {
    if (options.allowUnpaired !== true) throw new GiveUp();
    if (side === 'parent') unpaired.parentOnly++;
    else unpaired.candidateOnly++;
  };

  try {
    while (!sides.parent.done || !sides.candidate.done) {
      // Read on the side that is behind: the one with fewer records waiting for the other.
      const side =
        sides.parent.done || (!sides.candidate.done && waiting(sides.candidate) < waiting(sides.parent))
          ? sides.candidate
          : sides.parent;
      readNext(side);
      // Two judges: a metric reset (or a side with several), which the general way reports.
      if (
        firstJudge(sides.parent) !== firstJudge(sides.candidate) &&
        sides.parent.judges.size > 0 &&
        sides.candidate.judges.size > 0
      )
        throw new GiveUp();
      for (const suite of SUITES) {
        merge(
          sides.parent.queues.get(suite)!,
          sides.candidate.queues.get(suite)!,
          cases.get(suite)!,
          problems,
          unpairedCase,
        );
        if (problems.length > 0) throw new GiveUp();
      }
      // What one side still holds once the other has read everything has no partner.
      for (const name of ['parent', 'candidate'] as const) {
        const other = sides[name === 'parent' ? 'candidate' : 'parent'];
        if (!other.done) continue;
        for (const queue of sides[name].queues.values()) {
          for (; queue.head < queue.records.length; queue.head++) unpairedCase(name);
        }
      }
    }
    if (sides.parent.first === undefined || sides.candidate.first === undefined) return undefined;
    const judge = compareJudges(collected(sides.parent), collected(sides.candidate), problems);
    if (problems.length > 0) return undefined;
    return {
      paired: {
        cases: SUITES.flatMap((suite) => cases.get(suite)!),
        ...(judge === undefined ? {} : { judge }),
        parentPackageId: sides.parent.packageId ?? '',
        candidatePackageId: sides.candidate.packageId ?? '',
        unpaired,
      },
      tallies: { parent: sides.parent.tally, candidate: sides.candidate.tally },
    };
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  } finally {
    // A side given up on part-way closes its file.
    for (const side of [sides.parent, sides.candidate]) if (!side.done) side.chunks.return?.();
  }
}

function openSide(spec: InStepSide, name: SideName, report: () => never): SideState {
  return {
    reader: createJsonlReader(spec.file.path),
    chunks: chunksOf(spec.file)[Symbol.iterator](),
    checkMembership:
      spec.suites === undefined ? undefined : suiteMembership(spec.suites.files, spec.suites.lists, name, report),
    queues: new Map(SUITES.map((suite) => [suite, { records: [], head: 0, last: undefined }])),
    judges: new Map(),
    tally: tallyJsonl([]),
    packageId: undefined,
    first: undefined,
    done: false,
  };
}

function firstJudge(side: SideState): string | undefined {
  return side.judges.keys().next().value;
}

function waiting(side: SideState): number {
  let count = 0;
  for (const queue of side.queues.values()) count += queue.records.length - queue.head;
  return count;
}

/** Reads one chunk of a side (or its end) and queues the records it completes. */
function readNext(side: SideState): void {
  const next = side.chunks.next();
  let records: EvidenceRecord[];
  if (next.done === true) {
    side.done = true;
    const parse = side.reader.end();
    if (parse.problems.length > 0) throw new GiveUp();
    records = parse.records;
  } else {
    if (!side.reader.push(next.value) || !side.reader.clean()) throw new GiveUp();
    records = side.reader.take();
  }
  let lastJudge: Tally<Judge> | undefined;
  for (const record of records) {
    side.first ??= record;
    // One package per side; a second one is a problem the general way reports.
    if (side.packageId === undefined) side.packageId = record.package_id;
    else if (record.package_id !== side.packageId) throw new GiveUp();
    const judge = record.judge;
    if (judge !== undefined) {
      if (lastJudge !== undefined && lastJudge.value.id === judge.id && lastJudge.value.version === judge.version)
        lastJudge.count++;
      else {
        const key = formatJudge(judge);
        lastJudge = side.judges.get(key);
        if (lastJudge === undefined) {
          lastJudge = { value: judge, source: record.source, count: 1 };
          side.judges.set(key, lastJudge);
          if (side.judges.size > 1) throw new GiveUp();
        } else lastJudge.count++;
      }
    }
    side.checkMembership?.(record);
    const queue = side.queues.get(record.suite)!;
    // Strictly ascending: a repeated id (several trials) or one out of order is for the general way.
    if (queue.last !== undefined && !(queue.last < record.case_id)) throw new GiveUp();
    queue.last = record.case_id;
    queue.records.push(record);
  }
  tallyJsonl(records, side.tally);
}

/** Pairs the heads of two queues of one suite while both have records. */
function merge(
  parent: Queue,
  candidate: Queue,
  into: PairedCase[],
  problems: Problem[],
  unpairedCase: (side: SideName) => void,
): void {
  const stopped = mergeHeads(
    parent.records,
    candidate.records,
    { parent: parent.head, candidate: candidate.head },
    into,
    problems,
    unpairedCase,
  );
  parent.head = stopped.parent;
  candidate.head = stopped.candidate;
  compact(parent);
  compact(candidate);
}

// Drops the paired prefix of a queue, so the records in it can be collected.
function compact(queue: Queue): void {
  if (queue.head === 0) return;
  if (queue.head === queue.records.length) queue.records = [];
  else if (queue.head >= 1024) queue.records = queue.records.slice(queue.head);
  else return;
  queue.head = 0;
}

function collected(side: SideState): CollectedSide {
  return { cases: new Map(), packageId: side.packageId, judges: side.judges, first: side.first };
}
