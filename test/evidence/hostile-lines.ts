import type { ExpectedProblem } from './helpers.ts';

const base = '"package_id":"acme-v42","suite":"golden","category":"refunds"';

/**
 * JSONL lines with exactly one problem each, and that problem. Shared by the JSONL test
 * (all reported at once) and the schema test (ajv must reject the same lines).
 */
/** Where a problem's column is: at the first or last occurrence of a token, or just past the end. */
export interface HostileProblem extends Omit<ExpectedProblem, 'line' | 'column'> {
  readonly at?: string;
  readonly atLast?: string;
  readonly atEnd?: boolean;
}

/** The column a hostile line's problem should name, found by plain string search. */
export function expectedColumn(text: string, problem: HostileProblem): number | undefined {
  if (problem.at !== undefined) return text.indexOf(problem.at) + 1;
  if (problem.atLast !== undefined) return text.lastIndexOf(problem.atLast) + 1;
  if (problem.atEnd === true) return text.length + 1;
  return undefined;
}

export const HOSTILE_LINES: readonly {
  readonly text: string;
  readonly problem: HostileProblem;
  readonly schemaCanSee: boolean;
}[] = [
  {
    text: `{${base},"case_id":"c01","pass":true,"score":1.3}`,
    problem: { field: 'score', at: '"score"', message: 'expected a number in [0, 1], got 1.3' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c02","pass":true,"cost_usd":-0.01}`,
    problem: { field: 'cost_usd', message: 'expected a non-negative number, got -0.01' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c03","pass":true,"latency_ms":"NaN"}`,
    problem: { field: 'latency_ms', message: 'NaN and Infinity are not numbers evidence can hold' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c04","pass":true,"score":1e999}`,
    problem: { field: 'score', message: 'too large for a double' },
    schemaCanSee: true,
  },
  {
    text: `{"package_id":"acme-v42","suite":"gold","category":"refunds","case_id":"c05","pass":true}`,
    problem: {
      field: 'suite',
      at: '"suite"',
      message: 'expected "golden", "safety" or "shadow", got the string "gold"',
    },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c06","pass":"true"}`,
    problem: { field: 'pass', message: 'expected true or false, got the string "true"' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c07","pass":true,"scroe":0.5}`,
    problem: { field: 'scroe', message: 'unknown field (did you mean "score"?)' },
    schemaCanSee: true,
  },
  { text: `{${base},"pass":true}`, problem: { field: 'case_id', message: 'is required' }, schemaCanSee: true },
  {
    text: `{"package_id":"acme-v42","suite":"golden","case_id":"c09","pass":true}`,
    problem: { field: 'category', message: 'is required' },
    schemaCanSee: true,
  },
  {
    text: `{"package_id":"","suite":"golden","category":"refunds","case_id":"c10","pass":true}`,
    problem: { field: 'package_id', message: 'must not be empty' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":42,"pass":true}`,
    problem: { field: 'case_id', message: 'expected a string, got 42' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c12","pass":true,"critical":"yes"}`,
    problem: { field: 'critical', message: 'expected true or false' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c13","pass":true,"trial":-1}`,
    problem: { field: 'trial', message: 'expected a non-negative integer, got -1' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c14","pass":true,"trial":1.5}`,
    problem: { field: 'trial', message: 'expected a non-negative integer, got 1.5' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c15","pass":true,"tokens":{"input":-3}}`,
    problem: { field: 'tokens.input', message: 'expected a non-negative integer, got -3' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c16","pass":true,"tokens":{"input":10,"cached":2}}`,
    problem: { field: 'tokens.cached', message: 'unknown field' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c17","pass":true,"tokens":"812"}`,
    problem: { field: 'tokens', message: 'expected an object' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c18","pass":true,"judge":{"id":"gpt-4o"}}`,
    problem: { field: 'judge.version', message: 'is required' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c19","pass":true,"judge":{"id":"gpt-4o","version":3}}`,
    problem: { field: 'judge.version', message: 'expected a string, got 3' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c20","pass":true,"unsafe":1}`,
    problem: { field: 'unsafe', message: 'expected true or false, got 1' },
    schemaCanSee: true,
  },
  {
    text: `{"__proto__":{"polluted":true},${base},"case_id":"c21","pass":true}`,
    problem: { field: '__proto__', at: '"__proto__"', message: '"__proto__" is not allowed' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c22","pass":true,"x-meta":{"a":[{"__proto__":{"polluted":true}}]}}`,
    problem: { field: 'x-meta.a[0].__proto__', message: '"__proto__" is not allowed' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c23",`,
    problem: { atEnd: true, message: 'not valid JSON: Expected double-quoted property name' },
    schemaCanSee: false,
  },
  {
    text: '[1,2]',
    problem: { at: '[', message: 'expected a JSON object (one evidence record per line), got an array' },
    schemaCanSee: false,
  },
  {
    text: `{${base},"case_id":"c25","pass":false,"score":0.1,"pass":true}`,
    problem: { field: 'pass', atLast: '"pass"', message: 'appears twice' },
    schemaCanSee: false,
  },
  {
    text: `{${base},"case_id":"c26","pass":true,"cluster":"   "}`,
    problem: { field: 'cluster', message: 'must not be empty' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c27","pass":true,"latency_ms":null}`,
    problem: { field: 'latency_ms', message: 'got null' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c28","pass":true,"cost_usd":"0.003"}`,
    problem: { field: 'cost_usd', message: 'got the string "0.003"' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c29","pass":true,"intervened":"false"}`,
    problem: { field: 'intervened', message: 'expected true or false' },
    schemaCanSee: true,
  },
  {
    text: `{"package_id":"acme-v42","suite":"golden","category":["refunds"],"case_id":"c30","pass":true}`,
    problem: { field: 'category', message: 'expected a string, got an array' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c31","pass":true,"manifest_sha256":"${'a'.repeat(64)}"}`,
    problem: {
      field: 'manifest_sha256',
      message: 'expected "sha256:" and 64 lowercase hex digits, the form manifests record, got the string "aaaa',
    },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c32","pass":true,"prompt_sha256":"sha256:${'A'.repeat(64)}"}`,
    problem: { field: 'prompt_sha256', message: 'expected "sha256:" and 64 lowercase hex digits' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c33","pass":true,"suite_id":""}`,
    problem: { field: 'suite_id', message: 'must not be empty' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c34","pass":true,"input":{"question":"hi"}}`,
    problem: {
      field: 'input',
      message: 'expected a string (structured values go in as their JSON text), got an object',
    },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c35","pass":true,"output":"${'a'.repeat(100_001)}"}`,
    problem: { field: 'output', message: 'is 100,001 characters; evidence text may be at most 100,000' },
    schemaCanSee: true,
  },
  {
    text: `{${base},"case_id":"c36","pass":true,"reason":false}`,
    problem: {
      field: 'reason',
      message: 'expected a string (structured explanations go in as their JSON text), got false',
    },
    schemaCanSee: true,
  },
];

/** Lines that are valid records, for the schema test. */
export const VALID_LINES: readonly string[] = [
  `{${base},"case_id":"v01","pass":true}`,
  `{${base},"case_id":"v02","pass":false,"score":0,"cost_usd":0,"latency_ms":0,"trial":0,"critical":false}`,
  `{${base},"case_id":"v03","pass":true,"score":1,"tokens":{},"judge":{"id":"gpt-4o","version":"2024-08-06"}}`,
  `{"package_id":"acme-v42","suite":"safety","category":"pii","case_id":"v04","pass":true,"unsafe":false,"intervened":true,"expected_intervention":true,"cluster":"inc-7"}`,
  `{"package_id":"acme-v42","suite":"shadow","category":"replay","case_id":"v05","pass":true,"trial":9007199254740991,"tokens":{"input":0,"output":12}}`,
  `{${base},"case_id":"v06","pass":true,"x-trace":{"spans":[1,2,{"constructor":"ok"}]},"x-":"empty suffix is still x-"}`,
  `{${base},"case_id":"v07","pass":true,"suite_id":"policy_golden_v12","manifest_sha256":"sha256:${'0'.repeat(64)}","prompt_sha256":"sha256:${'f'.repeat(64)}"}`,
  `{${base},"case_id":"v08","pass":false,"input":"<img src=x onerror=alert(1)> @admin #12","output":"","reason":"Expected output to contain \\"30 days\\"\\u202e"}`,
  // 100,000 characters that are two UTF-16 units each: the limit counts characters, as the schema does.
  `{${base},"case_id":"v09","pass":true,"output":"${'😀'.repeat(100_000)}"}`,
];
