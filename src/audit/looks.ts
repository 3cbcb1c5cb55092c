/**
 * Earlier looks at a package pair in the audit trail. A re-run of the same parent → candidate pair
 * (with more cases, after an inconclusive gate) is another look at the data and must spend a smaller
 * share of the error budget (docs/statistics.md, "Repeated looks"). The records are read as they
 * claim, unverified: a forged record can only add looks, which makes every gate stricter.
 */
import { sha256Hex } from '../digest.ts';

/** A line of a note as git notes hold it: its text and its parsed JSON. */
export interface RecordLine {
  readonly text: string;
  readonly value: unknown;
}

/** What a record line claims: its predicate and the sha256 of its statement (or of the line when unsigned). */
export interface RecordClaim {
  readonly predicate: unknown;
  readonly statement_sha256: string;
}

/** The predicate a record line carries: a DSSE envelope's statement predicate, or an unsigned record's report. */
export function claimOf(line: RecordLine): RecordClaim | undefined {
  const value = line.value as { payload?: unknown; unsigned?: unknown; report?: unknown } | undefined;
  if (value === undefined || value === null || typeof value !== 'object') return undefined;
  if (typeof value.payload === 'string') {
    const bytes = Buffer.from(value.payload, 'base64');
    try {
      const predicate = (JSON.parse(bytes.toString('utf8')) as { predicate?: unknown }).predicate;
      return predicate === undefined ? undefined : { predicate, statement_sha256: sha256Hex(bytes) };
    } catch {
      return undefined;
    }
  }
  return value.unsigned === true && value.report !== undefined
    ? { predicate: value.report, statement_sha256: sha256Hex(line.text) }
    : undefined;
}

/** The key of a parent → candidate package pair. */
export function pairKey(parentPackageId: string | undefined, candidatePackageId: string): string {
  return `${parentPackageId ?? ''}\u0000${candidatePackageId}`;
}

/** How many distinct recorded gate reports judged each package pair. */
export function countLooks(lines: Iterable<RecordLine>): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  for (const line of lines) {
    const claim = claimOf(line);
    const packages = (claim?.predicate as { schema?: unknown; packages?: unknown } | undefined)?.packages;
    if (
      claim === undefined ||
      (claim.predicate as { schema?: unknown }).schema !== 'kaizen-gate/report/v1' ||
      !Array.isArray(packages)
    )
      continue;
    for (const pkg of packages as { package_id?: unknown; parent?: { package_id?: unknown } | null }[]) {
      if (typeof pkg?.package_id !== 'string') continue;
      const parent = typeof pkg.parent?.package_id === 'string' ? pkg.parent.package_id : undefined;
      const key = pairKey(parent, pkg.package_id);
      const statements = seen.get(key) ?? new Set<string>();
      statements.add(claim.statement_sha256);
      seen.set(key, statements);
    }
  }
  return new Map([...seen].map(([key, statements]) => [key, statements.size]));
}
