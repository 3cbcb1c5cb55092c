/**
 * The in-toto Statement that a signed report travels in, and the canonical JSON it is serialized as.
 *
 * Followed: in-toto/attestation spec/v1 — statement.md (v1.1), resource_descriptor.md and
 * digest_set.md (lowercase hex digests; `gitCommit` is the 40- or 64-hex id of a commit object).
 * Per the spec's parsing rules unknown fields are ignored when reading; we never add any.
 */

/** The Statement layer's type URI, fixed for version 1 of the in-toto attestation spec. */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

/** This project's predicate type: the predicate is a kaizen-gate Report (a release decision). */
export const PREDICATE_TYPE = 'https://kaizen-gate.dev/release-decision/v1';

/** DSSE payloadType for an in-toto Statement (in-toto spec/v1/envelope.md). */
export const PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** A ResourceDescriptor reduced to what we use: a file path (or `git+commit`) and its digests. */
export interface Subject {
  readonly name: string;
  readonly digest: Readonly<Record<string, string>>;
}

/** An in-toto Statement v1 whose predicate is `P`. */
export interface Statement<P = unknown> {
  readonly _type: typeof STATEMENT_TYPE;
  readonly subject: readonly Subject[];
  readonly predicateType: string;
  readonly predicate: P;
}

// Lengths of the hex digests we can check; other algorithms are passed through untouched.
const HEX_LENGTHS: Readonly<Record<string, readonly number[]>> = {
  sha256: [64],
  sha512: [128],
  sha1: [40],
  gitCommit: [40, 64],
  gitBlob: [40, 64],
  gitTree: [40, 64],
};

/**
 * Builds our Statement: subjects sorted by name so the payload does not depend on discovery order,
 * exact duplicates merged.
 *
 * @throws Error when a name appears twice with different digests, a digest set is empty, or a
 *   known digest is not lowercase hex of the right length — all bugs in the caller, not user input.
 * @example buildStatement([{ name: 'a.yaml', digest: { sha256: 'ab…' } }], report)
 */
export function buildStatement<P>(subjects: readonly Subject[], predicate: P): Statement<P> {
  const byName = new Map<string, Subject>();
  for (const subject of subjects) {
    const problem = describeSubjectProblem(subject);
    if (problem !== undefined) throw new Error(`Cannot build statement: subject ${problem}.`);
    const seen = byName.get(subject.name);
    if (seen === undefined) {
      byName.set(subject.name, { name: subject.name, digest: { ...subject.digest } });
    } else if (canonicalJson(seen.digest) !== canonicalJson(subject.digest)) {
      throw new Error(`Cannot build statement: subject "${subject.name}" is listed twice with different digests.`);
    }
  }
  const sorted = [...byName.values()].toSorted((a, b) => compareCodeUnits(a.name, b.name));
  return { _type: STATEMENT_TYPE, subject: sorted, predicateType: PREDICATE_TYPE, predicate };
}

/**
 * Reads an untrusted parsed value as one of our Statements, or says in one sentence why it is not.
 * Extra fields are allowed (in-toto parsing rules); a missing predicate is not, because ours is the Report.
 */
export function readStatement(value: unknown): { ok: true; statement: Statement } | { ok: false; reason: string } {
  if (!isPlainObject(value)) return fail('The signed payload is not a JSON object.');
  if (value['_type'] !== STATEMENT_TYPE) {
    return fail(`The signed statement's _type is ${describe(value['_type'])}, expected "${STATEMENT_TYPE}".`);
  }
  if (value['predicateType'] !== PREDICATE_TYPE) {
    return fail(
      `The signed statement's predicateType is ${describe(value['predicateType'])}, expected "${PREDICATE_TYPE}".`,
    );
  }
  const subjects = value['subject'];
  if (!Array.isArray(subjects) || subjects.length === 0) {
    return fail('The signed statement has no subject list; it must name at least one subject.');
  }
  for (const [index, subject] of subjects.entries()) {
    const problem = isPlainObject(subject) ? describeSubjectProblem(subject) : 'is not an object';
    if (problem !== undefined) return fail(`The signed statement's subject[${index}] ${problem}.`);
  }
  if (!isPlainObject(value['predicate'])) return fail('The signed statement has no predicate object.');
  return { ok: true, statement: value as unknown as Statement };
}

/**
 * Serializes JSON deterministically: object keys sorted by UTF-16 code units, no whitespace, strings
 * and numbers as `JSON.stringify` writes them — the rules of RFC 8785 (JCS) for the values we produce.
 * Object properties whose value is `undefined` are omitted, as `JSON.stringify` does.
 *
 * @throws Error for NaN, ±Infinity, `undefined` outside an object property, bigint, functions,
 *   symbols, cycles, and non-plain objects (Date, Map, class instances) — naming the path.
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return writeValue(value, '$', []);
}

function writeValue(value: unknown, path: string, ancestors: object[]): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new Error(`canonicalJson: ${String(value)} at ${path} is not a finite number.`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new Error(`canonicalJson: ${typeof value} at ${path} has no JSON form.`);
  }
  if (ancestors.includes(value)) throw new Error(`canonicalJson: ${path} refers back to itself.`);
  const inner = [...ancestors, value];
  if (Array.isArray(value)) {
    const items = value.map((item: unknown, index) => writeValue(item, `${path}[${index}]`, inner));
    return `[${items.join(',')}]`;
  }
  if (!isPlainObject(value)) throw new Error(`canonicalJson: ${path} is not a plain object.`);
  const members: string[] = [];
  for (const key of Object.keys(value).toSorted(compareCodeUnits)) {
    const member = value[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${writeValue(member, `${path}.${key}`, inner)}`);
  }
  return `{${members.join(',')}}`;
}

function describeSubjectProblem(subject: Readonly<Record<string, unknown>> | Subject): string | undefined {
  const { name, digest } = subject as { name?: unknown; digest?: unknown };
  if (typeof name !== 'string' || name === '') return 'has no name';
  if (!isPlainObject(digest) || Object.keys(digest).length === 0) return `"${name}" has no digest`;
  for (const [algorithm, hex] of Object.entries(digest)) {
    if (typeof hex !== 'string') return `"${name}" has a non-string ${algorithm} digest`;
    const lengths = HEX_LENGTHS[algorithm];
    if (lengths !== undefined && !(lengths.includes(hex.length) && /^[0-9a-f]*$/.test(hex))) {
      return `"${name}" has a ${algorithm} digest that is not ${lengths.join(' or ')} lowercase hex characters`;
    }
  }
  return undefined;
}

/** True for `{...}` literals and null-prototype objects; false for arrays, Dates, Maps, class instances. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
