import { type Problem, ProblemCollector } from '../problem.ts';
import { EVIDENCE_LIMITS } from './evidence-file.ts';
import { describeValue, isJsonObject, type ReportField } from './fields.ts';
import { createChunkLineReader, forEachTextLine, type LineLimits, type LineProblem, type LineVisit } from './lines.ts';
import { countTopLevelMembers, parseJsonText, scanTopLevelMembers } from './json-text.ts';
import type { EvidenceRecord, Judge } from './record.ts';
import { validateEvidenceObject } from './validate.ts';

/** Options for reading JSONL evidence. */
export interface JsonlOptions {
  /** When given, records for any other package are reported (evidence for the wrong package). */
  readonly packageId?: string;
  /** Line length and count limits; EVIDENCE_LIMITS by default. */
  readonly limits?: Partial<LineLimits>;
}

/** What a reader returns: the valid records, and every problem with the rest (a few of each kind, the rest summarised). */
export interface EvidenceParse {
  readonly records: EvidenceRecord[];
  readonly problems: Problem[];
  /** Lines read (JSONL only), for the per-side line limit. */
  readonly lines?: number;
}

/**
 * Reads JSON Lines evidence: one record per line, blank lines skipped, a leading BOM and CRLF line
 * ends accepted. Every problem on every line is reported — the first few of each kind located,
 * the rest counted with their line range — and a line with any problem yields no record.
 * Cross-record rules (duplicates, one package per side) are checked by `pairEvidence`, which sees
 * all files of a side together.
 *
 * `input` is the text, its UTF-8 bytes, or the bytes as a sequence of chunks (a streamed file).
 * From bytes, lines are decoded a chunk at a time, strictly (bytes that are not UTF-8 are a
 * located problem, never U+FFFD), and a line over the length limit is skipped unread; memory holds
 * the records, not the file.
 */
export function parseJsonlEvidence(
  input: string | Uint8Array | Iterable<Uint8Array>,
  file: string,
  options: JsonlOptions = {},
): EvidenceParse {
  if (typeof input === 'string') {
    const parser = createLineParser(file, options);
    return parser.close(forEachTextLine(input, parser.limits, parser.readLine, parser.lineProblem));
  }
  const reader = createJsonlReader(file, options);
  for (const chunk of input instanceof Uint8Array ? [plain(input)] : input) if (!reader.push(chunk)) break;
  return reader.end();
}

/** JSONL evidence from UTF-8 chunks given one at a time, read as `parseJsonlEvidence` reads them. */
export interface JsonlReader {
  /** Reads the lines the chunk completes; false once the line limit is reached. */
  push(chunk: Uint8Array): boolean;
  /** The records read since the last `take`, in file order; they are no longer held here. */
  take(): EvidenceRecord[];
  /** Whether no line so far had a problem. */
  clean(): boolean;
  /** Reads the last line; the file's problems and lines, with the records not taken. */
  end(): EvidenceParse;
}

/** A `JsonlReader`: for a caller that reads two files in step and lets records go as it pairs them. */
export function createJsonlReader(file: string, options: JsonlOptions = {}): JsonlReader {
  const parser = createLineParser(file, options);
  const lines = createChunkLineReader(parser.limits, parser.readLine, parser.lineProblem);
  return {
    push: (chunk) => lines.push(chunk),
    take: parser.take,
    clean: parser.clean,
    end: () => parser.close(lines.end()),
  };
}

/** The per-line work of a JSONL read, whichever way its lines arrive. */
function createLineParser(
  file: string,
  options: JsonlOptions,
): {
  readonly limits: LineLimits;
  readonly readLine: LineVisit;
  readonly lineProblem: LineProblem;
  readonly take: () => EvidenceRecord[];
  readonly clean: () => boolean;
  readonly close: (lines: number) => EvidenceParse;
} {
  let records: EvidenceRecord[] = [];
  const problems = new ProblemCollector();
  const wrongPackage = new Map<string, { line: number; count: number }>();
  let otherPackages = 0;
  const shared = createSharedValues();
  const limits: LineLimits = {
    lineBytes: options.limits?.lineBytes ?? EVIDENCE_LIMITS.lineBytes,
    maxLines: options.limits?.maxLines ?? EVIDENCE_LIMITS.sideLines,
  };

  // One reporter for all lines: columns are only worked out for a line that has a problem.
  let lineNumber = 0;
  let lineText = '';
  let columns: Map<string, number> | undefined;
  const report: ReportField = (field, message) => {
    columns ??= new Map(
      scanTopLevelMembers(lineText)
        .map((member) => [member.key, member.column] as const)
        .toReversed(),
    );
    const column = columns.get(field.split(/[.[]/, 1)[0] ?? field);
    problems.push({ file, line: lineNumber, ...(column === undefined ? {} : { column }), field, message });
  };

  // Top-level members of the current line, counted in its bytes when it came from bytes (four
  // times faster than in the string; UTF-8 continuation bytes are never quotes, brackets or commas).
  let bytes: Uint8Array | undefined;
  let byteStart = 0;
  let byteEnd = 0;
  const countMembers = (line: string): number =>
    bytes === undefined ? countTopLevelMembers(line) : countMembersInBytes(bytes, byteStart, byteEnd);

  const readLine: LineVisit = (line, number, lineBytes, start, end) => {
    // A record line starts with "{"; only other lines need the (allocating) whitespace test.
    if (line.charCodeAt(0) !== 0x7b && line.trim() === '') return;
    lineNumber = number;
    lineText = line;
    columns = undefined;
    bytes = lineBytes;
    byteStart = start;
    byteEnd = end;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // Parsed again only to describe the failure; the happy path allocates nothing extra.
      const failure = parseJsonText(line);
      const column = failure.ok ? undefined : failure.column;
      problems.push({
        file,
        line: lineNumber,
        ...(column === undefined ? {} : { column }),
        message: `not valid JSON: ${failure.ok ? 'unreadable' : failure.message}`,
      });
      return;
    }
    if (!isJsonObject(value)) {
      problems.push({
        file,
        line: lineNumber,
        column: 1,
        message: `expected a JSON object (one evidence record per line), got ${describeValue(value)}`,
      });
      return;
    }
    const duplicated = reportRepeatedKeys(value, line, countMembers(line), lineNumber, file, problems);
    const record = validateEvidenceObject(value, { file, line: lineNumber }, report);
    if (record === undefined || duplicated) return;
    if (options.packageId !== undefined && record.package_id !== options.packageId) {
      const seen = wrongPackage.get(record.package_id);
      if (seen !== undefined) seen.count++;
      else if (wrongPackage.size < MAX_LISTED_PACKAGES)
        wrongPackage.set(record.package_id, { line: lineNumber, count: 1 });
      else otherPackages++;
      return;
    }
    records.push(shared(record));
  };
  const lineProblem: LineProblem = (problem) => problems.push({ file, ...problem });
  const take = (): EvidenceRecord[] => {
    const taken = records;
    records = [];
    return taken;
  };
  const close = (lines: number): EvidenceParse => {
    for (const [packageId, { line, count }] of wrongPackage) {
      problems.push({
        file,
        line,
        field: 'package_id',
        message: `evidence for package ${JSON.stringify(packageId)} (${count} record${count === 1 ? '' : 's'}, the first here), but this side is package ${JSON.stringify(options.packageId)}`,
      });
    }
    if (otherPackages > 0) {
      problems.push({
        file,
        field: 'package_id',
        message: `and ${otherPackages} more records for other packages, none of them this side's package ${JSON.stringify(options.packageId)}`,
      });
    }
    return { records, problems: problems.list(), lines };
  };
  const clean = (): boolean => problems.size === 0 && wrongPackage.size === 0;
  return { limits, readLine, lineProblem, take, clean, close };
}

