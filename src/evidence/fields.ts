/** Receives one problem about one field; the caller adds file, line and column. */
export type ReportField = (field: string, message: string) => void;

/** Range and kind a numeric evidence field must have. */
export interface NumberRule {
  /** Words for the message, e.g. `a number in [0, 1]`. */
  readonly expected: string;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/** `score`: a fraction. */
export const SCORE_RULE: NumberRule = { expected: 'a number in [0, 1]', min: 0, max: 1 };
/** Costs and latencies. */
export const NON_NEGATIVE_RULE: NumberRule = { expected: 'a non-negative number', min: 0 };
/** Token counts and trial numbers. */
export const COUNT_RULE: NumberRule = { expected: 'a non-negative integer', min: 0, integer: true };

const NOT_A_NUMBER = new Set(['nan', '+nan', '-nan', 'infinity', '+infinity', '-infinity', 'inf', '+inf', '-inf']);

/** Describes a JSON value in a message without echoing more than a short prefix of it. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
      return Number.isFinite(value) ? String(value) : 'a number too large for a double';
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** Tells whether a value is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a non-empty string, reporting anything else. */
export function readString(value: unknown, field: string, report: ReportField): string | undefined {
  if (typeof value !== 'string') {
    report(field, `expected a string, got ${describeValue(value)}`);
    return undefined;
  }
  // Only a string that starts with whitespace (or is empty) can trim to nothing; trim() allocates.
  const first = value.charCodeAt(0);
  if (value.length === 0 || ((first <= 0x20 || first >= 0x80) && value.trim() === '')) {
    report(field, 'must not be empty');
    return undefined;
  }
  return value;
}

/** Reads a boolean; `"true"` and `1` are reported, because guessing turns typos into verdicts. */
export function readBoolean(value: unknown, field: string, report: ReportField): boolean | undefined {
  if (typeof value !== 'boolean') {
    report(field, `expected true or false, got ${describeValue(value)}`);
    return undefined;
  }
  return value;
}

/**
 * Reads a finite number within the rule's range. Strings such as `"NaN"` get their own message:
 * JSON cannot carry NaN or Infinity, and a number that overflows (`1e999`) parses as Infinity.
 */
export function readNumber(value: unknown, field: string, rule: NumberRule, report: ReportField): number | undefined {
  if (typeof value !== 'number') {
    if (typeof value === 'string' && NOT_A_NUMBER.has(value.trim().toLowerCase())) {
      report(
        field,
        `expected ${rule.expected}, got the string ${JSON.stringify(value)}: NaN and Infinity are not numbers evidence can hold`,
      );
    } else {
      report(field, `expected ${rule.expected}, got ${describeValue(value)}`);
    }
    return undefined;
  }
  if (!Number.isFinite(value)) {
    report(field, `expected ${rule.expected}, got a number too large for a double (it overflows to Infinity)`);
    return undefined;
  }
  if (rule.integer === true && !Number.isSafeInteger(value)) {
    report(field, `expected ${rule.expected}, got ${value}`);
    return undefined;
  }
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) {
    report(field, `expected ${rule.expected}, got ${value}`);
    return undefined;
  }
  return value;
}

/**
 * Finds a `__proto__` key anywhere inside a parsed JSON value and returns its path, so that values
 * kept verbatim (the user's `x-` fields, promptfoo vars) cannot smuggle a prototype into a later
 * `Object.assign` or spread.
 */
export function findProtoKey(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findProtoKey(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isJsonObject(value)) return undefined;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return `${path}.__proto__`;
    const found = findProtoKey(value[key], `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The message for a `__proto__` key, shared so every reader says the same thing. */
export const PROTO_KEY_MESSAGE = 'the key "__proto__" is not allowed in evidence (it could pollute object prototypes)';
