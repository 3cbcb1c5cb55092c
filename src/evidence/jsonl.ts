import type { Problem } from '../problem.ts';
import { describeValue, isJsonObject, type ReportField } from './fields.ts';
import { countTopLevelMembers, parseJsonText, scanTopLevelMembers } from './json-text.ts';
import type { EvidenceRecord } from './record.ts';
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
 */
export function parseJsonlEvidence(text: string, file: string, options: JsonlOptions = {}): EvidenceParse {
  const records: EvidenceRecord[] = [];
  const problems: Problem[] = [];
  // A BOM is invisible in editors, so columns on line 1 are counted without it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  const wrongPackage = new Map<string, { line: number; count: number }>();

  // One reporter for all lines: columns are only worked out for a line that has a problem.
  let lineNumber = 0;
  let lineText = '';
  let columns: Map<string, number> | undefined;
  const report: ReportField = (field, message) => {
    columns ??= new Map(scanTopLevelMembers(lineText).map((member) => [member.key, member.column] as const).toReversed());
    const column = columns.get(field.split(/[.[]/, 1)[0] ?? field);
    problems.push({ file, line: lineNumber, ...(column === undefined ? {} : { column }), field, message });
  };

  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] ?? '';
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') continue;
    lineNumber = index + 1;
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
      continue;
    }
    if (!isJsonObject(value)) {
      problems.push({ file, line: lineNumber, column: 1, message: `expected a JSON object (one evidence record per line), got ${describeValue(value)}` });
      continue;
    }
    const duplicated = reportRepeatedKeys(value, line, lineNumber, file, problems);
    const record = validateEvidenceObject(value, { file, line: lineNumber }, report);
    if (record === undefined || duplicated) continue;
    if (options.packageId !== undefined && record.package_id !== options.packageId) {
      const seen = wrongPackage.get(record.package_id);
      if (seen === undefined) wrongPackage.set(record.package_id, { line: lineNumber, count: 1 });
      else seen.count++;
      continue;
    }
    records.push(record);
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

/**
 * Reports a key written twice in one record: JSON.parse keeps the last value silently, so
 * `"pass": false, …, "pass": true` would otherwise pass unnoticed.
 */
function reportRepeatedKeys(object: Readonly<Record<string, unknown>>, line: string, lineNumber: number, file: string, problems: Problem[]): boolean {
  let keys = 0;
  for (const _ in object) keys++;
  if (countTopLevelMembers(line) === keys) return false;
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
