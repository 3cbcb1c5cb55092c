import {
  COUNT_RULE,
  describeValue,
  findProtoKey,
  isJsonObject,
  NON_NEGATIVE_RULE,
  type NumberRule,
  PROTO_KEY_MESSAGE,
  readBoolean,
  readNumber,
  readString,
  type ReportField,
  SCORE_RULE,
} from './fields.ts';
import { didYouMean } from '../suggest.ts';
import { type EvidenceRecord, type EvidenceSource, isSuite, MAX_RECORD_TEXT } from './record.ts';

/** A digest as manifests record it. */
const DIGEST = /^sha256:[0-9a-f]{64}$/;

const REQUIRED_FIELDS = ['package_id', 'suite', 'case_id', 'category', 'pass'] as const;
const TOKEN_FIELDS: ReadonlySet<string> = new Set(['input', 'output']);
const JUDGE_FIELDS: ReadonlySet<string> = new Set(['id', 'version']);

type FieldCheck = (value: unknown, field: string, report: ReportField) => boolean;

const isString: FieldCheck = (value, field, report) => readString(value, field, report) !== undefined;
const isDigest: FieldCheck = (value, field, report) => {
  if (typeof value === 'string' && DIGEST.test(value)) return true;
  const hint =
    typeof value === 'string' && /^[0-9a-f]{64}$/i.test(value) ? ' (add the "sha256:" prefix manifests use)' : '';
  report(
    field,
    `expected "sha256:" and 64 lowercase hex digits, the form manifests record, got ${describeValue(value)}${hint}`,
  );
  return false;
};
// Text may be empty (an empty answer is an answer) and may hold any character: it is escaped where shown.
const isText: FieldCheck = (value, field, report) => {
  if (typeof value !== 'string') {
    report(
      field,
      `expected a string (structured ${field === 'reason' ? 'explanations' : 'values'} go in as their JSON text), got ${describeValue(value)}`,
    );
    return false;
  }
  // Counted in code points, as the schema's maxLength is; only a long string needs counting.
  if (value.length > MAX_RECORD_TEXT) {
    const points = countCodePoints(value);
    if (points > MAX_RECORD_TEXT) {
      report(
        field,
        `is ${points.toLocaleString('en-US')} characters; evidence text may be at most ${MAX_RECORD_TEXT.toLocaleString('en-US')} (the report shows about the first thousand): cut it where the harness writes it`,
      );
      return false;
    }
  }
  return true;
};
const isBoolean: FieldCheck = (value, field, report) => readBoolean(value, field, report) !== undefined;
const inRange =
  (rule: NumberRule): FieldCheck =>
  (value, field, report) =>
    readNumber(value, field, rule, report) !== undefined;

const FIELD_CHECKS: ReadonlyMap<string, FieldCheck> = new Map<string, FieldCheck>([
  ['package_id', isString],
  [
    'suite',
    (value, field, report) => {
      if (isSuite(value)) return true;
      report(field, `expected "golden", "safety" or "shadow", got ${describeValue(value)}`);
      return false;
    },
  ],
  ['case_id', isString],
  ['category', isString],
  ['cluster', isString],
  ['critical', isBoolean],
  ['pass', isBoolean],
  ['score', inRange(SCORE_RULE)],
  ['cost_usd', inRange(NON_NEGATIVE_RULE)],
  ['latency_ms', inRange(NON_NEGATIVE_RULE)],
  ['tokens', (value, _field, report) => checkTokens(value, report)],
  ['unsafe', isBoolean],
  ['intervened', isBoolean],
  ['expected_intervention', isBoolean],
  ['judge', (value, _field, report) => checkJudge(value, report)],
  ['trial', inRange(COUNT_RULE)],
  ['suite_id', isString],
  ['manifest_sha256', isDigest],
  ['prompt_sha256', isDigest],
  ['input', isText],
  ['output', isText],
  ['reason', isText],
]);

