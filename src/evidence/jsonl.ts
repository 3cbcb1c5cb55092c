import type { Problem } from '../problem.ts';
import { describeValue, isJsonObject, type ReportField } from './fields.ts';
import { countTopLevelMembers, parseJsonText, scanTopLevelMembers } from './json-text.ts';
import type { EvidenceRecord, Judge } from './record.ts';
import { validateEvidenceObject } from './validate.ts';

/** Options for reading JSONL evidence. */
export interface JsonlOptions {
  /** When given, records for any other package are reported (evidence for the wrong package). */
  readonly packageId?: string;
}

/** What a reader returns: the valid records, and every problem with the rest. */
export interface EvidenceParse {
  readonly records: EvidenceRecord[];
  readonly problems: Problem[];
}

/**
 * Reads JSON Lines evidence: one record per line, blank lines skipped, a leading BOM and CRLF line
 * ends accepted. Every problem on every line is reported; a line with any problem yields no
 * record. Cross-record rules (duplicates, one package per side) are checked by `pairEvidence`,
 * which sees all files of a side together.
 *
 * `input` is the text or its UTF-8 bytes. From bytes each line is decoded on its own (the same
 * text a whole-file decode gives), so a large file is never held twice, as bytes and as text.
 */
export function parseJsonlEvidence(input: string | Uint8Array, file: string, options: JsonlOptions = {}): EvidenceParse {
  const records: EvidenceRecord[] = [];
  const problems: Problem[] = [];
  const wrongPackage = new Map<string, { line: number; count: number }>();
  const shared = createSharedValues();

  // One reporter for all lines: columns are only worked out for a line that has a problem.
  let lineNumber = 0;
  let lineText = '';
  let columns: Map<string, number> | undefined;
  const report: ReportField = (field, message) => {
    columns ??= new Map(scanTopLevelMembers(lineText).map((member) => [member.key, member.column] as const).toReversed());
    const column = columns.get(field.split(/[.[]/, 1)[0] ?? field);
    problems.push({ file, line: lineNumber, ...(column === undefined ? {} : { column }), field, message });
  };

  // Top-level members of the current line, counted in its bytes when it came from bytes (four
  // times faster than in the string; UTF-8 continuation bytes are never quotes, brackets or commas).
  let bytes: Uint8Array | undefined;
  let byteStart = 0;
  let byteEnd = 0;
  const countMembers = (line: string): number => (bytes === undefined ? countTopLevelMembers(line) : countMembersInBytes(bytes, byteStart, byteEnd));

  const readLine = (line: string, number: number): void => {
    // A record line starts with "{"; only other lines need the (allocating) whitespace test.
    if (line.charCodeAt(0) !== 0x7b && line.trim() === '') return;
    lineNumber = number;
    lineText = line;
    columns = undefined;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // Parsed again only to describe the failure; the happy path allocates nothing extra.
      const failure = parseJsonText(line);
      const column = failure.ok ? undefined : failure.column;
      problems.push({ file, line: lineNumber, ...(column === undefined ? {} : { column }), message: `not valid JSON: ${failure.ok ? 'unreadable' : failure.message}` });
      return;
    }
    if (!isJsonObject(value)) {
      problems.push({ file, line: lineNumber, column: 1, message: `expected a JSON object (one evidence record per line), got ${describeValue(value)}` });
      return;
    }
    const duplicated = reportRepeatedKeys(value, line, countMembers(line), lineNumber, file, problems);
    const record = validateEvidenceObject(value, { file, line: lineNumber }, report);
    if (record === undefined || duplicated) return;
    if (options.packageId !== undefined && record.package_id !== options.packageId) {
      const seen = wrongPackage.get(record.package_id);
      if (seen === undefined) wrongPackage.set(record.package_id, { line: lineNumber, count: 1 });
      else seen.count++;
      return;
    }
    records.push(shared(record));
  };
  if (typeof input === 'string') {
    forEachTextLine(input, readLine);
  } else {
    // A plain view: a Node Buffer is a Uint8Array subclass, slower to index and to take subarrays of.
    bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    forEachByteLine(bytes, (line, number, start, end) => {
      byteStart = start;
      byteEnd = end;
      readLine(line, number);
    });
  }

  for (const [packageId, { line, count }] of wrongPackage) {
    problems.push({
      file,
      line,
      field: 'package_id',
      message: `evidence for package ${JSON.stringify(packageId)} (${count} record${count === 1 ? '' : 's'}, the first here), but this side is package ${JSON.stringify(options.packageId)}`,
    });
  }
  return { records, problems };
}

// Lines of text without their "\n" or "\r\n", numbered from 1; a leading BOM is skipped, since it
// is invisible in editors and columns on line 1 are counted without it.
function forEachTextLine(text: string, visit: (line: string, number: number) => void): void {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let number = 1; start <= text.length; number++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    visit(text.slice(start, end), number);
    start = next;
  }
}

// As forEachTextLine, from UTF-8 bytes, with each line's byte range. The bytes are decoded a
// chunk of whole lines at a time, so a large file is never held as text at once; a "\n" byte
// never occurs inside a multi-byte sequence, so lines split the same in bytes and in text.
function forEachByteLine(bytes: Uint8Array, visit: (line: string, number: number, start: number, end: number) => void): void {
  // ignoreBOM keeps a U+FEFF inside the file, as decoding the whole file would; the leading one is skipped here.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let number = 1;
  while (start <= bytes.length) {
    const cut = start + CHUNK_BYTES < bytes.length ? bytes.indexOf(0x0a, start + CHUNK_BYTES) : -1;
    const chunkEnd = cut < 0 ? bytes.length : cut + 1;
    const chunkStart = start;
    const text = decoder.decode(bytes.subarray(start, chunkEnd));
    // A byte never decodes to more than one character, so equal lengths mean one character per
    // byte (ASCII, the usual case): byte offsets then follow from text offsets.
    const oneToOne = text.length === chunkEnd - chunkStart;
    // The chunk's lines: each ends at a newline, except the last line of the file.
    let textStart = 0;
    while (start < chunkEnd || (chunkEnd === bytes.length && start === bytes.length)) {
      let textEnd = text.indexOf('\n', textStart);
      if (textEnd < 0) textEnd = text.length;
      let end = oneToOne ? chunkStart + textEnd : bytes.indexOf(0x0a, start);
      if (end < 0 || end >= chunkEnd) end = chunkEnd;
      const nextStart = end + 1;
      const nextTextStart = textEnd + 1;
      if (end > start && bytes[end - 1] === 0x0d) {
        end--;
        textEnd--;
      }
      visit(text.slice(textStart, textEnd), number++, start, end);
      start = nextStart;
      textStart = nextTextStart;
    }
  }
}

// About a megabyte of text decoded at a time: large enough that the decoder's per-call cost
// vanishes, small enough to stay out of the way.
const CHUNK_BYTES = 1 << 20;

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
      if (judge !== undefined && recordJudge.id === judge.id && recordJudge.version === judge.version) writable.judge = judge;
      else judge = recordJudge;
    }
    return record;
  };
}

// Beyond this many distinct categories a file is not using them as categories; stop sharing.
const MAX_SHARED_CATEGORIES = 10_000;

/**
 * Reports a key written twice in one record: JSON.parse keeps the last value silently, so
 * `"pass": false, …, "pass": true` would otherwise pass unnoticed.
 */
function reportRepeatedKeys(object: Readonly<Record<string, unknown>>, line: string, members: number, lineNumber: number, file: string, problems: Problem[]): boolean {
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