// A plain view: a Node Buffer is a Uint8Array subclass, slower to index and to take subarrays of.
function plain(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// Wrong package ids are listed one problem each, up to this many; a file of random ids is counted.
const MAX_LISTED_PACKAGES = 100;

// countTopLevelMembers on bytes[start..end) of UTF-8: the same walk, byte by byte.
function countMembersInBytes(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  let depth = 0;
  let expectKey = false;
  for (let i = start; i < end; i++) {
    const code = bytes[i]!;
    if (code === 0x22) {
      if (depth === 1 && expectKey) {
        count++;
        expectKey = false;
      }
      for (i++; i < end; i++) {
        const inner = bytes[i]!;
        if (inner === 0x22) break;
        if (inner === 0x5c) i++;
      }
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth === 1) expectKey = code === 0x7b;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    } else if (code === 0x2c && depth === 1) {
      expectKey = true;
    }
  }
  return count;
}

/**
 * Makes records share the values that repeat across a file (its package id, categories and
 * judge), so that 100,000 records hold one copy of each instead of 100,000: a fifth less memory
 * and garbage-collection work while both sides' records are alive for pairing.
 */
function createSharedValues(): (record: EvidenceRecord) => EvidenceRecord {
  let packageId = '';
  let judge: Judge | undefined;
  let manifest = '';
  let prompt = '';
  let suiteId = '';
  const categories = new Map<string, string>();
  return (record) => {
    const writable = record as { -readonly [K in keyof EvidenceRecord]: EvidenceRecord[K] };
    if (record.package_id === packageId) writable.package_id = packageId;
    else packageId = record.package_id;
    const category = categories.get(record.category);
    if (category !== undefined) writable.category = category;
    else if (categories.size < MAX_SHARED_CATEGORIES) categories.set(record.category, record.category);
    const recordJudge = record.judge;
    if (recordJudge !== undefined) {
      if (judge !== undefined && recordJudge.id === judge.id && recordJudge.version === judge.version)
        writable.judge = judge;
      else judge = recordJudge;
    }
    // Binding digests and suite ids repeat on every line of a file, like the package id.
    if (record.manifest_sha256 !== undefined)
      writable.manifest_sha256 = manifest = record.manifest_sha256 === manifest ? manifest : record.manifest_sha256;
    if (record.prompt_sha256 !== undefined)
      writable.prompt_sha256 = prompt = record.prompt_sha256 === prompt ? prompt : record.prompt_sha256;
    if (record.suite_id !== undefined)
      writable.suite_id = suiteId = record.suite_id === suiteId ? suiteId : record.suite_id;
    return record;
  };
}

// Beyond this many distinct categories a file is not using them as categories; stop sharing.
const MAX_SHARED_CATEGORIES = 10_000;

/**
 * Reports a key written twice in one record: JSON.parse keeps the last value silently, so
 * `"pass": false, …, "pass": true` would otherwise pass unnoticed.
 */
function reportRepeatedKeys(
  object: Readonly<Record<string, unknown>>,
  line: string,
  members: number,
  lineNumber: number,
  file: string,
  problems: ProblemCollector,
): boolean {
  let keys = 0;
  for (const _ in object) keys++;
  if (members === keys) return false;
  const seen = new Set<string>();
  for (const member of scanTopLevelMembers(line)) {
    if (!seen.has(member.key)) {
      seen.add(member.key);
      continue;
    }
    problems.push({
      file,
      line: lineNumber,
      column: member.column,
      field: member.key,
      message: 'appears twice in this record (JSON would silently keep the last value); write it once',
    });
  }
  return true;
}