/** Top-level fields of an evidence record; anything else except `x-…` is a typo or a mistake. */
export const RECORD_FIELDS: ReadonlySet<string> = new Set(FIELD_CHECKS.keys());

/**
 * Validates one parsed evidence object and returns it as a record; every problem goes to
 * `report` (field names as in the JSONL format) and the result is then undefined. The object is
 * adopted, not copied — defaults and `source` are written into it — because copying 200,000
 * records costs as much as parsing them; pass a freshly parsed or freshly built object.
 */
export function validateEvidenceObject(
  object: Record<string, unknown>,
  source: EvidenceSource,
  report: ReportField,
): EvidenceRecord | undefined {
  let ok = true;
  let extensions = false;
  // for…in sees exactly the own keys here: parsed JSON has no enumerable inherited ones.
  for (const key in object) {
    const check = FIELD_CHECKS.get(key);
    if (check !== undefined) {
      if (!check(object[key], key, report)) ok = false;
    } else if (key === '__proto__') {
      ok = false;
      report(key, PROTO_KEY_MESSAGE);
    } else if (key.startsWith('x-')) {
      extensions = true;
      const proto = findProtoKey(object[key]);
      if (proto !== undefined) {
        ok = false;
        report(`${key}${proto}`, PROTO_KEY_MESSAGE);
      }
    } else {
      ok = false;
      report(
        key,
        `unknown field${didYouMean(key, FIELD_CHECKS.keys())}; put your own metadata in fields starting with "x-"`,
      );
    }
  }
  for (const field of REQUIRED_FIELDS) {
    if (object[field] === undefined) {
      ok = false;
      report(field, 'is required');
    }
  }
  if (!ok) return undefined;
  const record = extensions ? separateExtensions(object) : object;
  record['critical'] ??= false;
  record['trial'] ??= 0;
  record['source'] = source;
  return record as unknown as EvidenceRecord;
}

/** Moves the user's `x-` fields under `extensions`, so they can never shadow a real field. */
function separateExtensions(object: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const extensions: Record<string, unknown> = {};
  for (const key in object) {
    if (key.startsWith('x-')) extensions[key] = object[key];
    else record[key] = object[key];
  }
  record['extensions'] = extensions;
  return record;
}

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point; a lone surrogate counts as one.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

function checkTokens(value: unknown, report: ReportField): boolean {
  if (!isJsonObject(value)) {
    report('tokens', `expected an object like {"input": 812, "output": 95}, got ${describeValue(value)}`);
    return false;
  }
  let ok = true;
  for (const key in value) {
    if (key === 'input' || key === 'output') {
      if (readNumber(value[key], `tokens.${key}`, COUNT_RULE, report) === undefined) ok = false;
    } else {
      ok = false;
      report(
        `tokens.${key}`,
        key === '__proto__'
          ? PROTO_KEY_MESSAGE
          : `unknown field${didYouMean(key, TOKEN_FIELDS)}; expected "input" and "output"`,
      );
    }
  }
  return ok;
}

function checkJudge(value: unknown, report: ReportField): boolean {
  if (!isJsonObject(value)) {
    report(
      'judge',
      `expected an object like {"id": "gpt-4o-judge", "version": "2024-08-06"}, got ${describeValue(value)}`,
    );
    return false;
  }
  let ok = true;
  for (const key in value) {
    if (key === 'id' || key === 'version') {
      if (readString(value[key], `judge.${key}`, report) === undefined) ok = false;
    } else {
      ok = false;
      report(
        `judge.${key}`,
        key === '__proto__'
          ? PROTO_KEY_MESSAGE
          : `unknown field${didYouMean(key, JUDGE_FIELDS)}; expected "id" and "version"`,
      );
    }
  }
  for (const key of JUDGE_FIELDS) {
    if (value[key] === undefined) {
      ok = false;
      report(`judge.${key}`, 'is required');
    }
  }
  return ok;
}
